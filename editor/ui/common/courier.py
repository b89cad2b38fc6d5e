"""Hand a worker thread's result to the GUI thread without touching an object that may be dying.

A worker thread that emits a signal of a window's object (the preview renderer, the copy desk, the
exporter…) races with the GUI thread deleting that object when the window goes: Qt's signal
emission reads the object's connection lists while its destructor frees them, and the process dies
with a segmentation fault (seen in the test suite: a spelling check finishing while its window was
deleted). `call_on_gui_thread(owner, fn, *args)` instead goes through one courier object that lives
as long as the application, and on the GUI thread runs `fn(*args)` only if `owner` still exists.
Deletion happens on the GUI thread too, so that check cannot race.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal


class _Courier(QObject):
    carried = Signal(object)  # (owner, fn, args)

    def __init__(self) -> None:
        super().__init__()
        self.carried.connect(self._arrive, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _arrive(parcel: tuple[QObject, Callable[..., object], tuple[object, ...]]) -> None:
        owner, fn, args = parcel
        if shiboken6.isValid(owner):
            fn(*args)


_courier: _Courier | None = None
_lock = threading.Lock()


def _the_courier() -> _Courier | None:
    global _courier
    with _lock:
        if _courier is None:
            app = QCoreApplication.instance()
            if app is None:
                return None
            courier = _Courier()
            if courier.thread() is not app.thread():
                courier.moveToThread(app.thread())  # made by a worker thread: pushed to the GUI thread
            _courier = courier
        return _courier


def call_on_gui_thread(owner: QObject, fn: Callable[..., object], *args: object) -> None:
    """From any thread: run `fn(*args)` on the GUI thread later, if `owner` has not been deleted.

    Dropped silently when the application is gone (the process is quitting).
    """
    courier = _the_courier()
    if courier is None:
        return
    try:
        courier.carried.emit((owner, fn, args))
    except RuntimeError:  # the application and its objects are being torn down
        pass


def emit_on_gui_thread(owner: QObject, signal: str, *args: object) -> None:
    """From any thread: emit `owner`'s signal named `signal` with `args` on the GUI thread, if `owner`
    still exists then (the signal is looked up there: a worker never touches `owner`'s Qt side)."""
    call_on_gui_thread(owner, _emit, owner, signal, args)


def _emit(owner: QObject, signal: str, args: tuple[object, ...]) -> None:
    getattr(owner, signal).emit(*args)


def prepare() -> None:
    """Make the courier now, on the GUI thread (optional: a worker thread's first call would too)."""
    _the_courier()
