"""Can Qt open a window here? Find out before Qt aborts, and say what to install.

Without a display, or when the xcb platform plugin lacks a system library (Qt ≥ 6.5 needs
`libxcb-cursor0`), Qt prints several lines and aborts with a core dump. `startup_problem()` checks
the cheap things first (which platform, is there a display, do the plugin's libraries load) and
returns one line for the user; `FatalMessageGuard` catches what slips through (Qt's fatal message
is turned into the same kind of line and a clean exit). No Qt import at module level: `--check` and
the CLI use this module without loading Qt.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

# soname -> (Debian/Ubuntu package, Fedora package) for the libraries Qt's xcb plugin needs
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
}
_MISSING_RE = re.compile(r"([\w.+-]+\.so[\w.]*): cannot open shared object file")


def requested_platforms(env: Mapping[str, str] | None = None) -> list[str]:
    """The platform plugins Qt will try, in order (`QT_QPA_PLATFORM` may list several with `;`)."""
    env = os.environ if env is None else env
    value = env.get("QT_QPA_PLATFORM", "").strip()
    if value:
        return [p.split(":", 1)[0].strip() for p in value.split(";") if p.strip()]
    if sys.platform != "linux":
        return ["native"]
    if env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]
    return ["xcb"]


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that usually ships `soname` (`libfoo-bar.so.0` → `libfoo-bar0`)."""
    if soname in PACKAGES:
        return PACKAGES[soname][0]
    match = re.match(r"(lib[\w+-]+?)\.so\.(\d+)", soname)
    if not match:
        return soname
    name, version = match.group(1).lower(), match.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def fedora_package(soname: str) -> str:
    """What `dnf install` takes for `soname` (a package name, else the library's own provide)."""
    if soname in PACKAGES:
        return PACKAGES[soname][1]
    return f"'{soname}()(64bit)'"


def install_hint(sonames: list[str]) -> str:
    """`Debian/Ubuntu: sudo apt install …; Fedora: sudo dnf install …` for the missing libraries."""
    debian = " ".join(dict.fromkeys(debian_package(s) for s in sonames))
    fedora = " ".join(dict.fromkeys(fedora_package(s) for s in sonames))
    return (
        f"install it with `sudo apt install {debian}` (Debian/Ubuntu) or `sudo dnf install {fedora}` (Fedora)"
    )


def plugin_path(name: str) -> Path | None:
    """The platform plugin file `libq<name>.so` shipped with PySide6 (found without importing Qt)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / "Qt" / "plugins" / "platforms" / f"libq{name}.so"
        if candidate.is_file():
            return candidate
    return None


def missing_libraries(plugin: Path) -> list[str]:
    """System libraries the plugin needs that cannot be loaded ([] when it loads).

    Loading the plugin costs little: Qt loads the same libraries a moment later anyway. Only when
    it fails is `ldd` asked for the whole list (dlopen names only the first missing library).
    """
    try:
        ctypes.CDLL(str(plugin))
        return []
    except OSError as exc:
        first = _MISSING_RE.findall(str(exc))
    import shutil
    import subprocess

    found: list[str] = []
    ldd = shutil.which("ldd")
    if ldd:
        try:
            out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=10).stdout
            found = re.findall(r"^\s*(\S+) => not found", out, re.MULTILINE)
        except (OSError, subprocess.SubprocessError):
            found = []
    return list(dict.fromkeys(found + first)) or first


def display_problem(platform: str, env: Mapping[str, str] | None = None) -> str | None:
    """A line saying there is no display for `platform`, or None."""
    env = os.environ if env is None else env
    if platform == "xcb" and not env.get("DISPLAY"):
        return (
            "cannot open a window: no X display (DISPLAY is not set). Run Midad in a desktop session, "
            "or without a screen under a virtual one: `xvfb-run midad` (`sudo apt install xvfb` on "
            "Debian/Ubuntu, `sudo dnf install xorg-x11-server-Xvfb` on Fedora). "
            "Commands such as `midad export` need no display."
        )
    if platform == "wayland" and not env.get("WAYLAND_DISPLAY"):
        return (
            "cannot open a window: no Wayland display (WAYLAND_DISPLAY is not set). "
            "Run Midad in a desktop session, or set QT_QPA_PLATFORM=xcb under X11."
        )
    return None


def startup_problem(env: Mapping[str, str] | None = None) -> str | None:
    """One line saying why Qt cannot open a window here, or None when it should be able to."""
    env = os.environ if env is None else env
    platforms = requested_platforms(env)
    problems: list[str] = []
    for platform in platforms:
        if platform not in ("xcb", "wayland"):
            return None  # offscreen, minimal, vnc, macOS…: Qt decides
        problem = display_problem(platform, env)
        if problem is None and platform == "xcb":
            plugin = plugin_path("xcb")
            missing = missing_libraries(plugin) if plugin is not None else []
            if missing:
                names = ", ".join(missing)
                problem = (
                    f"cannot open a window: Qt's xcb platform plugin needs {names}, which is not installed; "
                    + install_hint(missing)
                )
        if problem is None:
            return None
        problems.append(problem)
    return problems[-1] if len(problems) == 1 or platforms[-1] == "xcb" else problems[0]


def explain_fatal(message: str, earlier: list[str]) -> str:
    """A one-line explanation of Qt's fatal start-up message (with the warnings before it)."""
    text = "\n".join([*earlier, message])
    if "could not connect to display" in text:
        shown = os.environ.get("DISPLAY", "")
        if not shown:
            return display_problem("xcb", {}) or message
        return (
            f"cannot open a window: cannot connect to the X display {shown!r} "
            "(is the X server running, and may this user use it? `xhost`/`XAUTHORITY`)"
        )
    unknown = re.search(r'Could not find the Qt platform plugin "([^"]*)"', text)
    if unknown:
        return (
            f"cannot open a window: Qt has no platform plugin {unknown.group(1)!r} "
            "(check QT_QPA_PLATFORM; `midad --check` lists what Midad finds)"
        )
    needs = re.search(r"([\w-]+cursor0?) or ([\w-]+) is needed", text)
    if needs:
        return "cannot open a window: Qt's xcb platform plugin needs libxcb-cursor.so.0; " + install_hint(
            ["libxcb-cursor.so.0"]
        )
    plugin = re.search(r'Could not load the Qt platform plugin "(\w+)"', text)
    if plugin:
        return (
            f"cannot open a window: Qt could not load its {plugin.group(1)} platform plugin; "
            "run `midad --check` to see what is missing"
        )
    return "cannot open a window: " + message.strip().splitlines()[0]


class FatalMessageGuard:
    """While Qt starts, hold its messages; a fatal one becomes one clear line and exit status 1.

    Use as a context manager around `QApplication(...)`. Held warnings are printed afterwards when
    Qt did start (they may still matter to the user).
    """

    def __init__(self, stream=None) -> None:  # noqa: ANN001 - a text stream
        self.stream = stream or sys.stderr
        self.held: list[str] = []
        self._previous = None

    def _handle(self, mode, _context, message: str) -> None:  # noqa: ANN001 - Qt types
        from PySide6.QtCore import QtMsgType

        if mode == QtMsgType.QtFatalMsg:
            print(f"midad: {explain_fatal(message, self.held)}", file=self.stream, flush=True)
            os._exit(1)  # Qt would abort (and dump core) right after this handler
        self.held.append(message)

    def __enter__(self) -> FatalMessageGuard:
        from PySide6.QtCore import qInstallMessageHandler

        self._previous = qInstallMessageHandler(self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(self._previous)
        for message in self.held:
            print(message, file=self.stream)
