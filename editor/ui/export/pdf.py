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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.article.model import Article
from editor.core.markdown.page import preview_html
from editor.core.text.direction import article_direction
from editor.resources import resource_path
from editor.ui.export.print_parts import split_long_tables, split_page, split_print_html

if TYPE_CHECKING:
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPagedPaintDevice, QTextDocument

PAPERS = ("a4", "letter")
# Fonts whose lam-alef ligatures Qt maps back to letters in the PDF (so the text can be searched,
# copied and read by pdftotext); Noto Naskh Arabic, Amiri and Noto Kufi lose لا in the PDF's text
# layer (their ligature glyphs have no Unicode mapping in Qt's ToUnicode table), so they come last.
PDF_FONTS = ("Noto Sans Arabic", "DejaVu Sans", "Noto Naskh Arabic", "Amiri", "Arial")
BODY_POINTS = 13
MARGINS_MM = (18.0, 18.0, 18.0, 14.0)  # left, top, right, bottom
LAYOUT_LIMIT_PX = 8_000_000  # Qt lays nothing out below 8,388,607 device pixels (print_parts)
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

    A table of more than 100 rows is printed in pieces (`print_parts.split_long_tables`). Without the
    headings' `id`s: Qt's `setHtml` registers anchors in quadratic time (50,000 headings
    never finished; 5,000 took 1.4 s, 0.04 s without), and a PDF or a printed page has no use for them.
    """
    return split_long_tables(_ID_RE.sub(r"\1", preview_html(article, base_dir, whole=True, workers=workers)))


def build_document(article: Article, base_dir: Path | None = None, html: str | None = None) -> QTextDocument:
    """The article as Qt will print it, in one document: metadata header and body in the preview's HTML
    (`html`: made beforehand by `print_html`). The PDF and the printer get it in parts (`lay_out_parts`)."""
    html = html if html is not None else print_html(article, base_dir)
    return new_document(html, is_rtl(article), base_dir)


def is_rtl(article: Article) -> bool:
    """Whether the article's pages run right to left (its article direction)."""
    return article_direction(article.meta, article.body) == "rtl"


def new_document(html: str, rtl: bool, base_dir: Path | None = None) -> QTextDocument:
    """A `QTextDocument` of the printed page `html` in the PDF's fonts (`rtl`: the article direction)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QFont, QTextDocument

    register_fonts()
    document = QTextDocument()
    font = QFont()
    font.setFamilies(pdf_font_families())
    font.setPointSizeF(BODY_POINTS)
    document.setDefaultFont(font)
    if rtl:
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
    html = html.replace("</style>", css + "</style>", 1)
    if base_dir is not None:
        document.setBaseUrl(QUrl.fromLocalFile(str(base_dir) + os.sep))
    document.setHtml(html)
    return document


def page_body(device: QPagedPaintDevice) -> tuple[QSizeF, float]:
    """The size of a page's text (the paint rectangle less the page number's line), and that line's height."""
    from PySide6.QtCore import QSizeF

    dpi = device.resolution() if hasattr(device, "resolution") else device.logicalDpiY()
    paint_rect = device.pageLayout().paintRectPixels(dpi)
    footer = dpi * 0.35
    return QSizeF(paint_rect.width(), max(1.0, paint_rect.height() - footer)), footer


def lay_out(document: QTextDocument, device: QPagedPaintDevice) -> None:
    """Lay `document` out on `device`'s pages, keeping each block's shaped glyphs for the drawing (Qt
    otherwise frees them after the layout and shapes every line again to draw it: ~25% of the time)."""
    block = document.begin()
    while block.isValid():
        block.layout().setCacheEnabled(True)
        block = block.next()
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(page_body(device)[0])


def lay_out_parts(
    parts: list[str], rtl: bool, base_dir: Path | None, device: QPagedPaintDevice
) -> list[QTextDocument]:
    """The printed page's parts (`print_parts.split_print_html`) as documents laid out on `device`;
    a part taller than Qt can lay out (`LAYOUT_LIMIT_PX`) is cut in two and laid out again."""
    documents = []
    pending = list(reversed(parts))
    while pending:
        html = pending.pop()
        document = new_document(html, rtl, base_dir)
        lay_out(document, device)
        if document.size().height() >= LAYOUT_LIMIT_PX:
            halves = split_print_html(html, len(split_page(html)[1]) // 2 + 1)
            if len(halves) > 1:
                pending.extend(reversed(halves))
                continue
        documents.append(document)
    return documents


def paint_pages(
    documents: list[QTextDocument], device: QPagedPaintDevice, *, first: int = 1, total: int | None = None
) -> int:
    """Paint the laid-out `documents` (`lay_out`) on `device`'s pages one after the other, each page
    numbered `n / N` from `first` (N: `total`, else the pages painted here); the pages painted."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QPaintEngine, QPainter

    dpi = device.resolution() if hasattr(device, "resolution") else device.logicalDpiY()
    body, footer = page_body(device)
    counts = [max(1, document.pageCount()) for document in documents]
    total = total if total is not None else first - 1 + sum(counts)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot paint on the printer or PDF file")
    try:
        number_font = QFont(documents[0].defaultFont()) if documents else QFont()
        number_font.setPointSizeF(9)
        # Qt's print preview records pages as QPictures, whose replay loses the bidi order of text
        # (punctuation jumps to the wrong end of Arabic lines): the preview gets page images instead
        engine = painter.paintEngine()
        as_image = engine is not None and engine.type() == QPaintEngine.Type.Picture
        number = first
        for document, count in zip(documents, counts, strict=True):
            for index in range(count):
                if number > first:
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
                    f"{number} / {total}",
                )
                number += 1
    finally:
        painter.end()
    return number - first


def print_pages(
    article: Article, device: QPagedPaintDevice, base_dir: Path | None = None, html: str | None = None
) -> int:
    """The article's pages painted on `device` (a printer, the print preview, a PDF writer); the count."""
    html = html if html is not None else print_html(article, base_dir)
    documents = lay_out_parts(split_print_html(html), is_rtl(article), base_dir, device)
    return paint_pages(documents, device)


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


@dataclass
class PdfJob:
    """What a PDF is made of, without Qt (it crosses into worker processes): the printed page's parts
    (`print_parts`), the article direction, the folder of its images, the paper and the document info."""

    parts: list[str]
    rtl: bool
    base_dir: Path | None
    paper: str
    title: str
    author: str


def write_pdf(job: PdfJob, numbering: Callable[[int], tuple[int, int]] | None = None) -> bytes:
    """The PDF of `job` as bytes. `numbering(pages)` → (first page number, total), asked once the pages
    are counted, numbers the pages of one part of a PDF made in several processes (`pdf_parallel`)."""
    from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPdfWriter

    ensure_gui_app()
    buffer = QBuffer()  # in memory: the article's text never goes through a temporary file
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setPageSize(page_size_id(job.paper))
    writer.setPageMargins(QMarginsF(*MARGINS_MM), QPageLayout.Unit.Millimeter)
    writer.setTitle(job.title)
    writer.setCreator("Midad")
    if job.author:
        writer.setAuthor(job.author)
    documents = lay_out_parts(job.parts, job.rtl, job.base_dir, writer)
    pages = sum(max(1, document.pageCount()) for document in documents)
    first, total = numbering(pages) if numbering is not None else (1, pages)
    paint_pages(documents, writer, first=first, total=total)
    del writer  # the PDF is complete once the writer is gone
    buffer.close()
    return bytes(buffer.data().data())


def pdf_bytes(
    article: Article, base_dir: Path | None = None, paper: str = "a4", *, workers: int = 1
) -> bytes:
    """The PDF of `article` as bytes (the caller writes them atomically).

    `workers` > 1, in a process where Qt is not started yet: the article is rendered in parts
    (`chunked`), and a long one laid out and drawn in that many processes (`pdf_parallel`).
    """
    html = print_html(article, base_dir, workers=workers)
    author = article.meta.get("author")
    job = PdfJob(
        split_print_html(html), is_rtl(article), base_dir, paper, article.title or "Midad", str(author or "")
    )
    if workers > 1 and len(job.parts) > 1:
        from editor.ui.export.pdf_parallel import parallel_pdf

        data = parallel_pdf(job, workers)
        if data is not None:
            return data
    return write_pdf(job)
