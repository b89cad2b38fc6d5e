"""Reading any text file without loss, refusing binaries, and atomic saves that fail safely."""

from __future__ import annotations

import codecs
import errno
import os
import stat

import pytest

from editor.core.article import storage
from editor.core.article.storage import (
    BinaryFileError,
    SaveError,
    atomic_write_bytes,
    decode_bytes,
    encode_text,
)

ARABIC = "القانون رقم 03-73\u00a0و«قرار 1373»\u200f\r\nسطر\u2028ثان"


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (ARABIC.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8", True),
        (codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), "utf-16-le", True),
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), "utf-16-be", True),
    ],
)
def test_unicode_files_round_trip(data, encoding, bom):
    decoded = decode_bytes(data)
    assert decoded.text == ARABIC
    assert (decoded.encoding, decoded.bom, decoded.notice) == (encoding, bom, None)
    assert encode_text(decoded.text, decoded.encoding, decoded.bom) == data


def test_windows_1256_is_detected_not_mangled():
    data = "مقال قديم مكتوب بترميز ويندوز\r\n".encode("cp1256")
    decoded = decode_bytes(data, "old.md")
    assert decoded.encoding == "cp1256"
    assert decoded.text == "مقال قديم مكتوب بترميز ويندوز\r\n"
    assert "Windows-1256" in decoded.notice and "old.md" in decoded.notice
    assert decoded.is_legacy
    assert encode_text(decoded.text, "cp1256", False) == decoded.text.encode("utf-8")


def test_latin_legacy_file_is_read_as_windows_1252():
    decoded = decode_bytes("café résumé\n".encode("cp1252"))
    assert decoded.encoding == "cp1252" and decoded.text == "café résumé\n"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n",
        b"abc\x00def",
        bytes(range(256)) * 4,
        b"\x7fELF\x02\x01",
    ],
)
def test_binary_files_are_refused(data):
    with pytest.raises(BinaryFileError) as info:
        decode_bytes(data, "photo.md")
    assert "photo.md" in str(info.value)


def test_read_errors_are_clear(tmp_path):
    with pytest.raises(storage.ArticleIOError, match="does not exist"):
        storage.read_text_file(tmp_path / "missing.md")
    with pytest.raises(storage.ArticleIOError, match="is a folder"):
        storage.read_text_file(tmp_path)


def test_atomic_write_replaces_and_keeps_permissions(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    atomic_write_bytes(path, "جديد".encode())
    assert path.read_bytes() == "جديد".encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_new_file_gets_normal_permissions_not_private_tempfile_ones(tmp_path):
    path = tmp_path / "new.md"
    atomic_write_bytes(path, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_symlink_is_kept_and_its_target_written(tmp_path):
    real = tmp_path / "real.md"
    real.write_bytes(b"old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_disk_full_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_bytes(b"precious")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage, "write_all", full)
    with pytest.raises(SaveError, match="disk is full"):
        atomic_write_bytes(path, b"new text" * 1000)
    assert path.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_failed_rename_leaves_old_file(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_bytes(b"precious")

    def fail(src, dst):
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(storage.os, "replace", fail)
    with pytest.raises(SaveError, match="input/output error"):
        atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_read_only_folder_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_bytes(b"precious")

    def denied(**kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(storage.tempfile, "mkstemp", denied)
    with pytest.raises(SaveError, match="permission denied"):
        atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"precious"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_real_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "a.md"
    path.write_bytes(b"precious")
    folder.chmod(0o555)
    try:
        with pytest.raises(SaveError, match="permission denied"):
            atomic_write_bytes(path, b"new")
        assert path.read_bytes() == b"precious"
    finally:
        folder.chmod(0o755)


def test_read_only_file_is_not_overwritten(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"precious")
    path.chmod(0o444)
    with pytest.raises(SaveError, match="read-only"):
        atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"precious"


def test_vanished_folder(tmp_path):
    with pytest.raises(SaveError, match="folder does not exist"):
        atomic_write_bytes(tmp_path / "gone" / "a.md", b"x")
