"""The library index: an SQLite cache (with FTS5) of every article's metadata and search text.

One database file per library in the cache folder. It is only a cache: deleting it loses nothing,
and a database that is corrupt, unreadable or of another schema version is deleted and rebuilt
without asking. `update()` is incremental: files are `stat`ed, and only new files and files whose
size or modification time changed are read (a changed time with the same content hash only
refreshes the stored time). Reading many files uses several processes (forked when the process
has no other thread, spawned otherwise). The tables and the compact word index: `index_store`.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from editor.core.library import index_build, index_child, index_store, readers
from editor.core.library.index_store import SCHEMA_VERSION, delete_article, entry_json, split_tags
from editor.core.library.readers import _lower_priority  # noqa: F401 - (tests use it)
from editor.core.library.scan import FileStat, TooManyFiles, scan_library
from editor.core.library.tags import article_tags
from editor.core.text.messages import load_text

if TYPE_CHECKING:
    from editor.core.library.index_store import Prepared

PARALLEL_THRESHOLD = 300  # read this many changed files or more with a process pool


@dataclass
class UpdateReport:
    """What an index update found: relative paths added, changed, removed; count unchanged."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    touched: list[str] = field(default_factory=list)  # new time, same content
    isolated: bool = False  # done by a child process (`index_child`)
    unchanged: int = 0
    rebuilt: bool = False
    cancelled: bool = False  # stopped by `LibraryIndex.cancel()`; the rest is read next time
    folders: list[str] = field(default_factory=list)  # every folder scanned (absolute), for watchers
    compacted: bool = False  # the word index was rebuilt to drop changed and removed articles' words
    # `index_store.change_serial` before and after: the lists changed by exactly this report when a
    # reader's last load saw `serial_before` (no other update came in between)
    serial_before: int = -1
    serial: int = -1

    @property
    def any_change(self) -> bool:
        return bool(self.added or self.changed or self.removed)


class ArticleEntry(NamedTuple):
    """One article as listed by the library (a named tuple: ten thousand are built per listing)."""

    rel_path: str
    title: str
    date: str
    status: str
    words: int
    fm_tags: tuple[str, ...]
    hashtags: tuple[str, ...]
    problem: str | None  # a translatable `Text` (editor.core.text.messages): `localize()` it in the UI
    size: int
    mtime_ns: int

    @property
    def tags(self) -> list[str]:
        """Tags of the article, one spelling per tag (front matter first, then body hashtags)."""
        return article_tags(self.fm_tags, self.hashtags)

    def to_json(self) -> dict:
        return entry_json(
            self.rel_path, self.title, self.date, self.status, self.tags, self.words, self.problem
        )


def _chain(*parts: Iterator[Prepared]) -> Iterator[Prepared]:
    """`itertools.chain` as a generator: closing it closes the part being read (stops the readers)."""
    for part in parts:
        yield from part


def _default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


class LibraryIndex:
    """The SQLite index of one library folder. Safe to use from several threads (one connection each).

    With `isolated` set (the window sets it), an update that reads many files runs in a child
    process (`index_child`): the calling process only waits and passes progress on.
    """

    isolated = False

    def __init__(
        self, root: str | os.PathLike[str], db_path: str | os.PathLike[str], workers: int | None = None
    ):
        self.root = Path(root)
        self.db_path = Path(db_path)
        self.workers = _default_workers() if workers is None else max(1, workers)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._cancel = threading.Event()
        self._generation = 0  # bumped when the database file is recreated
        self.rebuilt = False
        self._open_checked()

    # --- connection ------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.db_path, timeout=30, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA temp_store=MEMORY")
        return conn

    def _file_id(self) -> tuple[int, int] | None:
        try:
            info = os.stat(self.db_path)
        except OSError:
            return None
        return info.st_dev, info.st_ino

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is not None and (
            getattr(self._local, "generation", -1) != self._generation
            or self._local.file_id != self._file_id()  # a cold build (maybe another process's) swapped in
        ):
            conn.close()  # the database was rebuilt or replaced: this connection reads the old file
            conn = None
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            self._local.generation = self._generation
            self._local.file_id = self._file_id()
        return conn

    def _open_checked(self) -> None:
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        index_build.remove_stale_builds(self.db_path)  # left by a cold build that was killed
        try:
            conn = self._conn()
            row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None or row[0] != str(SCHEMA_VERSION):
                raise sqlite3.DatabaseError("outdated index")
            conn.execute("SELECT count(*) FROM articles").fetchone()
            conn.execute("SELECT rowid FROM fts LIMIT 1").fetchone()
        except sqlite3.DatabaseError:
            self._recreate()

    def _recreate(self) -> None:
        self.close()
        self._generation += 1
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.db_path}{suffix}")
            except FileNotFoundError:
                pass
        index_build.create_schema(self._conn(), str(self.root))
        self.rebuilt = True

    def close(self) -> None:
        """Close this thread's connection (others close when their thread ends)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # --- updating --------------------------------------------------------------------------
    def cancel(self) -> None:
        """Make a running `update()` stop soon, keeping what it indexed (e.g. when the app quits).

        Files not reached are simply not in the index yet: the next update reads them.
        """
        self._cancel.set()

    def update(self, progress: Callable[[int, int], None] | None = None) -> UpdateReport:
        """Bring the index up to date with the folder; a corrupt database is rebuilt once."""
        with self._write_lock:
            try:
                return self._update(progress)
            except sqlite3.DatabaseError:
                self._recreate()
                report = self._update(progress)
                report.rebuilt = True
                return report

    def _update(self, progress: Callable[[int, int], None] | None) -> UpdateReport:
        report = UpdateReport(rebuilt=self.rebuilt)
        self.rebuilt = False
        conn = self._conn()
        child_failed = False
        if self.isolated:  # the window: a big library is scanned (and updated) by a child process
            try:
                files, report.folders = self._scan_here(conn)
            except TooManyFiles:
                isolated = self._update_in_child(progress)
                if isolated is not None:
                    isolated.rebuilt = isolated.rebuilt or report.rebuilt
                    return isolated
                files, report.folders = scan_library(self.root)  # (the child failed: here, then)
                child_failed = True
        else:
            files, report.folders = scan_library(self.root)
        signature = index_store.scan_signature(files)
        if signature == index_store.stored_signature(conn):  # nothing changed since the last update
            report.unchanged = len(files)
            report.serial_before = report.serial = index_store.change_serial(conn)
            return report
        known = {
            path: (rowid, size, mtime, digest)
            for rowid, path, size, mtime, digest in conn.execute(
                "SELECT id, path, size, mtime_ns, hash FROM articles"
            )
        }
        to_read: list[str] = []
        for rel, st in files.items():
            old = known.get(rel)
            if old is None:
                to_read.append(rel)
            elif (old[1], old[2]) != (st.size, st.mtime_ns):
                to_read.append(rel)
            else:
                report.unchanged += 1
        removed = [rel for rel in known if rel not in files]
        if self.isolated and not child_failed and len(to_read) >= index_child.CHILD_THRESHOLD:
            isolated = self._update_in_child(progress)
            if isolated is not None:
                isolated.rebuilt = isolated.rebuilt or report.rebuilt
                return isolated
        self._cancel.clear()
        listed_only = [rel for rel in to_read if files[rel].problem]  # never read (scan.py)
        to_read = sorted(rel for rel in to_read if not files[rel].problem)  # (ids in path order)
        total = len(listed_only) + len(to_read)
        if not known and len(to_read) >= index_build.FRESH_MIN:  # a cold index: built apart, swapped in
            return self._build_fresh(report, files, listed_only, to_read, signature, progress)
        with conn:
            index_store.store_signature(conn, None)  # until this update is complete
            # (read once this transaction writes: no other update can come in between)
            report.serial_before = report.serial = index_store.change_serial(conn)
            for rel in removed:
                delete_article(conn, known[rel][0])
            report.removed.extend(removed)
            records = _chain(self._problem_records(listed_only, files), self._read_records(to_read, files))
            index_build.write_records(conn, report, known, records, total, self._cancel, progress)
            if report.any_change or report.touched:
                report.serial += 1
                index_store.bump_serial(conn, report.serial)
            if not report.cancelled:
                index_store.store_signature(conn, signature)
        if not report.cancelled and index_store.needs_compaction(conn):
            report.compacted = index_store.compact(
                conn, lambda rels: self._read_records(rels, files), self._cancel.is_set, progress
            )
        return report

    def _build_fresh(
        self,
        report: UpdateReport,
        files: dict[str, FileStat],
        listed_only: list[str],
        to_read: list[str],
        signature: str,
        progress: Callable[[int, int], None] | None,
    ) -> UpdateReport:
        """A cold index written to a new file and renamed over the index when done (`index_build`).

        A cancel keeps what was indexed (as an update in place would): the partial build is
        swapped in without the scan signature, so the next update reads the rest.
        """
        report.serial_before = index_store.change_serial(self._conn())
        build = index_build.FreshBuild(self.db_path, str(self.root))
        try:
            records = _chain(self._problem_records(listed_only, files), self._read_records(to_read, files))
            with build.conn:
                index_build.write_records(
                    build.conn, report, {}, records, len(listed_only) + len(to_read), self._cancel, progress
                )
                report.serial = report.serial_before + 1
                index_store.bump_serial(build.conn, report.serial)
                if not report.cancelled:
                    index_store.store_signature(build.conn, signature)
            self.close()
            build.swap_in()
        except BaseException:
            build.discard()
            raise
        finally:
            self._generation += 1  # every thread reconnects: the index is a new file
        return report

    def _scan_here(self, conn: sqlite3.Connection) -> tuple[dict[str, FileStat], list[str]]:
        """The scan of a library small enough to scan in this process; TooManyFiles otherwise.

        Scanning is Python work on every file: in the window's process it would hold the
        interpreter for a long time in a big library and the GUI thread would wait for its turn.
        """
        limit = index_child.SCAN_IN_CHILD
        indexed = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        if indexed >= limit:
            raise TooManyFiles(limit)
        if not indexed:  # a cold index: past CHILD_THRESHOLD files the child would do it all anyway
            limit = min(limit, index_child.CHILD_THRESHOLD)
        return scan_library(self.root, limit=limit)

    def _update_in_child(self, progress: Callable[[int, int], None] | None) -> UpdateReport | None:
        """The update done by a child process; None if it failed (then it is done here)."""
        self._cancel.clear()
        try:
            report = index_child.update_in_child(
                str(self.root), str(self.db_path), self.workers, progress, self._cancel
            )
        except index_child.ChildFailed:
            return None
        self._generation += 1  # reconnect: the child may have replaced the database file
        report.isolated = True
        return report

    def _read_records(self, rels: list[str], files: dict[str, FileStat]) -> Iterator[Prepared]:
        """The prepared records of the files at `rels`, in order (read by reader processes when many)."""
        parallel = len(rels) >= PARALLEL_THRESHOLD and self.workers > 1
        return readers.read_prepared(str(self.root), rels, self.workers if parallel else 1)

    @staticmethod
    def _problem_records(rels: list[str], files: dict[str, FileStat]) -> Iterator[Prepared]:
        if not rels:
            return
        from editor.core.library.record import problem_record

        for rel in rels:
            st = files[rel]
            yield index_store.prepare(problem_record(rel, st.problem or "", st.size, st.mtime_ns))

    # --- reading ---------------------------------------------------------------------------
    def _select(self, sql: str, paths: list[str] | None, order: str = "") -> Iterator[tuple]:
        """Rows of `sql` (which ends in a WHERE clause on `a.path`), for every article or for `paths`."""
        if paths is None:
            yield from self._conn().execute(f"{sql} 1{order}")
            return
        for start in range(0, len(paths), 500):  # (SQLite limits the parameters of one statement)
            chunk = paths[start : start + 500]
            yield from self._conn().execute(f"{sql} a.path IN ({','.join('?' * len(chunk))}){order}", chunk)

    def entries(self, paths: list[str] | None = None) -> list[ArticleEntry]:
        """Every indexed article (or those at `paths` that are indexed), in path order."""
        rows = self._select(
            "SELECT path, title, date, status, words, fm_tags, hashtags, problem, size, mtime_ns"
            " FROM articles a WHERE",
            paths,
            " ORDER BY path",
        )
        if paths is not None:
            rows = sorted(rows)
        return [
            ArticleEntry(
                path,
                title,
                date,
                status,
                words,
                split_tags(fm),
                split_tags(ht),
                load_text(problem),
                size,
                mtime,
            )  # fmt: skip
            for path, title, date, status, words, fm, ht, problem, size, mtime in rows
        ]

    def listing_json(self) -> list[str]:
        """Every article's `to_json()` as JSON text, in path order, as stored when it was indexed."""
        return [row[0] for row in self._conn().execute("SELECT listing FROM articles ORDER BY path")]

    def tag_rows(self, paths: list[str] | None = None) -> list[tuple[str, str, str]]:
        """`(rel_path, spelling, key)` for every tag spelling of every article (or of those at `paths`)."""
        sql = "SELECT a.path, t.tag, t.key FROM article_tags t JOIN articles a ON a.id = t.article_id WHERE"
        return list(self._select(sql, paths))

    def execute(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Run a read-only query on this thread's connection (used by the search module)."""
        return list(self._conn().execute(sql, params))


__all__ = ["ArticleEntry", "LibraryIndex", "UpdateReport"]
