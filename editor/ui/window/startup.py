"""What the GUI does once its first window shows: quit cleanly on signals, offer text a crash left."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from editor.ui.recovery.restore import offer_recovery_soon
from editor.ui.recovery.signals import SignalBridge


def terminate_all() -> None:
    """SIGTERM/SIGHUP: every window journals its text and closes without asking; then Midad exits."""
    for widget in QApplication.topLevelWidgets():
        recovery = getattr(widget, "recovery", None)
        if recovery is not None and widget.isVisible():
            recovery.terminate()
    QApplication.quit()


def start_recovery(window) -> SignalBridge:  # noqa: ANN001 - MainWindow
    """Install the signal handlers and, once the loop runs, offer what the journal holds."""
    bridge = SignalBridge(terminate_all, window.close, window)
    windows: list[object] = []

    def new_window() -> object:
        from editor.ui.window.main_window import MainWindow

        other = MainWindow(window.settings)
        other.show()
        other.activateWindow()
        windows.append(other)
        return other

    window.recovery.restore_session()  # the article of the last clean exit, unless a file was given
    QTimer.singleShot(
        0, lambda: offer_recovery_soon(window, new_window=new_window)
    )  # (journal read off the GUI thread)
    window.extra_windows = windows
    return bridge
