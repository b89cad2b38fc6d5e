"""The library is the folder (issue 14, cases 7, 8, 11): links in and out, FIFOs, devices, odd names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor.core.library import tag_ops
from editor.core.library.facade import Library, OutsideLibraryError


@pytest.fixture
def hostile_library(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "lib"
    (root / "sub").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: root:x:0:0\ntags: [الرباط]\n---\n#الرباط\n", "utf-8")
    (root / "good.md").write_text("---\ntitle: جيد\ntags: [الرباط]\n---\nنص #الرباط\n", "utf-8")
    (root / "sub" / "inner.md").write_text("# داخلي\n#الرباط\n", "utf-8")
    (root / "passwd.md").symlink_to("/etc/passwd")
    (root / "secret-link.md").symlink_to(outside / "secret.md")
    (root / "etc").symlink_to("/etc")
    (root / "out-folder").symlink_to(outside)
    (root / "inner-link.md").symlink_to(root / "sub" / "inner.md")
    (root / "sub-link").symlink_to(root / "sub")
    (root / "loop").symlink_to(root)
    os.mkfifo(root / "x.md")
    if os.geteuid() == 0:
        os.mknod(root / "dev.md", 0o600 | 0o020000, os.makedev(1, 5))  # a copy of /dev/zero
    with open(os.path.join(os.fsencode(root), b"bad-\xff.md"), "wb") as handle:
        handle.write(b"# odd name\n")
    with open(os.path.join(os.fsencode(root), b"surrogate-\xed\xa0\x80.md"), "wb") as handle:
        handle.write(b"# lone surrogate\n")
    return root, outside


def test_scan_lists_problems_and_never_reads_outside(hostile_library, tmp_path: Path) -> None:
    root, _outside = hostile_library
    lib = Library(root, cache_dir=tmp_path / "cache")
    lib.refresh()
    entries = {e.rel_path: e for e in lib.articles()}
    # inside: the files and the links that stay inside are indexed
    for rel in ("good.md", "inner-link.md"):
        assert entries[rel].problem is None, rel
    # a folder reached twice (`sub` and the link `sub-link` to it) is walked once
    inner = [rel for rel in ("sub/inner.md", "sub-link/inner.md") if rel in entries]
    assert len(inner) == 1 and entries[inner[0]].problem is None
    # links out: listed, never read
    for rel in ("passwd.md", "secret-link.md", "etc/", "out-folder/"):
        assert entries[rel].problem == "points outside the library", rel
        assert entries[rel].words == 0 and not entries[rel].tags
    assert all("root:x" not in e.title for e in entries.values())
    assert not any(rel.startswith("etc/") and rel != "etc/" for rel in entries)
    assert "FIFO" in entries["x.md"].problem
    if os.geteuid() == 0:
        assert "device" in entries["dev.md"].problem
    assert entries["bad-\\xff.md"].problem == "the file name is not valid UTF-8"
    assert entries["surrogate-\\xed\\xa0\\x80.md"].problem == "the file name is not valid UTF-8"
    assert not any(rel.startswith("loop/") for rel in entries)  # a loop is walked once
    assert all(h.rel_path != "passwd.md" for h in lib.search("root"))


def test_the_library_never_opens_or_writes_through_a_link_out(hostile_library, tmp_path: Path) -> None:
    root, outside = hostile_library
    lib = Library(root, cache_dir=tmp_path / "cache")
    lib.refresh()
    with pytest.raises(OutsideLibraryError):
        lib.path_of("secret-link.md")
    with pytest.raises(OutsideLibraryError):
        lib.path_of("out-folder/secret.md")
    assert lib.path_of("inner-link.md") == root / "inner-link.md"
    before = (outside / "secret.md").read_bytes()
    report = tag_ops.rename_tag(lib, "الرباط", "الرباط_المغرب")
    assert (outside / "secret.md").read_bytes() == before
    changed = {c.rel_path for c in report.changed}
    assert "good.md" in changed and not any("secret" in rel or "out-folder" in rel for rel in changed)


def test_a_dangling_link_and_an_unreadable_entry_do_not_stop_the_scan(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.md").write_text("# أ\n", "utf-8")
    (root / "gone.md").symlink_to(root / "missing.md")
    (root / "gone-out.md").symlink_to("/nonexistent/x.md")
    lib = Library(root, cache_dir=tmp_path / "cache")
    lib.refresh()
    entries = {e.rel_path: e for e in lib.articles()}
    assert entries["a.md"].problem is None
    assert entries["gone-out.md"].problem == "points outside the library"
    assert "gone.md" not in entries
