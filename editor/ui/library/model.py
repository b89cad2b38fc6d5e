"""Qt models for the library list: one row per article, and the proxy that filters and sorts.

The rows come from `Library.articles()`; which articles a tag selection keeps comes from
`Library.filter_by_tags` (the core decides tag identity), the proxy only applies the sets it is given.
A refresh that changed a few articles (a save) moves, inserts or removes only their rows
(`apply_changes`): the proxy then filters only those rows, never the whole list again.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING

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
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3  # "1" when the proxy's filters keep the row, else "0"

if TYPE_CHECKING:
    from editor.core.library.facade import Library

_Index = QModelIndex | QPersistentModelIndex
_PATH = attrgetter("rel_path")
INCREMENTAL_LIMIT = 100  # more changed articles than this: the list is set again at once


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


def _sorted(entries: list[ArticleEntry], column: int, order: Qt.SortOrder) -> list[ArticleEntry]:
    """`entries` (sorted in place) in the list's order for `column` and `order`."""
    key = _SORT_KEYS.get(column, _SORT_KEYS[DATE])
    # ties keep path order, in both directions
    entries.sort(key=_PATH)  # (a library's list comes in path order: this costs little)
    entries.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
    if column == DATE:  # a `date` that is not a date sorts last in either order (and is marked)
        bad = {d for d in {e.date for e in entries} if d and not is_iso_date(d)}
        if bad:  # (each distinct date checked once)
            entries.sort(key=lambda e: e.date in bad)
    return entries


class ArticleTableModel(QAbstractTableModel):
    """Articles as rows: title, date, status, words."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._entries: list[ArticleEntry] = []
        self._paths: list[str] = []  # the rows' paths, in row order (finding a row without touching all)
        self._headers = [tr("Title"), tr("Date"), tr("Status"), tr("Words")]
        self._sort: tuple[int, Qt.SortOrder] = (DATE, Qt.SortOrder.DescendingOrder)
        self.version = 0  # bumped whenever rows change or move (lets the proxy cache per-row answers)
        self.filter_accepts: Callable[[ArticleEntry], bool] | None = None  # set by the proxy

    def set_entries(self, entries: list[ArticleEntry], presorted: tuple | None = None) -> None:
        """Show `entries`; `presorted` (from `sorted_entries`): they are already in that order."""
        self.beginResetModel()
        self._entries = list(entries)
        if presorted == self._sort:
            self.version += 1
            self._paths = list(map(_PATH, self._entries))
        else:
            self._sort_entries()
        self.endResetModel()

    def sorted_entries(self, entries: list[ArticleEntry]) -> tuple[tuple, list[ArticleEntry]]:
        """`entries` in the current order and that order's `(column, order)`, for `set_entries`.

        Touches no Qt object: a worker thread sorts a big list (100,000 articles: ~60 ms) off the
        GUI thread (`LibraryController.prepare`); a sort changed meanwhile is simply redone.
        """
        sort = self._sort
        return sort, _sorted(list(entries), *sort)

    def prepare(self, library: Library, shown: int) -> tuple | None:
        """In the refresh thread: `(version, sorted_entries(...))` of the library's list when `follow`
        would set the whole list again (more than `INCREMENTAL_LIMIT` changes), else None."""
        changes = library.changes_since(shown)
        if changes is not None and len(changes[1]) + len(changes[2]) <= INCREMENTAL_LIMIT:
            return None
        version = library.version
        return version, self.sorted_entries(library.articles())

    def follow(self, library: Library, shown: int, prepared: tuple | None = None) -> int:
        """Show the library's current list, given the version `shown` so far; returns the new one.

        Only the changed rows are touched when few articles changed, else the list is set again
        (from `prepared` = `(version, sorted_entries(...))` when it is of the current version).
        """
        changes = library.changes_since(shown)
        if changes is not None and self.apply_changes(changes[1], changes[2]):
            return changes[0]
        version = library.version  # (read first: a newer list is applied again, harmlessly, next time)
        if prepared is not None and prepared[0] == version:
            self.set_entries(prepared[1][1], presorted=prepared[1][0])
        else:
            self.set_entries(library.articles())
        return version

    def apply_changes(self, changed: list[ArticleEntry], removed: list[str]) -> bool:
        """Update only the rows of these articles, keeping the order; False (nothing done) when
        there are more than `INCREMENTAL_LIMIT`: the caller then sets all entries at once.

        A changed article that keeps its place is updated in place; one that moves is removed and
        inserted where it now belongs (the proxy filters only those rows).
        """
        if len(changed) + len(removed) > INCREMENTAL_LIMIT:
            return False
        paths = self._paths
        rows: dict[str, int] = {}
        for path in [*removed, *(e.rel_path for e in changed)]:
            try:
                rows[path] = paths.index(path)
            except ValueError:  # not listed yet (added)
                pass
        moving = set(rows)
        to_remove = [rows[p] for p in removed if p in rows]
        to_insert: list[ArticleEntry] = []
        for entry in changed:
            row = rows.get(entry.rel_path)
            if row is not None and self._fits_at(row, entry, paths, moving):
                self._entries[row] = entry  # (same path: `paths` stays right)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                continue
            if row is not None:
                to_remove.append(row)
            to_insert.append(entry)
        self.version += 1
        for row in sorted(set(to_remove), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._entries[row]
            del self._paths[row]
            self.endRemoveRows()
        for entry in to_insert:
            row = self._position(entry)
            self.beginInsertRows(QModelIndex(), row, row)
            self._entries.insert(row, entry)
            self._paths.insert(row, entry.rel_path)
            self.endInsertRows()
        return True

    def _before(self, a: ArticleEntry, b: ArticleEntry) -> bool:
        """True when `a` is listed before `b` in the current order (as `_sort_entries` orders)."""
        column, order = self._sort
        if column == DATE and _not_a_date(a) != _not_a_date(b):
            return _not_a_date(b)  # a `date` that is not a date goes last in either order
        key = _SORT_KEYS.get(column, _SORT_KEYS[DATE])
        key_a, key_b = key(a), key(b)
        if key_a != key_b:
            return key_a > key_b if order == Qt.SortOrder.DescendingOrder else key_a < key_b
        return a.rel_path < b.rel_path  # ties in path order, in both directions

    def _position(self, entry: ArticleEntry) -> int:
        """Row where `entry` belongs in the current order (binary search)."""
        low, high = 0, len(self._entries)
        while low < high:
            middle = (low + high) // 2
            if self._before(self._entries[middle], entry):
                low = middle + 1
            else:
                high = middle
        return low

    def _fits_at(self, row: int, entry: ArticleEntry, paths: list[str], moving: set[str]) -> bool:
        """Can `entry` replace row `row` without breaking the order (its neighbours staying)?"""
        rows = self._entries
        if row > 0 and (paths[row - 1] in moving or not self._before(rows[row - 1], entry)):
            return False
        after = row + 1
        return after >= len(rows) or (paths[after] not in moving and self._before(entry, rows[after]))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python (one key per row: fast for tens of thousands of articles)."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._sort_entries()
        self.layoutChanged.emit()

    def _sort_entries(self) -> None:
        self.version += 1
        self._entries = _sorted(self._entries, *self._sort)
        self._paths = list(map(_PATH, self._entries))

    def row_of(self, rel_path: str) -> int | None:
        """Row of the article at `rel_path`, or None."""
        try:
            return self._paths.index(rel_path)
        except ValueError:
            return None

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
        if role == FILTER_ROLE:
            return "1" if self.filter_accepts is None or self.filter_accepts(e) else "0"
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
    """Keeps the rows whose status and path pass the current filters.

    The filtering is Qt's own (a regular expression on the model's FILTER_ROLE), and it is set only
    while a filter is active: with none, Qt keeps every row without calling Python for each one
    (setting a list of 100,000 articles: ~30 ms on the GUI thread instead of ~400 ms with a Python
    `filterAcceptsRow`).
    """

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._status: str | None = None
        self._paths: set[str] | None = None
        self.filtered_rows = 0  # rows asked about so far (tests check that a save does not refilter all)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(0)

    def setSourceModel(self, model) -> None:  # noqa: ANN001, N802 - Qt API
        super().setSourceModel(model)
        if isinstance(model, ArticleTableModel):
            model.filter_accepts = self._accepts_counted

    def _accepts_counted(self, entry: ArticleEntry) -> bool:
        self.filtered_rows += 1
        return self.accepts(entry)

    def _change_filter(self, status: str | None, paths: set[str] | None) -> None:
        """Filter by `status` and `paths` now (every row asked again, by Python only if filtering)."""
        wanted = "^1$" if status is not None or paths is not None else ""
        if wanted != self.filterRegularExpression().pattern():  # a filter turned on or off
            self._status, self._paths = status, paths
            self.setFilterRegularExpression(wanted)  # refilters every row
        elif hasattr(self, "beginFilterChange"):  # Qt 6.10+ (invalidateFilter is deprecated there)
            self.beginFilterChange()
            self._status, self._paths = status, paths
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._status, self._paths = status, paths
            self.invalidateFilter()

    def set_status(self, status: str | None) -> None:
        """Only articles with this status (None: every status)."""
        if (status or None) != self._status:
            self._change_filter(status or None, self._paths)

    def set_paths(self, paths: set[str] | None) -> None:
        """Only these relative paths (None: no restriction), e.g. the articles of the selected tags.

        The same set again (a refresh) filters nothing again; a few paths more or less (a saved
        article gained or lost a tag) filter only their rows.
        """
        wanted = None if paths is None else set(paths)
        if wanted == self._paths:
            return
        model = self.sourceModel()
        flipped = wanted ^ self._paths if wanted is not None and self._paths is not None else None
        if flipped is None or len(flipped) > INCREMENTAL_LIMIT or not isinstance(model, ArticleTableModel):
            self._change_filter(self._status, wanted)
            return
        self._paths = wanted
        for path in flipped:  # the proxy filters the rows of changed data again
            row = model.row_of(path)
            if row is not None:
                model.dataChanged.emit(model.index(row, 0), model.index(row, model.columnCount() - 1))

    def accepts(self, entry: ArticleEntry) -> bool:
        if self._status is not None and entry.status != self._status:
            return False
        return self._paths is None or entry.rel_path in self._paths

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the source model's (fast, in Python); the proxy keeps its order."""
        model = self.sourceModel()
        if isinstance(model, ArticleTableModel):
            model.sort(column, order)
