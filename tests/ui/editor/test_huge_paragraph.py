"""Graceful degradation: a huge paragraph gets the light highlighting path, a normal one does not."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

from editor.ui.editor.highlighter import LIGHT_BLOCK_CHARS, MarkdownHighlighter

SENTENCE = "قال الوزير **إن** الأمن في الرباط #أمن مستقر "


def _paragraph(chars: int) -> str:
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]


def _bold_ranges(block) -> list[tuple[int, int]]:
    return [
        (r.start, r.length)
        for r in block.layout().formats()
        if QTextCharFormat(r.format).fontWeight() == QFont.Weight.Bold
    ]


def _editor(qtbot, body: str) -> tuple[QTextEdit, MarkdownHighlighter]:
    editor = QTextEdit()  # (Midad's editor never holds such a block: it shows a huge line in pieces,
    qtbot.addWidget(editor)  # test_soft_lines.py; the light path is the highlighter's own safety net)
    highlighter = MarkdownHighlighter(editor.document(), editor.palette())
    editor.setPlainText(body)
    highlighter.rehighlight()
    return editor, highlighter


def test_threshold_normal_paragraph_full_path_huge_one_light(qtbot):
    at_limit = _paragraph(LIGHT_BLOCK_CHARS)
    over = _paragraph(LIGHT_BLOCK_CHARS + 1)
    editor, _ = _editor(qtbot, at_limit + "\n\n" + over)
    normal, huge = editor.document().findBlockByNumber(0), editor.document().findBlockByNumber(2)
    assert len(normal.text()) == LIGHT_BLOCK_CHARS and len(huge.text()) == LIGHT_BLOCK_CHARS + 1
    assert _bold_ranges(normal), "a paragraph at the limit is fully highlighted"
    assert _bold_ranges(huge) == [], "a paragraph over the limit gets the light path"
    assert editor.toPlainText() == at_limit + "\n\n" + over  # the text itself is untouched


def test_light_path_still_marks_line_starts(qtbot):
    editor, highlighter = _editor(qtbot, "## " + _paragraph(LIGHT_BLOCK_CHARS + 10))
    block = editor.document().firstBlock()
    formats = [QTextCharFormat(r.format) for r in block.layout().formats()]
    assert formats and formats[0].fontWeight() == highlighter.f_heading.fontWeight()
