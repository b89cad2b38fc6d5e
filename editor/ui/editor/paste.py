"""What a paste (or a drop) inserts into the Markdown editor.

- Midad's own copy (`MIDAD_MIME`, set by *Copy for CMS*) pastes its Markdown as it was.
- HTML with structure (headings, paragraphs, lists, links, emphasis, quotes, tables), as browsers,
  LibreOffice and Word put on the clipboard, pastes as Markdown (`editor.core.convert.html_markdown`).
- HTML without structure (a code editor's coloured spans) pastes its plain text, so Markdown copied
  from another editor is not escaped.
- An HTML-only clipboard whose conversion yields nothing pastes the HTML's text: never nothing.
- *Paste as plain text* (Ctrl+Shift+V) pastes the text alone.
Every character of the text is kept (NBSP, ZWNJ, bidi marks): plain text comes from `toRawText`.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QTextDocumentFragment
from PySide6.QtWidgets import QTextEdit

from editor.ui.editor import loading, soft_lines


def _html_too_complex() -> type[Exception]:
    from editor.core.convert.html_markdown import HtmlTooComplex

    return HtmlTooComplex


MIDAD_MIME = "application/x-midad-markdown"
IMPORT_SUFFIXES = (".docx", ".html", ".htm")  # dropped on the editor: imported as a new article
PASTE_HTML_LIMIT = (
    400_000  # characters of HTML converted on the GUI thread (about 1 s); beyond, the plain text
)
_STRUCTURE_RE = re.compile(r"<(?:h[1-6]|p|li|ul|ol|a|b|strong|em|i|blockquote|table|tr|td|th)[\s>/]", re.I)


def plain_text_of(source: QMimeData | None) -> str:
    """The clipboard's text; for an HTML-only clipboard, the HTML's text (every character kept)."""
    if source is None:
        return ""
    if source.hasText() and source.text():
        return source.text()
    if source.hasHtml():
        return QTextDocumentFragment.fromHtml(source.html()).toRawText().replace("\u2029", "\n")
    return ""


def markdown_for_paste(source: QMimeData) -> str | None:
    """The text a paste of `source` inserts; None when it holds no text or HTML at all."""
    if source.hasFormat(MIDAD_MIME):
        return bytes(source.data(MIDAD_MIME).data()).decode("utf-8", errors="replace")
    if source.hasHtml():
        html = source.html()
        if html and len(html) <= PASTE_HTML_LIMIT and _STRUCTURE_RE.search(html):
            try:
                from editor.core.convert.html_markdown import html_to_markdown  # BeautifulSoup: when used

                markdown = html_to_markdown(html).strip("\n")
            except _html_too_complex():
                markdown = ""
            if markdown.strip():
                return markdown
        return plain_text_of(source)
    if source.hasText():
        return source.text()
    return None


def can_paste(source: QMimeData) -> bool:
    return source.hasText() or source.hasHtml() or source.hasFormat(MIDAD_MIME)


def insert_text(editor: QTextEdit, text: str) -> None:
    """Insert `text` at the caret as one undo step."""
    if text and not editor.isReadOnly():
        cursor = editor.textCursor()
        big = len(text) > loading.BIG_BODY_CHARS  # highlighted when shown, as a big article
        if big:
            loading.set_modes(editor.document(), lazy=True, bulk=True)
        cursor.beginEditBlock()
        try:
            soft_lines.insert_in_pieces(cursor, text)  # (a huge line goes in as display pieces)
        finally:
            cursor.endEditBlock()
            if big:
                loading.set_modes(editor.document(), bulk=False)
        editor.ensureCursorVisible()
        loading.highlight_visible(editor)


def paste_plain(editor: QTextEdit) -> None:
    """*Paste as plain text*: the clipboard's text without any conversion."""
    insert_text(editor, plain_text_of(QGuiApplication.clipboard().mimeData()))
