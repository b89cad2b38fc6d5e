"""The caret's position is told (status bar, outline) once per batch of moves, after the paint."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from editor.ui.editor import caret_report
from editor.ui.editor.caret_report import CaretReport
from editor.ui.editor.markdown_edit import MarkdownEdit
from tests.ui.conftest import type_text


class _Paints(QObject):
    def __init__(self, order: list) -> None:
        super().__init__()
        self.order = order

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.order.append("paint")
        return False


def _shown_editor(qtbot, body: str) -> MarkdownEdit:
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    editor.resize(600, 400)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_body(body)
    editor.setFocus()
    return editor


def test_moves_are_told_once_after_the_paint(qtbot, monkeypatch):
    monkeypatch.setattr(caret_report, "LATEST_MS", 10_000)  # only the paint may let it out here
    editor = _shown_editor(qtbot, "سطر أول\n\nEnglish line")
    order: list = []
    editor.cursor_moved.connect(lambda line, column, direction: order.append((line, column, direction)))
    paints = _Paints(order)
    editor.viewport().installEventFilter(paints)
    qtbot.wait(50)
    order.clear()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " typed")  # six keys in one turn of the event loop
    assert [o for o in order if o != "paint"] == []  # nothing told while the keys are handled
    qtbot.waitUntil(lambda: any(o != "paint" for o in order), timeout=5000)
    QApplication.processEvents()
    reports = [o for o in order if o != "paint"]
    assert reports == [(3, len("English line typed") + 1, "ltr")]  # once, where the caret is now
    assert "paint" in order[: order.index(reports[0])]


def test_without_a_paint_the_report_still_comes(qtbot):
    editor = MarkdownEdit()  # never shown: no paint
    qtbot.addWidget(editor)
    editor.set_body("سطر\n\nEnglish")
    seen: list = []
    editor.cursor_moved.connect(lambda *args: seen.append(args))
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().lastBlock().position() + 2)
    editor.setTextCursor(cursor)
    assert seen == []
    qtbot.waitUntil(lambda: seen == [(3, 3, "ltr")], timeout=2000)


def test_the_report_unit(qtbot):
    told: list[int] = []
    owner = QObject()
    report = CaretReport(owner, lambda: told.append(1))
    report.moved()
    report.moved()
    report.painted()
    assert told == []  # at the next turn of the event loop, not inside the paint
    qtbot.waitUntil(lambda: told == [1], timeout=1000)
    report.painted()  # a paint without a move tells nothing
    qtbot.wait(caret_report.LATEST_MS + 30)
    assert told == [1]
    report.moved()
    report.flush()  # told now; the timer waiting is dropped
    assert told == [1, 1]
    qtbot.wait(caret_report.LATEST_MS + 30)
    assert told == [1, 1]


def test_status_bar_and_outline_follow_a_burst_of_typing(window, qtbot):
    window.editor.set_body("# العنوان\n\nفقرة\n\n## الثاني\n\nنص")
    window.document.flush()
    qtbot.waitUntil(lambda: len(window.outline.headings) == 2, timeout=10000)
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " آخر")
    qtbot.waitUntil(lambda: window.status.position.text() == "Line 7, column 7", timeout=2000)
    assert window.status.direction.text() == "RTL"
    assert window.outline.tree.currentItem().text(0) == "الثاني"
