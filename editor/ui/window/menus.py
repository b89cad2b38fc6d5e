"""The window's menus and toolbar, built from its `Actions`.

`build_menus(window)` fills `window.file_menu`, `edit_menu`, `format_menu`, `view_menu` and `toolbar`
(made empty by `shell.build_shell`, so the first frame has the menu bar and the toolbar's row) and sets
`window.recent_menu`, so other rooms can add their actions to a menu without editing the window's layout code
(`window.add_file_menu_action` inserts above Quit).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from editor.ui.common.i18n import tr
from editor.ui.window.toolbar_icons import install_toolbar_icons

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """Fill the menu bar and the formatting toolbar of `window`."""
    a = window.menu_actions
    file_menu = window.file_menu
    file_menu.addActions([a.new, a.open])
    window.recent_menu = QMenu(tr("Open &recent"), window)
    file_menu.addMenu(window.recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([a.save, a.save_as, a.close])
    file_menu.addSeparator()
    window._file_menu_end = file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = window.edit_menu
    edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([a.find, a.replace])
    edit_menu.addSeparator()
    edit_menu.addAction(a.preferences)
    format_menu = window.format_menu
    format_menu.addActions([a.bold, a.italic, a.link])
    format_menu.addSeparator()
    format_menu.addActions([a.heading1, a.heading2, a.heading3, a.quote, a.bullets, a.numbers, a.rule])
    format_menu.addSeparator()
    format_menu.addActions([a.paragraph_direction, a.keep_number_order, a.article_rtl, a.article_ltr])
    view_menu = window.view_menu
    view_menu.addActions([a.toggle_preview, a.toggle_side_panel])
    view_menu.addSeparator()
    view_menu.addActions([a.zoom_in, a.zoom_out, a.zoom_reset, a.visual_caret])
    toolbar = window.toolbar
    toolbar.addActions([a.save, a.bold, a.italic, a.link, a.heading1, a.heading2, a.quote, a.bullets])
    toolbar.addActions([a.numbers, a.paragraph_direction, a.toggle_preview])
    toolbar.removeAction(window.toolbar_holder)  # the empty button that kept the row's height
    install_toolbar_icons(window)  # icons only, the words in tooltips
