"""Opening a big article without freezing the window.

Putting 5 MB into a QTextDocument at once holds the GUI thread for 0.2 s, and highlighting it for
seconds. An article over `BIG_BODY_CHARS` characters therefore goes into the editor in slices of
about `SLICE_CHARS` characters, one per turn of the event loop (the first slice is on screen
at once), while the editor is read-only. Keys that only look around (arrows, pages, Home, copy) apply
at once; a key that edits, selects all or goes to the end of the text waits, with every key after it,
and they are all applied in order once the text is whole (they land where they were meant to, and can
be undone); the loading takes bigger slices from then on. `MarkdownEdit.body_text()` gives the whole
text at every moment: what is in the editor plus the rest of the file.
In such an article highlighting is limited to what is on screen (blocks are highlighted when they
are scrolled into view, and when edited), and the direction of each paragraph comes from the
whole-text check after the typing pause, applied a slice at a time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QSyntaxHighlighter, QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from editor.ui.editor import soft_lines

BIG_BODY_CHARS = 100_000
SLICE_CHARS = 8_000  # the first slice; later ones are sized from the time Qt took for the last
SLICE_BUDGET_S = 0.008  # what one turn aims at
MAX_SLICE_CHARS = 60_000  # (one quick slice must not make the next one huge)
SHARED_S = 0.002  # more time than this between two slices: other work ran, the next slice is smaller
HURRY_BUDGET_S = 0.02  # once keys wait for the end of the loading (still short turns: keys repaint)
CLEAR_AT_ONCE_CHARS = 300_000  # an article being replaced that is longer is removed in slices first

_KEY = QKeySequence.StandardKey
# keys that only look around the part already in: they apply at once while no key waits
_LOOK_KEYS = (
    _KEY.MoveToNextChar, _KEY.MoveToPreviousChar, _KEY.MoveToNextWord, _KEY.MoveToPreviousWord,
    _KEY.MoveToNextLine, _KEY.MoveToPreviousLine, _KEY.MoveToNextPage, _KEY.MoveToPreviousPage,
    _KEY.MoveToStartOfLine, _KEY.MoveToEndOfLine, _KEY.MoveToStartOfBlock, _KEY.MoveToEndOfBlock,
    _KEY.MoveToStartOfDocument, _KEY.SelectNextChar, _KEY.SelectPreviousChar, _KEY.SelectNextWord,
    _KEY.SelectPreviousWord, _KEY.SelectNextLine, _KEY.SelectPreviousLine, _KEY.SelectNextPage,
    _KEY.SelectPreviousPage, _KEY.SelectStartOfLine, _KEY.SelectEndOfLine, _KEY.SelectStartOfBlock,
    _KEY.SelectEndOfBlock, _KEY.SelectStartOfDocument, _KEY.Copy,
)  # fmt: skip
LOOK_AROUND = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
_MODIFIERS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr}


BIG_BODY_LINES = 5_000  # (20,000 short lines took 0.5-1 s to highlight at once)


BIG_PIECED_CHARS = 30_000  # (a 100,000-letter line: laid out, highlighted, laid out again: 50 ms of CPU)


def is_big(body: str) -> bool:
    """Loaded in slices: over `BIG_BODY_CHARS` characters or `BIG_BODY_LINES` lines, or over
    `BIG_PIECED_CHARS` characters with a line long enough to be shown in pieces."""
    if len(body) > BIG_BODY_CHARS or body.count("\n") >= BIG_BODY_LINES:
        return True
    return len(body) > BIG_PIECED_CHARS and max(map(len, body.split("\n"))) > soft_lines.SOFT_LINE_CHARS


class SliceLoader(QObject):
    """Feeds display lines to a document one slice per event-loop turn."""

    finished = Signal()

    def __init__(self, edit: QTextEdit, guarded: Callable[[Callable[[], None]], None]) -> None:
        super().__init__(edit)
        self._edit = edit
        self._guarded = guarded  # runs a change the editor must not treat as typing
        self._lines: list[str] = []
        self._marks: dict[int, int] = {}
        self._next = 0
        self._offset = 0
        self._chars = SLICE_CHARS
        self._budget = SLICE_BUDGET_S
        self._queued = 0.0  # when the next slice was queued
        self.user_changed = False  # something changed the text while loading
        self.waiting: list[QKeyEvent] = []  # keys applied once the text is whole
        self.reading = False  # the next article's file is being read (see `MarkdownEdit.begin_reading`)
        self._state = (0, 0)
        self._clearing = False  # the article being replaced is still being removed (see `start`)
        self._before: Callable[[], None] = lambda: None
        self._clear_chars = 200_000
        self.body: str | None = None  # the text being loaded
        self.loaded: str | None = None  # the text just loaded (once), unless changed meanwhile
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    @property
    def loading(self) -> bool:
        return self.body is not None

    def tail(self) -> str:
        """The text not in the editor yet, with what separates it from the text that is."""
        if self.body is None or self._next >= len(self._lines) or self._next == 0:
            return ""
        token = self._marks.get(self._next, 0)
        return ("\n" if token == 0 else " " if token > 0 else "") + self.body[self._offset :]

    def start(
        self, body: str, lines: list[str], marks: dict[int, int], before: Callable[[], None] = lambda: None
    ) -> None:
        """Queue `body` (the first slice goes in now if the editor is empty, else at the next turn of
        the event loop; `before` runs just before it: e.g. a new default direction, which would make Qt
        lay the article being replaced out again)."""
        self.cancel()
        self.body, self._lines, self._marks, self._next = body, lines, marks, 0
        self._before = before
        self._offset = 0  # where line `_next` starts in `body`
        self.user_changed = False
        self.waiting = self.waiting if self.reading else []  # (keys typed while its file was read)
        self._chars = SLICE_CHARS
        doc = self._edit.document()
        set_modes(doc, lazy=True)
        self._state = (doc.revision(), doc.characterCount())
        # Qt frees a big document at once when it is replaced (25-70 ms for 5 MB): cleared in slices first
        self._clearing = doc.characterCount() > CLEAR_AT_ONCE_CHARS
        if doc.isEmpty():  # (e.g. the window's first frame: it shows the text at once)
            self._first()
        # else the article shown stays one more turn, then the first slice goes in, in a turn of its own
        # (what opened the article, e.g. a file read in the background, had a turn's work already)
        self._go_on()

    def _first(self) -> None:
        """The first slice, on screen at once."""
        self._before()
        # only what fills the screen, highlighted as it goes in (Qt lays it out once, coloured)
        self._chars = screen_chars(self._edit, self._lines)
        self._add_slice(first=True)
        self._edit.moveCursor(QTextCursor.MoveOperation.Start)  # (after the old text went out in slices)
        highlight_visible(self._edit)

    def _go_on(self) -> None:
        if self._clearing or self._next < len(self._lines):
            self._queued = time.perf_counter()
            self._timer.start()
        else:
            self._finish()

    def _clear_slice(self) -> None:
        """Remove the end of the article being replaced (signals blocked, no undo step)."""
        doc = self._edit.document()
        began, modified, undo = time.perf_counter(), doc.isModified(), doc.isUndoRedoEnabled()
        doc.setUndoRedoEnabled(False)
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        size = min(self._clear_chars, doc.characterCount() - 1)
        cursor.setPosition(doc.characterCount() - 1 - size, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        doc.setUndoRedoEnabled(undo)
        doc.setModified(modified)
        self._state = (doc.revision(), doc.characterCount())
        spent = max(time.perf_counter() - began, 1e-4)
        wanted = size * self._budget / spent
        self._clear_chars = int(min(4_000_000, max(20_000, min(wanted, self._clear_chars * 1.5))))
        self._clearing = doc.characterCount() > CLEAR_AT_ONCE_CHARS

    def cancel(self) -> None:
        self._timer.stop()
        self._clearing = False
        self.body = None
        self._lines = []
        if not self.reading:
            self.waiting = []
        self._budget = SLICE_BUDGET_S

    def note_change(self) -> None:
        """Any change of the text while loading makes the article modified (not the colours)."""
        doc = self._edit.document()
        if self.body is not None and (doc.revision(), doc.characterCount()) != self._state:
            self.user_changed = True

    def hold(self, event: QKeyEvent, read_only: bool) -> bool:
        """A key pressed: True if it waits for the end of the loading (the next article's file is being
        read; or it loads, the editor is not `read_only` and the key may edit, select all or go to the end
        of the text, or keys wait already), False if it applies now."""
        if not self.reading and (not self.loading or read_only):
            return False
        if event.key() in _MODIFIERS or (
            not (self.waiting or self.reading or self._clearing) and any(event.matches(k) for k in _LOOK_KEYS)
        ):
            return False
        kind, key, modifiers = event.type(), event.key(), event.modifiers()
        self.waiting.append(
            QKeyEvent(kind, key, modifiers, event.text(), event.isAutoRepeat(), event.count())
        )
        self._budget = HURRY_BUDGET_S
        return True

    def take_waiting(self) -> list[QKeyEvent]:
        if self.reading:  # (an article still loading when another is opened: they are the next one's)
            return []
        waiting, self.waiting = self.waiting, []
        return waiting

    def set_reading(self, reading: bool, keep_keys: bool) -> list[QKeyEvent]:
        """The next article's file is being read (`reading`: keys typed from now on are kept for it,
        those waiting for the article it replaces are dropped), or no longer: returns the keys to apply
        now (none while the new article still loads: they wait for its end; none if not `keep_keys`)."""
        self.reading = reading
        if reading or not keep_keys:
            self.waiting = []
        return [] if self.loading else self.take_waiting()

    def _add_slice(self, first: bool = False) -> None:
        start = self._next
        size = 0
        end = start
        # other work ran since this slice was queued (a preview step, a paint; or the process waited
        # for a core): a smaller slice this turn, so that they do not add up to a long freeze
        others = time.perf_counter() - self._queued
        chars = (
            self._chars if first or others < SHARED_S else self._chars * max(0.25, 1 - others / self._budget)
        )
        while end < len(self._lines) and (end == start or size + len(self._lines[end]) < chars):
            size += len(self._lines[end]) + 1
            end += 1
        began = time.perf_counter()
        doc = self._edit.document()
        modified = doc.isModified()  # (kept: e.g. an imported article is modified from the start)
        if first:
            soft_lines.insert_lines(doc, self._lines[start:end], 0, self._marks)
        else:
            soft_lines.insert_lines(doc, self._lines[start:end], start, self._marks)
        for number in range(start, end):
            token = self._marks.get(number + 1, 0)
            self._offset += len(self._lines[number]) + (0 if token < 0 else 1)
        self._next = end
        doc.setModified(modified or self.user_changed)
        self._state = (doc.revision(), doc.characterCount())
        # Qt lays the new lines out (and any not laid out before them) now: aim each turn at the budget
        spent = max(time.perf_counter() - began, 1e-4)
        # (a slice may grow by half at most: a quick one on a quiet moment must not make the next huge)
        wanted = size * self._budget / spent
        self._chars = int(min(MAX_SLICE_CHARS, max(1_000, min(wanted, self._chars * 1.5))))

    def _step(self) -> None:
        if self.body is None:
            return
        if self._next == 0 and not self._clearing:  # the article replaced is (almost) gone
            self._guarded(self._first)
            self._go_on()
            return
        doc = self._edit.document()
        set_modes(doc, bulk=True)
        # no contentsChange/modification signals for the lines loaded: nobody has to react to them
        # (the layout is told directly; the highlighter would skip them; the article is not modified)
        doc.blockSignals(True)
        try:
            self._guarded(self._clear_slice if self._clearing else self._add_slice)
        finally:
            doc.blockSignals(False)
            set_modes(doc, bulk=False)
        self._go_on()

    def whole(self) -> str:
        """The whole text while loading: the text being loaded, as long as nothing changed what is in."""
        if self.body is not None and (self._clearing or not self.user_changed):
            return self.body
        return soft_lines.body_of(self._edit.document(), bool(self._marks)) + self.tail()

    def _finish(self) -> None:
        self.loaded = None if self.user_changed else self.body
        self.body = None
        self._budget = SLICE_BUDGET_S
        self._lines = []
        self._marks = {}
        doc = self._edit.document()
        modified = doc.isModified()
        doc.clearUndoRedoStacks()  # (the keys waiting are applied after this: they can be undone)
        doc.setModified(modified or self.user_changed)
        highlight_visible(self._edit)
        self.finished.emit()


def screen_chars(edit: QTextEdit, lines: list[str]) -> int:
    """About how many characters of `lines` fill `edit`'s screen (a little more, at most
    `SLICE_CHARS`): the first slice shows at once, the rest follows in slices."""
    metrics = edit.fontMetrics()
    viewport = edit.viewport()
    per_line = max(20, int(viewport.width() / max(1.0, metrics.averageCharWidth() * 0.6)))
    screen = viewport.height() / max(1, metrics.lineSpacing()) + 4
    chars = shown = 0
    for line in lines:
        if shown >= screen or chars >= SLICE_CHARS:
            break
        chars += len(line) + 1
        shown += 1 + len(line) // per_line
    return max(200, min(chars, SLICE_CHARS))


def set_modes(doc: QTextDocument, lazy: bool | None = None, bulk: bool | None = None) -> None:
    """Tell the document's highlighter to highlight only what is shown (`lazy`) and to skip the
    blocks being loaded (`bulk`); see `MarkdownHighlighter.highlightBlock`."""
    highlighter = doc.findChild(QSyntaxHighlighter)
    if highlighter is not None:
        if lazy is not None:
            highlighter.lazy = lazy  # type: ignore[attr-defined]
        if bulk is not None:
            highlighter.bulk = bulk  # type: ignore[attr-defined]


def quietly(doc: QTextDocument, change: Callable[[], None]) -> None:
    """Run `change` (a text going in, its display breaks marked after) with the highlighter idle,
    then highlight it all once: not once as plain lines and again as pieces."""
    set_modes(doc, lazy=True, bulk=True)
    try:
        change()
    finally:
        set_modes(doc, lazy=False, bulk=False)
    highlighter = doc.findChild(QSyntaxHighlighter)
    if highlighter is not None:
        highlighter.rehighlight()


def lazy(doc: QTextDocument) -> bool:
    highlighter = doc.findChild(QSyntaxHighlighter)
    return bool(getattr(highlighter, "lazy", False))


def top_block(edit: QTextEdit, exact: bool = False, below: int = 0) -> QTextBlock:
    """The first block shown in `edit` (or the block `below` pixels under the top of the viewport,
    which may be negative). Qt's hit test walks every block from the top (30 ms in a 5 MB article)
    and is rough while the layout is still lazy, so a long document (or, `exact`, any) is searched by
    halves instead."""
    doc = edit.document()
    if doc.blockCount() < 2000 and not exact:
        return edit.cursorForPosition(QPoint(0, below)).block()
    layout = doc.documentLayout()
    top = edit.verticalScrollBar().value() + below
    low, high = 0, doc.blockCount() - 1
    while low < high:
        middle = (low + high) // 2
        if layout.blockBoundingRect(doc.findBlockByNumber(middle)).bottom() < top:
            low = middle + 1
        else:
            high = middle
    return doc.findBlockByNumber(low)


def highlight_visible(edit: QTextEdit) -> None:
    """Highlight the blocks on screen that were not highlighted yet (an article loaded lazily)."""
    doc = edit.document()
    highlighter = doc.findChild(QSyntaxHighlighter)
    if not getattr(highlighter, "lazy", False):
        return
    layout = doc.documentLayout()
    top, height = edit.verticalScrollBar().value(), edit.viewport().height()
    block = top_block(edit, exact=True)
    count = 0
    while block.isValid() and count < 400:
        if count and layout.blockBoundingRect(block).top() > top + height:
            break
        if block.userData() is None:
            highlighter.rehighlightBlock(block)
        block = block.next()
        count += 1
