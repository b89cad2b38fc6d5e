"""Opening only regular files, with a size cap, never blocking (issue 14, case 11)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from editor.core.article import storage
from editor.core.article.files import load_article
from editor.core.article.storage import ArticleIOError, SaveError, atomic_write_bytes, read_file_bytes


def test_a_fifo_named_like_an_article_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "x.md"
    os.mkfifo(fifo)
    start = time.perf_counter()
    with pytest.raises(ArticleIOError, match="FIFO"):
        load_article(fifo)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_before_reading(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} missing")
    with pytest.raises(ArticleIOError, match="device"):
        load_article(device)


def test_size_cap_at_and_beyond_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"a" * 1000)
    assert len(read_file_bytes(path, limit=1000)) == 1000  # at the limit
    with pytest.raises(ArticleIOError, match="too large"):
        read_file_bytes(path, limit=999)


def test_the_documented_cap_is_50_mb(tmp_path: Path, monkeypatch) -> None:
    assert storage.MAX_FILE_BYTES == 50 * 1024 * 1024
    path = tmp_path / "big.md"
    with open(path, "wb") as handle:  # sparse: 60 MB without writing them
        handle.truncate(60 * 1024 * 1024)
    with pytest.raises(ArticleIOError, match="too large"):
        load_article(path)


def test_a_socket_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s.md"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError:
        pytest.skip("no unix sockets here")
    try:
        with pytest.raises(ArticleIOError):
            load_article(path)
    finally:
        server.close()


def test_writes_never_replace_a_device_or_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "out.html"
    os.mkfifo(fifo)
    with pytest.raises(SaveError, match="FIFO"):
        atomic_write_bytes(fifo, b"x")
    assert fifo.is_fifo()
    if os.path.exists("/dev/full"):
        with pytest.raises(SaveError, match="device"):
            atomic_write_bytes("/dev/full", b"x")
        assert Path("/dev/full").is_char_device()


def test_a_link_out_of_its_folder_opens_read_only(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# سر\n", "utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "link.md").symlink_to(outside / "secret.md")
    loaded = load_article(folder / "link.md")
    assert loaded.article.text == "# سر\n"  # opening it directly by path stays possible
    assert loaded.read_only_reason and "outside its folder" in loaded.read_only_reason
    (folder / "inner.md").write_text("x", "utf-8")
    (folder / "inner-link.md").symlink_to(folder / "inner.md")
    assert load_article(folder / "inner-link.md").read_only_reason is None
