"""Typing comes first: the library's worker processes run at idle CPU priority (SCHED_IDLE on
Linux), the preview, copy-desk and export workers at nice 10 (the writer waits for them: the idle
class starved them on a busy machine), the window itself at neither, and the GUI thread takes Python's lock back quickly from busy background threads."""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor

import pytest

from editor.app import GC_THRESHOLDS, GIL_SWITCH_INTERVAL, keep_typing_responsive, settle_garbage_collector
from editor.core.library.index import _lower_priority as reader_priority
from editor.core.system.priority import background_priority
from editor.ui.export.jobs import lower_priority as export_priority
from editor.ui.preview.pause_work import background_worker

IDLE = "idle" if hasattr(os, "SCHED_IDLE") and sys.platform.startswith("linux") else "nice 19"


def _priority_in(initializer, *args) -> str:  # noqa: ANN001
    with ProcessPoolExecutor(
        max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=initializer, initargs=args
    ) as pool:
        return pool.submit(background_priority).result(timeout=120)


def test_preview_and_copy_desk_workers_run_below_the_window_but_not_idle():
    assert _priority_in(background_worker, os.getpid()) == "nice 10"
    assert background_priority() not in ("idle", "nice 10")  # the window's own process keeps its priority


def test_library_readers_run_at_idle_priority_and_window_exports_below_the_window():
    assert _priority_in(reader_priority) == IDLE
    assert _priority_in(export_priority) == "nice 10"
    assert background_priority() != "idle"


def test_the_gui_thread_takes_the_lock_back_within_a_millisecond(monkeypatch):
    monkeypatch.delenv("QT_QPA_UPDATE_IDLE_TIME", raising=False)
    before, thresholds = sys.getswitchinterval(), gc.get_threshold()
    try:
        keep_typing_responsive()
        assert sys.getswitchinterval() == pytest.approx(GIL_SWITCH_INTERVAL)
        assert GIL_SWITCH_INTERVAL <= 0.001 < before
    finally:
        sys.setswitchinterval(before)
        gc.set_threshold(*thresholds)


def test_repaints_wait_for_no_timer_and_collections_are_fewer(monkeypatch):
    """Qt's 5 ms update timer held back every keystroke's repaint; Python's young generation of
    700 objects made the library's indexing collect thousands of times (each holding the GIL)."""
    monkeypatch.delenv("QT_QPA_UPDATE_IDLE_TIME", raising=False)
    before, thresholds = sys.getswitchinterval(), gc.get_threshold()
    try:
        keep_typing_responsive()
        assert os.environ["QT_QPA_UPDATE_IDLE_TIME"] == "0"
        assert gc.get_threshold() == GC_THRESHOLDS and GC_THRESHOLDS[0] > 700
        monkeypatch.setenv("QT_QPA_UPDATE_IDLE_TIME", "3")  # the user's own setting stays
        keep_typing_responsive()
        assert os.environ["QT_QPA_UPDATE_IDLE_TIME"] == "3"
    finally:
        sys.setswitchinterval(before)
        gc.set_threshold(*thresholds)


def test_objects_of_the_start_up_are_kept_out_of_collections():
    try:
        settle_garbage_collector()
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()
