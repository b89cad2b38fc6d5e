"""Opening and saving article files: byte-identical round trips, encodings, failures that lose nothing."""

from __future__ import annotations

import codecs
import errno

import pytest

from editor.core.article import storage
from editor.core.article.files import load_article, save_article
from editor.core.article.storage import BinaryFileError, SaveError

TRICKY = (
    "\ufeff---\r\n"
    "# comment kept\r\n"
    "title: 'عنوان'\r\n"
    "date: 2024-05-12   # when\r\n"
    "tags:\r\n"
    "  - الرباط\r\n"
    '  - "أمن"\r\n'
    "answer: no\r\n"
    "---\r\n"
    "فقرة\u00a0أولى\u200f مع\u2028فاصل\r\n"
    "\r\n"
    "\tسطر بلا نهاية"
)


def test_seed_article_round_trips_byte_identically(seed_file, seed_bytes):
    loaded = load_article(seed_file)
    assert loaded.article.title.startswith("الرباط")
    save_article(loaded, loaded.article)
    assert seed_file.read_bytes() == seed_bytes


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be"])
def test_tricky_file_round_trips(tmp_path, encoding):
    text = TRICKY.lstrip("\ufeff")
    bom = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[
        encoding
    ]
    data = bom + text.encode(encoding)
    path = tmp_path / "a.md"
    path.write_bytes(data)
    loaded = load_article(path)
    assert loaded.article.meta["title"] == "عنوان"
    assert loaded.article.tags == ["الرباط", "أمن"]
    save_article(loaded, loaded.article)
    assert path.read_bytes() == data


def test_field_edit_changes_only_that_line_on_disk(tmp_path):
    data = TRICKY.encode("utf-8")
    path = tmp_path / "a.md"
    path.write_bytes(data)
    loaded = load_article(path)
    save_article(loaded, loaded.article.with_field("title", "عنوان جديد"))
    assert path.read_bytes() == data.replace("title: 'عنوان'".encode(), "title: 'عنوان جديد'".encode())


def test_legacy_file_saves_as_utf8_only_when_saved(tmp_path):
    original = "---\r\ntitle: قديم\r\n---\r\nنص\r\n".encode("cp1256")
    path = tmp_path / "old.md"
    path.write_bytes(original)
    loaded = load_article(path)
    assert loaded.encoding == "cp1256"
    assert any("Windows-1256" in w for w in loaded.warnings)
    assert path.read_bytes() == original  # opening changes nothing
    saved = save_article(loaded, loaded.article)
    assert path.read_bytes() == "---\r\ntitle: قديم\r\n---\r\nنص\r\n".encode()
    assert saved.encoding == "utf-8" and saved.notice is None


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(BinaryFileError, match="binary"):
        load_article(path)


def test_read_only_file_opens_with_reason_and_save_fails_safely(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("نص\n", encoding="utf-8")
    path.chmod(0o444)
    loaded = load_article(path)
    assert loaded.read_only_reason and "read-only" in loaded.read_only_reason
    with pytest.raises(SaveError, match="read-only"):
        save_article(loaded, loaded.article.with_body("تغيير\n"))
    assert path.read_text(encoding="utf-8") == "نص\n"


def test_disk_full_keeps_file_and_article(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_text("قديم\n", encoding="utf-8")
    loaded = load_article(path)
    edited = loaded.article.with_body("جديد\n")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage, "write_all", full)
    with pytest.raises(SaveError, match="disk is full"):
        save_article(loaded, edited)
    assert path.read_text(encoding="utf-8") == "قديم\n"
    assert edited.body == "جديد\n"  # nothing in memory is lost


def test_save_as_and_change_detection(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("نص\n", encoding="utf-8")
    loaded = load_article(path)
    assert not loaded.changed_on_disk()
    other = save_article(loaded, loaded.article, tmp_path / "b.md")
    assert other.path == tmp_path / "b.md" and (tmp_path / "b.md").read_text(encoding="utf-8") == "نص\n"
    path.write_text("تغيّر من الخارج\n", encoding="utf-8")
    assert loaded.changed_on_disk()


def test_malformed_yaml_file_still_opens_and_saves_everything(tmp_path):
    text = "---\ntitle: [broken\ntags: {\n---\nالنص كله هنا\n"
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    loaded = load_article(path)
    assert loaded.article.body == "النص كله هنا\n"
    assert any("line" in w for w in loaded.warnings)
    save_article(loaded, loaded.article.with_body("النص كله هنا\nوسطر جديد\n"))
    assert path.read_text(encoding="utf-8") == "---\ntitle: [broken\ntags: {\n---\nالنص كله هنا\nوسطر جديد\n"
