"""A keystroke's own work in the editor stays bounded on lines built to make it slow."""

from __future__ import annotations

import time

import pytest
from PySide6.QtGui import QTextCursor

from editor.ui.editor.highlighter import MarkdownHighlighter
from editor.ui.editor.markdown_edit import MarkdownEdit
from tests.ui.conftest import type_text


@pytest.mark.parametrize("unit", ["**a ", "*a ", "[", "<http:", "__a_ "])
def test_typing_in_a_line_of_openings_without_closings(qtbot, unit):
    # 5,900 characters (a line still shown whole): each key re-highlights the line; the former
    # patterns cost 50-120 ms per key on such a line (load ~7)
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    MarkdownHighlighter(editor.document(), editor.palette())
    editor.set_body("مقدمة\n\n" + (unit * (5900 // len(unit)))[:5900])
    editor.moveCursor(QTextCursor.MoveOperation.End)
    start = time.process_time()
    type_text(editor, "بتت")
    per_key = (time.process_time() - start) / 3
    assert per_key < 0.03, per_key
    assert editor.body_text().endswith("بتت")
