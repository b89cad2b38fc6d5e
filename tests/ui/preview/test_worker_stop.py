"""Quitting never waits for a worker process that is still busy (a long render, a dictionary loading)."""

from __future__ import annotations

import time
from concurrent.futures import CancelledError

from editor.ui.copydesk import worker
from editor.ui.preview import pause_work


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
        assert not process.is_alive()
    assert time.monotonic() - started < 10
    try:
        assert future.exception(timeout=10) is not None  # the pool reports its worker gone
    except CancelledError:
        pass
    assert pause_work._executor is None


def test_stop_now_without_copy_desk_workers_is_harmless():
    worker.stop_now()
    worker.stop_now()
