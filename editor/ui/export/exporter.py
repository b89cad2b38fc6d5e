"""The window's hand-offs: Import…, Export → HTML/PDF/Word…, Print…, Copy for CMS, Copy metadata.

Dialogs are attributes (`choose_import_path`, `choose_export_path`, `confirm_replace`, `show_error`,
`run_print_preview`) so tests drive the real flow without modal windows. Exports write atomically
(`atomic_write_bytes`), never over the open article, and never over an existing file without
asking; a big article is exported in a worker process while the status bar shows a busy bar
(`jobs`), so the window stays responsive. The core decides every byte: the HTML page and fragment (`editor.core.markdown.page`), the
Word file (`editor.core.convert.docx_out`), the CMS fields (`editor.core.convert.cms`); Qt only
paints the PDF and the printed pages (`editor.ui.export.pdf`).
"""

from __future__ import annotations

from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressBar, QWidget

from editor.core.article.slug import suggest_file_name
from editor.core.article.storage import ArticleIOError
from editor.ui.common.courier import emit_on_gui_thread
from editor.ui.common.i18n import localize, localize_error, tr
from editor.ui.editor.paste import MIDAD_MIME
from editor.ui.export import jobs
from editor.ui.export.printing import run_print_dialog
from editor.ui.window import dialogs

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtPrintSupport import QPrinter

    from editor.core.convert.importer import Imported
    from editor.ui.window.main_window import MainWindow

SYNC_IMPORT_BYTES = 256 * 1024  # imported at once (well under half a second); larger files in a thread
IMPORT_FILTER = "Text, Word or HTML (*.txt *.text *.docx *.html *.htm *.md);;All files (*)"
FORMATS = {
    "html": ("HTML (*.html *.htm)", ".html"),
    "pdf": ("PDF (*.pdf)", ".pdf"),
    "docx": ("Word (*.docx)", ".docx"),
}


def _import_failed() -> type[Exception]:
    from editor.core.convert.importer import ImportFailed

    return ImportFailed


def choose_import_path(parent: QWidget, folder: str) -> str:
    return QFileDialog.getOpenFileName(parent, tr("Import text, Word or HTML"), folder, IMPORT_FILTER)[0]


def choose_export_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    # Midad asks before replacing a file itself (confirm_replace), so the dialog does not
    options = QFileDialog.Option.DontConfirmOverwrite
    return QFileDialog.getSaveFileName(parent, title, suggested, file_filter, options=options)[0]


def confirm_replace(parent: QWidget, name: str) -> bool:
    answer = QMessageBox.question(
        parent,
        tr("Replace file?"),
        tr("{0} already exists. Replace it?").format(name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def run_print_preview(parent: QWidget, printer: QPrinter, paint: Callable[[QPrinter], None]) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(tr("Print preview"))
    dialog.paintRequested.connect(paint)
    dialog.exec()


def default_paper() -> str:
    """Letter where the locale measures in inches (US), A4 elsewhere."""
    return "letter" if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "a4"


class ExportController(QObject):
    """Import, export, print and copy for the article open in `window`."""

    _import_done = Signal(str, object)  # emitted from the worker thread, delivered on the GUI thread
    _export_done = Signal(object)  # the export's future, delivered on the GUI thread

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.importing = False
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="midad-import")
        self._import_done.connect(self._finish_import)
        self.exporting = False  # a big article's export runs in a worker process (`_start_export`)
        self.busy: QProgressBar | None = None
        self._exports: Executor | None = None
        self._export_done.connect(self._finish_export)
        window.destroyed.connect(lambda *_: self._pool.shutdown(wait=False, cancel_futures=True))
        window.destroyed.connect(lambda *_: self._exports and self._exports.shutdown(wait=False))
        self.choose_import_path = choose_import_path
        self.choose_export_path = choose_export_path
        self.confirm_replace = confirm_replace
        self.show_error = dialogs.show_error
        self.run_print_preview = run_print_preview
        self.run_print_dialog = run_print_dialog

    # --- import -----------------------------------------------------------------------------------
    def import_dialog(self) -> bool:
        path = self.choose_import_path(self.window, self.window.settings.last_folder())
        return bool(path) and self.import_path(path)

    def import_path(self, path: str | Path) -> bool:
        """Make a new, unsaved article from `path` (web text, HTML or Word); the file is only read.

        A small file is imported at once; a larger one in a worker thread (the window stays
        responsive, `importing` is True meanwhile) and the article opens when it is done.
        """
        if self.importing or not self.window.files.maybe_save():
            return False
        try:
            size = Path(path).stat().st_size
        except OSError:
            size = 0
        from editor.core.convert.importer import import_file  # BeautifulSoup: loaded when used

        if size <= SYNC_IMPORT_BYTES:
            try:
                imported = import_file(path)
            except _import_failed() as exc:
                self.show_error(self.window, tr("Cannot import the file"), localize_error(exc))
                return False
            self._open_imported(Path(path), imported)
            return True
        self.importing = True
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.window.status.showMessage(tr("Importing {0}…").format(Path(path).name))
        future = self._pool.submit(import_file, path)
        future.add_done_callback(lambda done: self._deliver(str(path), done))
        return True

    def _deliver(self, path: str, future: Future) -> None:
        try:
            emit_on_gui_thread(self, "_import_done", path, future)
        except RuntimeError:  # the window was closed meanwhile: nothing to open the article in
            pass

    def _finish_import(self, path: str, future: Future) -> None:
        self.importing = False
        QApplication.restoreOverrideCursor()
        self.window.status.clearMessage()
        try:
            imported = future.result()
        except _import_failed() as exc:
            self.show_error(self.window, tr("Cannot import the file"), localize_error(exc))
            return
        if self.window.document.is_modified() and not self.window.files.maybe_save():
            return  # the writer typed meanwhile and chose to keep it
        self._open_imported(Path(path), imported)

    def _open_imported(self, path: Path, imported: Imported) -> None:
        self.window.files.new_file_path = None
        self.window.document.new(imported.article)
        self.window.editor.document().setModified(True)  # nothing is saved yet: closing asks
        notes = [localize(note) for note in imported.notes]
        message = tr("Imported {0}: save it to keep it as an article").format(path.name)
        self.window.status.showMessage(" ".join([message, *notes]), 12000)
        return True

    # --- export to a file ------------------------------------------------------------------------------
    def _suggested(self, extension: str) -> str:
        document = self.window.document
        if document.path is not None:
            return str(document.path.with_suffix(extension))
        name = suggest_file_name(document.meta.get("slug"), document.meta_article.title or None)
        folder = Path(self.window.settings.last_folder() or Path.home())
        return str(folder / (Path(name).stem + extension))

    def export(self, fmt: str) -> bool:
        """Ask where, then write the article as `fmt` (html, pdf or docx); True when written."""
        file_filter, extension = FORMATS[fmt]
        titles = {"html": tr("Export as HTML"), "pdf": tr("Export as PDF"), "docx": tr("Export as Word")}
        path = self.choose_export_path(self.window, titles[fmt], self._suggested(extension), file_filter)
        if not path:
            return False
        target = Path(path)
        if not target.suffix:
            target = target.with_name(target.name + extension)
        return self.export_to(fmt, target)

    def export_to(self, fmt: str, target: Path) -> bool:
        own = self.window.document.path
        if own is not None and target.resolve() == own.resolve():
            self.show_error(
                self.window, tr("Not exported"), tr("An export cannot replace the article itself.")
            )
            return False
        if target.is_dir():
            self.show_error(self.window, tr("Not exported"), tr("{0} is a folder.").format(str(target)))
            return False
        if target.exists() and not self.confirm_replace(self.window, target.name):
            return False
        if self.exporting:
            self.show_error(self.window, tr("Not exported"), tr("An export is already running."))
            return False
        article, base_dir = self.window.document.article(), self.window.document.base_dir()
        job = (fmt, article, base_dir, target, self._docx_font(), default_paper())
        if len(article.body) > jobs.SYNC_EXPORT_CHARS:
            self._start_work(tr("Exporting to {0}…").format(target.name), jobs.write_export, *job)
            return True
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            jobs.write_export(*job)
        except (ArticleIOError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            self.show_error(self.window, tr("Not exported"), localize_error(exc))
            return False
        QApplication.restoreOverrideCursor()
        self.window.status.showMessage(tr("Exported to {0}").format(str(target)), 8000)
        return True

    def _start_work(self, message: str, work: Callable[..., object], *args: object) -> None:
        """Export (or print) a big article in the worker process; the window shows a busy bar meanwhile."""
        self.exporting = True
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.busy = QProgressBar(self.window.status)
        self.busy.setRange(0, 0)  # no known length: a moving bar
        self.busy.setMaximumWidth(160)
        self.window.status.addPermanentWidget(self.busy)
        self.window.status.showMessage(message)
        future = self._export_pool().submit(work, *args)
        future.add_done_callback(self._deliver_export)

    def _export_pool(self) -> Executor:
        if self._exports is None:
            import multiprocessing  # here: it costs start-up time before the first frame
            from concurrent.futures import ProcessPoolExecutor

            try:
                context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt
                self._exports = ProcessPoolExecutor(
                    max_workers=1, mp_context=context, initializer=jobs.lower_priority
                )
            except (OSError, ValueError, NotImplementedError):
                self._exports = ThreadPoolExecutor(max_workers=1, thread_name_prefix="midad-export")
        return self._exports

    def _deliver_export(self, future: Future) -> None:
        try:
            emit_on_gui_thread(self, "_export_done", future)
        except RuntimeError:  # the window was closed meanwhile: the file is written all the same
            pass

    def _finish_export(self, future: Future) -> None:
        self.exporting = False
        QApplication.restoreOverrideCursor()
        if self.busy is not None:
            self.window.status.removeWidget(self.busy)
            self.busy.deleteLater()
            self.busy = None
        self.window.status.clearMessage()
        try:
            target = future.result()
        except (ArticleIOError, OSError, RuntimeError) as exc:  # RuntimeError: the worker process died
            self.show_error(self.window, tr("Not exported"), localize_error(exc))
            return
        if isinstance(target, int):  # a print job: its pages
            self.window.status.showMessage(tr("Printed {0} pages").format(target), 8000)
            return
        self.window.status.showMessage(tr("Exported to {0}").format(target), 8000)

    def export_bytes(self, fmt: str, output_dir: Path) -> bytes:
        """The export of the open article as `fmt` (html, pdf, docx), made here (`jobs.export_bytes`)."""
        article, base_dir = self.window.document.article(), self.window.document.base_dir()
        return jobs.export_bytes(fmt, article, base_dir, output_dir, self._docx_font(), default_paper())

    def _docx_font(self) -> str:
        from editor.core.convert.docx_out import DEFAULT_FONT

        return self.window.settings.font_family() or DEFAULT_FONT

    # --- print ------------------------------------------------------------------------------------------------
    def print_article(self) -> bool:
        """Qt's print preview (with its print dialog) for the article's pages. A big article goes to the
        print dialog alone, and is laid out and printed in the worker process (`printing`): the preview
        would draw every page on the GUI thread. True when the pages were (or are being) printed."""
        from PySide6.QtPrintSupport import QPrinter

        from editor.ui.export import printing
        from editor.ui.export.pdf import page_size_id, print_html, print_pages

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_size_id(default_paper()))
        printer.setDocName(self.window.document.meta_article.title or "Midad")
        article, base_dir = self.window.document.article(), self.window.document.base_dir()
        if len(article.body) <= jobs.SYNC_EXPORT_CHARS:
            html = print_html(article, base_dir)
            self.run_print_preview(
                self.window, printer, lambda device: print_pages(article, device, base_dir, html)
            )
            return True
        if self.exporting:
            self.show_error(self.window, tr("Not printed"), tr("An export is already running."))
            return False
        if not self.run_print_dialog(self.window, printer):
            return False
        settings = printing.printer_settings(printer)
        self._start_work(
            tr("Printing {0}…").format(printer.docName()), printing.print_job, settings, article, base_dir
        )
        return True

    # --- copy for the CMS ------------------------------------------------------------------------------------
    def copy_for_cms(self) -> None:
        """The body as HTML (`text/html`: paragraphs with `dir`, no styles) and Markdown (`text/plain`)."""
        from editor.core.convert.cms import cms_payload

        fragment, markdown = cms_payload(self.window.document.article(), self.window.document.base_dir())
        data = QMimeData()
        data.setHtml(fragment)
        data.setText(markdown)
        data.setData(MIDAD_MIME, markdown.encode("utf-8"))
        QGuiApplication.clipboard().setMimeData(data)
        self.window.status.showMessage(tr("Copied for the CMS: HTML and Markdown are on the clipboard"), 6000)

    def copy_metadata(self) -> None:
        """Title, slug, summary, tags, category and dateline as `Label: value` lines."""
        labels = {
            "title": tr("Title"),
            "slug": tr("Slug"),
            "summary": tr("Summary"),
            "tags": tr("Tags"),
            "category": tr("Category"),
            "dateline": tr("Dateline"),
        }
        from editor.core.convert.cms import metadata_fields

        fields = metadata_fields(self.window.document.article())
        text = "\n".join(f"{labels[key]}: {value}" for key, value in fields)
        QGuiApplication.clipboard().setText(text + "\n" if text else "")
        self.window.status.showMessage(tr("Copied the metadata for the CMS fields"), 6000)
