"""The direction-marks overlay: a flag per mark on screen, bounded work whatever the text holds."""

from __future__ import annotations

import time

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor

from editor.ui.editor import bidi_marks
from editor.ui.editor.bidi_marks import Band, Flag, plan
from editor.ui.editor.markdown_edit import MarkdownEdit

LRM, RLM, ALM = "\u200e", "\u200f", "\u061c"


def _editor(qtbot, body: str) -> MarkdownEdit:
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    editor.resize(600, 400)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_body(body)
    qtbot.waitUntil(lambda: not editor.loading)
    return editor


def test_a_flag_per_mark_pointing_the_way_it_pushes(qtbot):
    editor = _editor(qtbot, f"القانون {LRM}03-73 للأمن\n\nنص {RLM}هنا و{ALM}هناك")
    shapes = plan(editor)
    assert [type(s) for s in shapes] == [Flag, Flag, Flag]
    assert [s.right for s in shapes] == [True, False, False]
    first, second = shapes[0], shapes[1]
    assert second.y > first.y  # the second paragraph's marks are lower down
    assert all(0 <= s.x <= editor.viewport().width() for s in shapes)


def test_only_the_lines_on_screen_are_looked_at(qtbot):
    editor = _editor(qtbot, "\n".join(f"سطر {i} {LRM}12" for i in range(3000)))
    shown = plan(editor)
    assert 0 < len(shown) < 60  # one flag per line on screen, not 3,000
    assert all(-s.height <= s.y <= editor.viewport().height() for s in shown)
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum())
    qtbot.wait(20)  # (the layout of the end, as before a real paint)
    at_end = plan(editor)
    assert 0 < len(at_end) < 60
    assert all(-s.height <= s.y <= editor.viewport().height() for s in at_end)
    last = editor.document().lastBlock()
    bottom = (
        editor.document().documentLayout().blockBoundingRect(last).top() - editor.verticalScrollBar().value()
    )
    assert abs(max(s.y for s in at_end) - bottom) < 1  # the last line's flag is among them


def test_a_keystroke_repaint_looks_only_at_its_own_lines(qtbot):
    editor = _editor(qtbot, "\n".join(f"سطر {i} {LRM}12" for i in range(50)))
    block = editor.document().findBlockByNumber(3)
    rect = editor.document().documentLayout().blockBoundingRect(block)
    top = round(rect.top() - editor.verticalScrollBar().value())
    area = QRect(0, top, editor.viewport().width(), round(rect.height()))
    shapes = plan(editor, area)
    assert len(shapes) == 1 and abs(shapes[0].y - rect.top()) < 1
    assert plan(editor, QRect(0, -50, 10, 10)) == []  # outside the viewport: nothing


def test_a_line_full_of_marks_is_one_band(qtbot):
    flood = (RLM + ALM + "\u202e") * 400  # 800 marks on one line
    editor = _editor(qtbot, f"نص {LRM}عادي\n\n{flood}\n\nنص {RLM}آخر")
    shapes = plan(editor)
    bands = [s for s in shapes if isinstance(s, Band)]
    flags = [s for s in shapes if isinstance(s, Flag)]
    assert len(bands) >= 1 and sum(b.marks for b in bands) == 800
    assert len(flags) == 2  # the ordinary lines keep their flags
    assert all(b.width > 0 for b in bands)


def test_flags_per_paint_are_capped(qtbot, monkeypatch):
    # many lines each under the per-line limit: past MAX_FLAGS the rest of the lines get bands
    monkeypatch.setattr(bidi_marks, "MAX_FLAGS", 7)
    editor = _editor(qtbot, "\n".join([f"{LRM}أ {LRM}ب"] * 20))
    shapes = plan(editor)
    flags = [s for s in shapes if isinstance(s, Flag)]
    bands = [s for s in shapes if isinstance(s, Band)]
    assert len(flags) == 6  # three lines of two flags; the fourth would pass the budget
    assert len(bands) >= 3 and all(b.marks == 2 for b in bands)
    assert max(f.y for f in flags) < min(b.y for b in bands)  # the budget is spent from the top


def test_a_screen_of_a_mark_flood_paints_quickly(qtbot, monkeypatch):
    # bidi-control-flood of the hostile corpus: 1,000,000 controls on one line, shown in pieces.
    # Before the bound, placing 17,600 flags took 0.24-0.47 s per paint (load 7-10).
    calls = []
    real = bidi_marks.plan
    monkeypatch.setattr(bidi_marks, "plan", lambda *a: calls.append(real(*a)) or calls[-1])
    editor = _editor(qtbot, "\u202e\u2067\u202b\u200f\u061c" * 40_000)
    assert editor.document().blockCount() > 20  # shown in pieces
    start = time.process_time()
    for _ in range(5):
        editor.viewport().repaint()
    spent = (time.process_time() - start) / 5
    assert calls and all(len(shapes) < 200 for shapes in calls)
    assert all(isinstance(s, Band) for s in calls[-1])
    assert spent < 0.15, spent  # CPU seconds per paint, Qt's own text painting included


def _red_pixels(editor: MarkdownEdit) -> int:
    image = editor.viewport().grab().toImage()
    found = 0
    for y in range(min(image.height(), 80)):  # (the text is on the first line)
        for x in range(image.width()):
            c = QColor(image.pixel(x, y))
            found += c.red() > 150 and c.green() < 140 and c.blue() < 140
    return found


def test_the_flags_are_painted_in_the_editor(qtbot):
    # paintEvent passes its rect; the bounds then come without asking for viewport() (start-up)
    editor = _editor(qtbot, "نص عادي")
    assert _red_pixels(editor) == 0
    editor.set_body(f"السعر 100{LRM} دولار")
    qtbot.wait(20)
    assert _red_pixels(editor) > 5  # the flag: a bar and its tick


def test_blocks_not_laid_out_yet_end_the_walk(qtbot):
    # Qt lays a new text out lazily: until it is done, the blocks below the laid-out part have no
    # geometry, and a paint must not walk every one of them to the text's end (each paint)
    import cProfile
    import pstats

    from PySide6.QtWidgets import QApplication

    from benchmarks.bench_editor import arabic_article

    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    editor.resize(700, 800)
    editor.show()
    editor.set_body(arabic_article(10_000))  # (the typing benchmark's article)
    middle = editor.document().findBlockByNumber(editor.document().blockCount() // 2)
    cursor = editor.textCursor()
    cursor.setPosition(middle.position() + middle.length() - 1)
    editor.setTextCursor(cursor)
    QApplication.processEvents()
    profile = cProfile.Profile()
    profile.enable()
    plan(editor)
    profile.disable()
    calls = sum(n for f, (n, *_r) in pstats.Stats(profile).stats.items() if "blockBoundingRect" in f[2])
    assert calls < 100, calls  # (567 blocks: every one below the top before)
