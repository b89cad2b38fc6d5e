"""`midad --check` reports Qt, the display, Arabic fonts, Midad's folders and the library index."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from editor.startup import check

ROOT = Path(__file__).resolve().parents[2]


def _run(env_extra: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    env.update(env_extra)
    env.pop("MIDAD_CACHE_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "editor.cli", "--check"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )


def test_check_without_display_says_so_and_fails(tmp_path):
    result = _run({"QT_QPA_PLATFORM": "xcb"}, tmp_path)
    assert result.returncode == 1
    out = result.stdout
    assert "Qt: 6." in out
    assert "Platform plugin: xcb — PROBLEM: cannot open a window: no X display" in out
    assert "Arabic fonts:" in out
    assert f"Data folder: {tmp_path / 'data' / 'midad'}" in out
    assert f"Cache folder: {tmp_path / 'cache' / 'midad'}" in out
    assert "Library:" in out and "not created yet" in out


def test_check_offscreen_passes_and_sees_an_indexed_library(tmp_path, seed_file):
    library = tmp_path / "home" / "Documents" / "Midad"
    library.mkdir(parents=True)
    (library / "a.md").write_bytes(seed_file.read_bytes())
    env = {"QT_QPA_PLATFORM": "offscreen"}
    result = _run(env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Platform plugin: offscreen — ok" in result.stdout
    assert "not indexed yet" in result.stdout
    index = subprocess.run(
        [
            sys.executable,
            "-m",
            "editor.cli",
            "index",
            str(library),
            "--cache-dir",
            str(tmp_path / "cache" / "midad"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert index.returncode == 0
    result = _run(env, tmp_path)
    assert "indexed: 1 articles" in result.stdout


def test_arabic_fonts_are_listed_in_process(qapp):  # a QApplication, as the other GUI tests need
    out = io.StringIO()
    check.run_check(out)
    text = out.getvalue()
    assert "Arabic fonts:" in text
    fonts = check.arabic_fonts()
    assert fonts is not None and fonts, (
        "the test machine has Arabic fonts (fonts-noto-core, fonts-hosny-amiri)"
    )
