"""Two Midad windows on one file: the second is told who has it and opens it read-only."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("MIDAD_DATA_DIR", str(tmp_path / "data"))


def _window(qtbot, settings):
    from editor.ui.window.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    return win


def test_second_window_opens_read_only_unless_the_user_insists(qtbot, settings, data, seed_file):
    first, second = _window(qtbot, settings), _window(qtbot, settings)
    assert first.open_file(str(seed_file)) and not first.editor.isReadOnly()
    assert second.open_file(str(seed_file))
    assert second.editor.isReadOnly()
    text = second.banner.label.text()
    assert "open in another Midad window" in text and f"process {os.getpid()}" in text
    second.banner.unlock_button.click()  # the user insists
    assert not second.editor.isReadOnly() and second.document.read_only_reason is None
    second.editor.textCursor().insertText("x")
    assert second.files.save()  # in place, not Save As
    assert first.close()
    third = _window(qtbot, settings)  # the first window closed: its lock went with it
    assert third.open_file(str(seed_file)) and not third.editor.isReadOnly()


def test_lock_left_by_a_dead_process_is_cleared(qtbot, settings, data, seed_file):
    code = (
        "from pathlib import Path; from editor.ui.recovery.file_lock import lock_path_for;"
        "from editor.core.recovery.locks import PidLock;"
        f"PidLock(lock_path_for(Path({str(seed_file)!r})), 'x').acquire(); import os; os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=dict(os.environ))
    window = _window(qtbot, settings)
    assert window.open_file(str(seed_file)) and not window.editor.isReadOnly()
