"""The cold index built apart and swapped in: the same index as an update in place, atomic, safe
when killed half-way, cancellable, followed by other connections (editor/core/library/index_build.py)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate_library import generate_library  # noqa: E402
from editor.core.library import index as library_index  # noqa: E402
from editor.core.library import index_build  # noqa: E402
from editor.core.library.index import LibraryIndex  # noqa: E402
from editor.core.library.search import search  # noqa: E402

QUERIES = ["الأمن", "الامن", '"الأمن الوطني"', "التعاون OR المغرب", "وفد*", "title", "ملف"]
ROUNDS = int(os.environ.get("MIDAD_STRESS_ROUNDS", "2"))


def _hostile_library(root: Path, count: int) -> Path:
    generate_library(root, count, words_per_article=40, seed=11)
    (root / "binary.md").write_bytes(b"\x00\x01PK\x03\x04" * 50)
    (root / "broken.md").write_text("---\ntitle: [unclosed\n---\nملف نصه مكسور\n", encoding="utf-8")
    (root / "utf16.md").write_bytes("\ufeff# عنوان title\nزنجبيلية الأمن الوطني".encode("utf-16-le"))
    (root / "legacy.md").write_bytes("# ملف\nالأمن".encode("cp1256"))
    (root / "bare.md").write_text("الأمن، والتعاون «الوطني» #وسم", encoding="utf-8")
    os.mkfifo(root / "pipe.md")
    os.symlink("/etc/hostname", root / "outside.md")
    return root


def _state(index: LibraryIndex) -> tuple:
    """Everything a user can get from an index: the listing, the entries, tags, search hits."""
    hits = []
    for query in QUERIES:
        hits.append(
            [(h.rel_path, h.title, round(h.score, 9), h.in_title, h.snippet) for h in search(index, query)]
        )
    return index.listing_json(), index.entries(), sorted(index.tag_rows()), hits


def _integrity(db: Path) -> tuple[str, int]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0], conn.execute(
            "SELECT count(*) FROM articles"
        ).fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return _hostile_library(tmp_path / "lib", 90)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_fresh_build_is_the_index_an_update_in_place_makes(
    library: Path, tmp_path: Path, monkeypatch, workers
) -> None:
    monkeypatch.setattr(library_index, "PARALLEL_THRESHOLD", 1)  # reader processes for workers=2
    monkeypatch.setattr(index_build, "FRESH_MIN", 10**9)
    in_place = LibraryIndex(library, tmp_path / "a" / "index.sqlite", workers=1)
    in_place.update()
    monkeypatch.setattr(index_build, "FRESH_MIN", 1)
    fresh = LibraryIndex(library, tmp_path / "b" / "index.sqlite", workers=workers)
    swapped_in = []
    real_swap = index_build.FreshBuild.swap_in
    monkeypatch.setattr(index_build.FreshBuild, "swap_in", lambda b: swapped_in.append(b) or real_swap(b))
    report = fresh.update()
    assert swapped_in and len(report.added) == 90 + 7
    assert _state(fresh) == _state(in_place)
    assert _integrity(fresh.db_path) == ("ok", 97)
    assert not list(fresh.db_path.parent.glob("*.build-*"))  # nothing left beside the index
    # a second update finds nothing to do; a change is then written in place
    assert not fresh.update().any_change
    (library / "bare.md").write_text("نص جديد #وسم_آخر", encoding="utf-8")
    os.utime(library / "bare.md", ns=(1, 1))
    assert fresh.update().changed == ["bare.md"]
    assert [h.rel_path for h in search(fresh, "جديد")] == ["bare.md"]


def test_other_connections_follow_the_new_file(library: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(index_build, "FRESH_MIN", 1)
    db = tmp_path / "cache" / "index.sqlite"
    reader = LibraryIndex(library, db, workers=1)  # e.g. the window, while the command line indexes
    assert reader.entries() == []
    writer = LibraryIndex(library, db, workers=1)
    writer.update()
    assert len(reader.entries()) == 97
    assert [h.rel_path for h in search(reader, "زنجبيلية")] == ["utf16.md"]


def test_a_cancelled_fresh_build_keeps_what_it_read(library: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(index_build, "FRESH_MIN", 1)
    index = LibraryIndex(library, tmp_path / "cache" / "index.sqlite", workers=1)

    def progress(done: int, total: int) -> None:
        if done == 30:
            index.cancel()

    report = index.update(progress)
    assert report.cancelled and 30 <= len(index.entries()) < 97
    assert _integrity(index.db_path)[0] == "ok"
    rest = index.update()
    assert not rest.cancelled and len(index.entries()) == 97
    assert len(rest.added) == 97 - 30 or len(rest.added) == 97 - len(report.added)


_KILLED_CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from editor.core.library import index_build, record
from editor.core.library.index import LibraryIndex
real = record.read_record
record.read_record = lambda root, rel: time.sleep(0.002) or real(root, rel)
index_build.FRESH_MIN = 1
index = LibraryIndex({library!r}, {db!r}, workers=1)
def progress(done, total):
    if done == {stop}:
        print("now", flush=True)
        time.sleep(30)
index.update(progress)
"""


def test_a_build_killed_half_way_leaves_the_old_index_and_the_next_one_completes(
    library: Path, tmp_path: Path
) -> None:
    db = tmp_path / "cache" / "index.sqlite"
    for round_ in range(ROUNDS):
        stop = 5 + round_ * 37 % 80
        script = _KILLED_CHILD.format(root=str(ROOT), library=str(library), db=str(db), stop=stop)
        child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None and child.stdout.readline() == "now\n"
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert list(db.parent.glob("index.sqlite.build-*"))  # the half-built file, never the index
        assert _integrity(db) == ("ok", 0)  # the index is the old one: empty, sound
    index = LibraryIndex(library, db, workers=1)
    report = index.update()
    assert len(report.added) == 97 and _integrity(db) == ("ok", 97)
    assert not list(db.parent.glob("index.sqlite.build-*"))  # the stale builds were deleted


def test_build_files_of_running_processes_are_kept(tmp_path: Path) -> None:
    db = tmp_path / "index.sqlite"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        alive = tmp_path / f"index.sqlite.build-{sleeper.pid}-1"
        gone = tmp_path / "index.sqlite.build-999999999-1"
        alive.write_bytes(b"x")
        gone.write_bytes(b"x")
        assert index_build.remove_stale_builds(db) == [gone]
        assert alive.exists() and not gone.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_the_swap_is_one_rename_after_the_old_wal_files_are_gone(
    library: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(index_build, "FRESH_MIN", 1)
    db = tmp_path / "cache" / "index.sqlite"
    index = LibraryIndex(library, db, workers=1)
    calls: list[tuple[str, str]] = []
    real_replace, real_unlink = os.replace, os.unlink
    monkeypatch.setattr(
        index_build.os, "replace", lambda a, b: calls.append(("replace", str(b))) or real_replace(a, b)
    )
    monkeypatch.setattr(
        index_build.os, "unlink", lambda a: calls.append(("unlink", str(a))) or real_unlink(a)
    )
    started = time.monotonic()
    index.update()
    assert time.monotonic() - started < 60
    on_the_index = [call for call in calls if ".build-" not in call[1]]
    assert on_the_index == [("unlink", f"{db}-wal"), ("unlink", f"{db}-shm"), ("replace", str(db))]
    assert calls[-1] == ("replace", str(db))
