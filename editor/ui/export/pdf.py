"""PDF and print through Qt: the article's page laid out block by block (`pdf_flow`), painted page by page.

Used by the window (*File → Export → PDF…*, *File → Print…*) and by `midad export --to pdf`, so Qt
is imported lazily: importing this module costs nothing, and the command line starts an offscreen
`QGuiApplication` only when it writes a PDF. Arabic is shaped by Qt (HarfBuzz) in the first
Arabic font found (resources/fonts first, then Noto Naskh Arabic, Amiri…); RTL paragraphs are
right-aligned through their `dir`; the metadata header opens the first page and every page
has its number (`n / N`) at the foot. Paper: A4 or Letter.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.article.model import Article
from editor.core.text.direction import article_direction
from editor.resources import resource_path
from editor.ui.export.print_parts import split_big_parts, split_print_html

if TYPE_CHECKING:
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPagedPaintDevice

    from editor.ui.export.pdf_flow import Flow

PAPERS = ("a4", "letter")
# Fonts whose lam-alef ligatures Qt maps back to letters in the PDF (so the text can be searched,
# copied and read by pdftotext); Noto Naskh Arabic, Amiri and Noto Kufi lose لا in the PDF's text
# layer (their ligature glyphs have no Unicode mapping in Qt's ToUnicode table), so they come last.
PDF_FONTS = ("Noto Sans Arabic", "DejaVu Sans", "Noto Naskh Arabic", "Amiri", "Arial")
BODY_POINTS = 15  # the body's size (what the earlier QTextDocument pages showed: the preview's 15 pt)
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


def print_html(article: Article, base_dir: Path | None = None, *, workers: int = 1) -> str:
    """The article's printed page: the export's metadata header and body (pure Python; `workers`:
    `render_body`), laid out by `pdf_flow` (which needs none of the live preview's Qt limits: long
    paragraphs and huge words are cut into layouts of bounded size there)."""
    return "".join(_printed(article, base_dir, workers=workers, in_parts=False))


def printed_parts(article: Article, base_dir: Path | None = None, *, workers: int = 1) -> list[str]:
    """The printed page in parts to lay out one after the other (`print_parts`), each a whole page:
    the render's own parts when the article was rendered in parts (`chunked`: no second cut of the
    HTML), else the page cut between top-level blocks (a huge block cut too, `split_big_parts`)."""
    bodies = _printed(article, base_dir, workers=workers, in_parts=True)
    if len(bodies) == 3:  # rendered whole: (head, body, tail)
        parts = split_print_html("".join(bodies))
        return split_big_parts(parts) if workers > 1 else parts
    head, tail = bodies[0], bodies[-1]
    return [head + body + tail for body in bodies[1:-1]]


def _printed(article: Article, base_dir: Path | None, *, workers: int, in_parts: bool) -> list[str]:
    """[page head, body…, page tail]: one body, or (`in_parts` and rendered in parts) one per part."""
    from editor.core.markdown.local_images import contain_images
    from editor.core.markdown.page import metadata_header, render_article
    from editor.core.markdown.qt_structure import notice_paragraph
    from editor.core.text.direction import article_lang

    rendered = render_article(
        article, base_dir, workers=workers, finish=str if in_parts and workers > 1 else None
    )
    direction = rendered.article_dir
    header = metadata_header(article, rendered, article_lang(article.meta, direction), inline_tags=True)
    notices = "".join(notice_paragraph(n, direction) for n in rendered.notices)
    head = f'<html><head><meta charset="utf-8"></head><body dir="{direction}">'
    bodies = rendered.finished if rendered.finished and len(rendered.finished) > 1 else [rendered.html]
    bodies = [contain_images(str(body), base_dir, embed=False) for body in bodies]
    bodies[0] = notices + header + bodies[0]
    return [head, *bodies, "</body></html>"]


def is_rtl(article: Article) -> bool:
    """Whether the article's pages run right to left (its article direction)."""
    return article_direction(article.meta, article.body) == "rtl"


def page_body(device: QPagedPaintDevice) -> tuple[QSizeF, float]:
    """The size of a page's text (the paint rectangle less the page number's line), and that line's height."""
    from PySide6.QtCore import QSizeF

    dpi = device.resolution() if hasattr(device, "resolution") else device.logicalDpiY()
    paint_rect = device.pageLayout().paintRectPixels(dpi)
    footer = dpi * 0.35
    return QSizeF(paint_rect.width(), max(1.0, paint_rect.height() - footer)), footer


def lay_out_pages(
    parts: list[str], rtl: bool, base_dir: Path | None, device: QPagedPaintDevice
) -> list[Flow]:
    """The printed page's parts (`print_parts`) laid out on `device`'s pages (`pdf_flow`), one flow
    per part (a part starts on a new page, so a PDF made in several processes has the same pages)."""
    from editor.ui.export.pdf_flow import lay_out_flow

    register_fonts()
    return lay_out_flow(parts, rtl, base_dir, device, page_body(device)[0], BODY_POINTS, pdf_font_families())


def print_pages(
    article: Article, device: QPagedPaintDevice, base_dir: Path | None = None, html: str | None = None
) -> int:
    """The article's pages painted on `device` (a printer, the print preview, a PDF writer); the count."""
    from editor.ui.export.pdf_draw import paint_flows

    html = html if html is not None else print_html(article, base_dir)
    flows = lay_out_pages(split_print_html(html), is_rtl(article), base_dir, device)
    return paint_flows(flows, device, page_body(device)[1])


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

    from editor.ui.export.pdf_draw import paint_flows

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
    with gc_paused():
        flows = lay_out_pages(job.parts, job.rtl, job.base_dir, writer)
        pages = sum(len(flow.pages) for flow in flows)
        first, total = numbering(pages) if numbering is not None else (1, pages)
        paint_flows(flows, writer, page_body(writer)[1], first=first, total=total)
        del flows
    del writer  # the PDF is complete once the writer is gone
    buffer.close()
    return bytes(buffer.data().data())


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector off while pages are laid out and drawn: it kept walking the millions
    of objects a long article's layout holds (~10% of the time); nothing there makes cycles to collect."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def pdf_bytes(
    article: Article, base_dir: Path | None = None, paper: str = "a4", *, workers: int = 1
) -> bytes:
    """The PDF of `article` as bytes (the caller writes them atomically).

    `workers` > 1, in a process where Qt is not started yet: the article is rendered in parts
    (`chunked`), and a long one laid out and drawn in that many processes (`pdf_parallel`).
    """
    parts = printed_parts(article, base_dir, workers=workers)
    author = article.meta.get("author")
    job = PdfJob(parts, is_rtl(article), base_dir, paper, article.title or "Midad", str(author or ""))
    if workers > 1 and len(job.parts) > 1:
        from editor.ui.export.pdf_parallel import parallel_pdf

        data = parallel_pdf(job, workers)
        if data is not None:
            return data
    return write_pdf(job)
