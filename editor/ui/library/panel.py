"""The library panel: the articles of the library, a search field, filters, and file actions.

Wiring: see docs/library.md ("The panels"). Click or Enter opens an article. Search shows ranked results, matches highlighted (in a worker thread,
200 ms after the last key). New, rename (optionally to the slug) and delete (to the trash, after asking).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.core.article.storage import ArticleIOError
from editor.core.library.facade import MATCH_ALL
from editor.core.library.files import LibraryFileError, create_article, rename_article, slug_file_name
from editor.core.library.search import SearchHit
from editor.ui.common.i18n import localize_error, tr
from editor.ui.library.controller import LibraryController
from editor.ui.library.elide import DirectionalElideDelegate, result_html
from editor.ui.library.model import (
    DATE,
    PATH_ROLE,
    STATUS,
    TITLE,
    ArticleFilterProxy,
    ArticleTableModel,
    status_label,
)
from editor.ui.library.trash import move_to_trash

SEARCH_DEBOUNCE_MS = 200


class LibraryPanel(QWidget):
    """List of the library's articles with search, status and tag filters, sort and file actions."""

    articleActivated = Signal(str)  # absolute path of the article to open
    articleRenamed = Signal(str, str)  # old and new absolute path (an open editor should follow)
    articleDeleted = Signal(str)  # absolute path moved to the trash (an open editor should know)
    message = Signal(str)  # a short sentence for the status bar

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.library = controller.library
        self._tag_filter: tuple[list[str], str] = ([], MATCH_ALL)
        self._shown_version = -1  # of the library's article list the rows show
        self._hits: list[SearchHit] = []

        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText(tr("Search the library…"))
        self.search_field.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.sort_choice = QComboBox(self)
        for label, column, order in (
            (tr("Newest first"), DATE, Qt.SortOrder.DescendingOrder),
            (tr("Oldest first"), DATE, Qt.SortOrder.AscendingOrder),
            (tr("By title"), TITLE, Qt.SortOrder.AscendingOrder),
            (tr("By status"), STATUS, Qt.SortOrder.AscendingOrder),
        ):
            self.sort_choice.addItem(label, (column, order))

        self.model = ArticleTableModel(self)
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(TITLE, DirectionalElideDelegate(self.table))  # own direction
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(50)  # measure 50 rows, not ten thousand
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.results)

        self.new_button = QPushButton(tr("New"), self)
        self.rename_button = QPushButton(tr("Rename…"), self)
        self.delete_button = QPushButton(tr("Delete…"), self)
        self.count_label = QLabel(self)

        filters = QHBoxLayout()
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.sort_choice, 1)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_field)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search_field.textChanged.connect(self._on_search_text)
        self.search_field.returnPressed.connect(self._run_search)
        self.status_filter.currentIndexChanged.connect(self._on_status_changed)
        self.sort_choice.currentIndexChanged.connect(self._apply_sort)
        self.table.activated.connect(self._open_index)
        self.table.clicked.connect(self._open_index)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.results.itemActivated.connect(self._open_index)
        self.results.itemClicked.connect(self._open_index)
        self.new_button.clicked.connect(self.new_article)
        self.rename_button.clicked.connect(self.rename_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        controller.refreshed.connect(self.reload)
        controller.prepare = lambda: self.model.prepare(self.library, self._shown_version)  # sorts there
        controller.searchFinished.connect(self._show_results)
        self.status_filter.addItem(tr("All statuses"), None)
        self._apply_sort()
        if self.library.loaded:  # else the first refresh loads the list off the GUI thread, then fills
            self.reload()

    # --- public API ------------------------------------------------------------------------
    def set_tag_filter(self, tags: list[str], mode: str = MATCH_ALL) -> None:
        """Show only articles with all (or any) of `tags`; an empty list shows every article."""
        self._tag_filter = (list(tags), mode)
        self._apply_tag_filter()
        if self._hits:
            self._show_results(self.search_field.text(), self._hits)

    def visible_paths(self) -> list[str]:
        """Relative paths of the rows the list shows, in display order."""
        return [self.proxy.index(r, 0).data(PATH_ROLE) for r in range(self.proxy.rowCount())]

    def result_paths(self) -> list[str]:
        """Relative paths of the search results shown, best first."""
        return [self.results.item(i).data(PATH_ROLE) for i in range(self.results.count())]

    def selected_path(self) -> str | None:
        """Relative path of the selected article (list or search results), or None."""
        if self.stack.currentWidget() is self.results:
            item = self.results.currentItem()
            return item.data(PATH_ROLE) if item else None
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(PATH_ROLE) if rows else None

    # --- reloading -------------------------------------------------------------------------
    def reload(self, _report: object = None) -> None:
        """Show the library's current articles (only the changed rows after a save), keeping the selection."""
        selected = self.selected_path()
        self._shown_version = self.model.follow(self.library, self._shown_version, self.controller.prepared)
        self._fill_status_filter()
        if self._tag_filter[0]:  # (no tag selected: nothing to filter again)
            self._apply_tag_filter()
        if selected and self.selected_path() != selected:
            self.select_path(selected)
        if self.search_field.text().strip():
            self._search_timer.start()
        self._update_count()

    def select_path(self, rel_path: str) -> None:
        row = self.model.row_of(rel_path)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
        if index is not None and index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def _fill_status_filter(self) -> None:
        current = self.status_filter.currentData()
        statuses = self.library.statuses()
        wanted = [None, *statuses]
        if [self.status_filter.itemData(i) for i in range(self.status_filter.count())] == wanted:
            return
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(tr("All statuses"), None)
        for status in statuses:
            self.status_filter.addItem(status_label(status), status)
        index = self.status_filter.findData(current) if current else 0
        self.status_filter.setCurrentIndex(max(0, index))
        self.status_filter.blockSignals(False)
        self.proxy.set_status(self.status_filter.currentData())

    def _on_status_changed(self) -> None:
        self.proxy.set_status(self.status_filter.currentData())
        if self._hits:
            self._show_results(self.search_field.text(), self._hits)
        self._update_count()

    def _apply_tag_filter(self) -> None:
        tags, mode = self._tag_filter
        self.proxy.set_paths(self.library.filter_by_tags(tags, mode) if tags else None)
        self._update_count()

    def _apply_sort(self) -> None:
        column, order = self.sort_choice.currentData()
        self.table.sortByColumn(column, order)

    def _update_count(self) -> None:
        searching = self.stack.currentWidget() is self.results  # during a search: hits of all articles
        items = (self.results.item(i) for i in range(self.results.count()))
        shown = sum(1 for it in items if it.data(PATH_ROLE)) if searching else self.proxy.rowCount()
        text = tr("%1 of %2 articles match") if searching else tr("%1 of %2 articles")
        self.count_label.setText(text.replace("%1", str(shown)).replace("%2", str(self.model.rowCount())))

    # --- searching -------------------------------------------------------------------------
    def _on_search_text(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self._hits = []
            self.results.clear()
            self.stack.setCurrentWidget(self.table)
            self._update_count()

    def _run_search(self) -> None:
        query = self.search_field.text()
        if query.strip():
            self.controller.search(query)

    def _show_results(self, query: str, hits: list[SearchHit]) -> None:
        if query != self.search_field.text():
            return  # an older query
        self._hits = list(hits)
        self.stack.setCurrentWidget(self.results)
        self.results.clear()
        for hit in hits:
            entry = self.library.article(hit.rel_path)
            if entry is not None and not self.proxy.accepts(entry):
                continue
            item = QListWidgetItem(self.results)
            item.setData(PATH_ROLE, hit.rel_path)
            item.setToolTip(hit.rel_path)
            label = QLabel(result_html(hit), self.results)  # title and snippet each in its own direction
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setContentsMargins(4, 4, 4, 4)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self.results.setItemWidget(item, label)
        if not self.results.count():
            QListWidgetItem(tr("No article matches."), self.results).setFlags(Qt.ItemFlag.NoItemFlags)
        self._fit_results()
        self._update_count()

    def _fit_results(self) -> None:
        """Give each result the height its wrapped text needs at the list's current width."""
        width = max(120, self.results.viewport().width() - 4)
        for i in range(self.results.count()):
            item = self.results.item(i)
            label = self.results.itemWidget(item)
            if label is not None:
                item.setSizeHint(QSize(width, label.heightForWidth(width)))

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().resizeEvent(event)
        if self.stack.currentWidget() is self.results:
            self._fit_results()

    # --- opening ---------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex | QListWidgetItem) -> None:  # a table row or a result
        if path := self._path(index.data(PATH_ROLE)):
            self.articleActivated.emit(str(path))

    def _path(self, rel: str | None) -> Path | None:
        """The article's path; None, with a message, for a link out of the library (never touched)."""
        try:
            return self.library.path_of(rel) if rel else None
        except OSError as exc:
            self.message.emit(localize_error(exc))
            return None

    # --- file actions ----------------------------------------------------------------------
    def _context_menu(self, pos) -> None:  # noqa: ANN001
        menu = QMenu(self)
        menu.addAction(tr("Open"), lambda: self._open_index(self.table.currentIndex()))
        menu.addAction(tr("Rename…"), self.rename_selected)
        menu.addAction(tr("Rename to follow the slug"), self.rename_selected_to_slug)
        menu.addAction(tr("Delete…"), self.delete_selected)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def create_article(self, title: str) -> Path | None:
        """Create an article named after `title` at the top of the library, open it; None on failure."""
        try:
            path = create_article(self.library.root, title)
        except (LibraryFileError, ArticleIOError) as exc:
            self._warn(str(exc))
            return None
        self.controller.refresh()
        self.articleActivated.emit(str(path))
        return path

    def new_article(self) -> None:
        title, ok = QInputDialog.getText(self, tr("New article"), tr("Title:"))
        if ok and title.strip():
            self.create_article(title)

    def rename_path(self, rel_path: str, new_name: str) -> Path | None:
        """Rename an article's file (same folder); None on failure (the user is told why)."""
        if (source := self._path(rel_path)) is None:
            return None
        try:
            target = rename_article(source, new_name)
        except LibraryFileError as exc:
            self._warn(str(exc))
            return None
        self.controller.refresh()
        if target != source:
            self.articleRenamed.emit(str(source), str(target))
        return target

    def rename_selected(self) -> None:
        rel = self.selected_path()
        if not rel:
            return
        current = Path(rel).name
        try:
            suggestion = slug_file_name(self.library.path_of(rel))
        except (ArticleIOError, OSError):
            suggestion = current
        name, ok = QInputDialog.getText(
            self,
            tr("Rename article file"),
            tr("File name (suggested from the slug: %1):").replace("%1", suggestion),
            QLineEdit.EchoMode.Normal,
            current,
        )
        if ok and name.strip() and name != current:
            self.rename_path(rel, name)

    def rename_selected_to_slug(self) -> None:
        rel = self.selected_path()
        if not rel:
            return
        try:
            name = slug_file_name(self.library.path_of(rel))
        except (ArticleIOError, OSError) as exc:
            self._warn(str(exc))
            return
        if name != Path(rel).name:
            self.rename_path(rel, name)

    def delete_path(self, rel_path: str, confirm: bool = True) -> bool:
        """Move an article to the trash (asking first when `confirm`); True when it was moved."""
        if (path := self._path(rel_path)) is None:
            return False
        if confirm:
            answer = QMessageBox.question(
                self,
                tr("Delete article"),
                tr("Move “%1” to the trash?").replace("%1", path.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            move_to_trash(path)
        except OSError as exc:
            self._warn(str(exc))
            return False
        self.controller.refresh()
        self.articleDeleted.emit(str(path))
        self.message.emit(tr("Moved to the trash: %1").replace("%1", path.name))
        return True

    def delete_selected(self) -> None:
        rel = self.selected_path()
        if rel:
            self.delete_path(rel)

    def _warn(self, text: str) -> None:
        self.message.emit(text)
        QMessageBox.warning(self, tr("Library"), text)
