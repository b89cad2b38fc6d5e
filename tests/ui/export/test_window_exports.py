"""The window's hand-offs, driven through their actions: each export writes its file (atomically, never
over the article, never over a file without asking), Print paints the pages, Copy for CMS and Copy
metadata fill the clipboard, Import opens an unsaved article, Ctrl+Shift+V pastes plain text."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import SEED_PATH

ARTICLE = """---
title: لقاء أمني في الرباط
slug: liqaa-amni
summary: ملخص الخبر
category: أمن
location: الرباط
date: 2024-05-12
tags: [أمن]
---

استقبل المدير العام وفدا رفيع المستوى، وفق القانون رقم 03-73.

## التفاصيل

فقرة ثانية فيها #الرباط.
"""


@pytest.fixture(autouse=True)
def empty_clipboard_after(qapp):
    # Qt's offscreen platform crashes at exit when the clipboard still holds a QMimeData made in
    # Python (a real X server does not): leave the clipboard empty after each test
    yield
    QApplication.clipboard().clear()


@pytest.fixture
def article_window(window, tmp_path: Path):
    path = tmp_path / "liqaa.md"
    path.write_text(ARTICLE, encoding="utf-8")
    assert window.files.open_path(path)
    return window, path


def stub_path(window, target: Path) -> list[str]:
    asked: list[str] = []

    def choose(_parent, title, suggested, _filter):
        asked.append(suggested)
        return str(target)

    window.exporter.choose_export_path = choose
    return asked


def test_export_html_asks_before_replacing(article_window, tmp_path: Path) -> None:
    window, path = article_window
    target = tmp_path / "out" / "page.html"
    target.parent.mkdir()
    asked = stub_path(window, target)
    window.convert_actions["export_html"].trigger()
    assert asked == [str(path.with_suffix(".html"))]
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'dir="rtl"' in page and "لقاء أمني في الرباط" in page
    before = target.read_bytes()
    window.document.editor.setPlainText("نص آخر")
    replies: list[str] = []
    window.exporter.confirm_replace = lambda _parent, name: replies.append(name) or False
    window.convert_actions["export_html"].trigger()
    assert replies == ["page.html"] and target.read_bytes() == before  # not replaced
    window.exporter.confirm_replace = lambda _parent, name: True
    window.convert_actions["export_html"].trigger()
    assert "نص آخر" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["page.html"]  # no temporary file left


def test_export_never_replaces_the_article(article_window) -> None:
    window, path = article_window
    stub_path(window, path)
    errors: list[str] = []
    window.exporter.show_error = lambda _parent, title, message: errors.append(message)
    window.exporter.confirm_replace = lambda *_: True
    window.convert_actions["export_html"].trigger()
    assert errors and path.read_text(encoding="utf-8") == ARTICLE


def test_export_word(article_window, tmp_path: Path) -> None:
    window, _ = article_window
    target = tmp_path / "liqaa.docx"
    stub_path(window, target)
    window.convert_actions["export_docx"].trigger()
    document = docx.Document(str(target))
    texts = [p.text.replace("\u200e", "") for p in document.paragraphs if p.text]
    assert texts[0] == "لقاء أمني في الرباط" and "التفاصيل" in texts
    assert "استقبل المدير العام وفدا رفيع المستوى، وفق القانون رقم 03-73." in texts
    assert all(p._p.pPr.find(qn("w:bidi")) is not None for p in document.paragraphs if p.text)
    assert document.core_properties.keywords == "أمن, الرباط"


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (CI installs it)")
def test_export_pdf(article_window, tmp_path: Path) -> None:
    window, _ = article_window
    target = tmp_path / "liqaa"  # no suffix: .pdf is added
    stub_path(window, target)
    window.convert_actions["export_pdf"].trigger()
    pdf = target.with_suffix(".pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "وفدا رفيع المستوى" in unicodedata.normalize("NFKC", text)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (CI installs it)")
def test_print_paints_the_pages(article_window, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    window, _ = article_window
    target = tmp_path / "printed.pdf"

    def preview(_parent, printer: QPrinter, paint) -> None:  # what the preview's Print button does
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        paint(printer)

    window.exporter.run_print_preview = preview
    window.convert_actions["print"].trigger()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    text = unicodedata.normalize("NFKC", text)
    assert "لقاء أمني في الرباط" in text and "1/1" in text.replace("\u202a", "").replace("\u202c", "")


def test_copy_for_cms(article_window) -> None:
    window, _ = article_window
    window.convert_actions["copy_cms"].trigger()
    data = QApplication.clipboard().mimeData()
    html, text = data.html(), data.text()
    assert html.startswith('<p dir="rtl">استقبل') and "<style" not in html and "style=" not in html
    assert '<h2 dir="rtl"' in html and "03-73" in html
    assert text == ARTICLE.split("---\n\n", 1)[1]  # the body's Markdown
    assert "Copied for the CMS" in window.status.currentMessage()


def test_copy_metadata(article_window) -> None:
    window, _ = article_window
    window.convert_actions["copy_meta"].trigger()
    assert QApplication.clipboard().text() == (
        "Title: لقاء أمني في الرباط\nSlug: liqaa-amni\nSummary: ملخص الخبر\nTags: أمن، الرباط\n"
        "Category: أمن\nDateline: الرباط — 2024-05-12\n"
    )


def test_import_opens_an_unsaved_article(window, tmp_path: Path) -> None:
    source = tmp_path / "copied.txt"
    shutil.copy(SEED_PATH, source)
    before = source.read_bytes()
    window.exporter.choose_import_path = lambda *_: str(source)
    window.convert_actions["import"].trigger()
    assert window.document.path is None and window.document.is_modified()
    assert window.document.meta["source"] == "العدالة اليوم"
    assert window.editor.body_text().lstrip("\n").startswith("#الرباط، المغرب – استقبل")
    assert "اترك رد" not in window.editor.body_text()
    assert source.read_bytes() == before
    assert "copied.txt" in window.status.currentMessage()


def test_import_of_a_bad_file_says_why(window, tmp_path: Path) -> None:
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    errors: list[str] = []
    window.exporter.show_error = lambda _parent, title, message: errors.append(message)
    body = window.editor.body_text()
    assert not window.exporter.import_path(source)
    assert errors and "empty" in errors[0] and window.editor.body_text() == body


def test_ctrl_shift_v_pastes_plain_text_in_the_window(qtbot, window) -> None:
    window.editor.clear()
    data = QMimeData()
    data.setHtml("<p><b>عريض</b></p>")
    data.setText("عريض")
    QApplication.clipboard().setMimeData(data)
    qtbot.keyClick(
        window.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.editor.body_text() == "عريض"
    qtbot.keyClick(window.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.body_text() == "عريض**عريض**"


def test_a_txt_file_opens_as_an_article_and_stays_txt(window, tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("سطر أول\n\nسطر ثان\n", encoding="utf-8")
    assert window.files.open_path(source)
    assert window.editor.body_text() == "سطر أول\n\nسطر ثان\n"
    window.editor.textCursor().insertText("إضافة ")
    assert window.files.save()
    assert source.read_text(encoding="utf-8").startswith("إضافة سطر أول")
    assert not source.with_suffix(".md").exists()


def test_word_file_in_through_import_and_by_drop(qtbot, window, tmp_path: Path) -> None:
    from PySide6.QtCore import QUrl

    from tests.core.convert.test_importer import make_docx

    source = tmp_path / "colleague.docx"
    make_docx(source)
    before = source.read_bytes()
    window.exporter.choose_import_path = lambda *_: str(source)
    window.convert_actions["import"].trigger()
    assert window.document.meta["title"] == "تقرير عن الأمن"
    assert "فقرة فيها **كلمة عريضة** و*مائلة*." in window.editor.body_text()
    assert "| المغرب | 03-73 |" in window.editor.body_text()
    window.editor.document().setModified(False)
    window.document.new(window.document.meta_article.with_body("نص"))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(source))])
    window.editor.insertFromMimeData(data)  # what a drop of the file does
    assert "| المغرب | 03-73 |" in window.editor.body_text() and "file://" not in window.editor.body_text()
    assert source.read_bytes() == before


def test_a_large_import_runs_in_a_worker_and_opens_when_done(qtbot, window, tmp_path: Path) -> None:
    from editor.ui.export.exporter import SYNC_IMPORT_BYTES

    story = "\n\n".join(SEED_PATH.read_text(encoding="utf-8").split("\n\n")[4:-2])
    source = tmp_path / "long.txt"
    source.write_text("عنوان طويل جدا\n\n" + (story + "\n\n") * 60, encoding="utf-8")
    assert source.stat().st_size > SYNC_IMPORT_BYTES
    assert window.exporter.import_path(source)
    assert window.exporter.importing and "long.txt" in window.status.currentMessage()
    assert not window.exporter.import_path(source)  # one import at a time
    qtbot.waitUntil(lambda: not window.exporter.importing, timeout=30000)
    assert window.document.meta["title"] == "عنوان طويل جدا" and window.document.is_modified()
    assert window.editor.body_text().count("تقارباً استراتيجياً") == 60
