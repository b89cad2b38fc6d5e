"""Midad's data folder and small private files written atomically there.

The data folder holds what must survive a crash (the journal of unsaved text, local history, locks):
`$MIDAD_DATA_DIR`, else `$XDG_DATA_HOME/midad`, else the platform's place (`~/.local/share/midad`,
`~/Library/Application Support/Midad`, `%APPDATA%/Midad`). Never the article folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from editor.core.article.storage import fsync_dir, write_all

DATA_ENV = "MIDAD_DATA_DIR"


def data_dir() -> Path:
    """Midad's data folder (not created here)."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    if os.environ.get("XDG_DATA_HOME"):
        return Path(os.environ["XDG_DATA_HOME"]) / "midad"
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "Midad"
    if os.name == "nt":
        return Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming") / "Midad"
    return home / ".local" / "share" / "midad"


def sub_dir(name: str, root: Path | None = None) -> Path:
    """`<data>/<name>`, created (private to the user) when missing."""
    folder = (root or data_dir()) / name
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def write_private(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically (mode 600, fsynced); raises OSError, leaving no temp file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        tmp = ""
        fsync_dir(path.parent)
    finally:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
