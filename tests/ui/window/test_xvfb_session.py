"""End to end under a real X server without a window manager: `python main.py seed.md`, type, Ctrl+S,
the file has the text.

Needs Xvfb and xdotool (`apt-get install xvfb xdotool`); skipped where they are missing.
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
needs_x = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="Xvfb and xdotool are not installed"
)


def _wait(predicate, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@needs_x
def test_main_py_types_and_saves_under_xvfb(tmp_path, seed_bytes):
    display = f":{200 + os.getpid() % 500}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1400x900x24"], stderr=subprocess.DEVNULL)
    app = None
    try:
        env = dict(
            os.environ,
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            XDG_CONFIG_HOME=str(tmp_path / "config"),
            HOME=str(tmp_path / "home"),
            XDG_CACHE_HOME=str(tmp_path / "cache"),
        )
        assert _wait(
            lambda: (
                subprocess.run(["xdotool", "getmouselocation"], env=env, capture_output=True).returncode == 0
            ),
            10,
        )
        article = tmp_path / "seed.md"
        article.write_bytes(seed_bytes)
        app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), str(article)], env=env, cwd=ROOT)
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--name", "seed.md"],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert found.stdout.split()
        # No window manager here: the window takes the keyboard focus itself (Qt's shortcuts such as
        # Ctrl+S act only in the active window; they did nothing until something focused it).
        time.sleep(1.0)
        subprocess.run(["xdotool", "key", "ctrl+End", "Return"], env=env, check=True)
        subprocess.run(["xdotool", "type", "--delay", "20", "Xvfb line"], env=env, check=True)
        subprocess.run(["xdotool", "key", "ctrl+s"], env=env, check=True)
        assert _wait(lambda: article.read_bytes() != seed_bytes, 10)
        assert article.read_bytes() == seed_bytes + b"\nXvfb line"
        quit_at = time.monotonic()
        subprocess.run(["xdotool", "key", "ctrl+q"], env=env, check=True)  # saved: quits without asking
        assert app.wait(15) == 0
        # Quitting never waits for background checks (a spell check loading its dictionary held it 8 s).
        assert time.monotonic() - quit_at < 5
    finally:
        if app is not None and app.poll() is None:
            app.terminate()
            app.wait(10)
        xvfb.terminate()
        xvfb.wait(10)
