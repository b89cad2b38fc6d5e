"""The pause work (preview HTML, then counts, hashtags, line directions, outline) run in the worker.

One request is in flight at a time; while it runs only the newest further one is kept, and when it
is the same work as the one in flight (the same text, folder and kind: e.g. a pause after the editor
finished loading), the result in flight serves it instead of a second render.

The render's time budget is CPU time of the worker where it can be read (Linux `/proc`): a worker at
nice 10 on a busy machine may get a tenth of a core, and a render of 1.8 s of CPU (50,000 headings)
then takes 18 s of wall time; abandoning it at 6 s wall (and starting a fresh worker, which first
imports everything again) meant no preview at all. A render is abandoned once the worker has spent
`RENDER_BUDGET_MS` of CPU on it, or after `RENDER_WALL_MS` whatever it spent (docs/limits.md).
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.article.model import Article
from editor.ui.common.courier import emit_on_gui_thread
from editor.ui.common.i18n import tr
from editor.ui.preview import pause_work

if TYPE_CHECKING:
    from concurrent.futures import Future

Job = tuple[int, str, str | None, bool]  # generation, text, base folder, with the preview HTML


class PreviewRenderer(QObject):
    """Runs the pause work (preview, counts, hashtags) in the worker process.

    One request is in flight at a time; while it runs, only the newest further request is kept,
    so a burst of pauses costs at most two renders and stale results are never shown (a newest
    request for the same work is served by the one in flight).
    """

    rendered = Signal(int, object)  # generation, PauseResult
    # generation, preview HTML (before the rest of the PauseResult; an `html_units.CutPage`: object, so
    # the positions of its units stay with it)
    preview_ready = Signal(int, object)
    abandoned = Signal(int, str)  # generation, the notice to show in the preview (HTML)
    _done = Signal(int, object)
    start_held = False  # set by the GUI start: new renderers wait for `release()` (after the first frame)

    RENDER_BUDGET_MS = 6000  # a render past this (worker CPU time where known) is abandoned (docs/limits.md)
    RENDER_WALL_MS = 60000  # ... and past this much wall time whatever the worker could spend
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
        self._pending: Job | None = None
        self._last_job: Job | None = None
        self._started = (0.0, None)  # the job's start: monotonic time, the worker's CPU seconds (or None)
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

    def _submit(self, job: Job) -> None:
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
        self._start_budget(self.RENDER_BUDGET_MS if with_html else self.COUNTS_BUDGET_MS)
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
        self._start_budget(self.COUNTS_BUDGET_MS)
        future.add_done_callback(lambda f: self._deliver(generation, (f, "rest", html_text)))

    def _start_budget(self, budget_ms: int) -> None:
        self._started = (time.monotonic(), pause_work.worker_cpu_seconds())
        self._budget.start(budget_ms)

    def _budget_left_ms(self) -> int:
        """What is left of the job's budget in worker CPU time (0: spent, or not measurable)."""
        started, cpu_at_start = self._started
        cpu = pause_work.worker_cpu_seconds()
        if cpu is None or cpu_at_start is None:
            return 0
        budget = self.RENDER_BUDGET_MS if self._stage == "html" else self.COUNTS_BUDGET_MS
        left = budget - (cpu - cpu_at_start) * 1000
        wall_left = self.RENDER_WALL_MS - (time.monotonic() - started) * 1000
        return int(max(0, min(left, wall_left)))

    def _abandon(self) -> None:
        """The render ran past its time budget: stop the worker, say so, carry on with the next job."""
        future, job = self._future, self._last_job
        if not self._in_flight or future is None or future.done() or job is None:
            return
        left = self._budget_left_ms()
        if left > 0:  # the worker waited for a core (a busy machine): it gets the CPU it was promised
            self._budget.start(max(left, 100))
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
        generation = self._served(generation, stage)
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

    def _served(self, generation: int, stage: str) -> int:
        """The generation a finished job serves: the newest request's, when that asks for the same work
        (the same text and folder, no more than the job does) — it is then not rendered again."""
        job, pending = self._last_job, self._pending
        if generation == self._generation or job is None or pending is None or job[0] != generation:
            return generation
        if pending[1:3] == job[1:3] and (job[3] or not pending[3]):
            self._pending = None
            self._last_job = (pending[0], *job[1:])
            return pending[0]
        return generation

    def shutdown(self) -> None:
        """Stop delivering results (the window is closing); the shared worker keeps running."""
        self._closed = True
        self._pending = None
