"""The editor's formatting actions (Bold, Heading, Quote, List, Link, Rule, direction, number marks).

The text edits are the core's (`editor.core.markdown.formatting`); this mixin applies them to the
`QTextDocument` as one undoable step each and puts the caret back where it was, shifted by the marks
that were inserted or removed before it. A selection is kept (shifted the same way) only when there
was one, so the next keystroke never replaces a line the writer did not select.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtGui import QTextBlock, QTextCursor

from editor.core.markdown import formatting as fmt
from editor.core.text.direction import direction_unit
from editor.ui.editor.text_positions import PositionMap

PARAGRAPH_SEPARATOR = "\u2029"
ColumnMap = Callable[[str, str, int], int]  # (old line, new line, column) -> new column


def block_range(first: QTextBlock, last: QTextBlock) -> list[QTextBlock]:
    """The blocks from `first` to `last`, both included."""
    blocks = [first]
    while blocks[-1] != last and blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    return blocks


def _qt_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FormattingMixin:
    """Formatting actions of `MarkdownEdit` (a QTextEdit)."""

    _article_dir: str

    # --- helpers --------------------------------------------------------------------------------
    def _selected_blocks(self) -> list[QTextBlock]:
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart())
        end = cursor.selectionEnd()
        last = doc.findBlock(end)
        if cursor.hasSelection() and last != first and end == last.position():
            last = last.previous()  # a selection ending at a line start does not take that line
        return block_range(first, last)

    def _replace_blocks(self, blocks: list[QTextBlock], lines: list[str]) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(blocks[0].position())
        cursor.setPosition(blocks[-1].position() + blocks[-1].length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText("\n".join(lines))
        return cursor

    def _replace_lines_keeping_caret(
        self, blocks: list[QTextBlock], new: list[str], column_map: ColumnMap = fmt.shift_column
    ) -> None:
        """Replace `blocks` by `new` (as many lines) in one undo step; the caret and any selection
        are mapped line by line with `column_map`."""
        old = [b.text() for b in blocks]
        start = blocks[0].position()
        end = blocks[-1].position() + blocks[-1].length() - 1
        starts = [b.position() for b in blocks]
        cursor = self.textCursor()
        had_selection = cursor.hasSelection()

        def new_position(position: int) -> int:
            if position < start:
                return position
            if position > end:
                return position + sum(_qt_len(n) - _qt_len(o) for o, n in zip(old, new, strict=True))
            index = bisect.bisect_right(starts, position) - 1
            before = sum(_qt_len(n) + 1 for n in new[:index])
            old_map, new_map = PositionMap(old[index]), PositionMap(new[index])
            column = column_map(old[index], new[index], old_map.to_py(position - starts[index]))
            return start + before + new_map.to_qt(column)

        anchor, position = new_position(cursor.anchor()), new_position(cursor.position())
        edit = QTextCursor(self.document())
        edit.beginEditBlock()
        for number in reversed(range(len(blocks))):  # only the lines that change
            if old[number] != new[number]:
                self._replace_blocks([self.document().findBlock(starts[number])], [new[number]])
        edit.endEditBlock()
        self._put_caret(anchor if had_selection else position, position)

    def _put_caret(self, anchor: int, position: int) -> None:
        last = self.document().characterCount() - 1
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(anchor, last)))
        cursor.setPosition(max(0, min(position, last)), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _edit_lines(self, transform: Callable[[list[str]], list[str]]) -> None:
        if self.has_pieces:
            self._edit_body_lines(transform)
            return
        blocks = self._selected_blocks()
        old = [b.text() for b in blocks]
        new = transform(old)
        if new != old:
            self._replace_lines_keeping_caret(blocks, new)

    def _edit_body_lines(self, transform: Callable[[list[str]], list[str]]) -> None:
        """`_edit_lines` when a huge line is shown in pieces: the selected *text* lines are edited
        (a piece is not a line), as one undoable step; the caret goes to the first line's start."""
        body = self.body_text()
        positions = self.position_map(body)
        cursor = self.textCursor()
        start = positions.to_py(cursor.selectionStart())
        end = positions.to_py(cursor.selectionEnd())
        if end > start and body[end - 1] == "\n":
            end -= 1  # a selection ending at a line start does not take that line
        first = body.rfind("\n", 0, start) + 1
        last = body.find("\n", end)
        last = len(body) if last == -1 else last
        old = body[first:last].split("\n")
        new = transform(old)
        if new == old:
            return
        self._replace_body(body, body[:first] + "\n".join(new) + body[last:])
        self._put_caret(positions.to_qt(first), positions.to_qt(first))

    def _replace_body(self, old: str, new: str) -> None:
        """Make the body `new` by replacing only the span between the first and last difference."""
        start = 0
        limit = min(len(old), len(new))
        while start < limit and old[start] == new[start]:
            start += 1
        end = 0
        while end < limit - start and old[-1 - end] == new[-1 - end]:
            end += 1
        positions = self.position_map(old)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(positions.to_qt(start))
        cursor.setPosition(positions.to_qt(len(old) - end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(new[start : len(new) - end])
        cursor.endEditBlock()

    # --- inline -----------------------------------------------------------------------------------
    def toggle_inline(self, marker: str) -> None:
        """Bold (`**`) or italic (`*`): the selection, else the word under the caret, else an empty
        pair between words with the caret inside; toggles off when already applied."""
        cursor = self.textCursor()
        block = self.document().findBlock(cursor.selectionStart())
        if cursor.hasSelection() and self.document().findBlock(cursor.selectionEnd()) != block:
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            text = self.selected_body_text(cursor)
            cursor.insertText(f"{marker}{text}{marker}")
            forward = cursor.anchor() <= cursor.position()
            n = len(marker)
            a, b = (start + n, end + n) if forward else (end + n, start + n)
            self._put_caret(a, b)
            return
        line = block.text()
        positions = PositionMap(line)
        forward = cursor.anchor() <= cursor.position()
        start = positions.to_py(cursor.selectionStart() - block.position())
        end = positions.to_py(cursor.selectionEnd() - block.position())
        new_line, new_start, new_end = fmt.format_inline(line, start, end, marker)
        if not forward:
            new_start, new_end = new_end, new_start
        self._set_block_text(block, new_line, new_start, new_end)

    def insert_link(self) -> None:
        """`[selection](https://)` with the address selected for typing; with no selection the word
        under the caret becomes the link text and the caret waits in the empty address."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            block = cursor.block()
            positions = PositionMap(block.text())
            new_line, caret = fmt.link_at_caret(block.text(), positions.to_py(cursor.positionInBlock()))
            self._set_block_text(block, new_line, caret, caret)
            return
        selected = self.selected_body_text(cursor).replace("\n", " ")
        link, a, b = fmt.make_link(selected)
        start = cursor.selectionStart()
        cursor.insertText(link)
        positions = PositionMap(link)
        cursor.setPosition(start + positions.to_qt(a))
        cursor.setPosition(start + positions.to_qt(b), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _set_block_text(self, block: QTextBlock, text: str, anchor: int, position: int) -> None:
        cursor = QTextCursor(block)
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)
        cursor.endEditBlock()
        positions = PositionMap(text)
        self._put_caret(
            block.position() + positions.to_qt(anchor), block.position() + positions.to_qt(position)
        )

    # --- lines ------------------------------------------------------------------------------------
    def set_heading(self, level: int) -> None:
        self._edit_lines(lambda lines: fmt.set_heading(lines, level))

    def toggle_quote(self) -> None:
        self._edit_lines(fmt.toggle_quote)

    def toggle_bullets(self) -> None:
        self._edit_lines(fmt.toggle_bullets)

    def toggle_numbers(self) -> None:
        self._edit_lines(fmt.toggle_numbers)

    def insert_rule(self) -> None:
        """A horizontal rule on its own paragraph after the selected lines; the caret stays put."""
        cursor = self.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        last = self._selected_blocks()[-1]
        edit = QTextCursor(last)
        edit.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        before = "\n\n" if last.text().strip() else ""
        edit.insertText(f"{before}{fmt.HORIZONTAL_RULE}\n")
        self._put_caret(anchor, position)

    def toggle_paragraph_direction(self) -> None:
        """Flip the direction of the paragraph at the caret with a `{dir=…}` override."""
        block = self.textCursor().block()
        if not block.text().strip():
            return
        if self.has_pieces:
            self._toggle_direction_in_body()
            return
        first = last = block
        while first.previous().isValid() and first.previous().text().strip():
            first = first.previous()
        while last.next().isValid() and last.next().text().strip():
            last = last.next()
        blocks = block_range(first, last)
        start, end = direction_unit([b.text() for b in blocks], blocks.index(block))
        blocks = blocks[start:end]  # one paragraph, heading, list item or table: what has one direction
        lines = [b.text() for b in blocks]
        new = fmt.toggle_direction(lines, self._article_dir)
        if new != lines:
            self._replace_lines_keeping_caret(blocks, new)

    def _toggle_direction_in_body(self) -> None:
        """`toggle_paragraph_direction` when a huge line is shown in pieces: on the text's lines."""
        body = self.body_text()
        positions = self.position_map(body)
        lines = body.split("\n")
        index = body.count("\n", 0, positions.to_py(self.textCursor().position()))
        first = last = index
        while first > 0 and lines[first - 1].strip():
            first -= 1
        while last + 1 < len(lines) and lines[last + 1].strip():
            last += 1
        start, end = direction_unit(lines[first : last + 1], index - first)
        old = lines[first + start : first + end]
        new = fmt.toggle_direction(old, self._article_dir)
        if new != old:
            lines[first + start : first + end] = new
            self._replace_body(body, "\n".join(lines))

    def keep_number_order(self) -> int:
        """Write the marks that keep number runs (`03-73`) in order; one undoable step. Returns lines changed."""
        old_lines = self.body_text().split("\n")
        new_lines = fmt.keep_number_order("\n".join(old_lines), self._article_dir).split("\n")
        changed = sum(a != b for a, b in zip(old_lines, new_lines, strict=True))
        if changed and self.has_pieces:
            self._replace_body("\n".join(old_lines), "\n".join(new_lines))
        elif changed:
            doc = self.document()
            blocks = block_range(doc.firstBlock(), doc.lastBlock())
            self._replace_lines_keeping_caret(blocks, new_lines, fmt.shift_column_for_insertions)
        return changed
