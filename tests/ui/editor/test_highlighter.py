"""Markdown highlighting: the right spans, the text untouched, Arabic shaping never split."""

from __future__ import annotations

import unicodedata

from PySide6.QtGui import QColor, QFont, QImage, QPalette, QTextCharFormat

from editor.ui.editor.highlighter import MarkdownHighlighter
from editor.ui.editor.markdown_edit import MarkdownEdit


def _ranges(block):
    out = []
    for r in block.layout().formats():
        out.append((r.start, r.start + r.length, QTextCharFormat(r.format)))
    return out


def _joining(ch: str) -> bool:
    return unicodedata.bidirectional(ch) == "AL" and unicodedata.category(ch).startswith("L")


def test_spans_for_markdown_constructs(qtbot):
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    highlighter = MarkdownHighlighter(editor.document(), editor.palette())
    editor.set_body("## عنوان\nنص **عريض** و *مائل* و [رابط](http://x) و `كود` #وسم\n> اقتباس")
    highlighter.rehighlight()
    heading, line, quote = (editor.document().findBlockByNumber(i) for i in range(3))
    assert any(f.fontWeight() == QFont.Weight.Bold for _s, _e, f in _ranges(heading))
    text = line.text()
    spans = {text[s:e]: f for s, e, f in _ranges(line)}
    assert spans["**عريض**"].fontWeight() == QFont.Weight.Bold
    assert spans["*مائل*"].fontItalic()
    assert "[رابط](http://x)" in spans and "`كود`" in spans
    assert spans["#وسم"].foreground().color() == highlighter.f_hashtag.foreground().color()
    assert _ranges(quote)
    assert editor.body_text().startswith("## عنوان\nنص **عريض**")


def test_no_format_boundary_splits_joined_arabic_letters(qtbot, seed_text):
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    MarkdownHighlighter(editor.document(), editor.palette())
    body = seed_text + "\nكل**مة** ليست مقسومة؟ #وسم_طويل و**نص**"
    editor.set_body(body)
    block = editor.document().firstBlock()
    while block.isValid():
        text = block.text()
        for start, end, _f in _ranges(block):
            for p in (start, end):
                if 0 < p < len(text):
                    assert not (_joining(text[p - 1]) and _joining(text[p])), (text, p)
        block = block.next()
    assert editor.body_text() == body


def test_dark_palette_gives_light_hashtags(qtbot):
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    highlighter = MarkdownHighlighter(editor.document(), palette)
    assert highlighter.f_hashtag.foreground().color().lightness() > 100


def _render(editor) -> QImage:
    return editor.viewport().grab().toImage()


def test_direction_marks_are_drawn(qtbot):
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    editor.resize(500, 200)
    editor.show()
    editor.set_body("رقم\u200e 12\u200f نص")
    with_marks = _render(editor)
    editor._show_marks = False
    without = _render(editor)
    assert with_marks != without
