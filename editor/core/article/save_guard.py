"""What keeps saves of one folder from racing each other, and clears what a killed save left.

- `folder_lock(folder)`: an exclusive `flock` on the folder itself, held by Midad (window, CLI, tag
  operations) for the whole of a save, so the "is the file still the one I read?" check and the
  rename happen with no other Midad save in between. The system frees it when a process dies.
- Stray temporary files: a save writes `.NAME.xxxxxxxx.midad-tmp` next to the article and renames
  it over NAME; a process killed in between leaves it behind (mode 600, a whole copy of the article).
  `remove_stray_temps` deletes only Midad's own (by that exact name pattern, a regular file of this
  user), only while it holds the folder lock (so no save is writing one), and only when the article
  NAME itself exists and reads as text; otherwise the stray is kept (it may be the only copy).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: saves are not serialised between processes
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".midad-tmp"
STRAY_RE = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + r"$")
LOCK_WAIT_S = 10.0


class FolderBusy(OSError):
    """Another Midad process kept the folder locked for too long."""


@contextlib.contextmanager
def folder_lock(folder: Path, wait: float = LOCK_WAIT_S, blocking: bool = True) -> Iterator[bool]:
    """Hold the folder's save lock; yields False when locking is not possible here (saves go on)."""
    if fcntl is None:
        yield False
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        yield False
        return
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    yield False  # e.g. a file system without flock
                    return
                if not blocking or time.monotonic() >= deadline:
                    raise FolderBusy(errno.EBUSY, "another Midad process is saving in this folder") from exc
                time.sleep(0.02)
        yield True
    finally:
        os.close(fd)


def stray_temps(folder: Path, name: str | None = None) -> list[Path]:
    """Midad's temporary files in `folder` (of article `name` only, when given)."""
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        match = STRAY_RE.match(entry.name)
        if match is None or (name is not None and match.group("name") != name):
            continue
        found.append(Path(entry.path))
    return found


def _article_intact(path: Path) -> bool:
    from editor.core.article.storage import ArticleIOError, read_text_file

    try:
        read_text_file(path)
    except (ArticleIOError, OSError):
        return False
    return True


def _removable(temp: Path) -> bool:
    try:
        st = temp.lstat()
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
        return False
    match = STRAY_RE.match(temp.name)
    return match is not None and _article_intact(temp.parent / match.group("name"))


def remove_stray_temps_locked(folder: Path, name: str | None = None) -> list[Path]:
    """Delete removable strays; the caller holds the folder lock."""
    removed = []
    for temp in stray_temps(folder, name):
        if _removable(temp):
            try:
                temp.unlink()
                removed.append(temp)
            except OSError:
                pass
    return removed


def remove_stray_temps(folder: str | os.PathLike[str], name: str | None = None) -> list[Path]:
    """Clean what killed saves left in `folder` (skipped while another Midad is saving there)."""
    folder = Path(folder)
    if not stray_temps(folder, name):
        return []
    try:
        with folder_lock(folder, blocking=False) as locked:
            if not locked and fcntl is not None:
                return []  # cannot prove no save is running: leave them
            return remove_stray_temps_locked(folder, name)
    except FolderBusy:
        return []
