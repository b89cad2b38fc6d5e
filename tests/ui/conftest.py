"""Fixtures for the writing-window tests: an isolated settings file, a window, typing helpers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from editor.ui.common.settings import Settings


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform plugin warns that it cannot raise windows, grab the keyboard or
    # propagate size hints; those are limits of the test screen, not failures.
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "midad.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, settings):
    from editor.ui.window.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.files.ask_save = lambda *_: "discard"  # tests that care replace this
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.editor.document().setModified(False)
    win.document.meta_undo.setClean()


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` as key events.

    `qtbot.keyClicks` is used for ASCII; QTest aborts on characters outside Latin-1
    (qasciikey.cpp), so Arabic letters are sent as key events carrying their text, exactly what a
    keyboard layout delivers.
    """
    from pytestqt.qtbot import QtBot  # noqa: F401 - the same event path as qtbot

    for ch in text:
        if ch == "\n":
            key, ch_text = Qt.Key.Key_Return, "\r"
        else:
            key, ch_text = (
                (Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown),
                ch,
            )
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch_text))


@pytest.fixture(scope="session", autouse=True)
def _collect_garbage_on_the_gui_thread(qapp):
    """As the application does (`editor.app.run_gui`): Python's collector runs on the GUI thread, between
    events, never in a worker thread (see `editor.ui.common.garbage`)."""
    from editor.ui.common.garbage import collect_on_gui_thread

    collect_on_gui_thread(qapp)


@pytest.fixture(scope="session", autouse=True)
def _clear_clipboard_at_the_end():
    """A QMimeData made in Python and handed to the clipboard is deleted by a Qt global destructor after
    Python has finalised, which crashes the test process at exit (SIGSEGV in Shiboken::Object::destroy):
    empty the clipboard while Python is still alive."""
    yield
    app = QApplication.instance()
    if app is not None:
        QApplication.clipboard().clear()
        app.processEvents()
