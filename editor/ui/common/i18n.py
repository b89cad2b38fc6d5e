"""Translation of Midad's own strings: one context, `Midad`, for every UI text.

Every visible string goes through `tr()`; `resources/translations/midad_ar.ts` holds the Arabic,
compiled to `midad_ar.qm` and installed by `editor.app`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.core.text.messages import Text

CONTEXT = "Midad"


def tr(text: str) -> str:
    """`text` in the UI language (English source strings)."""
    return QCoreApplication.translate(CONTEXT, text)


def localize(text: object) -> str:
    """A core sentence (`editor.core.text.messages.Text`) in the UI language; other values as they are."""
    if not isinstance(text, Text):
        return str(text)
    params = {key: localize(value) for key, value in text.params.items()}
    try:
        return tr(text.template).format(**params)
    except (KeyError, IndexError, ValueError):  # a translation with broken fields: keep the English
        return str(text)


def localize_error(exc: BaseException) -> str:
    """The message of a core exception in the UI language."""
    return localize(exc.args[0]) if exc.args else str(exc)
