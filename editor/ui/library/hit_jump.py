"""Opening an article from a search result jumps to the hit: the first match of the search in the
article's text is selected (caret at its end, like a find), scrolled to the middle of the editor, and the
editor gets the focus. The match is found by the core's search rules (`search.first_hit`: the same words,
Arabic clitics, phrases and prefix as the result list), so what was highlighted in the snippet is what is
selected. A hit only in the title (front matter) opens the article at its start, as before.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QListWidgetItem

from editor.core.library.search import first_hit
from editor.ui.editor.text_positions import PositionMap
from editor.ui.library.model import PATH_ROLE


def select_hit(editor, query: str) -> bool:  # noqa: ANN001 - MarkdownEdit
    """Select the first match of library search `query` in `editor` and show it; False when none."""
    text = editor.body_text()
    span = first_hit(text, query)
    if span is None:
        return False
    positions = PositionMap(text)
    cursor = editor.textCursor()
    cursor.setPosition(positions.to_qt(span[0]))
    cursor.setPosition(positions.to_qt(span[1]), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    bar = editor.verticalScrollBar()  # the hit in the middle of the view, not at its bottom edge
    bar.setValue(bar.value() + editor.cursorRect().center().y() - editor.viewport().height() // 2)
    editor.setFocus()
    return True


class HitJump(QObject):
    """Follows clicks on the library panel's search results and selects the hit in the opened article."""

    def __init__(self, window, panel) -> None:  # noqa: ANN001 - MainWindow, LibraryPanel
        super().__init__(panel)
        self.window = window
        self.panel = panel
        # connected after the panel's own handlers: the article is open when these run
        panel.results.itemClicked.connect(self._jump)
        panel.results.itemActivated.connect(self._jump)

    def _jump(self, item: QListWidgetItem) -> None:
        rel = item.data(PATH_ROLE)
        query = self.panel.search_field.text()
        current = self.window.document.path
        if not rel or not query.strip() or current is None:
            return
        try:
            wanted = self.panel.library.path_of(rel)
            if Path(current).resolve() != Path(wanted).resolve():
                return  # the user kept the article that was open (or it could not be opened)
        except OSError:
            return
        select_hit(self.window.editor, query)
