"""Typing Arabic updates the live preview and the counts; links and resources stay local."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument

from editor.ui.preview.pane import PreviewPane, local_resource_path
from tests.ui.conftest import type_text


def test_typing_arabic_updates_preview_and_word_count(window, qtbot, seed_file):
    window.open_file(str(seed_file))
    qtbot.waitUntil(lambda: "حموشي" in window.preview.toPlainText(), timeout=10000)
    # the preview HTML comes first; the counts follow with the rest of the pause work
    qtbot.waitUntil(lambda: window.status.words.text().startswith("437"), timeout=10000)
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "\n\nكلمات جديدة تماما للمعاينة")
    qtbot.waitUntil(lambda: "كلمات جديدة تماما للمعاينة" in window.preview.toPlainText(), timeout=10000)
    qtbot.waitUntil(lambda: window.status.words.text().startswith("441"), timeout=10000)
    assert window.isWindowModified()
    assert window.windowTitle().startswith("seed.md[*]")


def test_status_bar_shows_line_and_paragraph_direction(window, qtbot):
    window.editor.set_body("سطر عربي\n\nEnglish line here\n")
    assert window.status.position.text() == "Line 1, column 1"
    assert window.status.direction.text() == "RTL"
    cursor = window.editor.textCursor()
    cursor.setPosition(window.editor.document().findBlockByNumber(2).position() + 3)
    window.editor.setTextCursor(cursor)
    # (told once the move is painted: editor/ui/editor/caret_report.py)
    qtbot.waitUntil(lambda: window.status.position.text() == "Line 3, column 4", timeout=2000)
    assert window.status.direction.text() == "LTR"


def test_preview_keeps_scroll_position_on_refresh(qtbot):
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(400, 300)
    pane.show()
    html = "".join(f"<p>فقرة رقم {i}</p>" for i in range(300))
    pane.show_html(html)
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    value = bar.value()
    pane.show_html(html + "<p>نهاية</p>")
    assert abs(bar.value() - value) <= bar.maximum() * 0.02


def test_preview_follows_editor_scroll(window, qtbot, seed_file):
    body = "\n\n".join(f"فقرة عربية رقم {i} فيها كلام" for i in range(400))
    path = seed_file.with_name("long.md")
    path.write_text(body, encoding="utf-8")
    window.open_file(str(path))
    qtbot.waitUntil(lambda: "رقم 399" in window.preview.toPlainText(), timeout=10000)
    bar = window.editor.verticalScrollBar()
    bar.setValue(bar.maximum())
    preview_bar = window.preview.verticalScrollBar()
    assert preview_bar.value() == preview_bar.maximum() > 0


def test_links_ask_before_opening_and_never_navigate(qtbot):
    pane = PreviewPane()
    qtbot.addWidget(pane)
    asked, opened = [], []
    pane.confirm_link = lambda url: asked.append(url.toString()) or False
    pane.open_external = opened.append
    pane.show_html('<p><a href="https://example.com/x">رابط</a></p>')
    pane.anchorClicked.emit(QUrl("https://example.com/x"))
    assert asked == ["https://example.com/x"] and opened == []
    pane.confirm_link = lambda url: True
    pane.anchorClicked.emit(QUrl("https://example.com/x"))
    assert [u.toString() for u in opened] == ["https://example.com/x"]
    assert "رابط" in pane.toPlainText()  # still showing the article, not the link target
    assert not pane.openLinks()


def test_resources_only_from_the_article_folder(qtbot, tmp_path: Path):
    folder = tmp_path / "article"
    folder.mkdir()
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    image.save(str(folder / "pic.png"))
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.base_dir = folder
    kind = QTextDocument.ResourceType.ImageResource
    assert not pane.loadResource(kind, QUrl("pic.png")).isNull()
    assert pane.loadResource(kind, QUrl("https://example.com/pic.png")).isNull()
    assert pane.loadResource(kind, QUrl("../secret.txt")).isNull()
    assert local_resource_path(QUrl.fromLocalFile(str(tmp_path / "secret.txt")), folder) is None
    assert local_resource_path(QUrl("http://localhost/pic.png"), folder) is None
    assert pane.loadResource(QTextDocument.ResourceType.StyleSheetResource, QUrl("ftp://x/a.css")).isEmpty()


def test_a_result_for_text_typed_over_is_not_shown(window, qtbot):
    from editor.ui.preview.pause_work import PauseResult

    editor = window.editor
    editor.setFocus()
    type_text(editor, "مرحلةأولى")
    window.document._timer.stop()
    window._refresh()  # the pause: a render of the text so far is requested
    generation = window.renderer.generation
    type_text(editor, " ثانية")  # typing resumes before the result is back
    window.document._timer.stop()
    stale = PauseResult("<p>STALE مرحلةأولى</p>", 1, 9, 1, ["قديم"])
    window._show_preview(generation, stale)
    assert "STALE" not in window.preview.toPlainText()
    assert window.tags.offered_hashtags() == []
    window.document._timer.start()
    window.document.flush()
    qtbot.waitUntil(lambda: "مرحلةأولى ثانية" in window.preview.toPlainText(), timeout=10000)


def test_a_big_article_is_editable_everywhere_once_loaded(window, qtbot, tmp_path):
    """The form, the tags and the formatting actions are read-only while a big article loads in
    slices; once it is whole they are editable (they stayed disabled until the next save)."""
    from editor.ui.editor import loading

    paragraph = "قال الوزير إن الأمن في الرباط مستقر، وأضاف أن الخطة تمضي كما رسمت.\n\n"
    path = tmp_path / "big.md"
    body = paragraph * (loading.BIG_BODY_CHARS // len(paragraph) * 3)
    path.write_text("---\ntitle: مقال طويل\ntags: [أمن]\n---\n\n" + body, encoding="utf-8")
    window.files.open_path(path)  # (not `open_file`: that reads a big file in the background first)
    assert window.editor.loading
    assert not window.form.edits["title"].isEnabled()
    qtbot.waitUntil(lambda: not window.editor.loading, timeout=60_000)
    assert window.form.edits["title"].isEnabled() and window.form.edits["title"].text() == "مقال طويل"
    assert window.tags.add_field.isEnabled()
    assert window.menu_actions.bold.isEnabled()
    window.form.edits["title"].setText("عنوان جديد")
    window.form.edits["title"].editingFinished.emit()
    assert window.document.meta.get("title") == "عنوان جديد"
    assert window.editor.body_text().strip() == body.strip()
