"""*Edit front matter as text* (issue 12 item 14), the split-tags question (item 11), and article text
shown in Qt widgets with the renderer's number marks (item 2)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.core.library.index import ArticleEntry
from editor.core.text.direction import LRM
from editor.ui.article.front_matter_dialog import FrontMatterDialog
from editor.ui.article.tag_chips import TagChip
from editor.ui.library.model import ArticleTableModel
from tests.ui.conftest import type_text

BROKEN = "---\ntitle: [oops\ntags: [أمن]\n---\nنص المقال\n"


def test_broken_front_matter_disables_the_tag_field_and_is_repaired_as_text(window, tmp_path, qtbot):
    path = tmp_path / "broken.md"
    path.write_text(BROKEN, encoding="utf-8")
    window.files.open_path(str(path))
    assert not window.tags.add_field.isEnabled()  # not a field that silently ignores input
    action = window.menu_actions.edit_front_matter_text
    assert action.isEnabled() and action in window.edit_menu.actions()
    dialog = FrontMatterDialog(window.document, window)
    assert dialog.text.toPlainText() == "title: [oops\ntags: [أمن]\n"
    dialog.text.setPlainText("title: [still broken\n")
    assert not dialog.apply()
    assert dialog.error.isVisibleTo(dialog) and "front matter cannot be read" in dialog.error.text()
    assert window.document.article().text == BROKEN  # nothing applied
    dialog.text.setPlainText("title: x\n---\nnot: yaml\n")
    assert not dialog.apply() and "early" in dialog.error.text()
    dialog.text.setPlainText("title: مصلح\ntags: [أمن]\n")
    assert dialog.apply()
    assert window.document.article().text == "---\ntitle: مصلح\ntags: [أمن]\n---\nنص المقال\n"
    assert window.tags.add_field.isEnabled() and window.form.edits["title"].text() == "مصلح"
    window.document.meta_undo.undo()  # one undoable step
    assert window.document.article().text == BROKEN
    assert not window.tags.add_field.isEnabled()


def test_tag_string_from_another_tool_is_rewritten_only_after_asking(window, tmp_path):
    path = tmp_path / "obsidian.md"
    text = "---\ntags: أمن, الرباط\n---\nنص\n"
    path.write_text(text, encoding="utf-8")
    window.files.open_path(str(path))
    assert window.tags.tags() == ["أمن", "الرباط"]
    asked: list[str] = []
    window.document.confirm_split_tags = lambda raw: asked.append(raw) or False
    window.tags.add_field.setText("وسم")
    window.tags._add_from_field()
    assert asked == ["أمن, الرباط"] and window.document.article().text == text
    assert window.tags.tags() == ["أمن", "الرباط"]  # the refused tag is not shown as added
    window.document.confirm_split_tags = lambda raw: True
    type_text(window.tags.add_field, "وسم")
    window.tags._add_from_field()
    assert window.document.article().text == "---\ntags: [أمن, الرباط, وسم]\n---\nنص\n"


def test_article_text_in_qt_places_keeps_number_runs_in_order(window, tmp_path, qtbot):
    path = tmp_path / "القانون 03-73.md"
    path.write_text("نص\n", encoding="utf-8")
    window.files.open_path(str(path))
    assert f"القانون {LRM}03-73.md" in window.windowTitle()
    model = ArticleTableModel()
    entry = ArticleEntry(
        "a.md", "القانون رقم 03-73 يدخل حيز التنفيذ", "2024-05-12", "draft", 3, (), (), None, 1, 1
    )
    model.set_entries([entry])
    shown = model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    assert shown == f"القانون رقم {LRM}03-73 يدخل حيز التنفيذ"
    window.document.set_field("tags", ["قانون 03-73"])
    QApplication.processEvents()
    chips = window.tags.chips.findChildren(TagChip)
    assert [chip.label.text() for chip in chips] == [f"قانون {LRM}03-73"]
    assert window.document.meta_article.tags == ["قانون 03-73"]  # the file never gets the mark
