"""Live preview: the renderer's HTML in a QTextBrowser that loads nothing from the network.

Rendering, word counts and hashtags run in a worker process (`editor.ui.preview.pause_work`); on the
GUI thread only the units of the page that changed are replaced in the shown document, in slices of
the event loop (`editor.ui.preview.page_updater`).
Links never navigate the preview: a click asks before opening the address in the system browser.
Images and other resources are served only from the article's own folder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPalette, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from editor.core.article.model import Article
from editor.resources import resource_path
from editor.ui.common.courier import emit_on_gui_thread
from editor.ui.common.fonts import load_bundled_fonts
from editor.ui.common.i18n import tr
from editor.ui.preview import pause_work
from editor.ui.preview.html_units import Page, page_of
from editor.ui.preview.notices import localize_notices
from editor.ui.preview.page_updater import PageUpdater

if TYPE_CHECKING:
    from concurrent.futures import Future


class PreviewRenderer(QObject):
    """Runs the pause work (preview, counts, hashtags) in the worker process.

    One request is in flight at a time; while it runs, only the newest further request is kept,
    so a burst of pauses costs at most two renders and stale results are never shown.
    """

    rendered = Signal(int, object)  # generation, PauseResult
    # generation, preview HTML (before the rest of the PauseResult; an `html_units.CutPage`: object, so
    # the positions of its units stay with it)
    preview_ready = Signal(int, object)
    abandoned = Signal(int, str)  # generation, the notice to show in the preview (HTML)
    _done = Signal(int, object)
    start_held = False  # set by the GUI start: new renderers wait for `release()` (after the first frame)

    RENDER_BUDGET_MS = 6000  # a render past this is abandoned (docs/limits.md)
    # The second job (counts, hashtags, line directions, outline: linear-time core code) has a budget
    # of its own, counted from its own start, only as a backstop: past it the worker is stopped, the
    # preview already shown stays and the counts keep their last figures (no notice).
    COUNTS_BUDGET_MS = 30000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._in_flight = False
        self._future: Future | None = None
        self._abandoned: set[int] = set()  # ids of the futures given up on
        self._budget = QTimer(self)
        self._budget.setSingleShot(True)
        self._budget.timeout.connect(self._abandon)
        self._pending: tuple[int, str, str | None, bool] | None = None
        self._last_job: tuple[int, str, str | None, bool] | None = None
        self._stage = "html"  # the job in flight: "html" (the preview) or "rest" (counts and the rest)
        self._closed = False
        self._held = self.start_held
        self._done.connect(self._on_done)

    def request(self, article: Article, base_dir: Path | None, with_html: bool = True) -> int:
        """Queue the work for `article`; returns its generation number."""
        self._generation += 1
        job = (self._generation, article.text, str(base_dir) if base_dir else None, with_html)
        if self._in_flight or self._held:
            self._pending = job
        elif not self._closed:
            self._submit(job)
        return self._generation

    def hold(self) -> None:
        """Keep requests (only the newest) without starting the worker, e.g. until the first frame."""
        self._held = True

    def release(self) -> None:
        """Start the worker with the newest held request, if any."""
        self._held = False
        if self._pending is not None and not self._in_flight and not self._closed:
            job, self._pending = self._pending, None
            self._submit(job)

    @property
    def generation(self) -> int:
        return self._generation

    def _submit(self, job: tuple[int, str, str | None, bool]) -> None:
        generation, text, base_dir, with_html = job
        self._last_job = job
        self._in_flight = True
        # The preview HTML is a job of its own: the preview is shown without waiting for the counts,
        # line directions and outline, which are computed after it (`_submit_rest`), so they do not
        # compete with the preview's layout on the GUI thread either.
        stage = "html" if with_html else "rest"
        try:
            if with_html:
                future = pause_work.executor().submit(pause_work.compute_preview_html, text, base_dir)
            else:
                future = pause_work.executor().submit(pause_work.compute_pause_result, text, base_dir, False)
        except RuntimeError:  # the worker is shut down (application quitting)
            self._in_flight = False
            return
        self._future = future
        self._stage = stage
        self._budget.start(self.RENDER_BUDGET_MS if with_html else self.COUNTS_BUDGET_MS)
        future.add_done_callback(lambda f: self._deliver(generation, (f, stage, None)))

    def _submit_rest(self, generation: int, html_text: str) -> None:
        """The second job of a pause with a preview: everything but the HTML, on a budget of its own
        (the preview is shown already: a busy machine must not replace it with a notice)."""
        _generation, text, base_dir, _with_html = self._last_job or (generation, "", None, False)
        try:
            future = pause_work.executor().submit(pause_work.compute_pause_result, text, base_dir, False)
        except RuntimeError:
            self._in_flight = False
            self._budget.stop()
            return
        self._future = future
        self._stage = "rest"
        self._budget.start(self.COUNTS_BUDGET_MS)
        future.add_done_callback(lambda f: self._deliver(generation, (f, "rest", html_text)))

    def _abandon(self) -> None:
        """The render ran past its time budget: stop the worker, say so, carry on with the next job."""
        future, job = self._future, self._last_job
        if not self._in_flight or future is None or future.done() or job is None:
            return
        self._abandoned.add(id(future))
        self._in_flight = False
        self._future = None
        pause_work.abandon_worker()
        if self._stage == "rest":  # the preview is shown (or was abandoned already): keep it as it is
            if self._pending is not None and not self._closed:
                pending, self._pending = self._pending, None
                self._submit(pending)
            return
        seconds = self.RENDER_BUDGET_MS // 1000
        notice = tr(
            "Rendering this article took longer than %1 s and was stopped; the editor is not affected."
        )
        text = notice.replace("%1", str(seconds))
        import html

        if not self._closed:
            self.abandoned.emit(job[0], f'<p class="midad-notice">{html.escape(text)}</p>')
        if self._pending is None and job[3] and not self._closed:
            # the counts, hashtags and line directions of this text still come, without the preview
            self._pending = (job[0], job[1], job[2], False)
        if self._pending is not None and not self._closed:
            pending, self._pending = self._pending, None
            self._submit(pending)

    def _deliver(self, generation: int, payload: tuple[Future, str, str | None]) -> None:
        try:
            emit_on_gui_thread(self, "_done", generation, payload)
        except RuntimeError:
            pass  # the window (and this object) is already gone

    def _on_done(self, generation: int, payload: tuple[Future, str, str | None]) -> None:
        import html
        from concurrent.futures import BrokenExecutor  # loaded with the worker: not at start-up

        future, stage, html_text = payload
        if id(future) in self._abandoned:  # given up on already (its worker was stopped)
            self._abandoned.discard(id(future))
            return
        if stage == "html" and not self._closed and not future.cancelled() and future.exception() is None:
            if generation == self._generation:
                html_text = future.result()
                self.preview_ready.emit(generation, html_text)  # shown now (a direct connection)
                self._submit_rest(generation, html_text)
                return
            self._budget.stop()  # typed over: the rest of this pause's work is not worth doing
            self._future = None
            self._in_flight = False
            if self._pending is not None:
                job, self._pending = self._pending, None
                self._submit(job)
            return
        self._budget.stop()
        self._future = None
        self._in_flight = False
        try:
            result = future.result()
            if stage == "html":  # the preview job ended: closed, or failed (raised above)
                result = None
            elif html_text is not None:
                result = replace(result, html=html_text)
        except BrokenExecutor:
            # The worker process could not start or died: carry on with a thread.
            pause_work.use_thread_worker()
            if self._pending is None and not self._closed:
                self._pending = (self._generation, *self._last_job[1:]) if self._last_job else None
            result = None
        except Exception as exc:  # noqa: BLE001 - a renderer bug or a dead worker must not kill the editor
            result = pause_work.PauseResult(f"<p>{html.escape(f'Preview failed: {exc}')}</p>", 0, 0, 0, [])
        if self._pending is not None and not self._closed:
            job, self._pending = self._pending, None
            self._submit(job)
        if result is not None and not self._closed and generation == self._generation:
            self.rendered.emit(generation, result)

    def shutdown(self) -> None:
        """Stop delivering results (the window is closing); the shared worker keeps running."""
        self._closed = True
        self._pending = None


def local_resource_path(url: QUrl, base_dir: Path | None) -> Path | None:
    """The file `url` names if it is a local file inside `base_dir`, else None (never the network)."""
    if base_dir is None:
        return None
    if url.scheme() in ("", "file"):
        raw = url.toLocalFile() if url.scheme() == "file" else url.path()
    else:
        return None
    if not raw:
        return None
    base = base_dir.resolve()
    candidate = (base / raw).resolve() if not Path(raw).is_absolute() else Path(raw).resolve()
    if not candidate.is_relative_to(base) or not candidate.is_file():
        return None
    return candidate


_PT_RE = re.compile(r"(\d+(?:\.\d+)?)pt\b")


class PreviewPane(QTextBrowser):
    """The preview widget. `confirm_link(url) -> bool` decides whether a clicked link opens."""

    updated = Signal()  # the document shows the whole of the last page given to `show_html`

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document().setUndoRedoEnabled(False)  # replaced units would pile up in the undo stack
        # The scroll bar always takes its room: when it appeared (a page growing past one screen), Qt laid
        # the whole page out again at the narrower width in one go (110 ms for 150,000 characters of
        # bidi controls, which take no height), and again each time it came and went.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._updater = PageUpdater(self.document(), self)
        self._updater.finished.connect(self._on_updated)
        self._updater.failed.connect(self._show_whole)
        self._target: str | None = None  # the styled HTML being shown (maybe not all of it yet)
        self._scroll: tuple[int, int] | None = None  # scroll bar value and maximum before the update
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.base_dir: Path | None = None
        self.confirm_link: Callable[[QUrl], bool] = lambda url: False
        self.open_external: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._follow_ratio: float | None = None
        self._html = ""
        self._shown: str | None = None  # the styled HTML last given to setHtml
        self.dark = False
        self.zoom = 0
        load_bundled_fonts()  # preview.css asks for the shipped pair
        self.anchorClicked.connect(self._on_anchor)
        self._paper_palette()

    def _paper_palette(self) -> None:
        """The preview is the page readers get (light, like the export), also under a dark theme:
        its stylesheet's dark text must stay on a light page."""
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.Text, QColor("#1d1d1f"))
        self.setPalette(palette)

    def set_look(self, dark: bool | None = None, zoom: int | None = None) -> None:
        """Dark page or paper (`dark`), and the editor's zoom step (`zoom`, ±10 % of the type size
        per step); the page shown is redrawn."""
        if dark is not None:
            self.dark = dark
            if dark:
                palette = self.palette()
                palette.setColor(QPalette.ColorRole.Base, QColor("#18181b"))
                palette.setColor(QPalette.ColorRole.Text, QColor("#e4e4e7"))
                self.setPalette(palette)
            else:
                self._paper_palette()
        if zoom is not None:
            self.zoom = zoom
        if self._html:
            self.show_html(self._html)

    def styled(self, text: str) -> str:
        """`text` with the dark stylesheet (if dark) and the type sizes scaled by the zoom."""
        if self.dark:
            dark = resource_path("css", "preview-dark.css").read_text(encoding="utf-8")
            text = text.replace("</head>", f"<style>{dark}</style></head>", 1)
        if self.zoom:
            factor = max(0.3, 1 + 0.1 * self.zoom)
            head, sep, rest = text.partition("</head>")
            head = _PT_RE.sub(lambda m: f"{float(m.group(1)) * factor:.1f}pt", head)
            text = head + sep + rest
        return text

    def show_html(self, text: str) -> None:
        """Show `text`, replacing only what changed, keeping the reader where they were."""
        self._html = text
        right_to_left = self.isRightToLeft()
        page = page_of(text)
        if page is not None:  # the style is in the head, the notices are units (or parts of them)
            units = tuple(localize_notices(unit, right_to_left) for unit in page.units)
            page = Page(self.styled(page.head), units, page.tail)
        styled = page.html() if page is not None else self.styled(localize_notices(text, right_to_left))
        if styled in (self._shown, self._target):
            return  # e.g. the full pause result after its preview job: nothing to lay out again
        if self._scroll is None:
            bar = self.verticalScrollBar()
            self._scroll = (bar.value(), bar.maximum())
        self._target = styled
        if page is None:  # not cut into units: set as a whole
            self._updater.cancel()
            self._show_whole()
        else:
            self._updater.show(page)

    def _show_whole(self) -> None:
        """The page being shown, with one `setHtml` (HTML the units cannot reproduce)."""
        super().setHtml(self._target or "")
        self._on_updated()

    @property
    def updating(self) -> bool:
        """True while the page given last is only partly shown (the rest comes in the next turns)."""
        return self._updater.busy

    def _on_updated(self) -> None:
        self._shown, self._target = self._target, None
        old_value, old_max = self._scroll or (0, 0)
        self._scroll = None
        bar = self.verticalScrollBar()
        if self._follow_ratio is not None:
            self.follow(self._follow_ratio)
        elif old_max > 0:
            bar.setValue(round(old_value * bar.maximum() / old_max))
        self.updated.emit()

    def show_notice(self, generation: int, notice_html: str) -> None:
        """Show `notice_html` (e.g. a render abandoned past its time budget) instead of the content."""
        del generation
        self.setHtml(notice_html)

    def setHtml(self, text: str) -> None:  # noqa: N802 - Qt name
        """Qt's `setHtml`; anything shown this way is not the last `show_html` any more."""
        self._updater.cancel()
        self._shown = self._target = self._scroll = None
        super().setHtml(text)

    def follow(self, ratio: float) -> None:
        """Scroll to the same relative place as the editor (0.0 top, 1.0 bottom)."""
        self._follow_ratio = min(max(ratio, 0.0), 1.0)
        bar = self.verticalScrollBar()
        bar.setValue(round(self._follow_ratio * bar.maximum()))

    def loadResource(self, kind: int, url: QUrl) -> object:  # noqa: N802 - Qt override
        path = local_resource_path(url, self.base_dir)
        is_image = kind in (
            QTextDocument.ResourceType.ImageResource,
            QTextDocument.ResourceType.ImageResource.value,
        )
        if path is None:
            return QImage() if is_image else QByteArray()
        if is_image:
            return QImage(str(path))
        try:
            return QByteArray(path.read_bytes())
        except OSError:
            return QByteArray()

    def _on_anchor(self, url: QUrl) -> None:
        if not url.scheme() and url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())
            return
        if self.confirm_link(url):
            self.open_external(url)
