"""View modes of the writing window: focus mode, typewriter scrolling, full screen (F11) and the
distraction-free view (only the text: no side panel, preview or toolbar).

`install_view_modes(window)` adds the actions to the View menu; their on/off state is remembered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from editor.ui.common.i18n import tr
from editor.ui.editor.focus_mode import FocusOverlay, Typewriter

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow


class ViewModes(QObject):
    """The four view actions of one window and what they switch."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.overlay = FocusOverlay(window.editor)
        self.typewriter = Typewriter(window.editor)
        self._before_distraction_free: tuple[bool, bool, bool] | None = None
        self.focus = self._action("focus_mode", tr("&Focus mode (dim other paragraphs)"), "Ctrl+Alt+F")
        self.typewriter_action = self._action("typewriter", tr("&Typewriter scrolling"), "Ctrl+Alt+T")
        self.full_screen = self._action("full_screen", tr("F&ull screen"), "F11")
        self.distraction_free = self._action("distraction_free", tr("&Distraction-free view"), "Ctrl+Shift+D")
        self.focus.toggled.connect(self._set_focus)
        self.typewriter_action.toggled.connect(self._set_typewriter)
        self.full_screen.toggled.connect(self._set_full_screen)
        self.distraction_free.toggled.connect(self._set_distraction_free)
        window.view_menu.addSeparator()
        window.view_menu.addActions(
            [self.focus, self.typewriter_action, self.distraction_free, self.full_screen]
        )
        settings = window.settings
        self.focus.setChecked(settings.view_flag("focus_mode"))
        self.typewriter_action.setChecked(settings.view_flag("typewriter"))

    def _action(self, name: str, text: str, shortcut: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{name}")
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(True)
        self.window.addAction(action)  # works while menus are hidden (full screen, distraction-free)
        return action

    def _set_focus(self, on: bool) -> None:
        self.overlay.set_enabled(on)
        self.window.settings.set_view_flag("focus_mode", on)

    def _set_typewriter(self, on: bool) -> None:
        self.typewriter.set_enabled(on)
        self.window.settings.set_view_flag("typewriter", on)

    def _set_full_screen(self, on: bool) -> None:
        if on:
            self.window.showFullScreen()
        else:
            self.window.showNormal()

    def _set_distraction_free(self, on: bool) -> None:
        a = self.window.menu_actions
        toolbar = self.window.toolbar
        if on:
            self._before_distraction_free = (
                a.toggle_preview.isChecked(),
                a.toggle_side_panel.isChecked(),
                toolbar.isVisible(),
            )
            a.toggle_preview.setChecked(False)
            a.toggle_side_panel.setChecked(False)
            toolbar.setVisible(False)
            self.window.editor.setFocus()
            return
        preview, side, tools = self._before_distraction_free or (True, True, True)
        self._before_distraction_free = None
        a.toggle_preview.setChecked(preview)
        a.toggle_side_panel.setChecked(side)
        toolbar.setVisible(tools)


def install_view_modes(window: MainWindow) -> ViewModes:
    """Add focus mode, typewriter scrolling, full screen and distraction-free to `window`."""
    window.view_modes = ViewModes(window)
    return window.view_modes
