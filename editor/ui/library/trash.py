"""Moving files to the desktop trash (never deleting them outright)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFile, QStandardPaths


def move_to_trash(path: str | os.PathLike[str]) -> None:
    """Move a file to the desktop trash (creating the user's trash folder if needed); OSError on failure."""
    data = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation))
    for sub in ("files", "info"):
        try:
            (data / "Trash" / sub).mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            pass  # Qt may still find a trash on the file's own disk
    if not QFile.moveToTrash(os.fspath(path)):
        raise OSError(f"{Path(path).name} could not be moved to the trash")
