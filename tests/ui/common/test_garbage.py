"""Python's collector runs on the GUI thread only: a Qt object in a garbage cycle dies there."""

from __future__ import annotations

import gc
import os
import threading
import time

from PySide6.QtCore import QObject, Qt

from editor.ui.common import garbage


def test_the_application_collects_on_its_own_thread_only(qapp):
    timer = garbage.collect_on_gui_thread(qapp)
    assert not gc.isenabled()  # no collection starts in whatever thread allocates
    assert timer.isActive() and timer.thread() is qapp.thread()
    assert garbage.collect_on_gui_thread(qapp) is timer  # installed once


def test_a_qt_object_in_a_cycle_dropped_while_a_thread_allocates_dies_on_the_gui_thread(qapp, qtbot):
    garbage.collect_on_gui_thread(qapp)
    died_in: list[int] = []
    doomed = QObject()
    doomed.myself = doomed  # a cycle: only the collector can free it
    doomed.destroyed.connect(
        lambda: died_in.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    del doomed

    kept: list[list[int]] = []

    def allocate() -> None:  # far past every threshold: the automatic collector would run here
        kept.extend([i] for i in range(200_000))

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert died_in == []  # nothing collected in the worker
    qtbot.waitUntil(lambda: died_in != [], timeout=5000)  # the GUI thread's timer collects it
    assert died_in == [threading.get_ident()]
    assert len(kept) == 200_000


def test_collect_due_follows_the_thresholds(qapp):
    garbage.collect_on_gui_thread(qapp)
    gc.collect()
    assert garbage.collect_due() == -1  # nothing allocated since
    young = gc.get_threshold()[0]
    kept = [[] for _ in range(young + 10)]
    assert garbage.collect_due() == 0
    assert gc.get_count()[0] < young
    del kept


def test_a_forked_child_gets_the_automatic_collector_back(qapp):
    garbage.collect_on_gui_thread(qapp)
    pid = os.fork()
    if pid == 0:  # the child: no event loop, so it must collect by itself
        os._exit(0 if gc.isenabled() else 1)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def _make_young_garbage_due(count: int | None = None) -> list[list[int]]:
    gc.collect()
    return [[i] for i in range(count or gc.get_threshold()[0] + 10)]


def test_while_the_writer_types_the_timer_leaves_the_collection_to_the_editor_paint(qapp, qtbot):
    garbage.collect_on_gui_thread(qapp)
    collector = garbage._installed
    kept = _make_young_garbage_due()
    collector.last_paint = time.monotonic()  # the editor painted a key just now
    collector._tick()
    assert garbage.due_generation() == 0  # not collected between two keys
    collector.last_paint = time.monotonic() - garbage.QUIET_MS / 1000 - 0.01  # no key for a while
    collector._tick()
    assert garbage.due_generation() == -1
    kept += _make_young_garbage_due(garbage.OVERDUE * gc.get_threshold()[0] + 10)
    collector.last_paint = time.monotonic()
    collector._tick()  # far overdue: collected even while typing
    assert garbage.due_generation() == -1
    assert kept


def test_a_due_collection_runs_right_after_the_editor_paints_a_key(qapp, qtbot, window):
    from tests.ui.conftest import type_text

    garbage.collect_on_gui_thread(qapp)
    timer = garbage._installed.timer
    timer.stop()  # only the editor's paint may collect here
    try:
        window.editor.setFocus()
        kept = _make_young_garbage_due()
        assert garbage.due_generation() == 0
        type_text(window.editor, "ب")
        qtbot.waitUntil(lambda: garbage.due_generation() == -1, timeout=5000)
        assert "ب" in window.editor.toPlainText() and kept
    finally:
        timer.start()
