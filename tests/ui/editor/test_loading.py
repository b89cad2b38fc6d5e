"""A big article goes into the editor in slices: the text is whole at every moment, the editor is
read-only until it is all in, highlighting is limited to what is on screen."""

from __future__ import annotations

from editor.ui.editor import loading
from editor.ui.editor.highlighter import MarkdownHighlighter
from editor.ui.editor.markdown_edit import MarkdownEdit

PARAGRAPH = "## عنوان فرعي\n\nقال الوزير **إن** الأمن في الرباط #أمن مستقر، وأضاف أن الخطة تمضي.\n\n"


def _editor(qtbot) -> MarkdownEdit:
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    MarkdownHighlighter(editor.document(), editor.palette())
    editor.resize(700, 500)
    editor.show()
    return editor


def test_threshold_a_normal_article_loads_at_once_a_big_one_in_slices(qtbot):
    editor = _editor(qtbot)
    normal = (PARAGRAPH * 2000)[: loading.BIG_BODY_CHARS]
    editor.set_body(normal)
    assert not editor.loading and editor.body_text() == normal
    assert editor.document().characterCount() - 1 == len(normal)
    big = PARAGRAPH * 3000 + "x" * 200_000 + "\n" + PARAGRAPH * 100
    editor.set_body(big)
    assert editor.loading and editor.isReadOnly()
    assert editor.document().characterCount() - 1 < len(big)  # only the first slice is in
    assert editor.body_text() == big  # but the text is whole
    assert editor.document().firstBlock().layout().formats(), "what is on screen is highlighted at once"
    qtbot.waitUntil(lambda: not editor.loading, timeout=60_000)
    assert not editor.isReadOnly()
    assert editor.body_text() == big
    assert not editor.document().isModified() and not editor.document().isUndoAvailable()


def test_read_only_wish_survives_loading_and_highlighting_is_lazy(qtbot):
    editor = _editor(qtbot)
    big = PARAGRAPH * 4000
    editor.set_body(big)
    editor.setReadOnly(True)  # e.g. a file opened read-only
    qtbot.waitUntil(lambda: not editor.loading, timeout=60_000)
    assert editor.isReadOnly()
    doc = editor.document()
    assert doc.firstBlock().layout().formats(), "the top of the article is highlighted"
    assert not doc.lastBlock().previous().previous().layout().formats(), "the end is not, until shown"
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum())
    assert doc.lastBlock().previous().previous().layout().formats()


def test_opening_another_article_while_loading_stops_the_first(qtbot):
    editor = _editor(qtbot)
    editor.set_body(PARAGRAPH * 4000)
    editor.set_body("قصير")
    assert not editor.loading and editor.body_text() == "قصير"
    qtbot.wait(200)
    assert editor.body_text() == "قصير"


def test_keys_typed_while_loading_wait_and_land_where_meant_undoable(qtbot):
    from PySide6.QtCore import Qt

    from tests.ui.conftest import type_text

    editor = _editor(qtbot)
    big = PARAGRAPH * 4000 + "x" * 30_000 + "\n" + "y " * 20_000
    editor.set_body(big)
    assert editor.loading
    qtbot.keyClick(editor, Qt.Key.Key_Down)  # looking around applies at once
    assert editor.textCursor().blockNumber() == 1 and editor.loading
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, "جد\n")  # waits: nothing typed lands in the middle of the loading text
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, "آخر")
    assert editor.loading and editor.body_text() == big and not editor.document().isModified()
    qtbot.waitUntil(lambda: not editor.loading, timeout=60_000)
    assert editor.body_text() == "جد\n" + big + "آخر"  # in order, where they were meant
    assert editor.document().isModified()
    for _ in range(5):
        editor.undo()
    assert editor.body_text() == big  # and they can be undone


def test_a_program_cannot_edit_while_loading_in_the_wrong_place(qtbot):
    editor = _editor(qtbot)
    big = PARAGRAPH * 4000
    editor.set_body(big)
    editor.insertPlainText("لا")  # an edit by program (the app's own paths check read-only first)
    assert editor.body_text() == "لا" + big and editor.document().isModified()
    qtbot.waitUntil(lambda: not editor.loading, timeout=60_000)
    assert editor.body_text() == "لا" + big


def test_many_short_lines_load_in_slices_too(qtbot):
    editor = _editor(qtbot)
    under = "## ع\n\nنص\n\n" * (loading.BIG_BODY_LINES // 4 - 1) + "آخر"  # 4,996 newlines
    editor.set_body(under)
    assert not editor.loading and editor.body_text() == under
    many = "## ع\n\nنص\n\n" * (loading.BIG_BODY_LINES // 4)  # 5,000 newlines, 40,000 characters
    assert len(many) < loading.BIG_BODY_CHARS
    editor.set_body(many)
    assert editor.loading and editor.body_text() == many
    qtbot.waitUntil(lambda: not editor.loading, timeout=60_000)
    assert editor.body_text() == many and not editor.document().isModified()


def test_a_big_article_replacing_another_removes_it_in_slices_first(qtbot):
    """Qt frees a replaced 5 MB document at once (25-70 ms): a big one goes out in slices, then the
    new article comes in; its text, direction, keys typed meanwhile and undo are as for any load."""
    from tests.ui.conftest import type_text

    editor = _editor(qtbot)
    editor.set_body(PARAGRAPH * 6000)
    qtbot.waitUntil(lambda: not editor.loading, timeout=60_000)
    second = "Second article, written left to right.\n\n" + PARAGRAPH * 3000
    editor.set_body(second, "ltr")
    assert editor.loading and editor.isReadOnly() and editor.body_text() == second
    assert editor.document().characterCount() > loading.CLEAR_AT_ONCE_CHARS  # not freed in one turn
    assert editor.article_direction == "rtl"  # (the old text is not laid out again for a new direction)
    type_text(editor, "S")  # waits for the new article, even while the old one goes out
    assert editor.body_text() == second
    qtbot.waitUntil(lambda: not editor.loading, timeout=60_000)
    assert editor.body_text() == "S" + second and editor.article_direction == "ltr"
    heading = editor.document().findBlockByNumber(2)
    assert heading.text().startswith("## ") and heading.layout().formats(), "the new article is highlighted"
    editor.undo()
    assert editor.body_text() == second and not editor.document().isUndoAvailable()


def test_a_long_line_over_30000_characters_loads_in_slices_too(qtbot):
    """A line shown in pieces costs Qt two layouts and a highlighting pass per piece: above
    `BIG_PIECED_CHARS` such an article loads like a big one (lazily highlighted)."""
    editor = _editor(qtbot)
    line = "ب" * (loading.BIG_PIECED_CHARS - 7)
    editor.set_body("عنوان\n\n" + line)  # 30,000 characters with a line in pieces: at once
    assert not editor.loading and editor.has_pieces
    longer = "عنوان\n\n" + line + "ب"
    editor.set_body(longer)
    assert editor.loading and editor.body_text() == longer
    qtbot.waitUntil(lambda: not editor.loading, timeout=60_000)
    assert editor.body_text() == longer and editor.has_pieces
    short_lines = (PARAGRAPH * 1000)[: loading.BIG_BODY_CHARS]  # long, but no line in pieces
    editor.set_body(short_lines)
    assert not editor.loading


def test_the_first_slice_is_what_fills_the_screen(qtbot):
    """The first slice is put in before anything is shown: only about a screenful (a bigger window
    takes more), laid out and highlighted at once; the rest follows in time-boxed slices."""
    big = PARAGRAPH * 4000
    sizes = []
    for height in (150, 700):
        editor = _editor(qtbot)
        editor.resize(700, height)
        editor.set_body(big)
        doc = editor.document()
        assert editor.loading
        assert doc.documentLayout().documentSize().height() >= editor.viewport().height(), "screen full"
        blocks = [doc.findBlockByNumber(n) for n in range(doc.blockCount())]
        assert all(b.userData() is not None for b in blocks), "the blocks shown are highlighted"
        assert any(b.layout().formats() for b in blocks[-4:])
        sizes.append(doc.characterCount() - 1)
        qtbot.waitUntil(lambda e=editor: not e.loading, timeout=60_000)
        assert editor.body_text() == big
    assert sizes[0] < sizes[1] <= loading.SLICE_CHARS


def test_a_slice_after_other_work_is_smaller(qtbot):
    """When other work ran between two slices (a preview step, a paint), the next slice is smaller:
    they must not add up to a long freeze of the window."""
    import time

    editor = _editor(qtbot)
    editor.set_body(PARAGRAPH * 4000)
    loader = editor._loader  # noqa: SLF001 - driven by hand, one slice at a time
    doc = editor.document()
    added = []
    for others in (0.0, 0.05):
        loader._timer.stop()  # noqa: SLF001
        loader._chars = 20_000  # noqa: SLF001
        loader._queued = time.perf_counter() - others  # noqa: SLF001 - queued that long ago
        before = doc.characterCount()
        loader._step()  # noqa: SLF001
        added.append(doc.characterCount() - before)
    assert added[1] < added[0] / 2
    qtbot.waitUntil(lambda: not editor.loading, timeout=60_000)
    assert editor.body_text() == PARAGRAPH * 4000
