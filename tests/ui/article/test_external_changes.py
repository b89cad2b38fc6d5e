"""The open article changed by another program: reloaded when Midad has no unsaved edits, kept otherwise."""

from __future__ import annotations

import os

from tests.ui.conftest import type_text


def _write_later(path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))  # a clearly newer mtime


def test_unmodified_article_is_reloaded(window, tmp_path, qtbot):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: قديم\n---\nنص قديم\n", encoding="utf-8")
    window.open_file(str(path))
    _write_later(path, "---\ntitle: جديد\n---\nنص جديد من محرر آخر\n")
    qtbot.waitUntil(lambda: window.editor.body_text() == "نص جديد من محرر آخر\n", timeout=5000)
    assert window.document.meta["title"] == "جديد"
    assert not window.document.is_modified()


def test_rename_over_save_by_another_editor_is_seen(window, tmp_path, qtbot):
    path = tmp_path / "a.md"
    path.write_text("نص\n", encoding="utf-8")
    window.open_file(str(path))
    other = tmp_path / ".a.md.tmp"
    _write_later(other, "نص كتبه برنامج آخر\n")
    os.replace(other, path)
    qtbot.waitUntil(lambda: window.editor.body_text() == "نص كتبه برنامج آخر\n", timeout=6000)


def test_unsaved_edits_are_never_replaced(window, tmp_path, qtbot):
    path = tmp_path / "a.md"
    path.write_text("نص\n", encoding="utf-8")
    window.open_file(str(path))
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "إضافة")
    _write_later(path, "تغيير خارجي\n")
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
    assert "another program" in window.banner.label.text()
    assert window.editor.body_text() == "نص\nإضافة"
    assert path.read_text(encoding="utf-8") == "تغيير خارجي\n"


def test_touch_without_change_does_nothing(window, tmp_path, qtbot):
    path = tmp_path / "a.md"
    path.write_text("نص\n", encoding="utf-8")
    window.open_file(str(path))
    reloads = []
    window.external_changes.reloaded.connect(lambda: reloads.append(1))
    _write_later(path, "نص\n")
    window.external_changes.check()
    assert reloads == [] and not window.document.loaded.changed_on_disk()


def test_same_size_edit_with_the_time_put_back_is_seen(window, tmp_path, qtbot):
    import os

    path = tmp_path / "same.md"
    path.write_text("نص أول\n", "utf-8")
    window.open_file(str(path))
    before = path.stat().st_mtime_ns
    path.write_text("نص ثان\n", "utf-8")  # same size in bytes
    os.utime(path, ns=(before, before))
    window.external_changes.check(force=True)
    assert window.editor.body_text() == "نص ثان\n"
