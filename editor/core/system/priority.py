"""Background work yields the CPU to the window, in two degrees.

Work nobody waits for (the library's index child and its readers) calls `run_in_background()`
first. On Linux that is
the SCHED_IDLE policy: the worker runs only on a core no ordinary thread wants, and a waking
ordinary thread (the GUI thread with a keystroke) takes the core from it at once. A nice value only
lowers a worker's *share*: at nice +5/+10 the workers still held both cores of a 2-core machine when
a key came (`benchmarks/bench_typing_background.py` named most slow keys "no free core"). Where
SCHED_IDLE is not offered (macOS, the BSDs) or refused, nice 19. The process also gets nice 19 on
Linux, which keeps its disk requests behind the window's (the I/O priority follows the CPU one).
Threads and processes started afterwards inherit both.

Work the writer waits for (the preview render, the copy desk's checks, window exports and printing)
calls `run_below_the_window()`: nice 10, an ordinary policy. SCHED_IDLE starves: with two busy
programs of the same session (a build in the terminal Midad was started from, or a desktop that
puts every application in one scheduling group), the seed article's preview never came (abandoned
twice past its 6 s budget); at nice +5 it came after 4.2 s (measured 2026-12-02, 2 cores, two
`while :` loops). At nice 10 the window's threads still weigh about nine times a worker's.

Never call it in the window's own process: a thread of the window at idle priority holding Python's
lock would hold the GUI thread up with it on a busy machine.
"""

from __future__ import annotations

import os

IDLE_NICENESS = 19
BELOW_WINDOW_NICENESS = 10


def run_in_background() -> str:
    """Lower this process's CPU priority for good: "idle" (SCHED_IDLE, Linux), "nice" (nice 19
    only) or "" (the system allows neither: the window's priority)."""
    done = ""
    if hasattr(os, "sched_setscheduler") and hasattr(os, "SCHED_IDLE"):
        try:
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
            done = "idle"
        except OSError:
            pass
    niced = _nice_at_least(IDLE_NICENESS)  # also under SCHED_IDLE: the disk follows the nice value
    return done or ("nice" if niced else "")


def run_below_the_window() -> str:
    """Lower this process's CPU priority for good to nice 10 (work the writer waits for: it must
    still run on a busy machine); returns "nice" or "" when the system does not allow it."""
    return "nice" if _nice_at_least(BELOW_WINDOW_NICENESS) else ""


def _nice_at_least(niceness: int) -> bool:
    """Raise this process's nice value to `niceness` (never lower it); False if the system refuses."""
    try:
        os.nice(max(0, niceness - os.nice(0)))
    except (AttributeError, OSError):
        return False
    return True


def background_priority() -> str:
    """How this process runs: "idle" (SCHED_IDLE), "nice N" (ordinary, nice N), or "" (unknown)."""
    if hasattr(os, "sched_getscheduler") and hasattr(os, "SCHED_IDLE"):
        try:
            if os.sched_getscheduler(0) == os.SCHED_IDLE:
                return "idle"
        except OSError:
            pass
    try:
        return f"nice {os.nice(0)}"
    except (AttributeError, OSError):
        return ""
