"""Keeps a `Library` up to date for the panels, off the GUI thread.

- `refresh()` runs the (incremental) index update in a worker thread and emits `refreshed`.
- A QFileSystemWatcher on every library folder triggers a refresh shortly after a change; a timer
  rescans every few seconds as a fallback (in-place edits do not touch the folder, network and
  sync folders may send no events). A rescan of an unchanged library only `stat`s files; a big
  library is rescanned less often (at most 1/`POLL_COST_RATIO` of the time goes to rescanning).
- `search(query)` runs in a worker thread; the newest query's results arrive in `searchFinished`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from editor.core.library.facade import Library
from editor.core.library.index import UpdateReport
from editor.core.library.search import SearchHit
from editor.ui.common.courier import emit_on_gui_thread

DEFAULT_POLL_MS = 3000
POLL_COST_RATIO = 20  # the poll interval is at least this many times the last refresh's duration
MAX_POLL_MS = 60_000
WATCH_DEBOUNCE_MS = 300


class LibraryController(QObject):
    """Owns the library's refresh and search threads; the panels listen to its signals."""

    refreshed = Signal(object)  # UpdateReport, when something changed (and after the first refresh)
    busyChanged = Signal(bool)
    progress = Signal(int, int)  # files read, files to read (during a long index update)
    searchFinished = Signal(str, object)  # query, list[SearchHit]
    failed = Signal(str)  # one sentence for the user
    _done = Signal(object, object)  # report or None, error or None (worker thread → GUI thread)
    _searched = Signal(int, str, object)
    _task_done = Signal(object, object, object)  # callback, result, exception

    def __init__(
        self, library: Library, parent: QObject | None = None, poll_ms: int = DEFAULT_POLL_MS
    ) -> None:
        super().__init__(parent)
        self.library = library
        library.index.isolated = True  # a big update runs in a child process: this one stays free
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._refreshing = False
        self._again = False
        self._refreshed_once = False
        self._announce = False
        self._failing = False  # the last refresh or search failed: the next success is announced
        self._search_serial = 0
        # set by the list: run in the refresh thread after each refresh; its result is `prepared`
        self.prepare: Callable[[], object] | None = None
        self.prepared: object = None
        self._search_lock = threading.Lock()
        self._watcher = None
        self._debounce = QTimer(self, singleShot=True, interval=WATCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self._base_poll_ms = max(200, poll_ms)
        self._last_duration = 0.0  # seconds the last refresh took (written by the worker thread)
        self._poll = QTimer(self, interval=self._base_poll_ms)
        self._poll.timeout.connect(self.refresh)
        self._done.connect(self._on_refreshed)
        self.failed.connect(self._note_failure)
        self._searched.connect(self._on_searched)
        self._task_done.connect(lambda callback, result, error: callback(result, error))

    # --- refreshing ------------------------------------------------------------------------
    def start(self) -> None:
        """First refresh, then watch the folders and poll."""
        self.refresh()
        self._poll.start()

    def stop(self) -> None:
        """Stop watching and polling (running work finishes in the background)."""
        self._poll.stop()
        self._debounce.stop()
        if self._watcher is not None:
            self._watcher.removePaths(self._watcher.directories())

    def shutdown(self, msecs: int = 10000) -> bool:
        """Stop watching, ask a running index update to stop (what it did is kept), and wait."""
        self.stop()
        self.library.index.cancel()
        return self.wait(msecs)

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for running work (tests, shutdown)."""
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return self._refreshing

    def refresh(self, announce: bool = False) -> None:
        """Update the index in a worker thread (coalesced: one at a time, one queued).

        `refreshed` is emitted when something changed, or always with `announce` (e.g. after a tag
        operation that already updated the index itself).
        """
        self._announce = self._announce or announce
        if self._refreshing:
            self._again = True
            return
        self._refreshing = True
        self.busyChanged.emit(True)
        self._pool.start(self._refresh_job)

    def _refresh_job(self) -> None:
        step = 0

        def report_progress(done: int, total: int) -> None:
            nonlocal step
            if total >= 50 and (done * 100 // total > step or done == total):  # at most ~100 signals
                step = done * 100 // total
                emit_on_gui_thread(self, "progress", done, total)

        started = time.monotonic()
        try:
            report = self.library.refresh(report_progress)
            # work the list would do on the GUI thread (sorting 100,000 articles), done here
            self.prepared = self.prepare() if self.prepare is not None else None
        except Exception as exc:  # noqa: BLE001 - shown to the user, never crashes the GUI
            emit_on_gui_thread(self, "_done", None, f"{exc}")
            return
        self._last_duration = time.monotonic() - started  # (read by the GUI thread after `_done`)
        emit_on_gui_thread(self, "_done", report, None)

    @property
    def poll_interval_ms(self) -> int:
        """How often the library is rescanned now (longer for a library that takes long to scan)."""
        return self._poll.interval()

    def _on_refreshed(self, report: UpdateReport | None, error: str | None) -> None:
        self._refreshing = False
        wanted = int(self._last_duration * POLL_COST_RATIO * 1000)
        self._poll.setInterval(min(MAX_POLL_MS, max(self._base_poll_ms, wanted)))
        self.busyChanged.emit(False)
        if error is not None:
            self.failed.emit(error)
        elif report is not None:
            self._watch(report.folders)
            recovered = self._failing  # the index is usable again: say so even if nothing changed
            if report.any_change or report.rebuilt or not self._refreshed_once or self._announce or recovered:
                self._refreshed_once = True
                self._announce = False
                self._failing = False
                self.refreshed.emit(report)
        if self._again:
            self._again = False
            self.refresh()

    def _note_failure(self, _text: str) -> None:
        self._failing = True

    def _watch(self, folders: list[str]) -> None:
        from PySide6.QtCore import QFileSystemWatcher

        if self._watcher is None:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.directoryChanged.connect(lambda _path: self._debounce.start())
            self._watcher.fileChanged.connect(lambda _path: self._debounce.start())
        current = set(self._watcher.directories())
        wanted = set(folders)
        if current - wanted:
            self._watcher.removePaths(list(current - wanted))
        if wanted - current:
            self._watcher.addPaths(sorted(wanted - current))

    # --- other work ----------------------------------------------------------------------
    def run_task(self, task: Callable[[], object], done: Callable[[object, Exception | None], None]) -> None:
        """Run `task()` in a worker thread; `done(result, exception)` is then called on the GUI thread."""

        def job() -> None:
            try:
                result = task()
            except Exception as exc:  # noqa: BLE001 - handed to `done`, which reports it
                emit_on_gui_thread(self, "_task_done", done, None, exc)
                return
            emit_on_gui_thread(self, "_task_done", done, result, None)

        self._pool.start(job)

    # --- searching -------------------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> None:
        """Search in a worker thread; only the newest query's results are emitted."""
        with self._search_lock:
            self._search_serial += 1
            serial = self._search_serial
        self._pool.start(lambda: self._search_job(serial, query, limit))

    def _search_job(self, serial: int, query: str, limit: int) -> None:
        with self._search_lock:
            if serial != self._search_serial:
                return  # a newer query is already waiting
        try:
            hits: list[SearchHit] = self.library.search(query, limit=limit, prefix_last=True)
        except Exception as exc:  # noqa: BLE001
            emit_on_gui_thread(self, "failed", f"{exc}")
            return
        emit_on_gui_thread(self, "_searched", serial, query, hits)

    def _on_searched(self, serial: int, query: str, hits: list[SearchHit]) -> None:
        if serial == self._search_serial:
            self.searchFinished.emit(query, hits)
