"""Python's cyclic garbage collector runs on the GUI thread only, between events.

Python starts a collection in whichever thread happens to allocate past a threshold: the copy
desk's thread loading the spelling dictionary, the thread reading a big article, the library's
update… A collection frees every unreachable cycle, and a cycle can hold a Qt object that Python
owns (a timer, a document, a helper object with a lambda connected to it). Destroyed from another
thread, such an object leaves its timers registered with the GUI thread's event loop, which later
delivers a timer event to freed memory; destroyed on the GUI thread in the middle of delivering an
event (a collection started by a slot's allocation), it can be the receiver, or an event filter on
the receiver's path. Both crashed the window (SIGSEGV in `QTimerInfoList::activateTimers` and in
`sendThroughObjectEventFilters`, seen in the test suite while the copy desk loaded its dictionary).

`collect_on_gui_thread(app)` turns the automatic collector off and collects from a timer of the
GUI thread instead, generation by generation with the same thresholds the automatic collector
would use: at the top of the event loop, where no event is being delivered and no other thread
runs a collection; while the writer types, right after the editor's paint, so that no keystroke
waits for a collection. A forked child process (which has no event loop) gets the automatic collector
back.
"""

from __future__ import annotations

import gc
import os
import time

from PySide6.QtCore import QObject, QTimer

# How often the GUI thread looks at the allocation counts. A young collection scans the objects
# still alive among those made since the last one, so a short interval keeps each one short.
INTERVAL_MS = 50
# While the writer types, a collection runs right after the editor's paint (the key is on screen;
# the next one is tens of ms away) instead of whenever the timer fires, where a key could land on it
# (measured: gen1 collections of 42-44 ms were the worst keys of two typing runs). With no editor
# paint for this long, the timer collects.
QUIET_MS = 150
# The young count this many times over its threshold: collect on the timer even while typing.
OVERDUE = 25

_installed: _Collector | None = None


def due_generation() -> int:
    """The generation the automatic collector would collect now, or -1.

    Python counts allocations minus deallocations of tracked objects (`gc.get_count()[0]`), and
    young and middle collections (`[1]`, `[2]`); a generation is due when its count passes its
    threshold (`gc.get_threshold()`): the oldest such one, as CPython does.
    """
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] >= thresholds[generation]:
            return generation
    return -1


def collect_due() -> int:
    """Run the collection the automatic collector would have run by now; the generation, or -1."""
    generation = due_generation()
    if generation >= 0:
        gc.collect(generation)
    return generation


class _Collector(QObject):
    """The GUI thread's collector: a timer, and a collection right after the editor's paints."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("midadGarbageCollector")
        self.last_paint = 0.0  # time.monotonic() of the editor's last paint
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.timer.start(INTERVAL_MS)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(collect_due)

    def painted(self) -> None:
        self.last_paint = time.monotonic()
        if due_generation() >= 0:
            self._soon.start(0)  # the next turn of the event loop: once this paint is on screen

    def _tick(self) -> None:
        if due_generation() < 0:
            return
        typing = time.monotonic() - self.last_paint < QUIET_MS / 1000
        if not typing or gc.get_count()[0] >= OVERDUE * gc.get_threshold()[0]:
            collect_due()


def collect_on_gui_thread(parent: QObject) -> QTimer:
    """Disable automatic collection; collect on the calling (GUI) thread instead; its timer.

    Idempotent: a second call returns the first timer. `parent` (the application) owns it.
    """
    global _installed
    if _installed is None:
        gc.disable()
        os.register_at_fork(after_in_child=gc.enable)
        _installed = _Collector(parent)
    return _installed.timer


def editor_painted() -> None:
    """The editor has painted (`PaintMixin`): a collection that is due runs right after it."""
    if _installed is not None:
        _installed.painted()
