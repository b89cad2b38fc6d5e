"""The Markdown editor widget: a QTextEdit whose every paragraph has the core model's direction.

QPlainTextEdit ignores per-block direction (QTBUG-7516), so this is a plain-text QTextEdit. The
article's direction is the document's default text direction (not part of the undo history);
a line whose direction from `editor.core.markdown.markup_lines.editor_line_directions` (the
core's direction model, with raw HTML, code and table rules left to right) differs gets its own
`QTextBlockFormat.setLayoutDirection`. Only the edited paragraph is recomputed, and the format
change joins the user's own undo step so undo/redo never needs a second press. The text is
never changed by that; `body_text()` returns exactly what was typed (NBSP, U+2028 and all).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QKeySequence, QTextBlock, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextEdit, QWidget

from editor.core.markdown import formatting as fmt
from editor.core.markdown.markup_lines import editor_line_directions
from editor.core.text.soft_breaks import CUT
from editor.ui.common.fonts import editor_font
from editor.ui.editor import loading, paste, repaint_area, soft_lines
from editor.ui.editor.caret_report import CaretReport
from editor.ui.editor.formatting_actions import FormattingMixin
from editor.ui.editor.painting import PaintMixin
from editor.ui.editor.sliced_apply import SlicedApply
from editor.ui.editor.soft_lines import Prepared
from editor.ui.editor.text_positions import PositionMap

_PARAGRAPH_SEPARATOR = "\u2029"
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
# Characters of a paragraph weighed synchronously on a keystroke (about 2 ms of direction work).
SYNC_DIRECTION_CHARS = 4000
_LAYOUT = {"rtl": Qt.LayoutDirection.RightToLeft, "ltr": Qt.LayoutDirection.LeftToRight}


def _block_range(first: QTextBlock, last: QTextBlock) -> list[QTextBlock]:
    blocks = [first]
    while blocks[-1] != last and blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    return blocks


class MarkdownEdit(FormattingMixin, PaintMixin, QTextEdit):
    """Plain Markdown editing with per-paragraph direction from the core."""

    # line (1-based), column (1-based), paragraph direction; once the move is painted (caret_report.py)
    cursor_moved = Signal(int, int, str)
    files_dropped = Signal(list)  # local article files dropped on the editor (opened, not inserted)
    import_dropped = Signal(str)  # one Word or HTML file dropped on the editor (imported, not inserted)
    loaded = Signal()  # a big article is whole in the editor (editable again: see `loading.py`)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(False)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._article_dir = "rtl"
        self._applying = False
        self._show_marks = True
        self._soft = False  # the text holds display breaks (huge lines shown in pieces)
        self.cut_breaks = 0  # how many of them are zero-width (runs without spaces)
        self._kinds_cache: tuple[object, list[str | None]] = (None, [])
        self._wanted_read_only = False
        self._body_cache: tuple[object, str, object] = (None, "", None)
        self._loader = loading.SliceLoader(self, self._guarded)
        self._loader.finished.connect(self._loaded)
        self._sliced = SlicedApply(self)
        self.verticalScrollBar().valueChanged.connect(lambda _value: loading.highlight_visible(self))
        self.document().setDocumentMargin(16)
        self.setFont(editor_font())
        self.document().contentsChange.connect(self._on_contents_change)
        self._caret = CaretReport(self, self._emit_cursor)  # (after the paint: see caret_report.py)
        self.cursorPositionChanged.connect(self._caret.moved)

    # --- text in and out ---------------------------------------------------------------------
    def set_body(self, body: str, article_dir: str = "rtl", prepared: Prepared | None = None) -> None:
        """Show `body` (newlines `\\n`) with every paragraph's direction set; not modified, no undo
        (`prepared`: `soft_lines.prepare(body)`, when done already off the GUI thread)."""
        self._loader.cancel()
        loading.set_modes(self.document(), lazy=False, bulk=False)
        big, self._applying = loading.is_big(body), True
        try:
            lines, marks, breaks = prepared or soft_lines.prepare(body)
            self._soft = bool(breaks)
            self.cut_breaks = sum(b.kind == CUT for b in breaks)
            self._kinds_cache, self._body_cache = (None, []), (None, "", None)
            if big:  # in slices, read-only until loaded; directions after the pause
                super().setReadOnly(True)
                self.setTextInteractionFlags(loading.LOOK_AROUND)  # a caret that arrows move
                self._loader.start(body, lines, marks, lambda: self._set_default_direction(article_dir))
            elif breaks:  # (highlighted once, as pieces)
                self._set_default_direction(article_dir)
                doc = self.document()
                loading.quietly(doc, lambda: soft_lines.insert_lines(doc, lines, 0, marks))
            else:
                self._set_default_direction(article_dir)
                self.setPlainText(body)
        finally:
            self._applying = False
        if not big:
            self.apply_all_directions()
        self.document().clearUndoRedoStacks()
        self.document().setModified(False)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._caret.flush()

    def body_text(self) -> str:
        """The text exactly as typed, lines joined by `\\n` (NBSP and U+2028 kept, unlike toPlainText);
        huge lines shown in pieces are joined back (see `soft_lines`)."""
        doc = self.document()
        if self._loader.loading:  # (what is in the editor, then the rest of the file)
            return self._loader.whole()
        key = (doc.revision(), doc.characterCount())
        if self._body_cache[0] == key and self._body_cache[2] is doc:
            return self._body_cache[1]  # (read several times per pause: 0.1 s each in 5 MB)
        text = soft_lines.body_of(doc, self._soft)
        self._body_cache = (key, text, doc)
        return text

    @property
    def loading(self) -> bool:
        """True while the next article's file is read or a big article goes in (see `loading.py`)."""
        return self._loader.loading or self._loader.reading

    def set_reading(self, reading: bool, keep_keys: bool = True) -> None:
        """While the next article's file is read (`ui/article/reading.py`): read-only, keys kept for it."""
        keys = self._loader.set_reading(reading, keep_keys)
        self.setReadOnly(self._wanted_read_only)
        for event in keys:
            self._key(event)

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 - Qt override
        self._wanted_read_only = read_only
        super().setReadOnly(read_only or self._loader.loading or self._loader.reading)
        if self._loader.loading and not read_only:
            self.setTextInteractionFlags(loading.LOOK_AROUND)

    def _loaded(self) -> None:
        doc, self._loader.loaded, loaded = self.document(), None, self._loader.loaded
        if loaded is not None:  # (the text is known: no need to read 5 MB back from Qt)
            self._body_cache = ((doc.revision(), doc.characterCount()), loaded, doc)
        super().setReadOnly(self._wanted_read_only)
        for event in self._loader.take_waiting():  # keys pressed while loading, in order
            self._key(event)
        self._caret.flush()
        self.loaded.emit()

    def _guarded(self, change: Callable[[], None]) -> None:
        self._applying, was = True, self._applying
        try:
            change()
        finally:
            self._applying = was

    def selected_body_text(self, cursor: QTextCursor | None = None) -> str:
        """The selection's text as it is in the body (lines joined by `\\n`, pieces joined back)."""
        cursor = cursor or self.textCursor()
        if self._soft:
            return soft_lines.selected_body(cursor)
        return cursor.selectedText().replace(_PARAGRAPH_SEPARATOR, "\n")

    @property
    def has_pieces(self) -> bool:
        """True when some huge line is shown in pieces."""
        return self._soft

    def position_map(self, text: str) -> PositionMap:
        """Python indexes of `text` (the body) ↔ Qt positions in this editor's document."""
        if self.cut_breaks:
            return soft_lines.PiecePositionMap(text, self.document())
        return PositionMap(text)

    def block_of_line(self, line: int) -> QTextBlock:
        """The first block of text line `line` (0-based; a huge line may be shown as several)."""
        doc = self.document()
        if self._soft:
            return soft_lines.block_of_line(doc, line)
        return doc.findBlockByNumber(max(0, min(line, doc.blockCount() - 1)))

    def _kinds(self) -> list[str | None]:
        doc = self.document()
        revision = (doc.revision(), doc.blockCount(), doc.characterCount())
        if self._kinds_cache[0] != revision:
            self._kinds_cache = (revision, soft_lines.kinds(doc))
        return self._kinds_cache[1]

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        if not self._soft:
            return super().createMimeDataFromSelection()
        data = QMimeData()
        data.setText(self.selected_body_text())
        return data

    # --- direction -----------------------------------------------------------------------------
    @property
    def article_direction(self) -> str:
        return self._article_dir

    def set_article_direction(self, direction: str) -> None:
        """Change the article's default direction and re-apply every paragraph's direction."""
        if direction != self._article_dir:
            self._set_default_direction(direction)
            self.apply_all_directions()

    def _set_default_direction(self, direction: str) -> None:
        # Lines in the article's direction carry no format of their own: they follow the
        # document's default text direction, which is not part of the undo history.
        self._article_dir = direction
        option = self.document().defaultTextOption()
        option.setTextDirection(_LAYOUT[direction])
        self.document().setDefaultTextOption(option)

    def block_direction(self, block: QTextBlock) -> str:
        """`rtl` or `ltr`: how `block` is laid out (its own format, else the article's direction)."""
        return "rtl" if block.textDirection() == Qt.LayoutDirection.RightToLeft else "ltr"

    def apply_all_directions(self) -> None:
        doc = self.document()
        self._apply(_block_range(doc.firstBlock(), doc.lastBlock()))

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._applying:
            return
        doc = self.document()
        self._loader.note_change()
        repaint_area.note_edit(self, position)  # (only the lines that can have changed: repaint_area.py)
        if removed or added:  # emptied pieces folded, a line grown past the limit cut in pieces
            self._applying = True
            try:
                cuts = soft_lines.after_edit(doc, position, added, self._soft)
            finally:
                self._applying = False
            if cuts is not None:
                self._soft, self.cut_breaks = True, self.cut_breaks + cuts
        first = doc.findBlock(position)
        last = doc.findBlock(position + added)
        if not first.isValid():
            first = doc.lastBlock()
        if not last.isValid():
            last = doc.lastBlock()
        # The region to recompute: back to the start of the paragraph whose direction blank lines
        # here inherit, forward through that paragraph and the blank lines after it. A region too
        # long to weigh within a keystroke's budget (a whole article written without blank lines)
        # is left to the whole-text check that follows the next typing pause, off the GUI thread.
        budget = SYNC_DIRECTION_CHARS - sum(b.length() for b in _block_range(first, last)[:64])
        while (
            budget >= 0
            and first.previous().isValid()
            and (not first.text().strip() or first.previous().text().strip())
        ):
            first = first.previous()
            budget -= first.length()
        while budget >= 0 and last.next().isValid() and last.next().text().strip():
            last = last.next()
            budget -= last.length()
        while budget >= 0 and last.next().isValid() and not last.next().text().strip():
            last = last.next()
            budget -= last.length()
        if budget >= 0:
            self._apply(_block_range(first, last))

    def apply_directions(self, directions: list[str], article_dir: str) -> bool:
        """Apply directions computed elsewhere (the pause worker) for the whole current text.

        Only blocks that differ change. Returns False (and changes nothing) when `directions`
        does not fit the text, or when applying them would discard the redo history.
        """
        doc = self.document()
        kinds = self._kinds() if self._soft else []
        lines = doc.blockCount() - sum(k is not None for k in kinds)
        if len(directions) != lines or doc.isRedoAvailable():
            return False
        self._article_dir = article_dir
        if self._soft:  # every piece of a line takes that line's direction
            directions = soft_lines.spread(directions, kinds)
        if loading.lazy(doc):  # a big article: a slice of blocks per event-loop turn
            self._sliced.start(directions, self._apply)
            return True
        self._apply(_block_range(doc.firstBlock(), doc.lastBlock()), directions)
        return True

    def _apply(self, blocks: list[QTextBlock], directions: list[str] | None = None) -> None:
        if directions is None and self._soft:
            kinds = self._kinds()
            while blocks[0].blockNumber() > 0 and kinds[blocks[0].blockNumber() - 1] is not None:
                blocks.insert(0, blocks[0].previous())
            while blocks[-1].next().isValid() and kinds[blocks[-1].blockNumber()] is not None:
                blocks.append(blocks[-1].next())
            own = kinds[blocks[0].blockNumber() : blocks[-1].blockNumber()]
            text = soft_lines.join_pieces([b.text() for b in blocks], own)
            per_line = editor_line_directions(text, self._article_dir, blocks[0].blockNumber() == 0)
            directions = soft_lines.spread(per_line, own)
        if directions is None:
            directions = editor_line_directions(
                "\n".join(b.text() for b in blocks), self._article_dir, blocks[0].blockNumber() == 0
            )
        cursor: QTextCursor | None = None
        self._applying = True
        try:
            for block, direction in zip(blocks, directions, strict=False):
                # only lines against the article's direction need a format of their own
                want = (
                    _LAYOUT[direction]
                    if direction != self._article_dir
                    else Qt.LayoutDirection.LayoutDirectionAuto
                )
                block_format = block.blockFormat()
                if block_format.layoutDirection() == want:
                    continue
                if cursor is None:
                    cursor = QTextCursor(self.document())
                    cursor.joinPreviousEditBlock()
                block_format.setLayoutDirection(want)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(block_format)
            if cursor is not None:
                cursor.endEditBlock()
        finally:
            self._applying = False
        if cursor is not None:
            self._caret.moved()  # (the paragraph's direction in the status bar)
            repaint_area.forget(self)

    def _emit_cursor(self) -> None:  # (through `self._caret`, once the move is painted)
        cursor = self.textCursor()
        block = cursor.block()
        line, column = block.blockNumber(), cursor.positionInBlock()
        if self._soft and line:  # (the first block is the first line: no need to walk them all)
            line, column = soft_lines.line_and_column(block, column, self._kinds())
        self.cursor_moved.emit(line + 1, column + 1, self.block_direction(block))

    # --- preferences ---------------------------------------------------------------------------
    def set_caret_mode(self, mode: str) -> None:
        """`logical` (arrow keys follow the text order) or `visual` (they follow the screen)."""
        style = (
            Qt.CursorMoveStyle.VisualMoveStyle if mode == "visual" else Qt.CursorMoveStyle.LogicalMoveStyle
        )
        self.document().setDefaultCursorMoveStyle(style)
        self.setTextCursor(self.textCursor())

    def set_editor_font(self, family: str, size: int) -> None:
        self.setFont(editor_font(family, size))
        self.document().setDefaultFont(self.font())

    # --- drops, keys and painting ----------------------------------------------------------------
    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        if source.hasUrls():
            paths = [u.toLocalFile() for u in source.urls() if u.isLocalFile()]
            articles = [p for p in paths if p.lower().endswith(ARTICLE_SUFFIXES)]
            if articles and len(articles) == len(source.urls()):
                self.files_dropped.emit(articles)
                return
            if len(paths) == len(source.urls()) == 1 and paths[0].lower().endswith(paste.IMPORT_SUFFIXES):
                self.import_dropped.emit(paths[0])
                return
        text = paste.markdown_for_paste(source)  # HTML → Markdown; HTML-only pastes its text
        if text is not None:
            paste.insert_text(self, text)
            return
        super().insertFromMimeData(source)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt override
        return paste.can_paste(source) or super().canInsertFromMimeData(source)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        """Keys (Enter never resets a line's format; Backspace/Delete across a display break)."""
        if self._loader.hold(event, self._wanted_read_only):
            return  # applied once the text is whole (see `loading.py`)
        self._key(event)

    def _key(self, event) -> None:  # noqa: ANN001
        if not self.isReadOnly() and (
            event.matches(QKeySequence.StandardKey.InsertParagraphSeparator)
            or event.matches(QKeySequence.StandardKey.InsertLineSeparator)
        ):
            # Qt turns Enter on an empty block with a block format (ours: direction and alignment)
            # into "reset the format" instead of a new line, and Shift+Enter into U+2028: both
            # would betray the writer, so Enter is always a plain newline. At the end of a list
            # item or quote, Enter continues it (Shift+Enter does not); on an empty item it ends it.
            cursor = self.textCursor()
            continuation = None
            if not event.modifiers() & Qt.KeyboardModifier.ShiftModifier and cursor.atBlockEnd():
                continuation = fmt.continue_line(cursor.block().text())
            if continuation is not None and continuation[1]:
                # the empty item becomes the blank line that ends the list; typing goes below it
                cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText("\n")
                self.setTextCursor(cursor)
                return
            cursor.insertText("\n" + (continuation[0] if continuation else ""))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            return
        if self.cut_breaks and not self.isReadOnly():
            if soft_lines.delete_across_cut(self.textCursor(), event, self._kinds()):
                return
        super().keyPressEvent(event)
