"""Saving from the window: byte-identical round trips, metadata and tag edits checked byte by byte,
first-save names, read-only and legacy files, and the unsaved-changes prompt."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import type_text

FRONT = (
    "---\r\n"
    "title: الرباط تستقبل الوفد   # working title\r\n"
    "author: 'سعاد'\r\n"
    "date: 2024-05-01T10:30:00+01:00\r\n"
    "tags: [الأمن, المغرب]\r\n"
    "custom_key: no\r\n"
    "---\r\n"
    "فقرة أولى فيها\u00a0مسافة لا تنكسر.\r\n"
    "\r\n"
    "#الرباط #الرِّباط #الإمارات\r\n"
)


@pytest.fixture
def article_file(tmp_path) -> Path:
    path = tmp_path / "article.md"
    path.write_bytes(FRONT.encode("utf-8"))
    return path


def _commit(window, key: str, text: str, qtbot) -> None:
    field = window.form.edits[key]
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_open_and_save_unchanged_is_byte_identical(window, seed_file, seed_bytes):
    window.open_file(str(seed_file))
    assert window.files.save()
    assert seed_file.read_bytes() == seed_bytes


def test_edit_body_keeps_crlf_and_front_matter(window, article_file):
    window.open_file(str(article_file))
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "\nسطر جديد")
    assert window.files.save()
    expected = FRONT + "\r\nسطر جديد"
    assert article_file.read_bytes() == expected.encode("utf-8")


def test_metadata_edit_changes_only_that_line(window, article_file, qtbot):
    window.open_file(str(article_file))
    _commit(window, "location", "الرباط، المغرب", qtbot)
    _commit(window, "author", "سعاد العلوي", qtbot)
    assert window.isWindowModified()
    assert window.files.save()
    saved = article_file.read_bytes().decode("utf-8")
    expected = FRONT.replace("author: 'سعاد'", "author: 'سعاد العلوي'").replace(
        "custom_key: no\r\n", "custom_key: no\r\nlocation: الرباط، المغرب\r\n"
    )
    assert saved == expected


def test_metadata_edit_is_undoable(window, article_file, qtbot):
    window.open_file(str(article_file))
    _commit(window, "title", "عنوان آخر", qtbot)
    assert window.document.meta["title"] == "عنوان آخر"
    window.menu_actions.undo.trigger()  # focus is in the form: the metadata change is undone
    assert window.document.meta["title"] == "الرباط تستقبل الوفد"
    assert window.form.edits["title"].text() == "الرباط تستقبل الوفد"
    assert not window.document.is_modified()
    window.menu_actions.redo.trigger()
    assert window.document.meta["title"] == "عنوان آخر"


def test_date_status_and_summary(window, article_file, qtbot):
    window.open_file(str(article_file))
    window.form.date.setDate(QDate(2024, 6, 2))
    window.form.status.setCurrentIndex(window.form.status.findData("ready"))
    window.form.status.activated.emit(window.form.status.currentIndex())
    window.form.summary.setPlainText("ملخص قصير")
    window.form.commit_pending()
    assert window.files.save()
    text = article_file.read_bytes().decode("utf-8")
    assert "date: 2024-06-02T10:30:00+01:00\r\n" in text  # the time part is kept
    assert "status: ready\r\n" in text
    assert "summary: ملخص قصير\r\n" in text
    assert text.endswith(FRONT.split("---\r\n", 2)[2])


def test_slug_is_suggested_from_the_title(window, article_file):
    window.open_file(str(article_file))
    assert window.form.edits["slug"].placeholderText() == "الرباط-تستقبل-الوفد"
    window.form.suggest_button.click()
    assert window.document.meta["slug"] == "الرباط-تستقبل-الوفد"


def test_tags_add_remove_and_hashtag_offer(window, article_file, qtbot):
    window.open_file(str(article_file))
    tags = window.tags
    qtbot.waitUntil(lambda: tags.offered_hashtags() != [], timeout=10000)
    # body hashtags not already tags are offered once: الرباط/الرِّباط are one tag
    assert tags.offered_hashtags() == ["الرباط", "الإمارات"]
    tags.add_field.setFocus()
    type_text(tags.add_field, "#الامن")  # same tag as الأمن: refused
    qtbot.keyClick(tags.add_field, Qt.Key.Key_Return)
    assert tags.tags() == ["الأمن", "المغرب"]
    tags.add_field.clear()
    type_text(tags.add_field, "اقتصاد")
    qtbot.keyClick(tags.add_field, Qt.Key.Key_Return)
    buttons = [
        b for b in tags.suggestions.children() if getattr(b, "objectName", lambda: "")() == "hashtagOffer"
    ]
    next(b for b in buttons if b.text() == "+ #الرباط").click()
    chip = next(c for c in tags.chips.children() if getattr(c, "tag", None) == "المغرب")
    chip.remove_button.click()
    assert window.document.meta["tags"] == ["الأمن", "اقتصاد", "الرباط"]
    assert window.files.save()
    saved = article_file.read_bytes().decode("utf-8")
    assert saved == FRONT.replace("tags: [الأمن, المغرب]", "tags: [الأمن, اقتصاد, الرباط]")


def test_first_save_suggests_a_name_from_the_slug_or_title(window, tmp_path, qtbot):
    window.menu_actions.new.trigger()
    _commit(window, "title", "زيارة الوفد الإماراتي", qtbot)
    asked = []
    window.files.choose_save_path = lambda parent, suggested: (
        asked.append(suggested) or str(tmp_path / "out.md")
    )
    window.editor.setFocus()
    type_text(window.editor, "نص المقال")
    assert window.files.save()
    assert Path(asked[0]).name == "زيارة-الوفد-الإماراتي.md"
    saved = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "زيارة الوفد الإماراتي" in saved.split("---")[1] and saved.endswith("---\nنص المقال\n")
    assert window.windowTitle().startswith("out.md")
    assert window.settings.recent_files()[0] == str((tmp_path / "out.md").resolve())


def test_save_error_is_shown_and_nothing_is_lost(window, article_file, monkeypatch):
    window.open_file(str(article_file))
    window.editor.setFocus()
    type_text(window.editor, "تعديل")
    errors = []
    window.files.save_failed = lambda parent, title, message: errors.append(message) or False
    from editor.core.article import storage

    def fail(*_args, **_kwargs):
        raise storage.SaveError("the disk is full (no space left on device)")

    monkeypatch.setattr("editor.core.article.files.atomic_write_bytes", fail)
    assert not window.files.save()
    assert errors == ["the disk is full (no space left on device)"]
    assert "تعديل" in window.editor.body_text() and window.document.is_modified()
    assert article_file.read_bytes() == FRONT.encode("utf-8")


def test_read_only_file_opens_read_only_with_a_banner(window, article_file):
    article_file.chmod(0o444)
    try:
        window.open_file(str(article_file))
        assert window.editor.isReadOnly()
        assert window.banner.isVisible() and "read-only" in window.banner.label.text()
        assert not window.menu_actions.bold.isEnabled()
        window.banner.unlock_button.click()
        assert not window.editor.isReadOnly()
    finally:
        article_file.chmod(0o644)


def test_legacy_encoding_notice_is_shown_in_the_window(window, tmp_path):
    path = tmp_path / "old.md"
    path.write_bytes("مقال قديم بترميز ويندوز".encode("cp1256"))
    window.open_file(str(path))
    assert window.banner.isVisible()
    assert "1256" in window.banner.label.text()
    assert window.editor.body_text() == "مقال قديم بترميز ويندوز"


def test_malformed_front_matter_is_reported_and_body_kept(window, tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n---\nالنص سليم\n", encoding="utf-8")
    window.open_file(str(path))
    assert window.banner.isVisible()
    assert not window.form.edits["title"].isEnabled()
    assert window.editor.body_text() == "النص سليم\n"


def test_binary_file_is_refused_with_a_message(window, tmp_path):
    path = tmp_path / "pic.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    errors = []
    window.files.show_error = lambda parent, title, message: errors.append(message)
    assert not window.open_file(str(path))
    assert errors and "pic.md" in errors[0]


@pytest.mark.parametrize(
    ("button", "closes", "saved"),
    [
        (QMessageBox.StandardButton.Cancel, False, False),
        (QMessageBox.StandardButton.Discard, True, False),
        (QMessageBox.StandardButton.Save, True, True),
    ],
)
def test_close_with_unsaved_changes_asks(window, article_file, monkeypatch, button, closes, saved):
    from editor.ui.window import dialogs

    window.files.ask_save = dialogs.ask_save_changes
    window.open_file(str(article_file))
    window.editor.setFocus()
    type_text(window.editor, "زيادة")
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or button)
    assert window.close() is closes
    assert asked and "article.md" in asked[0]
    assert ("زيادة" in article_file.read_text(encoding="utf-8")) is saved
    assert window.isVisible() is not closes


def test_recent_files_menu(window, article_file, seed_file):
    window.open_file(str(article_file))
    window.open_file(str(seed_file))
    names = [a.text() for a in window.recent_menu.actions() if a.data()]
    assert names == ["seed.md", "article.md"]
    next(a for a in window.recent_menu.actions() if a.data() and a.text() == "article.md").trigger()
    assert window.document.path == article_file


def test_window_geometry_and_splitter_are_remembered(qtbot, settings):
    from editor.ui.window.main_window import MainWindow

    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.splitter.setSizes([500, 300])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.show()
    assert second.size().width() == 700
    assert second.splitter.sizes() == sizes


def test_saving_over_a_file_changed_on_disk_asks_first(window, article_file):
    import os

    window.open_file(str(article_file))
    window.editor.setFocus()
    type_text(window.editor, "تعديلي")
    article_file.write_bytes(FRONT.encode("utf-8") + "تعديل من برنامج آخر".encode())
    os.utime(article_file, ns=(1, 1))
    asked = []
    window.files.resolve_conflict = lambda parent, name, mine, theirs: (
        asked.append((name, theirs)) or "cancel"
    )
    assert not window.files.save()
    assert asked[0][0] == "article.md" and asked[0][1].endswith("تعديل من برنامج آخر")
    assert article_file.read_bytes().endswith("تعديل من برنامج آخر".encode())
    window.files.resolve_conflict = lambda *_: "mine"
    assert window.files.save()
    assert "تعديلي" in article_file.read_bytes().decode("utf-8")
    assert not window.document.is_modified()


def test_close_action_closes_the_article_not_the_window(window, article_file):
    window.open_file(str(article_file))
    window.menu_actions.close.trigger()
    assert window.document.path is None and window.isVisible()
    assert window.editor.body_text() == "\n"


def test_a_missing_file_on_the_command_line_becomes_a_new_article_saved_there(window, tmp_path):
    target = tmp_path / "draft.md"
    assert window.open_file(str(target))
    window.files.choose_save_path = lambda *_: pytest.fail("no dialog: the path was given")
    window.editor.setFocus()
    type_text(window.editor, "مسودة")
    assert window.files.save()
    assert target.read_text(encoding="utf-8").endswith("---\nمسودة\n")
    assert window.document.path == target


def test_unknown_status_is_shown_then_forgotten(window, tmp_path):
    odd = tmp_path / "odd.md"
    odd.write_text("---\nstatus: pending\n---\nنص\n", encoding="utf-8")
    window.open_file(str(odd))
    assert window.form.status.currentText() == "pending"
    plain = tmp_path / "plain.md"
    plain.write_text("---\nstatus: ready\n---\nنص\n", encoding="utf-8")
    window.open_file(str(plain))
    assert window.form.status.findData("pending") == -1
    assert window.form.status.currentData() == "ready"


def test_dropping_an_article_file_opens_it(window, article_file):
    from PySide6.QtCore import QMimeData, QUrl

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article_file))])
    window.editor.insertFromMimeData(mime)
    assert window.document.path == article_file
    mime = QMimeData()
    mime.setText("نص ملصوق")
    window.editor.insertFromMimeData(mime)
    assert "نص ملصوق" in window.editor.body_text()


def test_first_field_on_an_article_without_front_matter_keeps_every_body_byte(
    window, seed_file, seed_bytes, qtbot
):
    window.open_file(str(seed_file))
    _commit(window, "title", "تعاون أمني", qtbot)
    assert window.files.save()
    saved = seed_file.read_bytes()
    header = saved[: len(saved) - len(seed_bytes)]
    assert saved.endswith(seed_bytes)
    assert header.decode("utf-8").startswith("---\n") and "title: تعاون أمني" in header.decode("utf-8")


def test_summary_keeps_non_breaking_spaces(window, article_file):
    window.open_file(str(article_file))
    window.form.summary.setPlainText("ملخص\u00a0قصير")
    window.form.commit_pending()
    assert window.document.meta["summary"] == "ملخص\u00a0قصير"


def test_preview_title_follows_typing_in_the_title_field(window, article_file, qtbot):
    window.open_file(str(article_file))
    qtbot.waitUntil(lambda: "الرباط تستقبل الوفد" in window.preview.toPlainText(), timeout=10000)
    field = window.form.edits["title"]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_End)
    type_text(field, " اليوم")
    assert field.hasFocus() or field.text().endswith(" اليوم")  # still typing: no focus change
    qtbot.waitUntil(lambda: "الرباط تستقبل الوفد اليوم" in window.preview.toPlainText(), timeout=5000)
    assert field.text() == "الرباط تستقبل الوفد اليوم"  # the space typed mid-way was kept
    window.menu_actions.undo.trigger()  # the whole run of typing is one undo step
    assert window.document.meta["title"] == "الرباط تستقبل الوفد"
