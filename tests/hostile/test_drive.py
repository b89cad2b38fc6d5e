"""The hostile driver's stall watch: it names where the GUI thread stalls and never keeps its frames."""

from __future__ import annotations

import gc
import sys
import threading
import time
import weakref

import pytest

from tests.hostile.drive import StallWatch

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="memfd_create: Linux")


class _Held:
    """A local of the stalled function; records which thread frees it."""

    freed_by: list[int] = []

    def __del__(self) -> None:
        _Held.freed_by.append(threading.get_ident())


def _stalled_here(seconds: float) -> weakref.ref:
    held = _Held()
    time.sleep(seconds)  # the main thread does not tick: the watch samples this frame
    return weakref.ref(held)


def test_a_stall_is_named_by_the_innermost_frame_in_the_watched_folder() -> None:
    watch = StallWatch(under="/tests/hostile/")
    try:
        watch.reset()
        _stalled_here(0.5)
        assert any(s.startswith("hostile/test_drive.py:_stalled_here x") for s in watch.summary()), (
            watch.summary()
        )
        watch.reset()
        watch.tick(0)
        time.sleep(0.1)  # ticking: nothing sampled
        assert watch.summary() == []
    finally:
        watch.stop()


def test_the_watch_keeps_no_frame_of_the_watched_thread() -> None:
    # with sys._current_frames() the watch held the last frame it sampled until the next stall, so the
    # stalled function's locals (Qt objects in the window) outlived it and were freed on the watch thread
    watch = StallWatch(under="/tests/hostile/")
    gc.disable()  # freed by reference counting only, at once, by whoever drops the last reference
    try:
        _Held.freed_by.clear()
        watch.reset()
        ref = _stalled_here(0.4)
        assert watch.summary(), "the stall was sampled"
        assert ref() is None, "a local of the stalled function is kept alive after it returned"
        assert _Held.freed_by == [threading.get_ident()]
        watch.tick(0)
        time.sleep(0.15)
        assert _Held.freed_by == [threading.get_ident()]
    finally:
        gc.enable()
        watch.stop()
