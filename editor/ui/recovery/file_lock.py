"""One writer per article: a window holds a lock (pid, host) on the file it shows.

A second Midad window or process opening the same file is told who has it open and gets it
read-only ("Edit anyway" on the banner lifts that; the checked save still refuses to overwrite a
version it did not read). The lock lives in Midad's data folder (`<data>/locks/`), never next to
the article, and is held with `flock`, so a lock left by a dead process is cleared by the system.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject

from editor.core.recovery.locks import PidLock, describe_holder
from editor.core.recovery.paths import data_dir
from editor.core.text.messages import msg


def lock_path_for(path: Path) -> Path:
    import hashlib  # imported when used: not on the window's start path

    key = hashlib.sha1(os.path.realpath(path).encode("utf-8", "surrogatepass")).hexdigest()
    return data_dir() / "locks" / f"{key}.lock"


class DocumentLock(QObject):
    """Claims the document's file for this window (Document.claim_file) and lets it go."""

    def __init__(self, document, parent: QObject | None = None) -> None:  # noqa: ANN001 - Document
        super().__init__(parent)
        self.document = document
        self.lock: PidLock | None = None
        self.locked_path: str | None = None
        document.claim_file = self.claim
        document.file_changed.connect(self._follow)

    def claim(self, path: Path) -> str | None:
        """Lock `path` for this window; a sentence naming the holder when another Midad has it."""
        real = os.path.realpath(path)
        if self.lock is not None and self.locked_path == real:
            return None
        self.release()
        lock = PidLock(lock_path_for(path), real)
        try:
            if lock.try_acquire():
                self.lock, self.locked_path = lock, real
                return None
        except OSError:
            return None  # no data folder: nothing to coordinate with
        holder = lock.holder() or {}
        return msg(
            "{name} is open in another Midad window ({holder}): it was opened read-only.",
            name=Path(path).name,
            holder=describe_holder(holder),
        )

    def _follow(self) -> None:
        path = self.document.path
        if path is None:
            self.release()
        elif self.locked_path != os.path.realpath(path) and not self.document.editor.isReadOnly():
            self.claim(path)  # saved under another name

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
        self.lock, self.locked_path = None, None
