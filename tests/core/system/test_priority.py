"""Background processes run at idle CPU priority: SCHED_IDLE on Linux, else nice 19 (never the
test process itself: the change cannot be undone without privileges, so each test uses a child)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from editor.core.system.priority import background_priority

linux_idle = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and hasattr(os, "SCHED_IDLE")), reason="SCHED_IDLE is Linux's"
)


def _child(code: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return result.stdout.split()


@linux_idle
def test_a_background_process_runs_only_on_a_core_nobody_wants():
    out = _child(
        "import os, threading\n"
        "from editor.core.system.priority import run_in_background, background_priority\n"
        "print(run_in_background(), background_priority(), os.nice(0))\n"
        "seen = []\n"
        "t = threading.Thread(target=lambda: seen.append(os.sched_getscheduler(0) == os.SCHED_IDLE))\n"
        "t.start(); t.join()\n"
        "print(seen[0])\n"
        "print(os.sched_getscheduler(os.getpid()) == os.SCHED_IDLE)\n"
    )
    # SCHED_IDLE, plus the lowest nice (the disk follows it); threads started later inherit it
    assert out == ["idle", "idle", "19", "True", "True"]
    assert background_priority() != "idle"


def test_where_idle_is_refused_the_lowest_nice_value():
    out = _child(
        "import os\n"
        "def refuse(*args):\n"
        "    raise PermissionError('no')\n"
        "os.sched_setscheduler = refuse\n"
        "from editor.core.system.priority import run_in_background, background_priority\n"
        "print(run_in_background(), background_priority())\n"
    )
    assert out == ["nice", "nice", "19"]


def test_calling_it_twice_changes_nothing_more():
    out = _child(
        "import os\n"
        "from editor.core.system.priority import run_in_background\n"
        "run_in_background()\n"
        "print(run_in_background(), os.nice(0))\n"
    )
    assert out[1] == "19" and out[0] in ("idle", "nice")


def test_work_the_writer_waits_for_runs_at_nice_10_in_the_ordinary_class():
    out = _child(
        "import os\n"
        "from editor.core.system.priority import run_below_the_window, background_priority\n"
        "print(run_below_the_window(), background_priority().replace(' ', '_'))\n"
        "print(run_below_the_window(), os.nice(0))\n"  # twice: no lower
        "print(getattr(os, 'sched_getscheduler', lambda pid: 0)(0) == getattr(os, 'SCHED_IDLE', -1))\n"
    )
    assert out == ["nice", "nice_10", "nice", "10", "False"]
