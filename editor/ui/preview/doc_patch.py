"""Replace units of the preview's QTextDocument in place, so Qt lays out only what changed.

`DocPatcher` keeps, for the page shown, its units (`html_units.split_page`) and how many document
positions each unit covers (its blocks and the separator after them). A new page of the same
head is compared with the shown one unit by unit (`unit_diff.diff_runs`); the changed runs are replaced, and
Qt lays out those blocks only (a full `setHtml` parses and lays out the whole article again:
50-80 ms for 10,000 words, 0.3-0.4 s for 10,000 footnotes).

The document must end up exactly as `setHtml(page)` would make it (tests compare `toHtml()` after
random edits and on every hostile page). What makes that work:
- Units are parsed as `setHtml` parses a page, in a scratch document (`insertHtml` parses in
  Qt's fragment mode, where an `<hr>` first in a `<div>` gets an empty block of its own), a batch
  at a time with marker blocks between the units to learn each one's length; the markers are
  removed from the scratch before it is copied in with `QTextCursor.insertFragment`.
- Qt merges the first inserted block into the block at the cursor, which keeps its own format: so
  units go in after a throw-away first block (`_DUMMY`) at the end of the previous unit's text, and
  their blocks come in as new blocks with their own formats; the dummy character is removed. At
  position 0, Qt gives the document's first block the first inserted block's format instead.
- A removal that starts at the end of a block of text keeps that block's format; one that starts
  in an empty block deletes that block and keeps the next one's. Every unit but the page's last ends
  with a block of text (`html_units` cuts nowhere else), so removals start after such a unit, and a
  run that reaches the end is removed before the new units are appended.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QTextDocumentFragment

from editor.ui.preview.html_units import Page
from editor.ui.preview.unit_diff import diff_runs

_DUMMY = "<p>\u2063</p>"  # one invisible character in a block of its own, removed after the insertion
_MARK = "\u2063\u2064\u2063"  # invisible separator, plus, separator: a marker block between units
_MARKER = f"<p>{_MARK}</p>"
MAX_BATCH_UNITS = 200  # units parsed at once (each is found again by its marker: work per unit)


class DocPatcher:
    """The units shown in `document` and the in-place replacement of changed ones."""

    def __init__(self, document: QTextDocument, owner: QObject | None = None) -> None:
        self.document = document
        self.owner = owner  # the widget whose `loadResource` serves the scratch documents' images
        self.head: str | None = None
        self.tail = ""
        self.units: list[str] = []
        self.lengths: list[int] = []  # document positions per unit (with the separator after it)
        self._cache = (0, 0)  # (index, start of that unit): starts are sums of the lengths before
        self._last_char_format = QTextCharFormat()
        self.batch_chars = 8_000  # HTML characters per step of `steps` (at least one unit)

    def forget(self) -> None:
        """The document was changed by someone else (e.g. `setHtml`): nothing is known about it."""
        self.head = None
        self.units, self.lengths = [], []
        self._cache = (0, 0)

    def compatible(self, page: Page) -> bool:
        """True when `page` can be reached from the document shown by replacing units."""
        return self.head is not None and page.head == self.head and page.tail == self.tail

    def start_page(self, page: Page) -> None:
        """An empty document with `page`'s head (style, body attributes): units come next."""
        self.document.setHtml(page.head + page.tail)
        self.head, self.tail = page.head, page.tail
        self.units, self.lengths = [], []
        self._cache = (0, 0)

    def runs(self, new_units: tuple[str, ...]) -> list[tuple[int, int, int, int]]:
        """The runs of units to replace to show `new_units` (`unit_diff.diff_runs`)."""
        return diff_runs(tuple(self.units), new_units)

    def steps(
        self, new_units: tuple[str, ...], runs: list[tuple[int, int, int, int]] | None = None
    ) -> Iterator[int]:
        """Bring the document to `new_units` (by `runs`, from `runs(new_units)` on this document) in
        steps of about `batch_chars` characters of HTML (the caller may change it between steps); yields
        the characters of HTML each step inserted (0: a removal). Between steps the document and `units`
        agree, so a newer page can start from any step."""
        # From the last run to the first: the indexes of the runs not done yet stay valid.
        for i, j, a, b in reversed(self.runs(new_units) if runs is None else runs):
            if i == 0 and j < len(self.units) and (a == b or j == 0):
                # Nothing is removed or inserted in front of the first unit kept: it is replaced too.
                j, b = j + 1, b + 1
            if j == len(self.units) and j > i:
                # The run reaches the end: remove first (the unit before it ends with a block of text, while
                # the page's new last unit may end with an empty block), then append.
                self._delete(i, j)
                j = i
                yield 0
            index = i
            while a < b:
                batch = self._batch(new_units, a, b)
                if index == 0:
                    self._replace_first(batch, j)
                    j = len(batch)  # the run's old units are gone
                else:
                    self._insert(index, batch)
                    j += len(batch)
                index += len(batch)
                a += len(batch)
                yield sum(map(len, batch))
            if j > index:
                self._delete(index, j)
                yield 0

    def _batch(self, units: tuple[str, ...], a: int, b: int) -> list[str]:
        size = len(units[a])
        end = a + 1
        while end < b and size + len(units[end]) <= self.batch_chars and end - a < MAX_BATCH_UNITS:
            size += len(units[end])
            end += 1
        return list(units[a:end])

    # -- the edits -----------------------------------------------------------------------------------
    def _start(self, index: int) -> int:
        cached_index, cached_start = self._cache
        if cached_index > index:
            cached_index, cached_start = 0, 0
        start = cached_start + sum(self.lengths[cached_index:index])
        self._cache = (index, start)
        return start

    def _edited(self, index: int) -> None:
        if self._cache[0] > index:
            self._cache = (0, 0)

    def _end(self) -> int:
        return self.document.characterCount() - 1

    def _parse(self, units: list[str], dummy: bool) -> tuple[QTextDocumentFragment, list[int]]:
        """`units` parsed as `setHtml` parses a page (Qt's fragment import differs: an `<hr>` first in
        a block gets an empty block of its own) in a scratch document whose parent loads resources,
        and how many positions each unit's blocks take (found by marker blocks between the units,
        removed before the copy)."""
        # A new one each time: a document that has been laid out once (cursor moves create its layout)
        # lays each new content out again.
        scratch = QTextDocument(self.owner)
        scratch.setUndoRedoEnabled(False)
        scratch.setDefaultFont(self.document.defaultFont())
        scratch.setHtml(f"{self.head}{_DUMMY if dummy else ''}{_MARKER.join(units)}{self.tail}")
        lengths: list[int] = []
        start = 2 if dummy else 0
        cursor = QTextCursor(scratch)
        markers: list[int] = []
        for _unit in units[1:]:
            found = scratch.find(_MARK, cursor)
            while not found.isNull() and found.block().length() != len(_MARK) + 1:
                found = scratch.find(_MARK, found)
            if found.isNull():
                raise ValueError("a unit boundary was lost in Qt's HTML import")
            position = found.block().position()
            lengths.append(position - 1 - start)
            markers.append(position)
            start = position + len(_MARK) + 1
            cursor = found
        lengths.append(scratch.characterCount() - 1 - start)
        for position in reversed(markers):  # the block before keeps its format, the marker's separator
            cursor.setPosition(position - 1)
            cursor.setPosition(position + len(_MARK), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        fragment = QTextDocumentFragment(scratch)
        self._last_char_format = scratch.lastBlock().charFormat()
        scratch.setParent(None)  # Python's now: freed on return
        return fragment, lengths

    def _insert(self, index: int, units: list[str]) -> None:
        """Insert `units` before the unit now at `index` (index >= 1)."""
        count = len(self.units)
        position = self._start(index) - 1 if index < count else self._end()
        fragment, lengths = self._parse(units, dummy=True)
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        cursor.setPosition(position)
        cursor.insertFragment(fragment)
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.endEditBlock()
        self._edited(index - 1)
        if index == count:
            self.lengths[index - 1] += 1  # the unit before now ends with a separator
        self.lengths[index:index] = [n + 1 for n in lengths[:-1]] + [lengths[-1] + (index < count)]
        self.units[index:index] = units

    def _replace_first(self, units: list[str], old_count: int) -> None:
        """`units` in place of the first `old_count` units (all of them, or some with others after)."""
        count = len(self.units)
        if old_count == count and count:
            self._delete(0, count)  # an empty page: nothing of the old one left to merge with
            old_count = count = 0
        end = self._start(old_count) - 1 if old_count else 0
        fragment, lengths = self._parse(units, dummy=False)
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        before = self.document.characterCount()
        cursor.setPosition(0)
        cursor.insertFragment(fragment)  # Qt gives the first block the first inserted block's format
        added = self.document.characterCount() - before
        if old_count:  # the old first unit's text follows the new units' last block: remove the old ones
            cursor.setPosition(added)
            cursor.setPosition(added + end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        elif self.document.lastBlock().length() == 1:
            # The page ends with an empty block (a <pre>'s last newline): in an empty document Qt leaves
            # the page's own last block there, with the body's character format instead of the page's.
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.setBlockCharFormat(self._last_char_format)
        cursor.endEditBlock()
        self._cache = (0, 0)
        del self.units[:old_count], self.lengths[:old_count]
        self.units[0:0] = units
        self.lengths[0:0] = [n + 1 for n in lengths[:-1]] + [lengths[-1] + (old_count < count)]

    def _delete(self, i: int, j: int) -> None:
        """Remove the units i..j-1 (i > 0, or all of them): from the end of the text of the unit before
        (a block of text: its format stays) to the end of unit j-1's text (its separator, or a table's
        frame, stays and ends the unit before)."""
        count = len(self.units)
        if i >= j:
            return
        if i == 0 and j == count:
            self.document.setHtml(self.head + self.tail)
            self.units, self.lengths = [], []
            self._cache = (0, 0)
            return
        assert i > 0, "the first units are replaced, never removed alone"
        cursor = QTextCursor(self.document)
        start = self._start(i) - 1
        end = self._start(j) - 1 if j < count else self._end()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        if j == count:
            self.lengths[i - 1] -= 1  # the unit before is the last one now: no separator after it
        self._cache = (0, 0)
        del self.units[i:j], self.lengths[i:j]
