"""Importing files: the reader is chosen by content; bad input gives one sentence; the source is untouched."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from editor.core.convert.importer import MAX_IMPORT_BYTES, ImportFailed, import_file


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_seed_text_file(tmp_path: Path, seed_bytes: bytes) -> None:
    source = tmp_path / "copied.txt"
    source.write_bytes(seed_bytes)
    before = fingerprint(source)
    imported = import_file(source)
    assert imported.kind == "text" and imported.article.meta["source"] == "العدالة اليوم"
    assert ("comment form", "اترك رد") in imported.dropped
    assert fingerprint(source) == before


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"  \n\r\n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (b"PK\x03\x04" + b"\x00" * 200, "binary"),
        (bytes(range(256)) * 40, "binary"),
    ],
)
def test_bad_input_is_one_sentence(tmp_path: Path, content: bytes, words: str) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    with pytest.raises(ImportFailed) as info:
        import_file(source)
    message = str(info.value)
    assert words in message and "\n" not in message and str(source) in message
    assert source.read_bytes() == content


def test_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    source = tmp_path / "huge.txt"
    with open(source, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB (sparse)
    with pytest.raises(ImportFailed, match="too large to import"):
        import_file(source)
    assert source.stat().st_size == 50 * 1024 * 1024 > MAX_IMPORT_BYTES


def test_a_damaged_word_file_is_one_sentence(tmp_path: Path) -> None:
    source = tmp_path / "broken.docx"
    source.write_bytes(b"PK\x03\x04" + os.urandom(300))
    with pytest.raises(ImportFailed, match="not a readable Word"):
        import_file(source)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="does not exist"):
        import_file(tmp_path / "nope.txt")
    with pytest.raises(ImportFailed, match="folder"):
        import_file(tmp_path)


def test_windows_1256_imports_cleanly_and_says_how_it_was_read(tmp_path: Path, seed_text: str) -> None:
    source = tmp_path / "legacy.txt"
    source.write_bytes(seed_text.replace("“", '"').replace("”", '"').encode("cp1256"))
    before = fingerprint(source)
    imported = import_file(source)
    assert imported.article.meta["title"].startswith("الرباط: تأكيد")
    assert imported.article.meta["location"] == "الرباط، المغرب"
    assert any("Windows-1256" in note for note in imported.notes)
    assert fingerprint(source) == before


def test_html_file(tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    source.write_text(
        "<html><body><h1>عنوان الصفحة</h1><p>فقرة <b>مهمة</b>.</p><script>x()</script></body></html>",
        encoding="utf-8",
    )
    imported = import_file(source)
    assert imported.kind == "html" and imported.article.meta["title"] == "عنوان الصفحة"
    assert imported.article.body.strip() == "فقرة **مهمة**."


def make_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("تقرير عن الأمن", level=1)
    paragraph = document.add_paragraph("فقرة فيها ")
    paragraph.add_run("كلمة عريضة").bold = True
    paragraph.add_run(" و")
    paragraph.add_run("مائلة").italic = True
    paragraph.add_run(".")
    document.add_heading("قسم ثان", level=2)
    document.add_paragraph("البند الأول", style="List Bullet")
    document.add_paragraph("البند الثاني", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "البلد", (0, 1): "العدد", (1, 0): "المغرب", (1, 1): "03-73"}.items():
        table.cell(r, c).text = text
    document.save(str(path))


def test_word_file(tmp_path: Path) -> None:
    source = tmp_path / "colleague.docx"
    make_docx(source)
    before = fingerprint(source)
    imported = import_file(source)
    body = imported.article.body
    assert imported.kind == "docx" and imported.article.meta["title"] == "تقرير عن الأمن"
    assert "فقرة فيها **كلمة عريضة** و*مائلة*." in body
    assert "## قسم ثان" in body
    assert "- البند الأول\n- البند الثاني" in body
    assert "| المغرب | 03-73 |" in body
    assert fingerprint(source) == before
