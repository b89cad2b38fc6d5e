"""Writing an update's records, and the cold build: a new index file built apart, then swapped in.

An update writes its records inside one transaction of the index (`write_records`). A cold index
(no article indexed yet, many files to read) is instead written to a new database file beside the
index, `<index>.build-<pid>`, with no journal and no syncing (`FreshBuild`): nothing is written
twice and nothing waits for the disk. When it is complete it is renamed over the index in one
`rename` (atomic on POSIX), so the index file is always either the old one or the complete new
one: a build stopped half-way (the process killed, the machine off) leaves the old index (or
none) and a stale build file, which the next build deletes (`remove_stale_builds`).

The old index's `-wal` and `-shm` files are deleted before the rename: they belong to the old
file, and SQLite would otherwise read them as the new file's. A process that still holds the old
file open keeps reading it until it reconnects (`LibraryIndex` reconnects when the file changed).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.library import index_store
from editor.core.library.index_store import SCHEMA, SCHEMA_VERSION, InsertBatch, delete_article

if TYPE_CHECKING:
    from editor.core.library.index import UpdateReport
    from editor.core.library.index_store import Prepared

FRESH_MIN = 300  # a cold index reading this many files or more is built apart (`FreshBuild`)
BUILD_MARK = ".build-"


def write_records(
    conn: sqlite3.Connection,
    report: UpdateReport,
    known: dict[str, tuple],
    records: Iterator[Prepared],
    total: int,
    cancelled: threading.Event,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Write `records` (new and changed files) in `conn`'s open transaction, noting them in `report`.

    `known` maps each indexed path to `(id, size, mtime_ns, hash)`. A file whose content hash is
    unchanged only gets its new size and time. Stops early (`report.cancelled`) when `cancelled`.
    """
    batch = InsertBatch(conn)
    for done, record in enumerate(records, start=1):
        if cancelled.is_set():
            report.cancelled = True
            records.close()  # type: ignore[attr-defined] - a generator: stops the readers
            break
        old = known.get(record.rel_path)
        if old is not None and old[3] == record.content_hash and record.content_hash:
            conn.execute(
                "UPDATE articles SET size=?, mtime_ns=? WHERE id=?", (record.size, record.mtime_ns, old[0])
            )
            report.touched.append(record.rel_path)
        else:
            if old is not None:
                delete_article(conn, old[0])
                report.changed.append(record.rel_path)
            else:
                report.added.append(record.rel_path)
            batch.add(record)
        if progress is not None:
            progress(done, total)
    batch.flush()


def create_schema(conn: sqlite3.Connection, root: str) -> None:
    """The empty tables of an index of the library at `root` (committed)."""
    conn.executescript(SCHEMA)
    index_store.tune_fts(conn, "fts")
    conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    conn.execute("INSERT INTO meta VALUES ('root', ?)", (root,))
    conn.commit()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # (PermissionError: another user's process)
        return True
    return True


def remove_stale_builds(db_path: Path) -> list[Path]:
    """Delete the build files of `db_path` left by processes that are gone; returns them."""
    removed = []
    try:
        candidates = list(db_path.parent.glob(f"{db_path.name}{BUILD_MARK}*"))
    except OSError:
        return removed
    for path in candidates:
        pid_text = path.name[len(db_path.name) + len(BUILD_MARK) :].split("-")[0]
        if pid_text.isdigit() and _pid_alive(int(pid_text)) and int(pid_text) != os.getpid():
            continue  # another process is building now
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class FreshBuild:
    """A new index database written apart and swapped in when complete (see module docstring)."""

    def __init__(self, db_path: Path, root: str) -> None:
        self.db_path = db_path
        remove_stale_builds(db_path)
        self.path = db_path.with_name(f"{db_path.name}{BUILD_MARK}{os.getpid()}-{threading.get_ident()}")
        for leftover in (self.path, Path(f"{self.path}-journal")):
            leftover.unlink(missing_ok=True)
        self.conn = sqlite3.connect(self.path, check_same_thread=False)
        try:
            # written once, never read before it is complete: no journal, no syncing
            self.conn.execute("PRAGMA journal_mode=OFF")
            self.conn.execute("PRAGMA synchronous=OFF")
            self.conn.execute("PRAGMA temp_store=MEMORY")
            self.conn.execute("PRAGMA cache_size=-65536")  # 64 MB: the word index merges in memory
            create_schema(self.conn, root)
        except BaseException:
            self.discard()
            raise

    def swap_in(self) -> None:
        """Make the built file the index: one rename (the old index's WAL files deleted first)."""
        self.conn.commit()
        self.conn.close()
        _sync(self.path)  # the pages on disk before the name: a power cut never leaves half a file
        for suffix in ("-wal", "-shm"):
            try:
                os.unlink(f"{self.db_path}{suffix}")
            except FileNotFoundError:
                pass
        os.replace(self.path, self.db_path)

    def discard(self) -> None:
        """Forget the build (an error or a cancel before anything was written)."""
        try:
            self.conn.close()
        except sqlite3.Error:
            pass
        for leftover in (self.path, Path(f"{self.path}-journal")):
            try:
                leftover.unlink()
            except OSError:
                pass
