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
runs a collection. A forked child process (which has no event loop) gets the automatic collector
back.
"""

from __future__ import annotations

import gc
import os

from PySide6.QtCore import QObject, QTimer

# How often the GUI thread looks at the allocation counts. A young collection scans what was
# allocated since the last one, so a short interval keeps each one short.
INTERVAL_MS = 100

_installed: QTimer | None = None


def collect_due() -> int:
    """Run the collection the automatic collector would have run by now; the generation, or -1.

    Python counts allocations minus deallocations of tracked objects (`gc.get_count()[0]`), and
    young and middle collections (`[1]`, `[2]`); a generation is collected when its count passes
    its threshold (`gc.get_threshold()`), the oldest such one, as CPython does.
    """
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] >= thresholds[generation]:
            gc.collect(generation)
            return generation
    return -1


def collect_on_gui_thread(parent: QObject) -> QTimer:
    """Disable automatic collection; collect from a timer of the calling (GUI) thread instead.

    Idempotent: a second call returns the first timer. `parent` (the application) owns the timer.
    """
    global _installed
    if _installed is not None:
        return _installed
    gc.disable()
    os.register_at_fork(after_in_child=gc.enable)
    timer = QTimer(parent)
    timer.setObjectName("midadGarbageCollector")
    timer.timeout.connect(collect_due)
    timer.start(INTERVAL_MS)
    _installed = timer
    return timer
