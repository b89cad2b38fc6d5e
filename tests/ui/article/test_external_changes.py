"""The open article changed by another program: reloaded when Midad has no unsaved edits, kept otherwise."""

from __future__ import annotations

import os
import threading

import pytest

from editor.ui.article import reading
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


PARAGRAPH = "قال الوزير إن الأمن في الرباط مستقر، وأضاف أن الخطة تمضي كما رسمت.\n\n"


def _big(tag: str) -> str:
    return f"---\ntitle: {tag}\n---\n" + PARAGRAPH * 6000 + tag + "\n"  # ~400 KB: read by a worker


@pytest.fixture
def held_read(monkeypatch):
    """Holds a worker's read until the test opens the gate; records the threads that read."""
    gate = threading.Event()
    threads: list[threading.Thread] = []
    real = reading.load_article

    def held(path):  # noqa: ANN001, ANN202
        if threading.current_thread() is not threading.main_thread():
            threads.append(threading.current_thread())
            assert gate.wait(30)
        return real(path)

    monkeypatch.setattr(reading, "load_article", held)
    return gate, threads


def _open_big(window, qtbot, path) -> None:  # noqa: ANN001
    assert window.open_file(str(path))
    qtbot.waitUntil(lambda: window.document.path == path and not window.editor.loading, timeout=60_000)


def test_a_big_file_changed_on_disk_is_read_by_a_worker_and_goes_in_slices(
    window, tmp_path, qtbot, held_read
):
    gate, threads = held_read
    gate.set()
    path = tmp_path / "big.md"
    path.write_text(_big("قديم"), encoding="utf-8")
    _open_big(window, qtbot, path)
    threads.clear()
    gate.clear()
    far = len(PARAGRAPH) * 5000
    cursor = window.editor.textCursor()
    cursor.setPosition(far)
    window.editor.setTextCursor(cursor)
    _write_later(path, _big("جديد"))
    window.external_changes.check(force=True)
    qtbot.waitUntil(lambda: bool(threads))  # read in a worker thread, not here
    qtbot.wait(50)  # the window runs meanwhile and still shows the old text
    assert window.editor.body_text().endswith("قديم\n") and window.document.meta["title"] == "قديم"
    window.external_changes.check(force=True)  # a second notice meanwhile: no second read
    assert len(threads) == 1
    gate.set()
    qtbot.waitUntil(lambda: window.document.meta["title"] == "جديد", timeout=30_000)
    assert window.editor.loading  # in slices
    qtbot.waitUntil(lambda: not window.editor.loading, timeout=60_000)
    assert window.editor.body_text() == _big("جديد").split("---\n", 2)[2]
    assert not window.document.is_modified()
    assert window.editor.textCursor().position() == far  # the caret where it was, once all is in
    assert not window.document.loaded.changed_on_disk()


def test_typing_while_a_big_changed_file_is_read_makes_it_a_conflict(window, tmp_path, qtbot, held_read):
    gate, threads = held_read
    gate.set()
    path = tmp_path / "big.md"
    path.write_text(_big("قديم"), encoding="utf-8")
    _open_big(window, qtbot, path)
    threads.clear()
    gate.clear()
    _write_later(path, _big("جديد"))
    window.external_changes.check(force=True)
    qtbot.waitUntil(lambda: bool(threads))
    type_text(window.editor, "كلمة ")  # typing goes on while the worker reads
    gate.set()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=30_000)
    assert "another program" in window.banner.label.text()
    assert window.editor.body_text().startswith("كلمة ") and window.document.meta["title"] == "قديم"


def test_a_big_file_touched_without_change_is_not_reloaded(window, tmp_path, qtbot):
    path = tmp_path / "big.md"
    path.write_text(_big("قديم"), encoding="utf-8")
    _open_big(window, qtbot, path)
    reloads = []
    window.external_changes.reloaded.connect(lambda: reloads.append(1))
    _write_later(path, _big("قديم"))
    window.external_changes.check(force=True)
    qtbot.waitUntil(lambda: not window.document.loaded.changed_on_disk(), timeout=30_000)
    assert reloads == [] and not window.editor.loading
