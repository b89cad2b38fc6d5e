"""The formatting toolbar as icons: each button shows its action's icon, the words go in its tooltip.

`install_toolbar_icons(window)` makes the toolbar icon-only, gives every toolbar action a tooltip with
its name and shortcut ("Bold (Ctrl+B)", the shortcut kept left to right in the Arabic interface), and
redraws every action icon when the palette (theme) or the layout direction changes, so the icons keep
the text colour and the mirrored ones face the right way (`editor.ui.common.icons`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from editor.core.text.display import isolate
from editor.ui.common.icons import ICON_PROPERTY, themed_icon


def action_tooltip(action: QAction, rtl: bool) -> str:
    """`Name (shortcut)` for a toolbar button: the action's words without `&` or a shortcut column."""
    label = action.text().split("\t", 1)[0].replace("&&", "\0").replace("&", "").replace("\0", "&")
    label = label.removesuffix("…").removesuffix("...")
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    if not shortcut:
        return label
    return f"{label} ({isolate(shortcut, 'ltr') if rtl else shortcut})"


def refresh_icons(window: QWidget) -> None:
    """Redraw the icon of every action that has one, for the current palette and layout direction."""
    for action in window.findChildren(QAction):
        name = action.property(ICON_PROPERTY)
        if name:
            action.setIcon(themed_icon(str(name), rtl=window.isRightToLeft()))


class _Watcher(QObject):
    """Redraws the icons after a theme change or a change of layout direction."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.window and event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.LayoutDirectionChange,
        ):
            refresh_icons(self.window)
        return False


def install_toolbar_icons(window: QWidget) -> None:
    """Icon-only toolbar with tooltips; icons follow the theme and the layout direction."""
    toolbar = window.toolbar  # type: ignore[attr-defined]
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    rtl = window.isRightToLeft()
    for action in toolbar.actions():
        if not action.isSeparator():
            action.setToolTip(action_tooltip(action, rtl))
    refresh_icons(window)
    window._toolbar_icons = _Watcher(window)  # type: ignore[attr-defined]
