"""A huge line shown as several display blocks ("pieces"), joined back whenever the text is read.

The core decides where (`editor.core.text.soft_breaks`). Each display break is a block separator
whose *character format* carries a token: positive for a SPACE break (the separator stands for
one space of the text, so every position stays the same), negative for a CUT break (a zero-width
break in a run without spaces). The token lives on the separator character itself, so Qt keeps it
exactly through any edit, edit block, undo and redo; a separator without a token is a real newline.

Two rules keep a newly typed newline from ever passing for a display break:
- a token counts only for the first separator carrying it (a separator inserted right after a
  display break in an empty piece inherits its format: that later one is a real newline);
- a piece emptied by an edit is folded away in the same undo step (its break becomes the space it
  stands for, or disappears for a CUT), so typing never happens in an empty piece.
"""

from __future__ import annotations

import bisect
import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from editor.core.text.soft_breaks import (
    CUT,
    SOFT_LINE_CHARS,
    SPACE,
    Break,
    display_pieces,
    join_pieces,
    plan_breaks,
)
from editor.ui.editor.text_positions import PositionMap

SOFT_PROPERTY = QTextFormat.Property.UserProperty + 0x51B
_tokens = itertools.count(1)


def _token(block: QTextBlock) -> int:
    value = block.charFormat().property(SOFT_PROPERTY)
    return int(value) if isinstance(value, int) else 0


def raw_kind(block: QTextBlock) -> str | None:
    """What the separator before `block` is by its own format alone (no duplicate check):
    cheap, for display decisions such as highlighting."""
    if block.blockNumber() == 0:
        return None
    token = _token(block)
    return None if token == 0 else (SPACE if token > 0 else CUT)


def kinds(doc: QTextDocument) -> list[str | None]:
    """What separates each block from the next: None (a real newline), SPACE or CUT."""
    out: list[str | None] = []
    seen: set[int] = set()
    block = doc.firstBlock().next()
    while block.isValid():
        token = _token(block)
        if token == 0 or token in seen:
            out.append(None)
        else:
            seen.add(token)
            out.append(SPACE if token > 0 else CUT)
        block = block.next()
    return out


def has_soft(doc: QTextDocument) -> bool:
    return any(k is not None for k in kinds(doc))


def body_of(doc: QTextDocument, pieces: bool = True) -> str:
    """The text exactly as it would be saved, display breaks joined back (when there are `pieces`)."""
    if not pieces:
        return doc.toRawText().replace("\u2029", "\n")
    return join_pieces(doc.toRawText().split("\u2029"), kinds(doc))


def selected_body(cursor: QTextCursor) -> str:
    """The selected text with display breaks joined back and real line breaks as `\\n`."""
    if not cursor.hasSelection():
        return ""
    doc = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    all_kinds = kinds(doc)
    first = doc.findBlock(start).blockNumber()
    pieces = cursor.selectedText().split("\u2029")
    return join_pieces(pieces, all_kinds[first : first + len(pieces) - 1]) if end > start else ""


Prepared = tuple[list[str], dict[int, int], list[Break]]  # display lines, break marks, breaks


def prepare(body: str) -> Prepared:
    """The display lines of `body`, the tokens of the separators that are display breaks (by the
    number of the block they start) and the breaks themselves."""
    breaks = plan_breaks(body)
    if not breaks:
        return body.split("\n"), {}, breaks
    pieces = display_pieces(body, breaks)
    marks: dict[int, int] = {}
    number = 0
    for brk, piece in zip(breaks, pieces, strict=False):
        number += piece.count("\n") + 1  # the block that starts after this break
        token = next(_tokens)
        marks[number] = token if brk.kind == SPACE else -token
    return "\n".join(pieces).split("\n"), marks, breaks


def insert_lines(doc: QTextDocument, lines: list[str], first: int, marks: dict[int, int]) -> None:
    """Put display lines `lines` into `doc` as blocks `first`…: the whole text when `first` is 0,
    else appended after a separator. Separators listed in `marks` become display breaks. No undo
    step is recorded (the caller clears the history when loading is done)."""
    undo = doc.isUndoRedoEnabled()
    doc.setUndoRedoEnabled(False)
    if first == 0:
        base = 0
        doc.setPlainText("")
    else:  # (lines typed meanwhile shift the block numbers: count from the current end)
        base = doc.blockCount()
    # one edit block: Qt lays the new lines out once, with their display breaks marked (inserted
    # alone, then marked, every piece was laid out twice: 16 ms instead of 8 for a run without spaces)
    end = QTextCursor(doc)
    end.beginEditBlock()
    end.movePosition(QTextCursor.MoveOperation.End)
    end.insertText(("\n" if first else "") + "\n".join(lines), QTextCharFormat())
    cursor = QTextCursor(doc)
    for number in (n for n in range(max(first, 1), first + len(lines)) if n in marks):
        block = doc.findBlockByNumber(base + number - first)
        fmt = QTextCharFormat()
        fmt.setProperty(SOFT_PROPERTY, marks[number])
        cursor.setPosition(block.position() - 1)
        cursor.setPosition(block.position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)
    end.endEditBlock()
    doc.setUndoRedoEnabled(undo)


def show(doc: QTextDocument, body: str) -> list[Break]:
    """Put `body` into `doc` with its huge lines in pieces (the caller guards signals and undo).
    Returns the display breaks it made."""
    lines, marks, breaks = prepare(body)
    if not breaks:
        doc.setPlainText(body)
    else:
        insert_lines(doc, lines, 0, marks)
    return breaks


def fold_empty_pieces(doc: QTextDocument, first: QTextBlock, last: QTextBlock) -> bool:
    """Fold away every empty piece from `first` to the block after `last` (see the module's rule);
    joins the current undo step. Returns True when something was folded."""
    targets: list[tuple[int, str]] = []
    block = first
    stop = last.next().next() if last.next().isValid() else last.next()
    while block.isValid() and block != stop:
        if block.length() == 1:
            kind = raw_kind(block)
            if kind is not None:
                targets.append((block.position(), kind))
        block = block.next()
    if not targets:
        return False
    cursor = QTextCursor(doc)
    cursor.joinPreviousEditBlock()
    for position, kind in reversed(targets):
        cursor.setPosition(position - 1)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(" " if kind == SPACE else "", QTextCharFormat())
    cursor.endEditBlock()
    return True


def logical_line(doc: QTextDocument, block: QTextBlock) -> tuple[int, QTextBlock]:
    """The text line number (0-based) of `block` and the first block of that line."""
    all_kinds = kinds(doc)
    number = block.blockNumber()
    soft_before = sum(k is not None for k in all_kinds[:number])
    head = block
    while head.blockNumber() > 0 and all_kinds[head.blockNumber() - 1] is not None:
        head = head.previous()
    return number - soft_before, head


def block_of_line(doc: QTextDocument, line: int) -> QTextBlock:
    """The first block of text line `line` (0-based; clamped to the last line)."""
    all_kinds = kinds(doc)
    number = 0
    for index, kind in enumerate(all_kinds):
        if number == line:
            return doc.findBlockByNumber(index)
        if kind is None:
            number += 1
    return doc.findBlockByNumber(len(all_kinds)) if number == line else doc.lastBlock()


class PiecePositionMap(PositionMap):
    """Python indexes of the body ↔ Qt positions of a document holding CUT breaks."""

    def __init__(self, text: str, doc: QTextDocument) -> None:
        super().__init__(text)
        cuts: list[int] = []
        index = 0
        block = doc.firstBlock()
        for kind in kinds(doc):
            index += len(block.text()) + (0 if kind == CUT else 1)
            if kind == CUT:
                cuts.append(index)
            block = block.next()
        self._cuts = cuts
        self._cut_qt = [super(PiecePositionMap, self).to_qt(c) + n for n, c in enumerate(cuts)]

    def to_qt(self, index: int) -> int:
        return super().to_qt(index) + bisect.bisect_right(self._cuts, index)

    def to_py(self, position: int) -> int:
        return super().to_py(position - bisect.bisect_left(self._cut_qt, position))


def spread(per_line: list[str], kinds: list[str | None]) -> list[str]:
    """Per-line values spread over display blocks: a block after a display break repeats its line's."""
    values = iter(per_line)
    out = [next(values, "rtl")]
    for kind in kinds:
        out.append(next(values, out[-1]) if kind is None else out[-1])
    return out


def delete_across_cut(cursor: QTextCursor, event: QKeyEvent, kinds: list[str | None]) -> bool:
    """Backspace at the start of a piece after a zero-width break (or Delete at the end of the
    piece before one) deletes the character beyond the break, as the writer sees it."""
    key = event.key()
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier or cursor.hasSelection():
        return False
    block = cursor.block()
    if key == Qt.Key.Key_Backspace and cursor.atBlockStart() and block.blockNumber() > 0:
        if kinds[block.blockNumber() - 1] != CUT or block.previous().length() < 2:
            return False
        cursor.setPosition(block.position() - 1)
        cursor.deletePreviousChar()
        return True
    if key == Qt.Key.Key_Delete and cursor.atBlockEnd() and block.next().isValid():
        if kinds[block.blockNumber()] != CUT or block.next().length() < 2:
            return False
        cursor.setPosition(block.next().position())
        cursor.deleteChar()
        return True
    return False


def line_and_column(block: QTextBlock, column: int, kinds: list[str | None]) -> tuple[int, int]:
    """The text line (0-based) of `block` and the column in that line of `column` in the block."""
    line = block.blockNumber() - sum(k is not None for k in kinds[: block.blockNumber()])
    head = block
    while head.blockNumber() > 0 and kinds[head.blockNumber() - 1] is not None:
        head = head.previous()
        column += head.length() - (0 if kinds[head.blockNumber()] == SPACE else 1)
    return line, column


def after_edit(doc: QTextDocument, position: int, added: int, pieces: bool) -> int | None:
    """Keep the pieces' rules after an edit of `added` characters at `position`: fold the pieces it
    emptied (when the text has `pieces`) and cut a block it made longer than `SOFT_LINE_CHARS`.
    Returns, when the text had no pieces and now has some (cut here, or pasted in pieces), how many
    of the new breaks are zero-width; None otherwise."""

    def edited() -> tuple[QTextBlock, QTextBlock]:
        end = doc.findBlock(position + added)
        return doc.findBlock(position), end if end.isValid() else doc.lastBlock()

    if pieces:
        fold_empty_pieces(doc, *edited())
    split_long_blocks(doc, *edited())
    if pieces:
        return None
    first, last = edited()
    found = [raw_kind(b) for b in _blocks(first, last)]
    return sum(k == CUT for k in found) if any(found) else None


def _blocks(first: QTextBlock, last: QTextBlock) -> list[QTextBlock]:
    out, block = [], first
    while block.isValid() and (not out or out[-1] != last):
        out.append(block)
        block = block.next()
    return out


def insert_in_pieces(cursor: QTextCursor, text: str) -> None:
    """Insert `text` at `cursor` (the caller holds an edit block), its huge lines already in pieces:
    Qt never lays out (or keeps in one block) a pasted 1 MB line. A line that only grows past the
    limit with the text around it is cut by `split_long_blocks` afterwards."""
    breaks = plan_breaks(text) if len(text) > SOFT_LINE_CHARS else []
    if not breaks:
        cursor.insertText(text)
        return
    plain = QTextCharFormat()
    pieces = display_pieces(text, breaks)
    for brk, piece in zip(breaks, pieces, strict=False):
        cursor.insertText(piece, plain)
        token = next(_tokens)
        fmt = QTextCharFormat()
        fmt.setProperty(SOFT_PROPERTY, token if brk.kind == SPACE else -token)
        cursor.insertBlock(cursor.blockFormat(), fmt)
    cursor.insertText(pieces[-1], plain)


def split_long_blocks(doc: QTextDocument, first: QTextBlock, last: QTextBlock) -> None:
    """Cut every display block from `first` to `last` longer than `SOFT_LINE_CHARS` into pieces
    (a huge line typed, or pasted into a long one), joining the current undo step."""
    targets = [(b.position(), b.text()) for b in _blocks(first, last) if b.length() - 1 > SOFT_LINE_CHARS]
    if not targets:
        return
    cursor = QTextCursor(doc)
    cursor.joinPreviousEditBlock()
    for position, text in reversed(targets):
        to_qt = PositionMap(text).to_qt
        for brk in reversed(plan_breaks(text)):
            token = next(_tokens)
            fmt = QTextCharFormat()
            fmt.setProperty(SOFT_PROPERTY, token if brk.kind == SPACE else -token)
            cursor.setPosition(position + to_qt(brk.index))
            if brk.kind == SPACE:  # the separator stands for this space
                cursor.setPosition(position + to_qt(brk.index + 1), QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
            cursor.insertBlock(cursor.blockFormat(), fmt)
    cursor.endEditBlock()
