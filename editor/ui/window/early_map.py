"""The GUI start maps the bare window before anything is built in it.

`map_window_first(window)` (the `before_building` step of `MainWindow` at the GUI start) gives the
still empty window its saved size and position, shows it and sends its map request to the X server at
once; the window's outline, editor and article are built and put in afterwards, before any event is
processed, so nothing is painted until they are all in (`shell.show_window_first`). The X server maps
the window meanwhile, instead of after ~50 ms of imports and widget building.

This module is imported before the window is mapped: it imports nothing beyond what the window
itself needs (no Qt namespace enums, no editor modules). With `MIDAD_STARTUP_TRACE=1` the map
prints `midad: mapped loaded=… <unix time>` on stderr, listing which of `AFTER_MAP` were loaded
before it (`-`: none).
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow

DEFAULT_SIZE = (1280, 800)  # the window's size the first time (no saved geometry)
# What the map need not wait for: the editor's modules, the window's outline, the article reading
# (the core's storage), and Qt's namespace (PySide builds its ~115 Python enums on the first
# `from PySide6.QtCore import Qt`, ~13 ms).
AFTER_MAP = (
    "editor.core.article.storage",
    "editor.ui.editor.markdown_edit",
    "editor.ui.editor.highlighter",
    "editor.ui.window.shell",
    "editor.ui.window.first_frame",
    "PySide6.QtCore.Qt",
)


def restore_frame(window: MainWindow) -> None:
    """The saved size and position (maximised or full screen too) of the last window, else the default
    size: set before the window is shown, so the window manager places it once."""
    geometry = window.settings.geometry()
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(*DEFAULT_SIZE)


def map_window_first(window: MainWindow) -> None:
    """Show the bare `window` at its saved place and send its map request now (see the module)."""
    restore_frame(window)
    window.show()
    window.activateWindow()  # keyboard focus at once, also on an X server without a window manager
    send_window_requests()
    if os.environ.get("MIDAD_STARTUP_TRACE"):
        print(f"midad: mapped loaded={loaded_before_map()} {time.time():.6f}", file=sys.stderr, flush=True)


def loaded_before_map() -> str:
    """The modules of `AFTER_MAP` already loaded, comma-separated (`-` when none)."""
    qt_core = vars(sys.modules.get("PySide6.QtCore", sys))
    loaded = [m for m in AFTER_MAP if m in sys.modules or (m == "PySide6.QtCore.Qt" and "Qt" in qt_core)]
    return ",".join(loaded) or "-"


def send_window_requests() -> None:
    """Send the requests Qt has queued for the X server (the window's map) now, instead of at the
    event loop's first turn, without processing any event (xcb only; elsewhere nothing to do)."""
    if QGuiApplication.platformName() != "xcb":
        return
    import ctypes

    try:
        connection = QGuiApplication.instance().nativeInterface().connection()  # type: ignore[union-attr]
        xcb = ctypes.CDLL("libxcb.so.1")  # (already loaded by Qt's xcb plugin)
        xcb.xcb_flush.argtypes = [ctypes.c_void_p]
        xcb.xcb_flush(int(connection))
    except (AttributeError, OSError, TypeError, ValueError):
        return  # not flushed now: the event loop's first turn does it
