"""Quitting on a signal: SIGTERM and SIGHUP (logout, shutdown) journal every document and exit cleanly.

Qt's event loop runs in C++, where Python cannot run its signal handlers; `signal.set_wakeup_fd`
writes a byte to a socket that a QSocketNotifier watches, so the loop wakes at once and the Python
handler runs. SIGINT (Ctrl+C in the terminal) closes the window like its close button.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer


class SignalBridge(QObject):
    """Runs `on_terminate` for SIGTERM/SIGHUP and `on_interrupt` for SIGINT, from Qt's loop."""

    def __init__(
        self,
        on_terminate: Callable[[], None],
        on_interrupt: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_terminate = on_terminate
        self._on_interrupt = on_interrupt
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._write.fileno())
        self.notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._drain)
        for number in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if number is not None:
                signal.signal(number, self._terminate)
        signal.signal(signal.SIGINT, self._interrupt)

    def _drain(self, *_args: object) -> None:
        try:
            while self._read.recv(64):
                pass
        except OSError:
            pass  # nothing more to read; the Python handlers have run by now

    def _terminate(self, *_args: object) -> None:
        QTimer.singleShot(0, self._on_terminate)

    def _interrupt(self, *_args: object) -> None:
        QTimer.singleShot(0, self._on_interrupt)

    def close(self) -> None:
        signal.set_wakeup_fd(self._old_fd)
        self.notifier.setEnabled(False)
        self._read.close()
        self._write.close()
