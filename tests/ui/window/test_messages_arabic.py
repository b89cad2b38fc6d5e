"""Every sentence the Arabic interface shows about a broken or hostile file is Arabic: the YAML
parser's English is summarised in plain words with the line number, status names and key names
are not left in English sentences or backticks."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from editor.app import install_translations

BROKEN = {
    "unclosed-list.md": "---\ntitle: [عنوان\n---\nنص\n",
    "unclosed-quote.md": '---\ntitle: "عنوان\nauthor: س\n---\nنص\n',
    "colon.md": "---\ntitle: الرباط: لقاء\n---\nنص\n",
    "tab.md": "---\n\ttitle: عنوان\n---\nنص\n",
    "no-colon.md": "---\ntitle: عنوان\n  - بند\nسطر\n---\nنص\n",
    "braces.md": "---\ntitle: {عنوان\n---\nنص\n",
    "escape.md": '---\ntitle: "\\q"\n---\nنص\n',
    "indent.md": "---\na:\n- b\n c: d\n---\nنص\n",
    "alias.md": "---\na: &x 1\nb: *x\n---\nنص\n",
    "list.md": "---\n- a\n- b\n---\nنص\n",
    "values.md": "---\nstatus: finished\ntags: أمن\ndir: sideways\ndate: yesterday\n---\nنص\n",
    "duplicate.md": "---\ntitle: أ\ntitle: ب\n---\nنص\n",
    "nested-tags.md": "---\ntags: [[أ, ب], {c: d}]\n---\nنص\n",
    "unclosed.md": "---\ntitle: عنوان\n\nنص بلا نهاية للبيانات\n",
    "deep.md": "---\nx: " + "[" * 5000 + "\n---\nنص\n",
    "bad-value.md": "---\ndate: 2024-13-45\ncount: !!int abc\n---\nنص\n",
}
# Latin words an Arabic sentence may hold: names written in the file itself, formats, file types
ALLOWED = {"YAML", "ISO", "YYYY", "MM", "DD", "UTF", "key", "value", "name", "tags", "title"}
ALLOWED |= {"draft", "review", "ready", "published", "rtl", "ltr"}


@pytest.fixture
def arabic_window(qapp, qtbot, settings):
    from editor.ui.window.main_window import MainWindow

    translators = install_translations(qapp, "ar")
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.files.ask_save = lambda *_: "discard"
        window.files.show_error = lambda _parent, _title, text: window.banner.show_messages([text], False)
        yield window
        window.document.editor.document().setModified(False)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_no_english_reaches_the_arabic_ui(arabic_window, tmp_path, name):
    text = BROKEN[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    arabic_window.open_file(str(path))
    shown = [arabic_window.banner.label.text(), arabic_window.form.problem_label.text()]
    sentences = "\n".join(s for s in shown if s)
    assert sentences, f"{name}: a broken file must say what is wrong"
    assert "`" not in sentences.replace("(جدولة أو @ أو `)", "")
    words = set(re.findall(r"[A-Za-z]{2,}", sentences))
    stray = {w for w in words - ALLOWED if w not in text}
    assert not stray, f"{name}: English in the Arabic UI: {stray}\n{sentences}"
    if name not in ("deep.md", "bad-value.md", "list.md"):
        assert "السطر" in sentences, sentences  # the line number is given
