"""A check's findings reach the editor without stalling typing (issue 13, target 6): marks are made
in slices between keystrokes, those on screen first; only the marks near the visible part are drawn;
the findings list fills a slice at a time; "fix all" redraws once."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from editor.ui.copydesk import panel as panel_module
from editor.ui.copydesk import underlines as underlines_module
from editor.ui.copydesk import worker
from tests.ui.conftest import type_text

PARAGRAPH = "وتجسد هذه المباحثات،حسب ذات المصدر"  # one finding: no space after the Arabic comma
COUNT = 240


@pytest.fixture
def desk_window(qtbot, settings, tmp_path):
    from editor.ui.window.main_window import MainWindow

    worker.use_threads()
    settings._s.setValue("copydesk/spell_check", False)
    settings.set_library_folder(str(tmp_path))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.files.ask_save = lambda *_: "discard"
    win.resize(900, 600)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.editor.document().setModified(False)
    win.document.meta_undo.setClean()


def _long_article(win) -> None:
    win.editor.setPlainText("# عنوان\n\n" + "\n\n".join(f"{PARAGRAPH} {i}" for i in range(COUNT)))
    cursor = win.editor.textCursor()
    cursor.setPosition(win.editor.document().characterCount() // 2)
    win.editor.setTextCursor(cursor)
    win.editor.ensureCursorVisible()  # the caret in the middle: marks above and below the screen


def _record_slices(monkeypatch, desk, size: int) -> list[list]:
    """Make marks `size` at a time and record each slice's (Qt start) positions."""
    monkeypatch.setattr(underlines_module, "SLICE", size)
    slices: list[list[int]] = []
    make = desk.underlines._make

    def recording(todo):
        slices.append([start for _f, start, _e, _t in todo])
        return make(todo)

    monkeypatch.setattr(desk.underlines, "_make", recording)
    return slices


def test_marks_are_made_in_slices_on_screen_first(qtbot, desk_window, monkeypatch) -> None:
    win, desk = desk_window, desk_window.copydesk
    _long_article(win)
    slices = _record_slices(monkeypatch, desk, 40)
    low, high = desk.underlines.visible_range()
    with qtbot.waitSignal(desk.checked, timeout=15000, check_params_cb=lambda g: g == "typography"):
        desk.check()
    marks = [m for m in desk.underlines.all() if m.finding.rule == "punct-space"]
    assert len(marks) == COUNT and all(m.valid for m in marks)
    assert max(len(s) for s in slices) <= 40  # never all of them in one slot
    assert len(slices) >= COUNT // 40
    on_screen = [p for s in slices for p in s if low <= p <= high]
    assert 0 < len(on_screen) < COUNT
    first = [p for s in slices for p in s][: len(on_screen)]
    assert all(low <= p <= high for p in first)  # the visible marks come first


def test_only_marks_near_the_screen_are_drawn_and_scrolling_draws_the_others(qtbot, desk_window) -> None:
    win, desk = desk_window, desk_window.copydesk
    _long_article(win)
    with qtbot.waitSignal(desk.checked, timeout=15000, check_params_cb=lambda g: g == "typography"):
        desk.check()
    drawn = win.editor.extraSelections()
    assert 0 < len(drawn) < COUNT  # not all 240: QTextEdit measures every selection it is given
    last = max(m.cursor.selectionStart() for m in desk.underlines.all() if m.cursor is not None)
    assert all(s.cursor.selectionStart() != last for s in drawn)
    bar = win.editor.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(
        lambda: any(s.cursor.selectionStart() == last for s in win.editor.extraSelections()), timeout=3000
    )


def test_typing_while_marks_are_made_drops_the_rest(qtbot, desk_window, monkeypatch) -> None:
    win, desk = desk_window, desk_window.copydesk
    _long_article(win)
    _record_slices(monkeypatch, desk, 20)
    emitted: list[str] = []
    desk.checked.connect(emitted.append)
    made: list[int] = []
    make = desk.underlines._make

    def make_then_type(todo):
        marks = make(todo)
        made.append(len(marks))
        if len(made) == 1:  # the writer types between the first slice and the next
            cursor = win.editor.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            win.editor.setTextCursor(cursor)
            type_text(win.editor, "ب")
        return marks

    monkeypatch.setattr(desk.underlines, "_make", make_then_type)
    desk.check()
    qtbot.waitUntil(lambda: len(made) > 0 and not desk.underlines.building(), timeout=15000)
    assert made == [20]  # the rest was dropped: its positions were those of the text before the key
    assert emitted == []  # not announced: the next pause checks the new text
    assert all(m.valid for m in desk.underlines.all() if m.cursor is not None and m.cursor.hasSelection())


def test_findings_list_fills_a_slice_at_a_time(qtbot, desk_window, monkeypatch) -> None:
    win, desk = desk_window, desk_window.copydesk
    monkeypatch.setattr(panel_module, "ROWS_PER_TURN", 50)
    _long_article(win)
    with qtbot.waitSignal(desk.checked, timeout=15000, check_params_cb=lambda g: g == "typography"):
        desk.check()
    sizes: list[int] = []
    add = desk.panel.list.addItem
    monkeypatch.setattr(desk.panel.list, "addItem", lambda item: (add(item), sizes.append(1)))
    win.side_tabs.setCurrentWidget(desk.panel)
    assert desk.panel.list.count() == 50 and desk.panel.filling()
    qtbot.waitUntil(lambda: desk.panel.list.count() == len(desk.underlines.all()), timeout=5000)
    assert not desk.panel.filling()


def test_fix_all_redraws_once(qtbot, desk_window, monkeypatch) -> None:
    win, desk = desk_window, desk_window.copydesk
    _long_article(win)
    with qtbot.waitSignal(desk.checked, timeout=15000, check_params_cb=lambda g: g == "typography"):
        desk.check()
    redraws = []
    redraw = desk.underlines.redraw
    monkeypatch.setattr(desk.underlines, "redraw", lambda: (redraws.append(1), redraw()))
    assert desk.fix_all("punct-space") == COUNT
    assert len(redraws) == 1
    assert "المباحثات، حسب" in win.editor.body_text()
    cursor = QTextCursor(win.editor.document())
    assert cursor.document().toPlainText().count("،حسب") == 0


def test_the_check_runs_in_its_own_turn_after_the_pause(qtbot, desk_window, monkeypatch) -> None:
    """The pause's work (journal, preview, directions, copy desk) is not one long stall: the desk's
    check (the article's text built and sent to the worker) waits for the next turn of the loop."""
    win = desk_window
    submitted: list[bool] = []
    submit = worker.submit
    monkeypatch.setattr(worker, "submit", lambda *a: (submitted.append(True), submit(*a))[1])
    win.editor.setPlainText("# عنوان\n\n" + PARAGRAPH)
    qtbot.wait(10)
    win.document.paused.emit()
    assert submitted == []
    qtbot.waitUntil(lambda: len(submitted) >= 1, timeout=3000)
