"""`install_convert(window)`: the File-menu and Edit-menu actions of import, export, print and paste.

One call from the main window; the actions live in `window.convert_actions` (a dict by name) and
the work in `window.exporter` (`ExportController`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from editor.ui.common.i18n import tr
from editor.ui.editor.paste import paste_plain
from editor.ui.export.exporter import ExportController

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow


def _action(window: MainWindow, name: str, text: str, shortcut: object = None) -> QAction:
    action = QAction(text, window)
    action.setObjectName(f"action_{name}")
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    window.addAction(action)  # shortcuts work even while the menu bar is hidden
    return action


def install_convert(window: MainWindow) -> ExportController:
    """Create the actions, put them in the File and Edit menus, connect them."""
    exporter = window.exporter = ExportController(window)
    actions = {
        "import": _action(window, "import", tr("&Import text, Word or HTML…"), "Ctrl+Shift+I"),
        "export_html": _action(window, "export_html", tr("&HTML…")),
        "export_pdf": _action(window, "export_pdf", tr("&PDF…"), "Ctrl+Shift+E"),
        "export_docx": _action(window, "export_docx", tr("&Word (.docx)…")),
        "print": _action(window, "print", tr("&Print…"), QKeySequence.StandardKey.Print),
        "copy_cms": _action(window, "copy_cms", tr("Copy for &CMS"), "Ctrl+Shift+C"),
        "copy_meta": _action(window, "copy_meta", tr("Copy &metadata for CMS"), "Ctrl+Alt+C"),
        "paste_plain": _action(window, "paste_plain", tr("Paste as plain &text"), "Ctrl+Shift+V"),
    }
    window.convert_actions = actions
    actions["import"].triggered.connect(exporter.import_dialog)
    actions["export_html"].triggered.connect(lambda: exporter.export("html"))
    actions["export_pdf"].triggered.connect(lambda: exporter.export("pdf"))
    actions["export_docx"].triggered.connect(lambda: exporter.export("docx"))
    actions["print"].triggered.connect(exporter.print_article)
    actions["copy_cms"].triggered.connect(exporter.copy_for_cms)
    actions["copy_meta"].triggered.connect(exporter.copy_metadata)
    actions["paste_plain"].triggered.connect(lambda: paste_plain(window.editor))
    window.editor.import_dropped.connect(exporter.import_path)

    file_menu = window.file_menu
    end = window._file_menu_end  # noqa: SLF001 - the menus module's insertion point above Quit
    file_menu.insertAction(end, actions["import"])
    export_menu = QMenu(tr("&Export"), window)
    export_menu.setObjectName("exportMenu")
    export_menu.addActions([actions["export_html"], actions["export_pdf"], actions["export_docx"]])
    file_menu.insertMenu(end, export_menu)
    file_menu.insertAction(end, actions["print"])
    file_menu.insertSeparator(end)
    file_menu.insertAction(end, actions["copy_cms"])
    file_menu.insertAction(end, actions["copy_meta"])
    window.export_menu = export_menu
    window.edit_menu.addSeparator()
    window.edit_menu.addAction(actions["paste_plain"])
    return exporter
