"""Qt models for the library list: one row per article, and the proxy that filters and sorts.

The rows come from `Library.articles()`; which articles a tag selection keeps comes from
`Library.filter_by_tags` (the core decides tag identity), the proxy only applies the sets it is given.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from editor.core.article.model import STATUSES, is_iso_date
from editor.core.library.index import ArticleEntry
from editor.core.text.arabic import normalize_for_match
from editor.core.text.display import display_text
from editor.ui.common.i18n import localize, tr
from editor.ui.common.icons import themed_icon

TITLE, DATE, STATUS, WORDS = range(4)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def status_label(status: str) -> str:
    """The status as shown to the user (known statuses translated)."""
    labels = {
        "draft": tr("Draft"),
        "review": tr("In review"),
        "ready": tr("Ready"),
        "published": tr("Published"),
    }
    return labels.get(status, status)


def _status_key(e: ArticleEntry) -> tuple[int, str]:
    return (STATUSES.index(e.status) if e.status in STATUSES else len(STATUSES), e.status)


def _not_a_date(e: ArticleEntry) -> bool:
    return bool(e.date) and not is_iso_date(e.date)


_SORT_KEYS = {
    TITLE: lambda e: normalize_for_match(e.title),
    DATE: lambda e: e.date,
    STATUS: _status_key,
    WORDS: lambda e: e.words,
}


class ArticleTableModel(QAbstractTableModel):
    """Articles as rows: title, date, status, words."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._entries: list[ArticleEntry] = []
        self._headers = [tr("Title"), tr("Date"), tr("Status"), tr("Words")]
        self._sort: tuple[int, Qt.SortOrder] = (DATE, Qt.SortOrder.DescendingOrder)
        self.version = 0  # bumped whenever rows change or move (lets the proxy cache per-row answers)

    def set_entries(self, entries: list[ArticleEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._sort_entries()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python (one key per row: fast for tens of thousands of articles)."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._sort_entries()
        self.layoutChanged.emit()

    def _sort_entries(self) -> None:
        self.version += 1
        column, order = self._sort
        key = _SORT_KEYS.get(column, _SORT_KEYS[DATE])
        # ties keep path order, in both directions
        self._entries.sort(key=lambda e: e.rel_path)
        self._entries.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        if column == DATE:  # a `date` that is not a date sorts last in either order (and is marked)
            self._entries.sort(key=_not_a_date)

    def entry(self, row: int) -> ArticleEntry:
        return self._entries[row]

    def entries(self) -> list[ArticleEntry]:
        return list(self._entries)

    def entries_view(self) -> list[ArticleEntry]:
        """The rows themselves (not a copy): read, never modify."""
        return self._entries

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self._entries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            date = "⚠ " + e.date[:20] if _not_a_date(e) else e.date[:10]
            return (display_text(e.title), date, status_label(e.status), str(e.words))[col]
        if role == SORT_ROLE:
            return _SORT_KEYS[col](e)
        if role == PATH_ROLE:
            return e.rel_path
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = e.rel_path
            if e.tags:
                tip += "\n" + " ".join("#" + t.replace(" ", "_") for t in e.tags)
            if e.problem:  # in the interface's language (the index keeps the message's template)
                tip += "\n⚠ " + localize(e.problem)
            if _not_a_date(e):
                tip += "\n⚠ " + tr("The date is not a date (YYYY-MM-DD): sorted last")
            return tip
        if role == Qt.ItemDataRole.DecorationRole and e.problem and col == TITLE:
            return themed_icon("problem")  # a warning sign; the tooltip says what is wrong
        if role == Qt.ItemDataRole.TextAlignmentRole and col == WORDS:
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        return None


class ArticleFilterProxy(QSortFilterProxyModel):
    """Keeps the rows whose status and path pass the current filters."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._status: str | None = None
        self._paths: set[str] | None = None
        self._accepted: list[bool] = []
        self._accepted_version: int | None = None

    def _change_filter(self, apply) -> None:  # noqa: ANN001
        self._accepted_version = None
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+ (invalidateFilter is deprecated there)
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            apply()
            self.invalidateFilter()

    def set_status(self, status: str | None) -> None:
        """Only articles with this status (None: every status)."""
        self._change_filter(lambda: setattr(self, "_status", status or None))

    def set_paths(self, paths: set[str] | None) -> None:
        """Only these relative paths (None: no restriction), e.g. the articles of the selected tags."""
        self._change_filter(lambda: setattr(self, "_paths", None if paths is None else set(paths)))

    def accepts(self, entry: ArticleEntry) -> bool:
        if self._status is not None and entry.status != self._status:
            return False
        return self._paths is None or entry.rel_path in self._paths

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the source model's (fast, in Python); the proxy keeps its order."""
        model = self.sourceModel()
        if isinstance(model, ArticleTableModel):
            model.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, ArticleTableModel):
            return False
        if self._accepted_version != model.version:  # one pass over the rows, then list lookups
            self._accepted = [self.accepts(e) for e in model.entries_view()]
            self._accepted_version = model.version
        return self._accepted[source_row]
