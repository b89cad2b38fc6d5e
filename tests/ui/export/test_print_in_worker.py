"""File → Print… of a big article: no print preview (it draws every page on the GUI thread), the print
dialog, then the pages laid out and printed in the export worker process while the window answers;
the printed pages are the ones printing at once makes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from editor.core.article.model import Article
from editor.ui.export import pdf

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (CI installs it)")


def text_of(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def to_pdf_file(target: Path):
    from PySide6.QtPrintSupport import QPrinter

    def choose(_parent, printer: QPrinter) -> bool:  # the user picks "Print to file (PDF)" and Letter
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setPageSize(pdf.page_size_id("letter"))
        return True

    return choose


def test_a_big_article_is_laid_out_and_printed_in_the_worker(
    big_window, qtbot, tmp_path, monkeypatch
) -> None:
    window, path = big_window
    exporter = window.exporter
    target = tmp_path / "printed.pdf"
    exporter.run_print_dialog = to_pdf_file(target)
    previews: list[object] = []
    exporter.run_print_preview = lambda *args: previews.append(args)
    laid_out: list[object] = []
    monkeypatch.setattr(
        pdf, "lay_out_pages", lambda *args: laid_out.append(args)
    )  # never here: in the worker
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    window.convert_actions["print"].trigger()
    assert exporter.exporting and exporter.busy is not None and exporter.busy.isVisible()
    assert "مقال" in window.status.currentMessage()
    errors: list[str] = []
    exporter.show_error = lambda _parent, title, message: errors.append(message)
    assert not exporter.print_article() and errors  # one job at a time
    qtbot.waitUntil(lambda: not exporter.exporting, timeout=60_000)
    timer.stop()
    assert previews == [] and laid_out == [] and len(ticks) >= 3
    assert exporter.busy is None
    monkeypatch.undo()
    printed = text_of(target)
    pages = printed.count("\f")
    assert str(pages) in window.status.currentMessage()
    # the same pages as printing the article at once on the same printer
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    reference = tmp_path / "at-once.pdf"
    to_pdf_file(reference)(None, printer)
    article = Article.from_text(path.read_text(encoding="utf-8"))
    assert pdf.print_pages(article, printer, path.parent) == pages
    del printer
    assert printed == text_of(reference)
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert "612 x 792" in info  # the paper chosen in the dialog


def test_cancelling_the_print_dialog_prints_nothing(big_window, tmp_path) -> None:
    window, _ = big_window
    window.exporter.run_print_dialog = lambda *_: False
    assert not window.exporter.print_article() and not window.exporter.exporting


def test_a_short_article_keeps_the_print_preview(window, tmp_path) -> None:
    previews: list[object] = []
    window.exporter.run_print_preview = lambda parent, printer, paint: previews.append(paint)
    window.exporter.run_print_dialog = lambda *_: pytest.fail("the preview has its own print dialog")
    window.editor.setPlainText("نص قصير للطباعة.\n")
    window.convert_actions["print"].trigger()
    assert len(previews) == 1 and not window.exporter.exporting
