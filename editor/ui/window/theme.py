"""The in-app theme (View → Theme: System, Light, Dark) for the whole window, editor and preview
alike, the preview's page (paper, or dark in the dark theme), and zoom applied to the preview too.

Light and Dark set an explicit palette on the application (so they work on every desktop and
platform); System gives the application back the platform's palette and follows its changes.
The choices are remembered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from editor.ui.common.i18n import tr

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow

Role = QPalette.ColorRole
_DARK = {
    Role.Window: "#26262a",
    Role.WindowText: "#e4e4e7",
    Role.Base: "#1c1c1f",
    Role.AlternateBase: "#26262a",
    Role.Text: "#e4e4e7",
    Role.Button: "#303034",
    Role.ButtonText: "#e4e4e7",
    Role.ToolTipBase: "#303034",
    Role.ToolTipText: "#e4e4e7",
    Role.PlaceholderText: "#8b8b93",
    Role.Highlight: "#3b6ea8",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#7cc4f2",
    Role.BrightText: "#ff6b6b",
    Role.Mid: "#45454b",
    Role.Dark: "#161618",
    Role.Light: "#3a3a40",
}
_LIGHT = {
    Role.Window: "#f3f3f5",
    Role.WindowText: "#1d1d1f",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f6f6f8",
    Role.Text: "#1d1d1f",
    Role.Button: "#ececef",
    Role.ButtonText: "#1d1d1f",
    Role.ToolTipBase: "#ffffe1",
    Role.ToolTipText: "#1d1d1f",
    Role.PlaceholderText: "#8a8a8f",
    Role.Highlight: "#2f6db5",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#0b5c8a",
    Role.BrightText: "#c00000",
    Role.Mid: "#c4c4c8",
    Role.Dark: "#9f9fa4",
    Role.Light: "#ffffff",
}


def make_palette(colors: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (Role.Text, Role.WindowText, Role.ButtonText):  # disabled text: half way to the background
        normal = QColor(colors[role])
        base = QColor(colors[Role.Base])
        mixed = QColor(
            (normal.red() + base.red()) // 2,
            (normal.green() + base.green()) // 2,
            (normal.blue() + base.blue()) // 2,
        )
        palette.setColor(QPalette.ColorGroup.Disabled, role, mixed)
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Base).lightness() < 128


def apply_palette(window: MainWindow) -> None:
    """Give the application, editor and highlighter the remembered theme's colours (before the first
    frame; `Theme` adds the menu and the preview's look after it)."""
    explicit = {"light": _LIGHT, "dark": _DARK}.get(window.settings.theme())
    if explicit:
        QApplication.setPalette(make_palette(explicit))
        window.editor.setPalette(QApplication.palette())
        window.highlighter.set_palette(QApplication.palette())


class Theme(QObject):
    """The theme menu of one window and what it switches."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        menu = window.view_menu.addMenu(tr("&Theme"))
        group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for name, text in (("system", tr("Follow the system")), ("light", tr("Light")), ("dark", tr("Dark"))):
            action = QAction(text, window)
            action.setObjectName(f"action_theme_{name}")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, n=name: self.set_theme(n))
            group.addAction(action)
            menu.addAction(action)
            self.actions[name] = action
        menu.addSeparator()
        self.dark_preview = QAction(tr("Dark preview in the dark theme (else paper)"), window)
        self.dark_preview.setObjectName("action_dark_preview")
        self.dark_preview.setCheckable(True)
        self.dark_preview.setChecked(window.settings.view_flag("dark_preview"))
        self.dark_preview.toggled.connect(self._set_dark_preview)
        menu.addAction(self.dark_preview)
        for action in (
            window.menu_actions.zoom_in,
            window.menu_actions.zoom_out,
            window.menu_actions.zoom_reset,
        ):
            action.triggered.connect(self.apply_zoom)  # after the window's own handler changed the setting
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        self.set_theme(window.settings.theme(), remember=False)
        self.apply_zoom()

    @property
    def name(self) -> str:
        return next((n for n, a in self.actions.items() if a.isChecked()), "system")

    def set_theme(self, name: str, remember: bool = True) -> None:
        """Apply `system`, `light` or `dark` to the application, the editor and the preview."""
        self.actions[name].setChecked(True)
        if remember:
            self.window.settings.set_theme(name)
        # an empty palette gives the application back the platform's own (and its later changes)
        explicit = {"light": _LIGHT, "dark": _DARK}.get(name)
        QApplication.setPalette(make_palette(explicit) if explicit else QPalette())
        self._refresh(QApplication.palette())

    def _refresh(self, palette: QPalette) -> None:
        window = self.window
        window.editor.setPalette(palette)
        window.highlighter.set_palette(palette)
        window.preview.set_look(dark=is_dark(palette) and self.dark_preview.isChecked())

    def _set_dark_preview(self, on: bool) -> None:
        self.window.settings.set_view_flag("dark_preview", on)
        self._refresh(QApplication.palette())

    def _system_changed(self, *_args: object) -> None:
        if self.name == "system":
            self._refresh(QApplication.palette())

    def apply_zoom(self) -> None:
        """The editor's zoom step applies to the preview's type too."""
        self.window.preview.set_look(zoom=self.window.settings.zoom())


def install_theme(window: MainWindow) -> Theme:
    """Add View → Theme to `window` and apply the remembered theme."""
    window.theme = Theme(window)
    return window.theme
