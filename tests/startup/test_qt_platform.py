"""Qt that cannot start: one clear line with what is missing and how to install it, never an abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editor.startup import qt_platform
from editor.startup.qt_platform import (
    debian_package,
    explain_fatal,
    fedora_package,
    missing_libraries,
    requested_platforms,
    startup_problem,
)

ROOT = Path(__file__).resolve().parents[2]


def _env_without_display(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(extra)
    return env


def test_midad_without_display_prints_one_line_and_exits_non_zero(tmp_path):
    env = _env_without_display(QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        [sys.executable, "-m", "editor.cli"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no X display" in lines[0] and "DISPLAY" in lines[0]
    assert "apt install" in lines[0] and "dnf install" in lines[0]
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr


def test_unreachable_display_is_caught_from_qt_fatal_message(tmp_path):
    # DISPLAY is set, so the quick check passes; Qt's own fatal error must still become one line.
    env = _env_without_display(QT_QPA_PLATFORM="xcb", DISPLAY=":973")
    result = subprocess.run(
        [sys.executable, "-m", "editor.cli", str(tmp_path / "new.md")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "':973'" in result.stderr and "cannot connect" in result.stderr
    assert not (tmp_path / "new.md").exists()


def test_platform_choice():
    assert requested_platforms({"QT_QPA_PLATFORM": "offscreen"}) == ["offscreen"]
    assert requested_platforms({"QT_QPA_PLATFORM": "wayland;xcb"}) == ["wayland", "xcb"]
    assert requested_platforms({"QT_QPA_PLATFORM": "xcb:foo=1"}) == ["xcb"]
    if sys.platform == "linux":
        assert requested_platforms({}) == ["xcb"]
        assert (
            requested_platforms({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"})[0]
            == "wayland"
        )


def test_startup_problem_names_the_display_and_passes_offscreen():
    assert startup_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert "no X display" in startup_problem({"QT_QPA_PLATFORM": "xcb"})
    assert "WAYLAND_DISPLAY" in startup_problem({"QT_QPA_PLATFORM": "wayland"})
    # a fallback list works as soon as one platform can start
    assert startup_problem({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}) is None


def test_missing_xcb_library_names_the_packages(monkeypatch):
    def fail(_path):
        raise OSError("libxcb-cursor.so.0: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(qt_platform.ctypes, "CDLL", fail)
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    problem = startup_problem({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"})
    assert problem is not None and "\n" not in problem
    assert "libxcb-cursor.so.0" in problem
    assert "sudo apt install libxcb-cursor0" in problem
    assert "sudo dnf install xcb-util-cursor" in problem


def test_package_names_for_unlisted_libraries():
    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libfoo-bar.so.3") == "libfoo-bar3"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert fedora_package("libweird.so.2") == "'libweird.so.2()(64bit)'"


@pytest.mark.skipif(shutil.which("gcc") is None, reason="needs a C compiler to build a plugin stand-in")
def test_missing_libraries_reads_the_real_loader_error(tmp_path):
    # A shared object that needs a library absent from the system, as the xcb plugin needs libxcb-cursor.
    (tmp_path / "dep.c").write_text("int dep(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text("int dep(void); int plugin(void) { return dep(); }\n")
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-o", str(tmp_path / "libmidadgone.so.7"), str(tmp_path / "dep.c"),
         "-Wl,-soname,libmidadgone.so.7"],
        check=True,
    )  # fmt: skip
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-o", str(tmp_path / "libqfake.so"), str(tmp_path / "plugin.c"),
         str(tmp_path / "libmidadgone.so.7")],
        check=True,
    )  # fmt: skip
    (tmp_path / "libmidadgone.so.7").unlink()
    assert missing_libraries(tmp_path / "libqfake.so") == ["libmidadgone.so.7"]


def test_real_xcb_plugin_loads_here():
    plugin = qt_platform.plugin_path("xcb")
    if plugin is None:
        pytest.skip("this PySide6 has no xcb plugin")
    assert missing_libraries(plugin) == []


def test_fatal_messages_become_one_line(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":5")
    line = explain_fatal(
        "no Qt platform plugin could be initialized", ["qt.qpa.xcb: could not connect to display :5"]
    )
    assert "':5'" in line
    line = explain_fatal(
        "This application failed to start",
        ["From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin."],
    )
    assert "libxcb-cursor0" in line and "dnf" in line
    assert "\n" not in explain_fatal("first line\nsecond line", [])
