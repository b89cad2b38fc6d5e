"""A new article saved from the window ends with a newline and gets `lang` from its text (issue 12 item 13)."""

from __future__ import annotations

import yaml

from tests.ui.conftest import type_text


def _front(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_new_english_article_has_no_lang_and_a_final_newline(window, tmp_path, qtbot):
    window.editor.selectAll()
    type_text(window.editor, "Budget talks resume")
    path = tmp_path / "budget.md"
    window.document.save(path)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("Budget talks resume\n") and "lang" not in _front(path)
    window.editor.selectAll()
    type_text(window.editor, "Budget talks resume today")  # no empty last line in the editor
    window.document.save()
    assert path.read_text(encoding="utf-8").endswith("Budget talks resume today\n")


def test_new_arabic_article_gets_lang_ar(window, tmp_path, qtbot):
    window.editor.selectAll()
    type_text(window.editor, "استأنفت محادثات الميزانية")
    path = tmp_path / "budget-ar.md"
    window.document.save(path)
    assert _front(path)["lang"] == "ar"
    assert path.read_text(encoding="utf-8").endswith("الميزانية\n")
