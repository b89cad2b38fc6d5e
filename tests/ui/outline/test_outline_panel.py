"""The Outline tab: headings appear after a typing pause, a click jumps, the caret is followed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import type_text

BODY = "# المقدمة\n\nفقرة أولى\n\n## الخلفية\n\nفقرة ثانية\n\n## الخلاصة\n\nفقرة أخيرة"


def _titles(panel) -> list[str]:
    out = []

    def walk(item, depth):
        for i in range(item.childCount()):
            child = item.child(i)
            out.append("  " * depth + child.text(0))
            walk(child, depth + 1)

    walk(panel.tree.invisibleRootItem(), 0)
    return out


def test_outline_lists_headings_and_follows_typing(window, qtbot):
    panel = window.outline
    assert window.side_tabs.indexOf(panel) >= 0
    window.editor.set_body(BODY)
    window.document.flush()
    qtbot.waitUntil(lambda: len(panel.headings) == 3, timeout=10000)
    assert _titles(panel) == ["المقدمة", "  الخلفية", "  الخلاصة"]
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "\n\n### تفصيل")
    qtbot.waitUntil(lambda: len(panel.headings) == 4, timeout=10000)
    assert _titles(panel)[-1] == "    تفصيل"


def test_clicking_a_heading_moves_the_caret_there(window, qtbot):
    panel = window.outline
    window.editor.set_body(BODY + "\n\n" + "\n\n".join(f"فقرة {i}" for i in range(200)) + "\n\n## النهاية")
    window.document.flush()
    qtbot.waitUntil(lambda: len(panel.headings) == 4, timeout=10000)
    window.side_tabs.setCurrentWidget(panel)
    last = panel.tree.invisibleRootItem().child(0).child(2)
    assert last.text(0) == "النهاية"
    rect = panel.tree.visualItemRect(last)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = window.editor.textCursor()
    assert cursor.block().text() == "## النهاية"
    assert not cursor.hasSelection()
    assert window.editor.viewport().rect().contains(window.editor.cursorRect().center())


def test_the_heading_of_the_caret_section_is_selected(window, qtbot):
    panel = window.outline
    window.editor.set_body(BODY)
    window.document.flush()
    qtbot.waitUntil(lambda: len(panel.headings) == 3, timeout=10000)
    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(6).position() + 2)  # فقرة ثانية
    editor.setTextCursor(cursor)
    # (the outline follows once the caret's move is painted: editor/ui/editor/caret_report.py)
    qtbot.waitUntil(lambda: panel.tree.currentItem().text(0) == "الخلفية", timeout=2000)
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.tree.currentItem().text(0) == "الخلاصة", timeout=2000)


def test_a_huge_outline_lists_the_first_headings_and_says_how_many_more(qtbot):
    from editor.core.markdown.outline import OutlineHeading
    from editor.ui.outline.panel import MAX_ITEMS, OutlinePanel

    panel = OutlinePanel()
    qtbot.addWidget(panel)
    at_limit = [OutlineHeading(2, f"عنوان {i}", i * 4) for i in range(MAX_ITEMS)]
    panel.set_headings(at_limit)
    assert panel.tree.topLevelItemCount() == MAX_ITEMS and "more headings" not in _titles(panel)[-1]
    far_beyond = [OutlineHeading(1 + i % 2, f"عنوان {i}", i * 4) for i in range(50_000)]
    panel.set_headings(far_beyond)
    titles = _titles(panel)
    assert len(titles) == MAX_ITEMS + 1 and titles[0] == "عنوان 0"
    assert titles[-1] == f"… and {50_000 - MAX_ITEMS:,} more headings (not listed)"
    jumps = []
    panel.jump_requested.connect(jumps.append)
    last = panel._items[-1]
    panel._clicked(last)
    assert jumps == [(MAX_ITEMS - 1) * 4]
    panel.follow_line(4 * 40_000)  # a section past the listed ones: nothing selected, nothing raised
    assert panel.tree.selectedItems() == []
    panel.follow_line(4 * 10 + 1)
    assert panel.tree.currentItem().text(0) == "عنوان 10"


def test_lines_moving_keep_the_items_and_clicks_follow_the_new_lines(qtbot):
    from editor.core.markdown.outline import OutlineHeading
    from editor.ui.outline.panel import OutlinePanel

    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_headings([OutlineHeading(1, f"عنوان {i}", i * 4) for i in range(100)])
    items = list(panel._items)
    panel.set_headings(
        [OutlineHeading(1, f"عنوان {i}", i * 4 + 7) for i in range(100)]
    )  # 7 lines typed above
    assert panel._items == items  # not rebuilt
    jumps = []
    panel.jump_requested.connect(jumps.append)
    panel._clicked(items[3])
    assert jumps == [19]
    panel.follow_line(20)
    assert panel.tree.currentItem() is items[3]
    panel.set_headings(
        [OutlineHeading(1, f"عنوان {i}", i * 4) for i in range(99)] + [OutlineHeading(2, "آخر", 500)]
    )
    assert _titles(panel)[-1] == "  آخر"  # another heading: rebuilt


def test_the_listed_headings_and_the_count_from_the_worker(qtbot):
    # The pause work sends the first MAX_ITEMS + 1 headings and how many there are (50,000 heading
    # objects took 60-90 ms to unpickle in the window): the same list, the same count, the same follow.
    from editor.core.markdown.outline import OutlineHeading
    from editor.ui.outline.panel import MAX_ITEMS, OutlinePanel

    panel = OutlinePanel()
    qtbot.addWidget(panel)
    sent = [OutlineHeading(1 + i % 2, f"عنوان {i}", i * 4) for i in range(MAX_ITEMS + 1)]
    panel.set_headings(sent, 50_000)
    titles = _titles(panel)
    assert (
        len(titles) == MAX_ITEMS + 1
        and titles[-1] == f"… and {50_000 - MAX_ITEMS:,} more headings (not listed)"
    )
    panel.follow_line(4 * MAX_ITEMS + 1)  # in the first section not listed
    assert panel.tree.selectedItems() == []
    panel.follow_line(4 * 10 + 1)
    assert panel.tree.currentItem().text(0) == "عنوان 10"
    panel.set_headings(sent, 60_000)  # the same first headings, more after them: the count follows
    assert _titles(panel)[-1] == f"… and {60_000 - MAX_ITEMS:,} more headings (not listed)"
