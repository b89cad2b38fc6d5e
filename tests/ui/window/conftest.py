"""Fixtures of the window tests: the window as the GUI start shows it first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from editor.ui.common.settings import Settings
from editor.ui.copydesk import worker


@pytest.fixture
def first_frame(qtbot, tmp_path):
    """A window as the GUI start shows it first: `MainWindow(first_frame_only=True)`, shown."""
    from editor.ui.window.main_window import MainWindow

    worker.use_threads()  # the copy desk's checks without a worker process
    settings = Settings(QSettings(str(tmp_path / "shell.ini"), QSettings.Format.IniFormat))
    settings._s.setValue("copydesk/spell_check", False)
    win = MainWindow(settings, first_frame_only=True)
    qtbot.addWidget(win)
    yield win
    if win.parts_built:
        win.document.editor.document().setModified(False)
        win.document.meta_undo.setClean()
