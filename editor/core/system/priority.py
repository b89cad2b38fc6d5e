"""Background work yields the CPU to the window: SCHED_IDLE on Linux, else the lowest nice value.

Every worker process Midad starts for the window (preview render, copy-desk checks, the library
index child and its readers, window exports) calls `run_in_background()` first. On Linux that is
the SCHED_IDLE policy: the worker runs only on a core no ordinary thread wants, and a waking
ordinary thread (the GUI thread with a keystroke) takes the core from it at once. A nice value only
lowers a worker's *share*: at nice +5/+10 the workers still held both cores of a 2-core machine when
a key came (`benchmarks/bench_typing_background.py` named most slow keys "no free core"). Where
SCHED_IDLE is not offered (macOS, the BSDs) or refused, nice 19. The process also gets nice 19 on
Linux, which keeps its disk requests behind the window's (the I/O priority follows the CPU one).
Threads and processes started afterwards inherit both.

Never call it in the window's own process: a thread of the window at idle priority holding Python's
lock would hold the GUI thread up with it on a busy machine.
"""

from __future__ import annotations

import os

IDLE_NICENESS = 19


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
    try:
        os.nice(max(0, IDLE_NICENESS - os.nice(0)))
    except (AttributeError, OSError):
        return done
    return done or "nice"


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
