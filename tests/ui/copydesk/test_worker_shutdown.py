"""Quitting never waits for a copy-desk check still running in a worker process."""

from __future__ import annotations

import time

from editor.ui.copydesk import worker


def test_shutdown_does_not_wait_for_a_running_check():
    future = worker._executor("spell").submit(time.sleep, 60)
    deadline = time.monotonic() + 30
    while not future.running() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert future.running()
    start = time.monotonic()
    worker.shutdown()
    assert time.monotonic() - start < 5
    assert worker._executors == {}
