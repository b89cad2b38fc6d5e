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

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QTextBlock, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextEdit, QWidget

from editor.core.markdown import formatting as fmt
from editor.core.markdown.markup_lines import editor_line_directions
from editor.ui.common.fonts import TEXT_FAMILIES, load_bundled_fonts
from editor.ui.common.settings import ARABIC_FONTS, DEFAULT_FONT_SIZE
from editor.ui.editor import paste
from editor.ui.editor.bidi_marks import paint_bidi_marks
from editor.ui.editor.formatting_actions import FormattingMixin

_PARAGRAPH_SEPARATOR = "\u2029"
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
# Characters of a paragraph weighed synchronously on a keystroke (about 2 ms of direction work).
SYNC_DIRECTION_CHARS = 4000
_LAYOUT = {"rtl": Qt.LayoutDirection.RightToLeft, "ltr": Qt.LayoutDirection.LeftToRight}


def editor_font(family: str = "", size: int = DEFAULT_FONT_SIZE) -> QFont:
    """The writer's font first (if chosen), then the shipped pair (Noto Serif for Latin letters and
    digits, Noto Naskh Arabic for Arabic), then other good Arabic faces (never Qt's DejaVu fallback)."""
    load_bundled_fonts()
    font = QFont()
    families = list(dict.fromkeys(([family] if family else []) + TEXT_FAMILIES + ARABIC_FONTS))
    font.setFamilies(families)
    font.setPointSize(max(6, size))
    return font


def _block_range(first: QTextBlock, last: QTextBlock) -> list[QTextBlock]:
    blocks = [first]
    while blocks[-1] != last and blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    return blocks


class MarkdownEdit(FormattingMixin, QTextEdit):
    """Plain Markdown editing with per-paragraph direction from the core."""

    cursor_moved = Signal(int, int, str)  # line (1-based), column (1-based), paragraph direction
    files_dropped = Signal(list)  # local article files dropped on the editor (opened, not inserted)
    import_dropped = Signal(str)  # one Word or HTML file dropped on the editor (imported, not inserted)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(False)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._article_dir = "rtl"
        self._applying = False
        self._show_marks = True
        self.document().setDocumentMargin(16)
        self.setFont(editor_font())
        self.document().contentsChange.connect(self._on_contents_change)
        self.cursorPositionChanged.connect(self._emit_cursor)

    # --- text in and out ---------------------------------------------------------------------
    def set_body(self, body: str, article_dir: str = "rtl") -> None:
        """Show `body` (newlines `\\n`) with every paragraph's direction set; not modified, no undo."""
        self._set_default_direction(article_dir)
        self._applying = True
        try:
            self.setPlainText(body)
        finally:
            self._applying = False
        self.apply_all_directions()
        self.document().clearUndoRedoStacks()
        self.document().setModified(False)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._emit_cursor()

    def body_text(self) -> str:
        """The text exactly as typed, lines joined by `\\n` (NBSP and U+2028 kept, unlike toPlainText)."""
        return self.document().toRawText().replace(_PARAGRAPH_SEPARATOR, "\n")

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
        if len(directions) != doc.blockCount() or doc.isRedoAvailable():
            return False
        self._article_dir = article_dir
        self._apply(_block_range(doc.firstBlock(), doc.lastBlock()), directions)
        return True

    def _apply(self, blocks: list[QTextBlock], directions: list[str] | None = None) -> None:
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
            self._emit_cursor()

    def _emit_cursor(self) -> None:
        cursor = self.textCursor()
        block = cursor.block()
        self.cursor_moved.emit(
            block.blockNumber() + 1, cursor.positionInBlock() + 1, self.block_direction(block)
        )

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
        super().keyPressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().paintEvent(event)
        if self._show_marks:
            paint_bidi_marks(self)
