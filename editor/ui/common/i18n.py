"""Translation of Midad's own strings: one context, `Midad`, for every UI text.

Every visible string goes through `tr()`; `resources/translations/midad_ar.ts` holds the Arabic,
compiled to `midad_ar.qm` and installed by `editor.app`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from editor.core.text.direction import isolate_number_runs
from editor.core.text.display import has_rtl, isolate, needs_isolation
from editor.core.text.messages import Text

CONTEXT = "Midad"


def tr(text: str) -> str:
    """`text` in the UI language (English source strings).

    In a right-to-left translation, number runs (`(03-73)`) get the renderer's marks so they read in
    order; the English text is returned as it is.
    """
    translated = QCoreApplication.translate(CONTEXT, text)
    return isolate_number_runs(translated, "rtl") if has_rtl(translated) else translated


def localize(text: object) -> str:
    """A core sentence (`editor.core.text.messages.Text`) in the UI language; other values as they are.

    In a right-to-left sentence an inserted value that mixes Latin letters or digits with punctuation
    (a file path, `03-73`, `Windows-1256`) sits in a first-strong isolate (FSI … PDI), so a Latin path
    at the start does not turn the sentence around and a number keeps its order.
    """
    if not isinstance(text, Text):
        return str(text)
    params = {key: localize(value) for key, value in text.params.items()}
    template = tr(text.template)
    if has_rtl(template):  # values, not the translated sentences nested in this one
        params = {
            key: isolate(value)
            if not isinstance(text.params[key], Text) and needs_isolation(value)
            else value
            for key, value in params.items()
        }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation with broken fields: keep the English
        return str(text)


def localize_error(exc: BaseException) -> str:
    """The message of a core exception in the UI language."""
    return localize(exc.args[0]) if exc.args else str(exc)


def isolate_menu_shortcuts(window: QWidget) -> None:
    """In a right-to-left window, show every action's shortcut left to right (`Ctrl+Shift+-` kept whole).

    Qt lays a menu's shortcut text out in the menu's direction, which moves trailing punctuation to
    the wrong end; text after a tab in an action's text is shown in the shortcut column instead, so
    the shortcut goes there inside a LEFT-TO-RIGHT ISOLATE. The key binding itself is unchanged.
    """
    if not window.isRightToLeft():
        return
    for action in window.findChildren(QAction):
        shortcut = action.shortcut()
        if shortcut.isEmpty() or not action.text():
            continue
        action.setIconText(action.iconText())  # toolbars and tooltips keep the plain label
        action.setToolTip(action.toolTip())
        label = action.text().split("\t", 1)[0]
        shown = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        action.setText(f"{label}\t{isolate(shown, 'ltr')}")
