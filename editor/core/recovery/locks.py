"""Locks between Midad processes: one library operation at a time, one writer per article.

A lock is a small file in Midad's data (or cache) folder holding the owner's pid, host and purpose, and
held with `flock`, so the system frees it when the owner dies (a lock left by a killed process is taken
over at once). The file is removed on release; an acquirer checks it still holds the file at the path
(the classic unlink race). `holder()` says who holds it, for messages.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from editor.core.recovery.process import me, owner_alive
from editor.core.text.messages import msg

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock; the pid in the file is then the only guard
    fcntl = None  # type: ignore[assignment]


class LockHeld(OSError):
    """Another live process holds the lock; `holder` says who, str() is one sentence."""

    def __init__(self, text: str, holder: dict) -> None:
        super().__init__(text)
        self.holder = holder


def describe_holder(holder: dict) -> str:
    when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(float(holder.get("time") or 0)))
    return str(
        msg(
            "process {pid} on {host} ({purpose}, since {when})",
            pid=holder.get("pid", "?"),
            host=holder.get("host", "?"),
            purpose=holder.get("purpose", "?"),
            when=when,
        )
    )


class PidLock:
    """An exclusive lock on `path` (created with its folder when needed)."""

    def __init__(self, path: str | os.PathLike[str], purpose: str = "") -> None:
        self.path = Path(path)
        self.purpose = purpose
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def holder(self) -> dict | None:
        """Who holds the lock now (None when nobody does)."""
        try:
            raw = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            raw = None
        if not isinstance(raw, dict):
            return None
        if fcntl is not None:
            return raw if not self._free() else None
        return (
            raw
            if owner_alive(int(raw.get("pid") or 0), str(raw.get("host")), str(raw.get("start")))
            else None
        )

    def _free(self) -> bool:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            return True
        except OSError:
            return False
        finally:
            os.close(fd)

    def try_acquire(self) -> bool:
        """Take the lock if it is free (or its owner is dead); False when a live process holds it."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _attempt in range(20):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    os.close(fd)
                    return False
                try:
                    same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
                except OSError:
                    same = False
                if not same:  # released (unlinked) by its holder meanwhile: take the new file
                    os.close(fd)
                    continue
            else:  # pragma: no cover
                if self.holder() not in (None, {}) and os.fstat(fd).st_size:
                    os.close(fd)
                    return False
            info = dict(me(), purpose=self.purpose, time=time.time())
            os.ftruncate(fd, 0)
            os.write(fd, json.dumps(info, ensure_ascii=False).encode("utf-8"))
            self._fd = fd
            return True
        return False

    def acquire(self, timeout: float = 0.0, poll: float = 0.1) -> None:
        """Take the lock, waiting up to `timeout` seconds; raise LockHeld naming the holder."""
        deadline = time.monotonic() + timeout
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                holder = self.holder() or {}
                raise LockHeld(str(msg("it is in use by {holder}", holder=describe_holder(holder))), holder)
            time.sleep(poll)

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            self.path.unlink()
        except OSError:
            pass
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> PidLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()
