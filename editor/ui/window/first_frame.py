"""Show the window first: run the rest of the start-up once the editor has painted its first frame.

The library panel (SQLite, the index, worker processes), recovery and other start-up work are
handed to `after_first_frame`; they run from the event loop right after the editor's first paint,
one piece per event-loop turn, so the writer sees the article as early as possible and typing is
never blocked for long. `MIDAD_STARTUP_TRACE=1` prints `midad: first-paint loaded=… <unix time>` on
stderr when that first paint is done, with the heavy modules already loaded by then, and
`midad: all-started loaded=… <unix time>` once every queued step has run (used by
`benchmarks/bench_startup.py` and the tests).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# modules that have no business before the first frame (the trace says which were loaded)
HEAVY_MODULES = (
    "markdown",
    "bs4",
    "multiprocessing",
    "editor.ui.library.sidebar",
    "editor.core.library.index",
    # the window's working parts (`editor.ui.window.parts`): built right after the first frame
    "editor.ui.window.parts",
    "editor.ui.preview.pane",
    "editor.ui.window.recovery_wiring",
    # the window's late parts (`editor.ui.window.late_parts`): built right after the first frame
    "editor.ui.window.late_parts",
    "editor.ui.copydesk.desk",
    "editor.ui.editor.find_replace",
    "editor.ui.export.wiring",
    "editor.ui.outline.panel",
    # standard modules only some actions need (PyYAML: only for an article with YAML front matter)
    "yaml",
    "sqlite3",
    "concurrent.futures",
    "tomllib",
    "difflib",
    "uuid",
)
FALLBACK_MS = 1500  # if no paint ever comes (a hidden or minimised window), start the rest anyway


class FirstFrame(QObject):
    """Watches `widget` for its first paint, then runs the queued steps.

    `widget` is the editor (a widget with `when_painted(callback)`, told by its own paintEvent) or
    any other widget (watched with an event filter). The editor is not watched through its
    `viewport()`: PySide's first `viewport()` of a process builds the Python types of every Qt
    widget class (~75 enums, ~11 ms of CPU), and anything before the first event-loop turn delays
    the window's mapping (Qt sends the map request to the X server from the event loop).
    """

    def __init__(self, widget: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent or widget)
        self.widget = widget
        self.steps: list[Callable[[], object]] = []
        self.painted = False
        self.done = False
        self._filtering = not hasattr(widget, "when_painted")
        if self._filtering:
            widget.installEventFilter(self)
        else:
            widget.when_painted(self._painted)  # type: ignore[attr-defined]
        QTimer.singleShot(FALLBACK_MS, self._start)

    def add(self, step: Callable[[], object]) -> None:
        """Run `step` after the first frame (at once if the queue already ran)."""
        if self.done:
            QTimer.singleShot(0, step)
        else:
            self.steps.append(step)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            self._painted()
        return False

    def _painted(self) -> None:
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, self._start)  # after this paint has finished

    def _start(self) -> None:
        if self.done:
            return
        self.done = True
        if self._filtering:
            self.widget.removeEventFilter(self)
        _trace("first-paint")
        self._next()

    def _next(self) -> None:
        if self.steps:
            step = self.steps.pop(0)
            try:
                step()
            finally:  # one step per turn (input and paints get in between); a failing step stops no other
                QTimer.singleShot(0, self._next)
        else:
            _trace("all-started")  # every queued step has run


def _trace(what: str) -> None:
    """`midad: <what> loaded=<heavy modules loaded by now> <unix time>` on stderr (MIDAD_STARTUP_TRACE=1)."""
    if os.environ.get("MIDAD_STARTUP_TRACE"):
        loaded = ",".join(m for m in HEAVY_MODULES if m in sys.modules) or "-"
        print(f"midad: {what} loaded={loaded} {time.time():.6f}", file=sys.stderr, flush=True)
