"""A worker thread's result reaches the GUI thread through the courier, never through a dying object."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, Signal

from editor.ui.common.courier import call_on_gui_thread, emit_on_gui_thread


class _Receiver(QObject):
    result = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.got: list[tuple[object, int]] = []
        self.result.connect(lambda value: self.got.append((value, threading.get_ident())))


def test_a_signal_emitted_for_a_worker_arrives_on_the_gui_thread(qtbot):
    receiver = _Receiver()
    worker = threading.Thread(target=lambda: emit_on_gui_thread(receiver, "result", 42))
    worker.start()
    worker.join()
    assert receiver.got == []  # not run in the worker
    qtbot.waitUntil(lambda: receiver.got != [], timeout=5000)
    assert receiver.got == [(42, threading.get_ident())]


def test_nothing_runs_for_an_object_deleted_before_the_result_came(qtbot):
    receiver = _Receiver()
    ran: list[object] = []
    worker = threading.Thread(target=lambda: call_on_gui_thread(receiver, ran.append, "late"))
    worker.start()
    worker.join()
    shiboken6.delete(receiver)  # the window went before the GUI thread took the result
    qtbot.wait(50)
    assert ran == []


def test_results_racing_with_deletions_never_crash(qtbot):
    """Workers deliver while the GUI thread deletes their receivers (the copy desk's crash)."""
    delivered: list[int] = []
    for _round in range(20):
        receivers = [_Receiver() for _ in range(20)]
        for receiver in receivers:
            receiver.result.connect(delivered.append)
        stop = threading.Event()

        def flood(targets: list[_Receiver] = receivers, stop: threading.Event = stop) -> None:
            while not stop.is_set():
                for target in targets:
                    emit_on_gui_thread(target, "result", 1)

        workers = [threading.Thread(target=flood) for _ in range(2)]
        for worker in workers:
            worker.start()
        for receiver in receivers:
            receiver.deleteLater()
        qtbot.wait(5)
        stop.set()
        for worker in workers:
            worker.join()
        qtbot.wait(5)
    assert delivered  # some results arrived before their receivers went, none after
