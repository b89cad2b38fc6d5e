"""The bytes of a window export, and the whole export as one job for a worker process.

The window exports a big article (over `SYNC_EXPORT_CHARS` characters of body) in a worker process
(`ExportController`), so the window stays responsive while the HTML, Word file or PDF is made and
written. This module imports no Qt at import time: the worker process imports it, and only a PDF
starts Qt there (an offscreen `QGuiApplication`, as `midad export --to pdf` does).
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from editor.core.article.model import Article
from editor.core.article.storage import atomic_write_bytes

SYNC_EXPORT_CHARS = 200_000  # smaller articles export at once (well under a second)


def export_bytes(
    fmt: str, article: Article, base_dir: Path | None, output_dir: Path, font: str, paper: str
) -> bytes:
    """The file `fmt` (html, docx, pdf) of `article`, images relative to `output_dir` (HTML)."""
    if fmt == "html":
        from editor.core.markdown.page import export_html, rebase_local_images  # Markdown: when used

        page = export_html(article, base_dir)
        if base_dir is not None:
            page = rebase_local_images(page, base_dir, output_dir)
        return page.encode("utf-8")
    if fmt == "docx":
        from editor.core.convert.docx_out import article_docx_bytes

        return article_docx_bytes(article, base_dir, font=font, paper=paper)
    from editor.ui.export.pdf import pdf_bytes

    return pdf_bytes(article, base_dir, paper)


def write_export(
    fmt: str, article: Article, base_dir: Path | None, target: Path, font: str, paper: str
) -> str:
    """Make the export and write it atomically to `target` (in the worker process); `target` as text.

    Errors (`ArticleIOError`, `OSError`) reach the window through the future.
    """
    if multiprocessing.parent_process() is not None:  # a worker process: a PDF made here needs no screen
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    atomic_write_bytes(target, export_bytes(fmt, article, base_dir, target.parent, font, paper))
    return str(target)
