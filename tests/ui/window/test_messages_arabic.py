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


def test_library_problem_texts_are_arabic(qapp, qtbot, tmp_path):
    """The library list marks problem files with an icon, and its tooltip says what is wrong in Arabic."""
    import os

    from editor.core.library.facade import Library
    from editor.ui.library.controller import LibraryController
    from editor.ui.library.model import PATH_ROLE
    from editor.ui.library.panel import LibraryPanel

    root = tmp_path / "lib"
    root.mkdir()
    for name, text in BROKEN.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (root / "legacy.md").write_bytes("---\ntitle: مقال قديم\n---\nنص عن الأمن\n".encode("cp1256"))
    (root / "good.md").write_text("---\ntitle: سليم\n---\nنص\n", encoding="utf-8")
    os.mkfifo(root / "pipe.md")
    os.symlink("/etc/hostname", root / "outside.md")
    os.close(os.open(os.fsencode(root) + b"/bad-\xff.md", os.O_CREAT | os.O_WRONLY, 0o644))
    translators = install_translations(qapp, "ar")
    controller = LibraryController(Library(root, cache_dir=tmp_path / "cache"), poll_ms=60000)
    try:
        panel = LibraryPanel(controller)
        qtbot.addWidget(panel)
        controller.start()
        expected = len(BROKEN) + 6
        qtbot.waitUntil(lambda: panel.model.rowCount() == expected, timeout=20000)
        marked = []
        for row in range(panel.proxy.rowCount()):
            index = panel.proxy.index(row, 0)
            rel = index.data(PATH_ROLE)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            problems = [line for line in tip.splitlines() if line.startswith("⚠")]
            icon = index.data(Qt.ItemDataRole.DecorationRole)
            if rel == "good.md":
                assert not problems and icon is None
                continue
            if not problems:
                continue  # e.g. a file whose only oddity is a value the list does not show
            marked.append(rel)
            assert icon is not None and not icon.isNull(), rel
            sentences = "\n".join(problems).replace(str(root), "")
            assert "`" not in sentences.replace("(جدولة أو @ أو `)", "")
            text = BROKEN.get(rel, "") + rel
            words = set(re.findall(r"[A-Za-z]{2,}", sentences))
            technical = {
                "Windows",
                "Arabic",
                "FIFO",
                "hostname",
                "etc",
            }  # "Windows-1256 (Arabic)", a link's target
            stray = {w for w in words - ALLOWED - technical if w not in text}
            assert not stray, f"{rel}: English in the Arabic library: {stray}\n{sentences}"
            assert re.search("[\u0600-\u06ff]", sentences), sentences
        assert {"binary.md", "legacy.md", "pipe.md", "outside.md", "bad-\\xff.md", "unclosed-list.md"} <= set(
            marked
        ), marked
    finally:
        controller.stop()
        controller.wait()
        for translator in translators:
            qapp.removeTranslator(translator)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_preview_notices_are_in_the_interfaces_language(arabic_window, qtbot, tmp_path):
    """The notices come from the render worker (no translations there): the window shows them in Arabic."""
    path = tmp_path / "deep.md"
    path.write_text(
        "---\ntitle: ت\n---\n" + ">" * 30 + " نص عميق\n\n" + "ب" * 12_000 + "\n", encoding="utf-8"
    )
    arabic_window.open_file(str(path))
    preview = arabic_window.preview
    qtbot.waitUntil(lambda: "نص عميق" in preview.toPlainText(), timeout=15000)
    lines = [line for line in preview.toPlainText().splitlines() if line.strip()]
    notices = lines[:2]
    assert all(re.search("[\u0600-\u06ff]", line) for line in notices), notices
    assert not any(re.search("[A-Za-z]{3,}", line) for line in notices), notices
    assert "preview" not in preview.toPlainText() and "level" not in preview.toPlainText()


def test_preview_notices_keep_their_sentence_for_the_window() -> None:
    from editor.core.article.model import Article
    from editor.core.markdown.page import preview_html
    from editor.ui.preview.notices import localize_notices

    page = preview_html(Article.from_text(">" * 30 + " نص\n"))
    assert 'data-midad-msg="' in page
    english = localize_notices(page, right_to_left=False)
    assert 'data-midad-msg="' not in english
    assert '<p class="midad-notice" dir="ltr">Quotes or lists nested deeper than 20 levels' in english
