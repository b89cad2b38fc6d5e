"""A big index update in a child process: same index, progress, cancel, and a killed child."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from editor.core.library import index_child
from editor.core.library.index import LibraryIndex


def _articles(root: Path, count: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        tags = "[الأمن, رياضة]" if i % 3 else "[]"
        body = f"نص المقال رقم {i} عن #الأمن_الوطني والتعاون.\n\nفقرة ثانية {i}.\n"
        (root / f"a{i:03d}.md").write_text(
            f"---\ntitle: عنوان {i}\ndate: 2024-01-{i % 28 + 1:02d}\nstatus: draft\ntags: {tags}\n---\n{body}",
            encoding="utf-8",
        )


def _children() -> list:
    return [p for p in multiprocessing.active_children() if p.name == "midad-index"]


def _held(db: Path) -> sqlite3.Connection:
    """A connection holding the index's write lock (the child waits for it before writing)."""
    conn = sqlite3.connect(db, timeout=30, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    return conn


@pytest.fixture
def low_threshold(monkeypatch):
    monkeypatch.setattr(index_child, "CHILD_THRESHOLD", 5)


def _wait_for_child(timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not _children():
        assert time.monotonic() < deadline, "no index process was started"
        time.sleep(0.02)
    time.sleep(0.3)  # let it reach the write lock


@contextmanager
def _child_waiting_to_write(tmp_path: Path, count: int) -> Iterator[tuple[LibraryIndex, Path, dict]]:
    """`count` articles updated in a child from another thread, the child held at the index's write
    lock while the block runs; then the lock is let go and the update waited for (`result["report"]`)."""
    _articles(tmp_path / "lib", count)
    db = tmp_path / "index.sqlite"
    index = LibraryIndex(tmp_path / "lib", db, workers=1)
    index.isolated = True
    lock = _held(db)
    result: dict = {}
    worker = threading.Thread(target=lambda: result.update(report=index.update()))
    worker.start()
    try:
        _wait_for_child()
        yield index, db, result
    finally:
        lock.rollback()
        lock.close()
        worker.join(60)


def test_a_big_update_in_a_child_gives_the_same_index_with_progress(tmp_path: Path, low_threshold) -> None:
    _articles(tmp_path / "lib", 40)
    here = LibraryIndex(tmp_path / "lib", tmp_path / "here.sqlite", workers=1)
    here.update()
    index = LibraryIndex(tmp_path / "lib", tmp_path / "child.sqlite", workers=1)
    index.isolated = True
    seen: list[tuple[int, int]] = []
    report = index.update(lambda done, total: seen.append((done, total)))
    assert report.isolated and len(report.added) == 40 and not report.cancelled
    assert seen and seen[-1] == (40, 40)
    assert index.entries() == here.entries()
    assert index.listing_json() == here.listing_json()
    assert index.tag_rows() == here.tag_rows()
    again = index.update()  # nothing to read: done here
    assert not again.isolated and again.unchanged == 40
    assert not _children()


def test_a_killed_child_leaves_a_sound_index_and_the_update_is_done_here(
    tmp_path: Path, low_threshold
) -> None:
    with _child_waiting_to_write(tmp_path, 30) as (_index, db, result):
        for child in _children():
            child.kill()  # while it waits to write
    report = result["report"]
    assert not report.isolated and len(report.added) == 30  # the calling process did it
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (30,)


def test_a_child_killed_while_writing_leaves_a_sound_index(tmp_path: Path, low_threshold) -> None:
    _articles(tmp_path / "lib", 300)
    db = tmp_path / "index.sqlite"
    index = LibraryIndex(tmp_path / "lib", db, workers=1)
    index.isolated = True

    def kill_on_first_progress(done: int, total: int) -> None:
        for child in _children():
            child.kill()

    report = index.update(kill_on_first_progress)
    assert len(report.added) == 300  # by the child, or by this process after the kill
    assert LibraryIndex(tmp_path / "lib", db, workers=1).update().unchanged == 300
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_cancel_reaches_the_child_which_keeps_what_it_indexed(tmp_path: Path, low_threshold) -> None:
    with _child_waiting_to_write(tmp_path, 30) as (index, db, result):
        index.cancel()
    report = result["report"]
    assert report.isolated and report.cancelled and 0 < len(report.added) < 30
    rest = LibraryIndex(tmp_path / "lib", db, workers=1).update()  # the next update reads the rest
    assert len(rest.added) == 30 - len(report.added)


def test_a_big_library_is_scanned_by_the_child_even_when_nothing_changed(tmp_path: Path, monkeypatch) -> None:
    """In the window, the scan of every file of a big library never runs in the window's process."""
    from editor.core.library import index as library_index

    _articles(tmp_path / "lib", 30)
    monkeypatch.setattr(index_child, "SCAN_IN_CHILD", 20)
    scans: list[int | None] = []
    real_scan = library_index.scan_library
    monkeypatch.setattr(
        library_index, "scan_library", lambda root, limit=None: scans.append(limit) or real_scan(root, limit)
    )
    index = LibraryIndex(tmp_path / "lib", tmp_path / "child.sqlite", workers=1)
    index.isolated = True
    cold = index.update()  # the index is empty: the scan here stops at the limit, the child does it all
    assert cold.isolated and len(cold.added) == 30 and scans == [20]
    warm = index.update()  # 30 articles indexed ≥ the limit: not even a partial scan here
    assert warm.isolated and not warm.any_change and warm.unchanged == 30 and scans == [20]
    assert warm.folders == [str(tmp_path / "lib")]
    (tmp_path / "lib" / "a001.md").write_text("---\ntitle: جديد\n---\nنص", encoding="utf-8")
    changed = index.update()
    assert changed.isolated and changed.changed == ["a001.md"]
    assert [e.title for e in index.entries(["a001.md"])] == ["جديد"]
    monkeypatch.setattr(index_child, "SCAN_IN_CHILD", 1000)  # a small library: scanned here as before
    assert not index.update().isolated and scans[-1] == 1000


def test_the_scan_limit_stops_early(tmp_path: Path) -> None:
    from editor.core.library.scan import TooManyFiles, scan_library

    _articles(tmp_path / "lib", 12)
    assert len(scan_library(tmp_path / "lib", limit=12)[0]) == 12
    with pytest.raises(TooManyFiles):
        scan_library(tmp_path / "lib", limit=11)


def test_the_child_reads_with_its_own_reader_processes(tmp_path: Path, low_threshold) -> None:
    """A cold index of a library big enough for reader processes runs in the child (it once failed
    there, as a daemon process may not start processes, and was silently done in the window's)."""
    root = tmp_path / "lib"
    root.mkdir()
    for i in range(320):  # ≥ PARALLEL_THRESHOLD: the child starts reader processes
        (root / f"n{i:03d}.md").write_text(f"# عنوان {i}\nنص قصير #وسم{i % 7}\n", encoding="utf-8")
    index = LibraryIndex(root, tmp_path / "child.sqlite", workers=2)
    index.isolated = True
    report = index.update()
    assert report.isolated and len(report.added) == 320
    assert len(index.entries()) == 320


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="SCHED_IDLE is Linux's")
def test_the_child_runs_at_idle_priority(tmp_path: Path, low_threshold) -> None:
    """The index child (and the readers it starts, which inherit it) takes only a core the window
    does not want: a cold index of a big library never delays a keystroke's repaint."""
    with _child_waiting_to_write(tmp_path, 20) as (_index, _db, result):
        policies = [os.sched_getscheduler(child.pid) for child in _children()]
    assert policies == [os.SCHED_IDLE]
    assert result["report"].isolated and len(result["report"].added) == 20
    assert os.sched_getscheduler(0) != os.SCHED_IDLE  # the calling process keeps its priority
