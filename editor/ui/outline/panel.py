"""The Outline panel: the headings of the article (from `editor.core.markdown.outline`, computed by
the pause worker), nested by level; a click moves the editor's caret to the heading; the heading of
the section holding the caret is selected as the caret moves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from editor.core.markdown.outline import OutlineHeading, heading_at
from editor.core.text.display import display_text
from editor.ui.common.i18n import tr

if TYPE_CHECKING:
    from editor.ui.preview.pause_work import PauseResult
    from editor.ui.window.main_window import MainWindow

LINE_ROLE = Qt.ItemDataRole.UserRole


class OutlinePanel(QWidget):
    """Headings as a tree; `jump_requested(line)` (0-based) when the writer clicks one."""

    jump_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePanel")
        self.headings: list[OutlineHeading] = []
        self._items: list[QTreeWidgetItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("outlineTree")
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(14)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.empty = QLabel(tr("No headings yet. Lines starting with # become headings."), self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)
        self.tree.setVisible(False)  # until there are headings

    def set_headings(self, headings: list[OutlineHeading]) -> None:
        """Show `headings` (nothing is rebuilt when they did not change)."""
        if headings == self.headings and (self._items or not headings):
            return
        self.headings = list(headings)
        self.tree.clear()
        self._items = []
        parents: list[tuple[int, QTreeWidgetItem]] = []
        for heading in headings:
            while parents and parents[-1][0] >= heading.level:
                parents.pop()
            parent = parents[-1][1] if parents else self.tree.invisibleRootItem()
            item = QTreeWidgetItem(parent, [display_text(heading.title) or "#" * heading.level])
            item.setData(0, LINE_ROLE, heading.line)
            item.setToolTip(0, heading.title)
            parents.append((heading.level, item))
            self._items.append(item)
        self.tree.expandAll()
        self.tree.setVisible(bool(headings))
        self.empty.setVisible(not headings)

    def follow_line(self, line: int) -> None:
        """Select the heading of the section that holds `line` (0-based)."""
        index = heading_at(self.headings, line)
        item = self._items[index] if index is not None and index < len(self._items) else None
        if item is None:
            self.tree.clearSelection()
            return
        if self.tree.currentItem() is not item:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(False)
            self.tree.scrollToItem(item)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.jump_requested.emit(int(item.data(0, LINE_ROLE)))


def jump_to_line(window: MainWindow, line: int) -> None:
    """Put the caret at the start of `line` and show that line near the top of the editor."""
    editor = window.editor
    block = editor.block_of_line(line)
    cursor = QTextCursor(block)
    editor.setTextCursor(cursor)
    bar = editor.verticalScrollBar()
    bar.setValue(bar.value() + editor.cursorRect(cursor).top() - editor.viewport().height() // 5)
    editor.ensureCursorVisible()
    editor.setFocus()


def install_outline(window: MainWindow) -> OutlinePanel:
    """Add the Outline tab to `window`'s side panel and keep it in step with the article."""
    panel = OutlinePanel(window)
    window.outline = panel
    window.add_side_panel(panel, tr("Outline"))

    def on_rendered(generation: int, result: PauseResult) -> None:
        if generation == window.renderer.generation:
            panel.set_headings(result.headings)
            panel.follow_line(window.editor.textCursor().blockNumber())

    window.renderer.rendered.connect(on_rendered)
    window.editor.cursor_moved.connect(lambda line, _column, _direction: panel.follow_line(line - 1))
    panel.jump_requested.connect(lambda line: jump_to_line(window, line))
    return panel
