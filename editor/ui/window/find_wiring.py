"""Find in the library from the editor's find bar: the bar's query goes to the library tab's search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.ui.common.i18n import tr

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow


def search_library(window: MainWindow, query: str) -> bool:
    """Show the Library tab searching for `query`; False (with a status message) without a library."""
    from editor.ui.library.sidebar import LibrarySidebar  # SQLite and the index: not at start-up

    sidebar = getattr(window, "library_sidebar", None) or window.findChild(LibrarySidebar)
    panel = sidebar.library_panel if sidebar is not None else None
    if panel is None or not query.strip():
        if panel is None:
            window.status.showMessage(tr("No library is open"), 6000)
        return False
    window.menu_actions.toggle_side_panel.setChecked(True)
    window.side_tabs.setCurrentIndex(sidebar.tab_index)
    panel.search_field.setText(query)
    panel.search_field.returnPressed.emit()  # search now, not after the typing pause
    return True


def install_find_in_library(window: MainWindow) -> None:
    """Connect the find bar's *Find in library* button."""
    window.find_bar.find_in_library.connect(lambda query: search_library(window, query))
