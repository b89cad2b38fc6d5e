"""Printing a big article without laying it out on the GUI thread.

Qt's print preview draws every page on the GUI thread, and a Python thread cannot lay the pages out
instead (PySide keeps the interpreter lock through `setHtml` and the layout: the window froze as
long). So an article over `jobs.SYNC_EXPORT_CHARS` characters goes straight to the print dialog
(no preview), and the pages are laid out and printed in the export worker process: the printer the
user chose and its settings (`printer_settings`) are given to a `QPrinter` there (`printer_from`),
which `pdf.print_pages` paints — the same pages as the preview would print.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.article.model import Article

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget


def run_print_dialog(parent: QWidget, printer: QPrinter) -> bool:
    """Qt's print dialog for `printer`; True when the user chose to print."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog

    from editor.ui.common.i18n import tr

    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Print"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def printer_settings(printer: QPrinter) -> dict[str, object]:
    """What the print dialog set on `printer`, as plain values (they cross into the worker process)."""
    layout = printer.pageLayout()
    margins = layout.margins()
    return {
        "printer_name": printer.printerName(),
        "output_format": printer.outputFormat().value,
        "output_file": printer.outputFileName(),
        "doc_name": printer.docName(),
        "page_size": layout.pageSize().id().value,
        "orientation": layout.orientation().value,
        "margins": (margins.left(), margins.top(), margins.right(), margins.bottom()),
        "margin_unit": layout.units().value,
        "copies": printer.copyCount(),
        "collate": printer.collateCopies(),
        "duplex": printer.duplex().value,
        "color_mode": printer.colorMode().value,
        "page_order": printer.pageOrder().value,
        "full_page": printer.fullPage(),
    }


def printer_from(settings: dict[str, object]) -> QPrinter:
    """A high-resolution `QPrinter` set as `printer_settings` describes."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    output = QPrinter.OutputFormat(settings["output_format"])
    printer.setOutputFormat(output)
    if output == QPrinter.OutputFormat.NativeFormat and settings["printer_name"]:
        printer.setPrinterName(str(settings["printer_name"]))
    if settings["output_file"]:
        printer.setOutputFileName(str(settings["output_file"]))
    printer.setDocName(str(settings["doc_name"]))
    printer.setFullPage(bool(settings["full_page"]))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId(settings["page_size"])))
    printer.setPageOrientation(QPageLayout.Orientation(settings["orientation"]))
    printer.setPageMargins(QMarginsF(*settings["margins"]), QPageLayout.Unit(settings["margin_unit"]))
    printer.setCopyCount(int(settings["copies"]))
    printer.setCollateCopies(bool(settings["collate"]))
    printer.setDuplex(QPrinter.DuplexMode(settings["duplex"]))
    printer.setColorMode(QPrinter.ColorMode(settings["color_mode"]))
    printer.setPageOrder(QPrinter.PageOrder(settings["page_order"]))
    return printer


def print_job(settings: dict[str, object], article: Article, base_dir: Path | None) -> int:
    """Lay the article out and print it on the printer of `settings` (in the export worker); the pages."""
    import multiprocessing

    if multiprocessing.parent_process() is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the worker shows nothing itself
    from editor.ui.export.pdf import ensure_gui_app, print_pages

    ensure_gui_app()
    printer = printer_from(settings)
    pages = print_pages(article, printer, base_dir)
    del printer  # the job goes to the printer (or the file is complete) once the printer is gone
    return pages
