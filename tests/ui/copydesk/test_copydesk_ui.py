"""The copy desk in the writing window: underlines after a pause, tooltips, context-menu fixes as
single undo steps, "fix all", the findings panel, the pre-publish check, numbers kept as you type."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMessageBox

from editor.ui.copydesk import worker
from tests.ui.conftest import type_text

LRM = "\u200e"


@pytest.fixture
def desk_window(qtbot, settings, tmp_path):
    from editor.ui.window.main_window import MainWindow

    worker.use_threads()  # the same checks, without spawning processes in every test
    settings._s.setValue("copydesk/spell_check", False)
    settings.set_library_folder(str(tmp_path))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.files.ask_save = lambda *_: "discard"
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.editor.document().setModified(False)
    win.document.meta_undo.setClean()


def _type_and_wait(qtbot, win, text: str, group: str = "typography") -> None:
    win.editor.selectAll()
    type_text(win.editor, text)
    with qtbot.waitSignal(win.copydesk.checked, timeout=15000, check_params_cb=lambda g: g == group):
        pass


def _marks(win, rule: str):
    return [m for m in win.copydesk.underlines.all() if m.finding.rule == rule]


def _point_of(win, mark) -> QPoint:
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(win.editor.document())
    cursor.setPosition(
        mark.cursor.selectionStart()
        + (1 if mark.cursor.selectionEnd() - mark.cursor.selectionStart() > 1 else 0)
    )
    return win.editor.cursorRect(cursor).center()


def test_underlines_appear_after_a_pause(qtbot, desk_window) -> None:
    win = desk_window
    _type_and_wait(qtbot, win, "# عنوان\n\nوتجسد هذه المباحثات،حسب ذات المصدر و”الإمارات” #وسم")
    (comma,) = _marks(win, "punct-space")
    assert comma.cursor.selectedText() == "،"
    assert len(_marks(win, "quotes")) == 2
    selections = win.editor.extraSelections()
    assert len(selections) >= 3
    assert {s.format.underlineStyle() for s in selections} != set()
    panel = win.copydesk.panel
    assert panel.list.count() == 0 or not panel.isVisible()  # filled only when shown
    win.side_tabs.setCurrentWidget(panel)
    assert panel.list.count() == len(win.copydesk.underlines.all())
    assert "المباحثات" in win.editor.body_text()  # checking never changes the text


def test_context_menu_fix_is_one_undo_step(qtbot, desk_window) -> None:
    win = desk_window
    _type_and_wait(qtbot, win, "# عنوان\n\nوتجسد هذه المباحثات،حسب ذات المصدر #وسم")
    (mark,) = _marks(win, "punct-space")
    menu = win.copydesk.build_menu(_point_of(win, mark))
    texts = [a.text() for a in menu.actions()]
    replace = next(a for a in menu.actions() if a.text().startswith("Replace with"))
    assert "Copy" in " ".join(texts) or len(texts) > 3  # the standard entries stay
    replace.trigger()
    assert "المباحثات، حسب" in win.editor.body_text()
    win.editor.undo()
    assert "المباحثات،حسب" in win.editor.body_text()


def test_fix_all_of_a_kind_is_one_undo_step(qtbot, desk_window) -> None:
    win = desk_window
    text = "# عنوان\n\nتأكيد “المغرب” و”الإمارات” على “التعاون” #وسم"
    _type_and_wait(qtbot, win, text)
    mark = _marks(win, "quotes")[0]
    menu = win.copydesk.build_menu(_point_of(win, mark))
    fix_all = next(a for a in menu.actions() if a.text().startswith("Fix all of this kind"))
    assert "(6)" in fix_all.text()
    fix_all.trigger()
    assert "تأكيد «المغرب» و«الإمارات» على «التعاون»" in win.editor.body_text()
    win.editor.undo()
    assert win.editor.body_text() == text


def test_a_fix_refuses_when_the_text_changed(qtbot, desk_window) -> None:
    from editor.ui.copydesk.fixes import apply_fix

    win = desk_window
    _type_and_wait(qtbot, win, "# عنوان\n\nالرباط, المغرب #وسم")
    (mark,) = _marks(win, "latin-punct")
    cursor = win.editor.textCursor()
    cursor.setPosition(mark.cursor.selectionStart())
    cursor.setPosition(mark.cursor.selectionEnd(), cursor.MoveMode.KeepAnchor)
    cursor.insertText(";")
    assert not apply_fix(win.editor, win.copydesk.underlines, mark, "،")


def test_panel_jumps_to_a_finding_and_tooltip_names_it(qtbot, desk_window) -> None:
    win = desk_window
    _type_and_wait(qtbot, win, "# عنوان\n\nسطر أول\n\nالقانون رقم 03-73 للأمن #وسم")
    (mark,) = _marks(win, "number-order")
    panel = win.copydesk.panel
    win.side_tabs.setCurrentWidget(panel)
    row = next(i for i in range(panel.list.count()) if "03-73" in panel.list.item(i).text())
    panel.list.itemClicked.emit(panel.list.item(row))
    assert win.editor.textCursor().selectedText() == "03-73"
    tip = win.copydesk.tooltip_text([mark])
    assert "73-03" in tip and "⟨LRM⟩" in tip


def test_prepublish_check_shows_a_summary(qtbot, desk_window, monkeypatch) -> None:
    win = desk_window
    monkeypatch.setattr(worker, "submit", _typography_only(worker.submit))
    _type_and_wait(qtbot, win, "نص\u202eمخفي")
    win.copydesk.prepublish_action.trigger()
    qtbot.waitUntil(lambda: getattr(win.copydesk, "summary_box", None) is not None, timeout=15000)
    box: QMessageBox = win.copydesk.summary_box
    assert "Fix the errors before publishing." in box.text() and "Invisible characters: 1" in box.text()
    assert win.side_tabs.currentWidget() is win.copydesk.panel
    box.close()


def _typography_only(submit):
    def fake(text, library, spelling):
        from concurrent.futures import Future

        if not spelling:
            return submit(text, library, spelling)
        future: Future = Future()
        future.set_result((0, []))
        return future

    return fake


def test_keep_numbers_in_order_as_i_type(qtbot, desk_window) -> None:
    win = desk_window
    win.copydesk.numbers_action.setChecked(True)
    win.editor.selectAll()
    type_text(win.editor, "القانون رقم 03-73 للأمن")
    qtbot.waitUntil(lambda: LRM in win.editor.body_text(), timeout=3000)
    assert win.editor.body_text() == f"القانون رقم {LRM}03-73 للأمن"
    assert win.settings._s.value("copydesk/keep_numbers_as_typed") in (True, "true")


def test_numbers_as_typed_is_its_own_undo_step(qtbot, desk_window) -> None:
    win = desk_window
    win.copydesk.numbers_action.setChecked(True)
    win.editor.selectAll()
    type_text(win.editor, "رقم 03-73 ")
    qtbot.waitUntil(lambda: LRM in win.editor.body_text(), timeout=3000)
    win.editor.undo()
    assert win.editor.body_text() == "رقم 03-73 "


def test_numbers_not_marked_when_off_or_in_ltr(qtbot, desk_window) -> None:
    win = desk_window
    win.editor.selectAll()
    type_text(win.editor, "رقم 03-73 ")
    qtbot.wait(50)
    assert LRM not in win.editor.body_text()
    win.copydesk.numbers_action.setChecked(True)
    win.editor.selectAll()
    type_text(win.editor, "Windows version 10-11 ")
    qtbot.wait(50)
    assert LRM not in win.editor.body_text()


def test_spell_check_underlines_and_add_to_dictionary(qtbot, desk_window, tmp_path) -> None:
    win = desk_window
    win.copydesk.spelling_action.setChecked(True)
    _type_and_wait(qtbot, win, "# عنوان\n\nوصل حموشي الى الامارات وبالأمن #وسم", group="spell")
    words = {m.text: m for m in win.copydesk.underlines.groups["spell"]}
    assert "وبالأمن" not in words
    assert words["الى"].finding.fixes[0] == "إلى"
    assert words["الامارات"].finding.fixes[0] == "الإمارات"
    unknown = words["حموشي"]
    assert unknown.finding.rule == "spelling"
    menu = win.copydesk.build_menu(_point_of(win, unknown))
    add = next(a for a in menu.actions() if a.text().startswith("Add"))
    add.trigger()
    assert "حموشي" in (tmp_path / ".midad" / "dictionary.txt").read_text(encoding="utf-8").split()
    assert "حموشي" not in {m.text for m in win.copydesk.underlines.groups["spell"]}


def test_house_style_dialog_saves_and_rechecks(qtbot, desk_window, tmp_path) -> None:
    import json

    win = desk_window
    _type_and_wait(qtbot, win, "# عنوان\n\nقال «نعم» #وسم")
    assert _marks(win, "quotes") == []
    win.copydesk.panel.style_button.click()
    dialog = win.copydesk.style_dialog
    dialog.quotes.setCurrentIndex(dialog.quotes.findData("“”"))
    with qtbot.waitSignal(win.copydesk.checked, timeout=15000):
        dialog._save()
    saved = json.loads((tmp_path / ".midad" / "house-style.json").read_text(encoding="utf-8"))
    assert saved["quotes"] == "“”" and saved["digits"] == "western"
    assert [m.finding.fixes[0] for m in _marks(win, "quotes")] == ["“", "”"]


def test_tooltip_event_shows_the_message(qtbot, desk_window, monkeypatch) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    win = desk_window
    _type_and_wait(qtbot, win, "# عنوان\n\nالرباط, المغرب #وسم")
    (mark,) = _marks(win, "latin-punct")
    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda *args: shown.append(args[1]))
    point = _point_of(win, mark)
    event = QHelpEvent(QEvent.Type.ToolTip, point, win.editor.viewport().mapToGlobal(point))
    QApplication.sendEvent(win.editor.viewport(), event)
    assert shown and "Latin , between Arabic words" in shown[0] and "→ ،" in shown[0]
