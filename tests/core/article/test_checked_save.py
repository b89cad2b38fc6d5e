"""Checked saves under injected faults: the file is the old version or the new one, never less.

MIDAD_STRESS_ROUNDS sets the SIGKILL rounds (8 by default; run 200+ by hand).
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from editor.core.article import storage
from editor.core.article.files import load_article, save_article
from editor.core.article.model import Article
from editor.core.article.save_guard import remove_stray_temps, stray_temps
from editor.core.article.storage import SaveConflict, SaveError, atomic_write_bytes, content_digest

ROOT = Path(__file__).resolve().parents[3]
ROUNDS = int(os.environ.get("MIDAD_STRESS_ROUNDS", "8"))
OLD = "---\ntitle: قديم\n---\nنص قديم\n".encode()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.md"
    path.write_bytes(OLD)
    return path


def _only_article(folder: Path) -> None:
    assert [p.name for p in folder.iterdir()] == ["a.md"], list(folder.iterdir())


def test_fsync_error_on_the_file_fails_the_save(article, monkeypatch):
    def eio(_fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(storage.os, "fsync", eio)
    with pytest.raises(SaveError, match="input/output error"):
        atomic_write_bytes(article, b"new")
    assert article.read_bytes() == OLD
    _only_article(article.parent)


def test_fsync_error_on_the_folder_fails_the_save(article, monkeypatch):
    real = os.fsync

    def eio_on_folders(fd):
        if os.path.isdir(f"/proc/self/fd/{fd}"):
            raise OSError(errno.EIO, "Input/output error")
        real(fd)

    monkeypatch.setattr(storage.os, "fsync", eio_on_folders)
    with pytest.raises(SaveError, match="input/output error"):
        atomic_write_bytes(article, b"new")
    _only_article(article.parent)


def test_changed_on_disk_is_a_conflict_and_writes_nothing(article):
    loaded = load_article(article)
    article.write_bytes(OLD.replace("قديم".encode(), "آخر".encode(), 1))  # same-size edit…
    os.utime(article, ns=(loaded.mtime_ns, loaded.mtime_ns))  # …with the time put back
    with pytest.raises(SaveConflict) as caught:
        save_article(loaded, Article.from_text("mine"), expected=loaded.digest)
    assert caught.value.current == content_digest(article.read_bytes())
    assert "آخر".encode() in article.read_bytes()
    saved = save_article(loaded, Article.from_text("mine"), expected=caught.value.current)
    assert article.read_bytes() == b"mine" and saved.digest == content_digest(b"mine")
    with pytest.raises(SaveConflict):
        atomic_write_bytes(article, b"x", expected=None)  # "must not exist"
    _only_article(article.parent)


def test_read_back_mismatch_after_the_rename_is_a_failed_save(article, monkeypatch):
    monkeypatch.setattr(storage, "_digest_on_disk", lambda _t: "0" * 32)
    with pytest.raises(SaveError, match="did not read back"):
        atomic_write_bytes(article, b"new")
    _only_article(article.parent)


def test_stray_temps_are_cleaned_only_when_they_are_ours_and_the_article_is_intact(tmp_path, article):
    ours = tmp_path / ".a.md.ab12cd34.midad-tmp"
    ours.write_bytes(b"half")
    orphan = tmp_path / ".gone.md.ab12cd34.midad-tmp"  # its article is missing: maybe the only copy
    orphan.write_bytes(b"only copy")
    binary = tmp_path / "b.md"
    binary.write_bytes(b"\x89PNG\x00\x00")
    of_binary = tmp_path / ".b.md.zz99yy88.midad-tmp"
    of_binary.write_bytes(b"x")
    foreign = [tmp_path / ".a.md.tmp", tmp_path / "a.md.midad-tmp", tmp_path / ".a.md.ABCDEFGH.midad-tmp"]
    for path in foreign:
        path.write_bytes(b"not ours")
    link = tmp_path / ".a.md.linklink.midad-tmp"
    link.symlink_to(article)
    removed = remove_stray_temps(tmp_path)
    assert removed == [ours]
    assert orphan.exists() and of_binary.exists() and link.is_symlink() and all(p.exists() for p in foreign)
    ours.write_bytes(b"half")
    atomic_write_bytes(article, b"new")  # a save cleans its own article's strays
    assert not ours.exists() and stray_temps(tmp_path, "a.md") == [link]


def test_path_deleted_while_open_fails_cleanly(tmp_path):
    folder = tmp_path / "gone"
    folder.mkdir()
    (folder / "a.md").write_bytes(OLD)
    loaded = load_article(folder / "a.md")
    shutil.rmtree(folder)
    with pytest.raises(SaveError, match="folder does not exist"):
        save_article(loaded, Article.from_text("x"), expected=loaded.digest)


def test_disk_full_on_a_real_small_tmpfs(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True
    ).returncode:
        pytest.skip("cannot mount a tmpfs here (not root)")
    try:
        path = mount / "a.md"
        old = ("قديم " * 3000).encode()  # ~30 KB
        path.write_bytes(old)
        with pytest.raises(SaveError, match="disk is full"):
            atomic_write_bytes(path, ("جديد " * 5000).encode())
        assert path.read_bytes() == old
        assert [p.name for p in mount.iterdir()] == ["a.md"]
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_immutable_file_is_refused(article):
    if subprocess.run(["chattr", "+i", str(article)], capture_output=True).returncode:
        pytest.skip("chattr +i is not possible here")
    try:
        with pytest.raises(SaveError):
            atomic_write_bytes(article, b"new")
        assert article.read_bytes() == OLD
    finally:
        subprocess.run(["chattr", "-i", str(article)], check=False)
    _only_article(article.parent)


def test_fsync_eio_injected_by_strace_into_the_cli(article):
    if not shutil.which("strace"):
        pytest.skip("strace is not installed")
    result = subprocess.run(
        [
            "strace",
            "-f",
            "-o",
            "/dev/null",
            "-e",
            "inject=fsync:error=EIO",
            sys.executable,
            "-m",
            "editor.cli",
        ]
        + ["set", str(article), "title=جديد"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if "ptrace" in result.stderr:
        pytest.skip("ptrace is not permitted here")
    assert result.returncode == 1 and "input/output error" in result.stderr
    assert article.read_bytes() == OLD
    _only_article(article.parent)


RACER = textwrap.dedent("""
    import sys
    from editor.core.article.files import load_article, save_article
    from editor.core.article.storage import SaveConflict
    path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    done = 0
    while done < count:
        loaded = load_article(path)
        try:
            save_article(loaded, loaded.article.with_body(loaded.article.body + f"{tag}{done}\\n"), expected=loaded.digest)
            done += 1
        except SaveConflict:
            pass
""")


def test_two_processes_racing_saves_never_lose_one(article):
    procs = [
        subprocess.Popen([sys.executable, "-c", RACER, str(article), tag, "40"], cwd=ROOT)
        for tag in ("A", "B")
    ]
    assert [p.wait(120) for p in procs] == [0, 0]
    lines = article.read_text("utf-8").splitlines()
    assert {f"{t}{i}" for t in "AB" for i in range(40)} <= set(lines)


SAVER = textwrap.dedent("""
    import sys
    from editor.core.article.storage import atomic_write_bytes
    path = sys.argv[1]
    versions = [open(sys.argv[2], "rb").read(), open(sys.argv[3], "rb").read()]
    print("ready", flush=True)
    i = 0
    while True:
        atomic_write_bytes(path, versions[i % 2])
        i += 1
""")


def test_sigkill_during_repeated_saves_of_a_1mb_article(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    target = folder / "big.md"
    a = ("فقرة طويلة من المقال " * 50 + "\n").encode() * 1000
    b = a.replace("طويلة".encode(), "قصيرة".encode())
    assert len(a) > 1_000_000 and len(a) == len(b)
    (tmp_path / "a").write_bytes(a)
    (tmp_path / "b").write_bytes(b)
    target.write_bytes(a)
    rng = random.Random()
    strays_seen = 0
    for _round in range(ROUNDS):
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(target), str(tmp_path / "a"), str(tmp_path / "b")],
            cwd=ROOT,
            stdout=subprocess.PIPE,
        )
        assert proc.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        proc.stdout.close()
        assert target.read_bytes() in (a, b)  # always whole: the old version or the new one
        strays_seen += len(stray_temps(folder))
        remove_stray_temps(folder)  # what the next start (or library scan) does
        assert stray_temps(folder) == []
    print(f"{ROUNDS} kills, {strays_seen} strays found and cleaned")
