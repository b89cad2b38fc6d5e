"""Tag operations that survive a crash and each other: write-ahead record, roll-back, one at a time.

MIDAD_STRESS_ROUNDS sets the SIGKILL rounds of `midad tag rename` over 200 articles (3 by default;
run 100+ by hand).
"""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.generate_library import generate_library
from editor.core.library import tag_ops, tag_record
from editor.core.library.facade import Library
from editor.core.library.tag_ops import TagOpError, recover_interrupted, rename_tag, undo_last
from editor.core.recovery.locks import PidLock

ROOT = Path(__file__).resolve().parents[3]
ROUNDS = int(os.environ.get("MIDAD_STRESS_ROUNDS", "3"))


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.md"))}


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    root = tmp_path / "lib"
    generate_library(root, 40, words_per_article=40, seed=5)
    library = Library(root, cache_dir=tmp_path / "cache")
    library.refresh()
    return library


def _most_used_tag(library: Library) -> str:
    return library.tags()[0].tag


def test_interrupted_operation_is_rolled_back_from_its_record(lib, monkeypatch):
    before = _snapshot(lib.root)
    tag = _most_used_tag(lib)
    real = tag_ops.atomic_write_bytes
    calls = []

    def die_after_five(path, data, expected="*"):
        calls.append(path)
        if len(calls) > 5:
            raise KeyboardInterrupt  # stands for the kill: nothing after this runs in the operation
        return real(path, data, expected)

    monkeypatch.setattr(tag_ops, "atomic_write_bytes", die_after_five)
    with pytest.raises(KeyboardInterrupt):
        rename_tag(lib, tag, "وسم_جديد")
    monkeypatch.undo()
    assert _snapshot(lib.root) != before
    [manifest] = tag_ops.journal(lib)
    assert manifest["state"] == tag_record.PENDING and len(manifest["files"]) > 5
    reports = recover_interrupted(lib)
    assert len(reports) == 1 and reports[0].interrupted and len(reports[0].restored) == 5
    assert _snapshot(lib.root) == before
    with pytest.raises(TagOpError, match="no tag operation"):
        undo_last(lib)


def test_full_cache_stops_before_the_first_article(lib, monkeypatch):
    before = _snapshot(lib.root)

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tag_record, "write_private", full)
    with pytest.raises(OSError):
        rename_tag(lib, _most_used_tag(lib), "وسم_جديد")
    assert _snapshot(lib.root) == before
    assert tag_ops.journal(lib) == []  # no half record left either


def test_second_operation_is_told_who_holds_the_library(lib, monkeypatch):
    root = tag_record.journal_root(lib)
    holder = PidLock(root.parent / f"{root.name}.lock", "tag merge")
    holder.acquire()
    monkeypatch.setattr(tag_record, "LOCK_WAIT_S", 0.1)
    try:
        with pytest.raises(TagOpError, match=f"process {os.getpid()}.*tag merge"):
            rename_tag(lib, _most_used_tag(lib), "وسم_جديد")
    finally:
        holder.release()
    assert rename_tag(lib, _most_used_tag(lib), "وسم_جديد").changed


def _cli(*args: str, cache: Path) -> list[str]:
    return [sys.executable, "-m", "editor.cli", "tag", *args, "--cache-dir", str(cache)]


def test_two_operations_started_together_never_lose_a_write(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    for i in range(30):
        (root / f"{i:02d}.md").write_text(f"---\ntags: [أمن, رياضة]\n---\nنص {i} #أمن و #رياضة\n", "utf-8")
    cache = tmp_path / "cache"
    procs = [
        subprocess.Popen(
            _cli("rename", str(root), old, new, cache=cache), cwd=ROOT, stdout=subprocess.DEVNULL
        )
        for old, new in (("أمن", "سلامة"), ("رياضة", "كرة"))
    ]
    assert [p.wait(120) for p in procs] == [0, 0]
    for path in root.glob("*.md"):
        text = path.read_text("utf-8")
        assert "tags: [سلامة, كرة]" in text and "#سلامة و #كرة" in text, text


def test_sigkill_during_a_rename_over_200_articles_then_undo_is_byte_identical(tmp_path):
    root = tmp_path / "lib"
    generate_library(root, 200, words_per_article=30, seed=9)
    cache = tmp_path / "cache"
    library = Library(root, cache_dir=cache)
    library.refresh()
    tag = _most_used_tag(library)
    library.close()
    before = _snapshot(root)
    rng = random.Random()
    start = time.monotonic()
    full = subprocess.run(
        _cli("rename", str(root), tag, "وسم_آخر", cache=cache), cwd=ROOT, capture_output=True
    )
    duration = time.monotonic() - start
    assert full.returncode == 0
    assert subprocess.run(_cli("undo", str(root), cache=cache), cwd=ROOT, capture_output=True).returncode == 0
    assert _snapshot(root) == before
    partial = 0
    for _round in range(ROUNDS):
        proc = subprocess.Popen(
            _cli("rename", str(root), tag, "وسم_آخر", cache=cache), cwd=ROOT, stdout=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.3, duration))
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        now = _snapshot(root)
        partial += now != before
        subprocess.run(_cli("undo", str(root), cache=cache), cwd=ROOT, capture_output=True)
        assert _snapshot(root) == before
    print(f"{ROUNDS} kills, {partial} had changed articles before undo; full run {duration:.2f} s")
