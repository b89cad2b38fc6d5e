"""Huge lines shown in pieces: a normal paragraph is one block, a huge one several, and every path
that reads the text (body, selection, copy, find, undo/redo, save) gives back exactly the original."""

from __future__ import annotations

import os
import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor.core.text.soft_breaks import PIECE_CHARS, SOFT_LINE_CHARS
from editor.ui.editor.highlighter import MarkdownHighlighter
from editor.ui.editor.markdown_edit import MarkdownEdit
from tests.ui.conftest import type_text

SENTENCE = "قال الوزير **إن** الأمن في الرباط #أمن مستقر "


def _paragraph(chars: int) -> str:
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]


def _editor(qtbot, body: str) -> MarkdownEdit:
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    MarkdownHighlighter(editor.document(), editor.palette())
    editor.resize(700, 500)
    editor.show()
    editor.set_body(body)
    return editor


def _cursor_at(editor: MarkdownEdit, position: int, anchor: int | None = None) -> QTextCursor:
    cursor = editor.textCursor()
    cursor.setPosition(position if anchor is None else anchor)
    if anchor is not None:
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    return cursor


def test_threshold_a_normal_paragraph_is_one_block_a_huge_one_is_in_pieces(qtbot):
    normal = _paragraph(SOFT_LINE_CHARS)
    huge = _paragraph(SOFT_LINE_CHARS + 1)
    editor = _editor(qtbot, normal + "\n\n" + huge)
    doc = editor.document()
    assert doc.findBlockByNumber(0).text() == normal
    assert doc.blockCount() > 4
    assert all(len(doc.findBlockByNumber(n).text()) <= PIECE_CHARS for n in range(2, doc.blockCount()))
    assert editor.body_text() == normal + "\n\n" + huge
    assert editor.has_pieces
    small = _editor(qtbot, normal)
    assert not small.has_pieces and small.document().blockCount() == 1


def test_hostile_lines_round_trip(qtbot):
    for body in (
        "ب" * 100_000,
        "[" * 50_000,
        "x\n" + "https://a.example/" + "q" * 200_000 + "\ny",
        "_a" * 30_000,
    ):
        editor = _editor(qtbot, body)
        qtbot.waitUntil(lambda e=editor: not e.loading, timeout=60_000)  # (a big one: slices)
        assert editor.document().blockCount() > 10
        assert editor.body_text() == body
        assert editor.cut_breaks > 0


def test_typing_enter_and_backspace_in_pieces_edit_the_text(qtbot):
    body = "عنوان\n\n" + _paragraph(20_000) + "\n\nخاتمة"
    editor = _editor(qtbot, body)
    second = editor.document().findBlockByNumber(3)  # the second piece of the huge paragraph
    start = second.position()
    assert body[start - 1] == " "  # the break shows a space of the text
    _cursor_at(editor, start)
    type_text(editor, "ك")
    body = body[:start] + "ك" + body[start:]
    assert editor.body_text() == body
    _cursor_at(editor, start)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # deletes the space the break stands for
    body = body[: start - 1] + body[start:]
    assert editor.body_text() == body
    _cursor_at(editor, start + 3)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    body = body[: start + 3] + "\n" + body[start + 3 :]
    assert editor.body_text() == body
    editor.undo()
    editor.undo()
    editor.undo()
    assert editor.body_text() == "عنوان\n\n" + _paragraph(20_000) + "\n\nخاتمة"


def test_an_emptied_piece_is_folded_so_a_later_newline_stays_a_newline(qtbot):
    body = _paragraph(12_000)
    editor = _editor(qtbot, body)
    piece = editor.document().findBlockByNumber(2)
    start, end = piece.position(), piece.position() + piece.length() - 1
    _cursor_at(editor, end, start)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    expected = body[:start] + body[end:]
    assert editor.body_text() == expected
    type_text(editor, "ab\ncd")
    expected = expected[:start] + "ab\ncd" + expected[start:]
    assert editor.body_text() == expected


def test_copy_and_selection_give_the_text_not_the_pieces(qtbot):
    body = _paragraph(9_000)
    editor = _editor(qtbot, body)
    editor.selectAll()
    editor.copy()
    assert QApplication.clipboard().text() == body
    assert editor.selected_body_text() == body
    cut_body = "q" * 9_000
    editor = _editor(qtbot, cut_body)
    editor.selectAll()
    editor.cut()
    assert QApplication.clipboard().text() == cut_body
    assert editor.body_text() == ""
    editor.paste()
    assert editor.body_text() == cut_body


def test_status_line_and_column_count_text_lines(qtbot):
    body = "a\n" + _paragraph(9_000) + "\nb"
    editor = _editor(qtbot, body)
    seen: list[tuple[int, int]] = []
    editor.cursor_moved.connect(lambda line, column, _d: seen.append((line, column)))
    last = editor.document().lastBlock()
    _cursor_at(editor, last.position())
    qtbot.waitUntil(lambda: bool(seen) and seen[-1] == (3, 1), timeout=2000)
    piece = editor.document().findBlockByNumber(2)
    _cursor_at(editor, piece.position() + 1)
    qtbot.waitUntil(lambda: seen[-1] == (2, piece.position() + 1 - 2 + 1), timeout=2000)
    assert editor.block_of_line(2) == last


def test_find_in_pieces_selects_the_right_text(qtbot):
    from editor.core.text.find import Finder, FindOptions

    body = "w" * 9_000 + " هدف " + "z" * 5_000
    editor = _editor(qtbot, body)
    match = Finder("هدف", FindOptions()).find_all(editor.body_text())[0]
    positions = editor.position_map(editor.body_text())
    cursor = _cursor_at(editor, positions.to_qt(match.end), positions.to_qt(match.start))
    assert cursor.selectedText() == "هدف"


@pytest.mark.parametrize("seed", [7, 8])
def test_random_edits_undo_and_redo_keep_the_text_exact(qtbot, seed):
    rng = random.Random(seed)
    original = _paragraph(16_000) if seed % 2 else "ab\n" + "س" * 15_000 + "\n" + _paragraph(7_000)
    editor = _editor(qtbot, original)
    doc = editor.document()
    body = original
    states = [body]
    for _ in range(int(os.environ.get("MIDAD_STRESS_ROUNDS", "120"))):
        size = doc.characterCount() - 1
        a = rng.randrange(size + 1)
        positions = editor.position_map(body)  # Qt positions differ after zero-width (CUT) breaks
        pa = positions.to_py(a)
        op = rng.random()
        if op < 0.35:
            text = rng.choice(["x", "س", " ", "\n", "ab\ncd", "\n\n", "  "])
            _cursor_at(editor, a)
            editor.textCursor().insertText(text)
            body = body[:pa] + text + body[pa:]
        elif op < 0.7:
            b = min(size, a + rng.choice([1, 2, 5, 40, 2500]))
            _cursor_at(editor, b, a)
            editor.textCursor().removeSelectedText()
            body = body[:pa] + body[positions.to_py(b) :]
        elif op < 0.85:
            _cursor_at(editor, a)
            key = rng.choice([Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Return])
            qtbot.keyClick(editor, key)
            if key == Qt.Key.Key_Backspace and pa > 0:
                body = body[: pa - 1] + body[pa:]
            elif key == Qt.Key.Key_Delete and pa < len(body):
                body = body[:pa] + body[pa + 1 :]
            elif key == Qt.Key.Key_Return:
                body = body[:pa] + "\n" + body[pa:]
        else:
            editor.undo()
            editor.redo()
        assert editor.body_text() == body
        states.append(body)
    while doc.isUndoAvailable():
        editor.undo()
    assert editor.body_text() == original
    while doc.isRedoAvailable():
        editor.redo()
    assert editor.body_text() == states[-1]


def _bold(block) -> bool:
    from PySide6.QtGui import QFont, QTextCharFormat

    return any(QTextCharFormat(r.format).fontWeight() == QFont.Weight.Bold for r in block.layout().formats())


def test_pieces_are_highlighted_inline_but_only_the_first_decides_the_line(qtbot):
    fences = "".join(f"{'w' * n} ``` # " for n in range(1, 170))  # pieces start with ``` or #
    editor = _editor(qtbot, "# " + _paragraph(9_000) + "\n" + fences)
    assert any(b.text().startswith("```") for b in _blocks(editor)[2:])
    doc = editor.document()
    heading = doc.firstBlock()
    piece = heading.next()
    assert heading.layout().formats() and _bold(heading)
    assert _bold(piece)  # `**إن**` inside a piece is still bold
    # a piece that happens to start with ``` or # neither opens a fence nor becomes a heading
    assert all(b.userState() != 1 for b in _blocks(editor))


def _blocks(editor: MarkdownEdit) -> list:
    doc = editor.document()
    return [doc.findBlockByNumber(n) for n in range(doc.blockCount())]


def test_a_huge_line_pasted_is_cut_in_pieces_in_the_same_undo_step(qtbot):
    editor = _editor(qtbot, "قبل\nبعد")
    doc = editor.document()
    line = _paragraph(1_000_000)
    _cursor_at(editor, 3)  # the end of the first line
    QApplication.clipboard().setText(line)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.body_text() == "قبل" + line + "\nبعد"
    assert editor.has_pieces and doc.blockCount() > 500
    assert max(doc.findBlockByNumber(n).length() - 1 for n in range(doc.blockCount())) <= PIECE_CHARS
    assert editor.textCursor().position() == 3 + len(line)  # the caret after the pasted text
    editor.undo()
    assert editor.body_text() == "قبل\nبعد" and doc.blockCount() == 2  # one undo: text and pieces
    editor.redo()
    assert editor.body_text() == "قبل" + line + "\nبعد"


def test_a_line_typed_past_the_limit_gets_pieces_a_run_without_spaces_zero_width_ones(qtbot):
    editor = _editor(qtbot, _paragraph(SOFT_LINE_CHARS - 1))
    assert not editor.has_pieces
    _cursor_at(editor, SOFT_LINE_CHARS - 1)
    type_text(editor, "ab")
    assert editor.has_pieces and editor.body_text() == _paragraph(SOFT_LINE_CHARS - 1) + "ab"
    run = "x" * 9_000 + "😀" + "y" * 9_000  # no spaces, an astral character in the middle
    editor.set_body("")
    editor.insertPlainText(run)
    assert editor.cut_breaks >= 8 and editor.body_text() == run
    _cursor_at(editor, editor.document().findBlockByNumber(1).position())
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # across the zero-width break: deletes an x
    assert editor.body_text() == run[:1999] + run[2000:]


def test_a_normal_paste_is_not_cut(qtbot):
    editor = _editor(qtbot, "")
    editor.insertPlainText(_paragraph(SOFT_LINE_CHARS) + "\n" + _paragraph(SOFT_LINE_CHARS))
    assert not editor.has_pieces and editor.document().blockCount() == 2
