"""The tag panel: every tag of the library with its count; selecting tags filters the library.

    tag_panel = TagPanel(controller)
    tag_panel.tagsSelected.connect(library_panel.set_tag_filter)   # (list[str], "all" | "any")

Variants (same tag spelt differently) are one row showing the most used spelling; the tooltip lists
the others. Sort by count or name, filter by typing, select several tags (Ctrl/Shift-click) and
choose whether articles need all of them or any. The context menu renames, merges or removes a tag
across the library (`editor.core.library.tag_ops`), reports what changed and offers undo. It also marks
a tag "not a tag" for this library (`editor.core.library.not_tags`): the panel stops listing it and
`notTagsChanged` tells the window to leave it out of completion and hashtag offers; "Show hidden tags"
lists them again (greyed), and "It is a tag" brings one back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.article.storage import describe_os_error
from editor.core.library import tag_ops
from editor.core.library.facade import MATCH_ALL, MATCH_ANY
from editor.core.library.not_tags import read_not_tags, set_not_a_tag
from editor.core.library.tags import TagSummary, tag_key
from editor.core.text.arabic import normalize_for_match
from editor.core.text.display import display_text
from editor.ui.common.i18n import localize, localize_error, tr
from editor.ui.library.controller import LibraryController

TAG_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_COUNT, SORT_NAME = "count", "name"


class TagPanel(QWidget):
    """Tags of the library with counts; emits the selected tags and the all/any mode."""

    tagsSelected = Signal(list, str)  # display spellings of the selected tags, "all" or "any"
    message = Signal(str)  # what a tag operation did, for the status bar
    operationStarted = Signal()  # a tag operation or undo starts writing files
    operationFinished = Signal(object)  # TagOpReport / UndoReport, or None when refused
    notTagsChanged = Signal(set)  # keys of the tags marked "not a tag" in this library

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.protected: Callable[[], dict[str, str]] = dict  # files undo must leave alone: {rel path: reason}
        self.library = controller.library
        self._summaries: list[TagSummary] = []
        self.not_tags: dict[str, str] = read_not_tags(self.library.root)  # {key: spelling}

        self.filter_field = QLineEdit(self)
        self.filter_field.setPlaceholderText(tr("Filter tags…"))
        self.filter_field.setClearButtonEnabled(True)
        self.sort_choice = QComboBox(self)
        self.sort_choice.addItem(tr("Most used"), SORT_COUNT)
        self.sort_choice.addItem(tr("By name"), SORT_NAME)
        self.mode_choice = QComboBox(self)
        self.mode_choice.addItem(tr("All selected tags"), MATCH_ALL)
        self.mode_choice.addItem(tr("Any selected tag"), MATCH_ANY)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.clear_button = QPushButton(tr("Clear selection"), self)
        self.undo_button = QPushButton(tr("Undo last tag change"), self)
        self.show_hidden = QCheckBox(self)
        self.show_hidden.setToolTip(
            tr("List the words you marked “not a tag” (greyed); right-click one to bring it back")
        )

        options = QHBoxLayout()
        options.addWidget(self.sort_choice, 1)
        options.addWidget(self.mode_choice, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_field)
        layout.addLayout(options)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.show_hidden)
        layout.addLayout(buttons)

        self.filter_field.textChanged.connect(self._apply_filter)
        self.sort_choice.currentIndexChanged.connect(self._fill)
        self.mode_choice.currentIndexChanged.connect(self._emit_selection)
        self.list.itemSelectionChanged.connect(self._emit_selection)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.clear_button.clicked.connect(self.list.clearSelection)
        self.undo_button.clicked.connect(self.undo_last)
        self.show_hidden.toggled.connect(self._fill)
        controller.refreshed.connect(self.reload)
        if self.library.loaded:  # else the first refresh loads the lists off the GUI thread, then fills
            self.reload()

    # --- public API ------------------------------------------------------------------------
    def selected_tags(self) -> list[str]:
        return [item.data(TAG_ROLE) for item in self.list.selectedItems()]

    def mode(self) -> str:
        return self.mode_choice.currentData()

    def visible_tags(self) -> list[str]:
        """Display spellings of the rows shown, in order."""
        return [
            self.list.item(i).data(TAG_ROLE)
            for i in range(self.list.count())
            if not self.list.item(i).isHidden()
        ]

    def item_for(self, tag: str) -> QListWidgetItem | None:
        """The row of `tag` (any spelling)."""
        wanted = tag_key(tag)
        for i in range(self.list.count()):
            item = self.list.item(i)
            summary: TagSummary = item.data(TAG_ROLE + 1)
            if summary.key == wanted:
                return item
        return None

    def reload(self, _report: object = None) -> None:
        """Show the library's current tags, keeping the selection where the tags still exist."""
        self._summaries = self.library.tags()
        self._fill()

    # --- filling ---------------------------------------------------------------------------
    def _fill(self) -> None:
        selected = {tag_key(t) for t in self.selected_tags()}
        show_hidden = self.show_hidden.isChecked()
        hidden_here = [s for s in self._summaries if s.key in self.not_tags]
        self.show_hidden.setText(tr("Show hidden tags (%1)").replace("%1", str(len(hidden_here))))
        self.show_hidden.setVisible(bool(hidden_here) or show_hidden)
        summaries = [s for s in self._summaries if show_hidden or s.key not in self.not_tags]
        if self.sort_choice.currentData() == SORT_NAME:
            summaries.sort(key=lambda s: s.key)
        self.list.blockSignals(True)
        self.list.clear()
        for summary in summaries:
            item = QListWidgetItem(f"{display_text(summary.tag)}  ({summary.count})", self.list)
            item.setData(TAG_ROLE, summary.tag)
            item.setData(TAG_ROLE + 1, summary)
            others = [v for v in summary.variants if v != summary.tag]
            tip = tr("%1 articles").replace("%1", str(summary.count))
            if others:
                tip += "\n" + tr("Also written: %1").replace("%1", "، ".join(others))
            if summary.key in self.not_tags:
                tip += "\n" + tr("Not a tag: hidden from tag suggestions in this library")
                item.setForeground(
                    self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
                )
            item.setToolTip(tip)
            if summary.key in selected:
                item.setSelected(True)
        self.list.blockSignals(False)
        self._apply_filter()
        self._emit_selection()

    def _apply_filter(self) -> None:
        needle = normalize_for_match(self.filter_field.text().strip().lstrip("#"))
        for i in range(self.list.count()):
            item = self.list.item(i)
            summary: TagSummary = item.data(TAG_ROLE + 1)
            item.setHidden(
                bool(needle) and not any(needle in normalize_for_match(v) for v in summary.variants)
            )

    def _emit_selection(self) -> None:
        self.tagsSelected.emit(self.selected_tags(), self.mode())

    # --- tag operations --------------------------------------------------------------------
    def _context_menu(self, pos) -> None:  # noqa: ANN001
        item = self.list.itemAt(pos)
        if item is None:
            return
        tag = item.data(TAG_ROLE)
        menu = QMenu(self)
        menu.addAction(tr("Rename tag…"), lambda: self.ask_rename(tag))
        menu.addAction(tr("Merge into another tag…"), lambda: self.ask_merge(tag))
        menu.addAction(tr("Remove tag from every article…"), lambda: self.ask_remove(tag))
        menu.addSeparator()
        if tag_key(tag) in self.not_tags:
            menu.addAction(
                tr("It is a tag (show it in suggestions again)"), lambda: self.mark_not_a_tag(tag, False)
            )
        else:
            menu.addAction(tr("Not a tag (hide it from suggestions)"), lambda: self.mark_not_a_tag(tag, True))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def mark_not_a_tag(self, tag: str, hidden: bool) -> bool:
        """Hide `tag` from suggestions in this library (or show it again); remembered. False on failure."""
        try:
            self.not_tags = set_not_a_tag(self.library.root, tag, hidden)
        except (OSError, ValueError) as exc:
            reason = localize(describe_os_error(exc)) if isinstance(exc, OSError) else localize_error(exc)
            self._tell(tr("The choice could not be saved: %1").replace("%1", reason), warning=True)
            return False
        self._fill()
        self.notTagsChanged.emit(set(self.not_tags))
        if hidden:
            self._tell(tr("#%1 is hidden from tag suggestions in this library.").replace("%1", tag))
        else:
            self._tell(tr("#%1 is offered as a tag again.").replace("%1", tag))
        return True

    def ask_rename(self, tag: str) -> None:
        new, ok = QInputDialog.getText(
            self, tr("Rename tag"), tr("New name for #%1:").replace("%1", tag), text=tag
        )
        if ok and new.strip() and new.strip() != tag:
            self.run_operation(lambda: tag_ops.rename_tag(self.library, tag, new))

    def ask_merge(self, tag: str) -> None:
        others = [s.tag for s in self._summaries if s.tag != tag]
        if not others:
            return
        target, ok = QInputDialog.getItem(
            self, tr("Merge tags"), tr("Merge #%1 into:").replace("%1", tag), others, 0, True
        )
        if ok and target.strip():
            self.run_operation(lambda: tag_ops.merge_tags(self.library, [tag], target))

    def ask_remove(self, tag: str) -> None:
        answer = QMessageBox.question(
            self,
            tr("Remove tag"),
            tr("Remove #%1 from every article? Hashtags in the text keep their word.").replace("%1", tag),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.run_operation(lambda: tag_ops.remove_tag(self.library, tag))

    def run_operation(self, operation: Callable[[], object]) -> None:
        """Run a tag operation (or an undo) in a worker thread; `operationFinished` tells the result.

        The panel is disabled meanwhile; afterwards the lists are refreshed and the user is told
        what changed and what was left alone.
        """
        self.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.operationStarted.emit()
        self.controller.run_task(operation, self._operation_done)

    def _operation_done(self, report: object, error: Exception | None) -> None:
        QApplication.restoreOverrideCursor()
        self.setEnabled(True)
        if error is not None:
            self._tell(str(error), warning=True)
            self.operationFinished.emit(None)
            return
        if isinstance(report, tag_ops.UndoReport):
            text = tr("Restored %1 articles.").replace("%1", str(len(report.restored)))
            if report.refused:
                text += " " + tr("Not restored: %1.").replace(
                    "%1", "; ".join(f"{path} ({reason})" for path, reason in report.refused)
                )
        else:
            assert isinstance(report, tag_ops.TagOpReport)
            text = tr("Changed %1 articles.").replace("%1", str(len(report.changed)))
            if report.skipped:
                text += " " + tr("Left unchanged: %1.").replace(
                    "%1", "; ".join(f"{path} ({reason})" for path, reason in report.skipped)
                )
        self.controller.refresh(announce=True)  # the library list shows the new tags too
        self.reload()
        self._tell(text)
        self.operationFinished.emit(report)

    def undo_last(self) -> None:
        """Undo the last tag operation (in a worker thread); files changed since are left alone."""
        skip = self.protected()
        self.run_operation(lambda: tag_ops.undo_last(self.library, skip))

    def _tell(self, text: str, warning: bool = False) -> None:
        self.message.emit(text)
        if warning:
            QMessageBox.warning(self, tr("Tags"), text)
