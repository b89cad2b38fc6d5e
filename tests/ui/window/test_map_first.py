"""The GUI start maps the bare window before it builds it and reads the article, and paints nothing
before the text is in.

Under a real X server (Xvfb; skipped where Xvfb or xdotool is missing), the way `run_gui` starts:
another X client sees the window mapped when its outline is about to be built (and so while the
article is still to be read), and every paint of the window comes after the article is in the editor
(no empty window or editor drawn, then filled: nothing flickers).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = r"""
import os, subprocess, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from editor.app import create_app
from editor.ui.common.settings import Settings
from editor.ui.window import shell
from editor.ui.window.early_map import map_window_first
from editor.ui.window.main_window import MainWindow

app = create_app()
seen = {"paints": [], "mapped_before_build": None, "mapped_before_read": None}
real_show_first, real_build_shell = shell.show_first, shell.build_shell

def mapped():
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(os.getpid())],
                           capture_output=True, text=True)
    return bool(found.stdout.split())

def show_first(win, path):
    seen["mapped_before_read"] = mapped()
    return real_show_first(win, path)

def build_shell(win):
    seen["mapped_before_build"] = mapped()
    return real_build_shell(win)

shell.show_first, shell.build_shell = show_first, build_shell

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            editor = getattr(window, "editor", None)
            seen["paints"].append(len(editor.toPlainText()) if editor is not None else 0)
        return False

watch = Watch()
app.installEventFilter(watch)
window = None
window = MainWindow(Settings(), first_frame_only=True, before_building=map_window_first)
shell.show_window_first(window, sys.argv[1])
first = window.editor.geometry().getRect()

def done():
    print("mapped_before_build", seen["mapped_before_build"], "mapped_before_read", seen["mapped_before_read"])
    print("paints", len(seen["paints"]), "empty", seen["paints"].count(0))
    print("moved", window.editor.geometry().getRect() != first, "focus", app.focusWidget() is window.editor)
    app.quit()

window.editor.when_painted(lambda: QTimer.singleShot(300, done))
app.exec()
"""


@pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="Xvfb and xdotool are not installed"
)
def test_the_window_maps_before_it_is_built_and_paints_the_article_whole(tmp_path, seed_file):
    display = f":{700 + os.getpid() % 200}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1400x900x24"], stderr=subprocess.DEVNULL)
    try:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path))
        env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
        for _ in range(100):
            if subprocess.run(["xdotool", "getmouselocation"], env=env, capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        script = tmp_path / "start.py"
        script.write_text(SCRIPT, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, str(script), str(seed_file)],
            env={**env, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        xvfb.terminate()  # (a killed Xvfb leaves its lock file and socket behind)
        try:
            xvfb.wait(5)
        except subprocess.TimeoutExpired:
            xvfb.kill()
            xvfb.wait()
    out = result.stdout
    assert "mapped_before_build True mapped_before_read True" in out, out + result.stderr
    assert "empty 0" in out and "paints 0" not in out, out  # every paint had the article in the editor
    assert "moved False focus True" in out, out
