"""The bytes of a window export, and the whole export as one job for a worker process.

The window exports a big article (over `SYNC_EXPORT_CHARS` characters of body) in a worker process
(`ExportController`), so the window stays responsive while the HTML, Word file or PDF is made and
written. This module imports no Qt at import time: the worker process imports it, and only a PDF
starts Qt there (an offscreen `QGuiApplication`, as `midad export --to pdf` does).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

from editor.core.article.model import Article
from editor.core.article.storage import atomic_write_bytes
from editor.core.system.priority import run_below_the_window

SYNC_EXPORT_CHARS = 200_000  # smaller articles export at once (well under a second)


def lower_priority() -> None:
    """Worker process initializer: below the window's CPU priority (`run_below_the_window`), typing
    comes first, and the export still runs on a busy machine."""
    run_below_the_window()


def export_bytes(
    fmt: str,
    article: Article,
    base_dir: Path | None,
    output_dir: Path,
    font: str,
    paper: str,
    workers: int = 1,
) -> bytes:
    """The file `fmt` (html, docx, pdf) of `article`, images relative to `output_dir` (HTML);
    `workers` > 1: a big article is rendered in parts in that many processes (`chunked`)."""
    if fmt == "html":
        from editor.core.markdown.page import export_html, rebase_local_images  # Markdown: when used

        page = export_html(article, base_dir, workers=workers)
        if base_dir is not None:
            page = rebase_local_images(page, base_dir, output_dir)
        return page.encode("utf-8")
    if fmt == "docx":
        from editor.core.convert.docx_out import article_docx_bytes

        return article_docx_bytes(article, base_dir, font=font, paper=paper, workers=workers)
    from editor.ui.export.pdf import pdf_bytes

    return pdf_bytes(article, base_dir, paper, workers=workers)


def write_export(
    fmt: str, article: Article, base_dir: Path | None, target: Path, font: str, paper: str
) -> str:
    """Make the export and write it atomically to `target` (in the worker process); `target` as text.

    In the worker process, while Qt is not started there, a big article is rendered in parts on every
    core, as `midad export` does; in a thread of the window (no worker process) it is not (forking a
    process that runs Qt is unsafe). Errors (`ArticleIOError`, `OSError`) reach the window through the
    future.
    """
    workers = 1
    if multiprocessing.parent_process() is not None:  # a worker process: a PDF made here needs no screen
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        if "PySide6.QtCore" not in sys.modules:  # Qt not started here yet (no PDF before): forking is safe
            from editor.core.markdown.chunked import default_workers

            workers = default_workers()
    data = export_bytes(fmt, article, base_dir, target.parent, font, paper, workers)
    atomic_write_bytes(target, data)
    return str(target)
