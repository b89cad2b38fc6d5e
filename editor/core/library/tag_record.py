"""The write-ahead record of tag operations, and the one-at-a-time lock of a library.

Before a tag operation changes its first file it records, in the cache folder
(`<cache>/undo/<library key>/<operation id>/`), every file it will change: the file's bytes before
(`NNNNNN.before`), their hash, and the hash the file will have after; `manifest.json` says
`"state": "pending"`. All of it is fsynced first, so a full disk or an unwritable cache stops the
operation before any article is touched. When the operation ends the manifest says `"done"`.
A manifest still `pending` while nobody holds the library lock was interrupted (killed, crashed):
undo rolls it back by hashes (a file with its "after" hash gets its bytes back; one with its
"before" hash was never reached; any other was changed since and is left alone).

One operation (or undo) at a time per library: `<cache>/undo/<library key>.lock`, held with the
recovery room's PidLock (pid, host; a dead holder's lock is taken over). A second operation waits up
to LOCK_WAIT_S seconds, then is told who holds it.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.article.storage import fsync_dir, write_all
from editor.core.library.facade import Library
from editor.core.library.paths import undo_dir
from editor.core.recovery.locks import LockHeld, PidLock
from editor.core.recovery.paths import write_private

JOURNAL_KEEP = 20  # operations whose previous file contents are kept for undo
LOCK_WAIT_S = 5.0
PENDING, DONE = "pending", "done"


class TagOpError(ValueError):
    """A tag operation that cannot be done (bad tag, nothing to undo, library busy); str() is one sentence."""


@dataclass
class UndoReport:
    """What an undo restored and what it refused to touch."""

    op_id: str
    kind: str
    restored: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False  # the operation had been killed half-way: this rolled it back
    damaged: list[str] = field(default_factory=list)  # newer records that could not be read (skipped)

    def to_json(self) -> dict:
        return {
            "id": self.op_id,
            "operation": self.kind,
            "interrupted": self.interrupted,
            "restored": self.restored,
            "refused": [{"path": p, "reason": r} for p, r in self.refused],
            "damaged_records": self.damaged,
        }


def journal_root(library: Library) -> Path:
    return undo_dir(library.root, library.cache_dir)


def library_lock(library: Library, purpose: str, wait: float | None = None) -> PidLock:
    """The library's operation lock, acquired (raises TagOpError naming the holder)."""
    root = journal_root(library)
    lock = PidLock(root.parent / f"{root.name}.lock", purpose)
    try:
        lock.acquire(timeout=LOCK_WAIT_S if wait is None else wait)
    except LockHeld as exc:
        raise TagOpError(f"another tag operation is running on this library: {exc}") from exc
    return lock


def _prune(root: Path, keep: int) -> None:
    """Forget all but the newest `keep` operations (their saved copies are deleted)."""
    folders = sorted((p for p in root.iterdir() if p.is_dir()), reverse=True)
    for old in folders[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def new_op_dir(library: Library, keep: int = JOURNAL_KEEP) -> tuple[str, Path]:
    """A new, empty operation folder (ids sort in creation order and are never reused)."""
    root = journal_root(library)
    root.mkdir(parents=True, exist_ok=True)
    _prune(root, keep - 1)
    existing = [p.name for p in root.iterdir()]
    n = max([time.time_ns(), *(int(name) + 1 for name in existing if name.isdigit())])
    while True:
        op_id = f"{n:020d}"
        folder = root / op_id
        try:
            folder.mkdir()
            return op_id, folder
        except FileExistsError:
            n += 1


def write_manifest(folder: Path, manifest: dict) -> None:
    write_private(
        folder / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    )


def write_ahead(folder: Path, manifest: dict, befores: list[bytes]) -> None:
    """Store every file's previous bytes and the pending manifest, all fsynced (raises OSError)."""
    for item, data in zip(manifest["files"], befores, strict=True):
        fd = os.open(folder / item["before"], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    fsync_dir(folder)
    write_manifest(folder, dict(manifest, state=PENDING))


def read_journal(library: Library) -> list[dict]:
    """Recorded operations, newest first: each manifest plus `undone`, `folder`, `broken`."""
    root = journal_root(library)
    if not root.is_dir():
        return []
    entries = []
    for folder in sorted((p for p in root.iterdir() if p.is_dir()), reverse=True):
        try:
            manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
            if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), list):
                raise ValueError("not a manifest")
            for item in manifest["files"]:
                if not all(
                    isinstance(item.get(k), str) for k in ("path", "before", "before_hash", "after_hash")
                ):
                    raise ValueError("not a manifest")
        except (OSError, ValueError, AttributeError):
            manifest = {"id": folder.name, "operation": "?", "files": [], "broken": True}
        manifest.setdefault("state", DONE)  # records written before the write-ahead format
        manifest["undone"] = (folder / "undone.json").exists()
        manifest["folder"] = str(folder)
        entries.append(manifest)
    return entries
