"""`midad --check`: what Midad finds on this machine, one line each, and whether the window can open.

Qt version, the platform plugin (and a missing display or system library), fonts with Arabic,
Midad's data and cache folders, and whether the remembered library is indexed. Fonts are listed
with an offscreen QGuiApplication, so the check works without a display too.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from editor import __version__
from editor.startup.qt_platform import requested_platforms, startup_problem

PREFERRED_FONTS = ("Noto Naskh Arabic", "Amiri", "Noto Sans Arabic", "Arial", "Tahoma")


def data_dir() -> Path:
    """Midad's data folder (journal, history, locks): `$XDG_DATA_HOME/midad`, else `~/.local/share/midad`."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "midad"


def _folder_line(label: str, folder: Path) -> str:
    if folder.is_dir():
        state = "exists, writable" if os.access(folder, os.W_OK) else "exists, NOT writable"
    else:
        state = "not created yet"
    return f"{label}: {folder} ({state})"


def arabic_fonts() -> list[str] | None:
    """Font families that cover Arabic, preferred ones first (None if Qt cannot be loaded)."""
    try:
        from PySide6.QtGui import QFontDatabase, QGuiApplication
    except ImportError:
        return None
    app = QGuiApplication.instance()
    if app is None:
        saved = os.environ.get("QT_QPA_PLATFORM")
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # fonts only: no window, no display needed
        try:
            app = QGuiApplication([sys.argv[0] if sys.argv else "midad"])
        finally:
            if saved is None:
                os.environ.pop("QT_QPA_PLATFORM", None)
            else:
                os.environ["QT_QPA_PLATFORM"] = saved
    families = QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)
    preferred = [f for f in PREFERRED_FONTS if f in families]
    return preferred + sorted(f for f in families if f not in preferred)


def library_line() -> str:
    """The remembered library folder and how much of it is indexed."""
    from PySide6.QtCore import QSettings

    from editor.core.library.paths import default_library_dir, index_path

    folder = str(QSettings("Midad", "Midad").value("library/folder", "") or "")
    root = Path(folder) if folder else default_library_dir(create=False)
    if not root.is_dir():
        return f"Library: {root} (not created yet; Midad creates it when the window opens)"
    db = index_path(root)
    if not db.is_file():
        return f"Library: {root} (not indexed yet: the window indexes it, or run `midad index {root}`)"
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error as exc:
        return f"Library: {root} (index {db} unreadable: {exc}; it is rebuilt on the next start)"
    size = db.stat().st_size / 1e6
    return f"Library: {root} (indexed: {count} articles, index {db}, {size:.1f} MB)"


def run_check(stream=None) -> int:  # noqa: ANN001 - a text stream
    """Print the report; 0 when the window can open, 1 when something it needs is missing."""
    out = stream or sys.stdout
    from editor.core.library.paths import cache_dir

    problem = startup_problem()
    lines = [f"Midad {__version__} (Python {sys.version.split()[0]})"]
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        lines.append(f"Qt: {qVersion()} (PySide6 {PySide6.__version__})")
    except ImportError as exc:
        lines.append(f"Qt: NOT available ({exc}); reinstall Midad: pip install midad")
        problem = problem or "PySide6 is missing"
    platforms = ";".join(requested_platforms())
    lines.append(f"Platform plugin: {platforms} — " + (f"PROBLEM: {problem}" if problem else "ok"))
    fonts = arabic_fonts()
    if fonts:
        shown = ", ".join(fonts[:6]) + (f" (+{len(fonts) - 6} more)" if len(fonts) > 6 else "")
        lines.append(f"Arabic fonts: {shown}")
    elif fonts is not None:
        lines.append(
            "Arabic fonts: NONE found; install `fonts-noto-core fonts-hosny-amiri` (Debian/Ubuntu) "
            "or `google-noto-naskh-arabic-fonts` (Fedora)"
        )
    lines.append(_folder_line("Data folder", data_dir()))
    lines.append(_folder_line("Cache folder", cache_dir()))
    try:
        lines.append(library_line())
    except (ImportError, OSError) as exc:
        lines.append(f"Library: unknown ({exc})")
    print("\n".join(lines), file=out)
    return 1 if problem else 0
