"""PDF and print through Qt: the preview's HTML in a `QTextDocument`, painted page by page.

Used by the window (*File → Export → PDF…*, *File → Print…*) and by `midad export --to pdf`, so Qt
is imported lazily: importing this module costs nothing, and the command line starts an offscreen
`QGuiApplication` only when it writes a PDF. Arabic is shaped by Qt (HarfBuzz) in the first
Arabic font found (resources/fonts first, then Noto Naskh Arabic, Amiri…); RTL paragraphs are
right-aligned through their `dir`; the metadata header opens the first page and every page
has its number (`n / N`) at the foot. Paper: A4 or Letter.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.article.model import Article
from editor.core.markdown.page import preview_html
from editor.core.text.direction import article_direction
from editor.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice, QTextDocument

PAPERS = ("a4", "letter")
# Fonts whose lam-alef ligatures Qt maps back to letters in the PDF (so the text can be searched,
# copied and read by pdftotext); Noto Naskh Arabic, Amiri and Noto Kufi lose لا in the PDF's text
# layer (their ligature glyphs have no Unicode mapping in Qt's ToUnicode table), so they come last.
PDF_FONTS = ("Noto Sans Arabic", "DejaVu Sans", "Noto Naskh Arabic", "Amiri", "Arial")
BODY_POINTS = 13
MARGINS_MM = (18.0, 18.0, 18.0, 14.0)  # left, top, right, bottom
_registered = False


def ensure_gui_app() -> object:
    """The running QGuiApplication, or a new offscreen one when there is none (command line)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["midad"])
    return app


def register_fonts() -> None:
    """Add the fonts shipped in resources/fonts (if any) to Qt's font database, once."""
    global _registered
    if _registered:
        return
    from PySide6.QtGui import QFontDatabase

    folder = resource_path("fonts")
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in (".ttf", ".otf", ".ttc"):
                QFontDatabase.addApplicationFont(str(path))
    _registered = True


def pdf_font_families() -> list[str]:
    """The Arabic-capable families to ask for, installed ones first."""
    from PySide6.QtGui import QFontDatabase

    installed = set(QFontDatabase.families())
    return [f for f in PDF_FONTS if f in installed] + [f for f in PDF_FONTS if f not in installed]


# an `id` attribute in a start tag (text has its `<` escaped, values their `"`)
_ID_RE = re.compile(r'(<[A-Za-z][^<>]*?)\sid="[^"]*"')


def print_html(article: Article, base_dir: Path | None = None, *, workers: int = 1) -> str:
    """The article's whole preview HTML, as printed (pure Python; `workers`: `render_body`).

    Without the headings' `id`s: Qt's `setHtml` registers anchors in quadratic time (50,000 headings
    never finished; 5,000 took 1.4 s, 0.04 s without), and a PDF or a printed page has no use for them.
    """
    return _ID_RE.sub(r"\1", preview_html(article, base_dir, whole=True, workers=workers))


def build_document(article: Article, base_dir: Path | None = None, html: str | None = None) -> QTextDocument:
    """The article as Qt will print it: metadata header and body in the preview's HTML (`html`: made
    beforehand by `print_html`)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QFont, QTextDocument

    register_fonts()
    document = QTextDocument()
    font = QFont()
    font.setFamilies(pdf_font_families())
    font.setPointSizeF(BODY_POINTS)
    document.setDefaultFont(font)
    if article_direction(article.meta, article.body) == "rtl":
        from PySide6.QtCore import Qt

        option = document.defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        document.setDefaultTextOption(option)
    families = ", ".join(f'"{family}"' for family in pdf_font_families())
    css = (
        f"body, h1, h2, h3, h4, h5, h6, p, li, td, th, blockquote, span {{ font-family: {families}; }}"
        f" body {{ font-size: {BODY_POINTS}pt; }} p {{ line-height: 100%; }}"
    )
    # the whole article: the preview's size cut is for the live pane, a PDF is an export
    html = (html if html is not None else print_html(article, base_dir)).replace(
        "</style>", css + "</style>", 1
    )
    if base_dir is not None:
        document.setBaseUrl(QUrl.fromLocalFile(str(base_dir) + os.sep))
    document.setHtml(html)
    return document


def paint_pages(document: QTextDocument, device: QPagedPaintDevice) -> int:
    """Lay `document` out on `device`'s pages and paint them with page numbers; the page count."""
    from PySide6.QtCore import QRectF, QSizeF, Qt
    from PySide6.QtGui import QColor, QFont, QPaintEngine, QPainter

    dpi = device.resolution() if hasattr(device, "resolution") else device.logicalDpiY()
    paint_rect = device.pageLayout().paintRectPixels(dpi)
    footer = dpi * 0.35
    body = QSizeF(paint_rect.width(), max(1.0, paint_rect.height() - footer))
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(body)
    pages = max(1, document.pageCount())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot paint on the printer or PDF file")
    try:
        number_font = QFont(document.defaultFont())
        number_font.setPointSizeF(9)
        # Qt's print preview records pages as QPictures, whose replay loses the bidi order of text
        # (punctuation jumps to the wrong end of Arabic lines): the preview gets page images instead
        engine = painter.paintEngine()
        as_image = engine is not None and engine.type() == QPaintEngine.Type.Picture
        for index in range(pages):
            if index:
                device.newPage()
            if as_image:
                painter.drawImage(
                    QRectF(0, 0, body.width(), body.height()), _page_image(document, index, body, dpi)
                )
            else:
                _draw_page(painter, document, index, body)
            painter.setFont(number_font)
            painter.setPen(QColor("#5f6368"))
            painter.drawText(
                QRectF(0, body.height(), body.width(), footer),
                int(Qt.AlignmentFlag.AlignCenter),
                f"{index + 1} / {pages}",
            )
    finally:
        painter.end()
    return pages


def _draw_page(painter, document, index: int, body) -> None:  # noqa: ANN001 - Qt objects
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QAbstractTextDocumentLayout

    painter.save()
    painter.translate(0, -index * body.height())
    clip = QRectF(0, index * body.height(), body.width(), body.height())
    painter.setClipRect(clip)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip
    document.documentLayout().draw(painter, context)
    painter.restore()


PREVIEW_DPI = 110


def _page_image(document, index: int, body, dpi: float):  # noqa: ANN001, ANN202 - Qt objects
    """Page `index` as an image at `PREVIEW_DPI` (for the print preview only)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    scale = PREVIEW_DPI / dpi
    image = QImage(int(body.width() * scale) + 1, int(body.height() * scale) + 1, QImage.Format.Format_RGB16)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    _draw_page(painter, document, index, body)
    painter.end()
    return image


def page_size_id(paper: str) -> object:
    from PySide6.QtGui import QPageSize

    return QPageSize(QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4)


def pdf_bytes(
    article: Article, base_dir: Path | None = None, paper: str = "a4", *, workers: int = 1
) -> bytes:
    """The PDF of `article` as bytes (the caller writes them atomically).

    `workers` > 1 renders a big article in processes forked before Qt starts (`chunked`).
    """
    from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPdfWriter

    html = print_html(article, base_dir, workers=workers)
    ensure_gui_app()
    document = build_document(article, base_dir, html)
    buffer = QBuffer()  # in memory: the article's text never goes through a temporary file
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setPageSize(page_size_id(paper))
    writer.setPageMargins(QMarginsF(*MARGINS_MM), QPageLayout.Unit.Millimeter)
    writer.setTitle(article.title or "Midad")
    writer.setCreator("Midad")
    author = article.meta.get("author")
    if author:
        writer.setAuthor(str(author))
    paint_pages(document, writer)
    del writer  # the PDF is complete once the writer is gone
    buffer.close()
    return bytes(buffer.data().data())
