"""Quitting never waits for a worker process that is still busy (a long render, a dictionary loading)."""

from __future__ import annotations

import time
from concurrent.futures import CancelledError
from pathlib import Path

from editor.ui.copydesk import worker
from editor.ui.preview import pause_work


def _gone(pid: int, timeout: float = 10) -> bool:
    """True once `pid` is dead (no such process, or a zombie waiting to be reaped)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def test_stop_now_ends_a_busy_pause_worker():
    pause_work.shutdown()
    executor = pause_work.executor()
    future = executor.submit(time.sleep, 60)
    deadline = time.monotonic() + 30
    while not getattr(executor, "_processes", None) and time.monotonic() < deadline:
        time.sleep(0.05)
    processes = list(executor._processes.values())
    assert processes, "the worker process started"
    started = time.monotonic()
    pause_work.stop_now()
    for process in processes:
        process.join(10)
        assert _gone(process.pid)  # (is_alive() cannot tell when another part of the suite reaped it)
    assert time.monotonic() - started < 10
    try:
        assert future.exception(timeout=10) is not None  # the pool reports its worker gone
    except CancelledError:
        pass
    assert pause_work._executor is None


def test_stop_now_without_copy_desk_workers_is_harmless():
    worker.stop_now()
    worker.stop_now()
