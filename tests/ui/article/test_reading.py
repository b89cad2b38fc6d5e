"""A big article the user opens is read off the GUI thread (`editor/ui/article/reading.py`): the
window stays live meanwhile, the keys typed go to the new article, a refused file says why in one
line and leaves the article that was shown as it was."""

from __future__ import annotations

import os
import threading

import pytest

from editor.ui.article import reading
from tests.ui.conftest import type_text

PARAGRAPH = "قال الوزير إن الأمن في الرباط مستقر، وأضاف أن الخطة تمضي كما رسمت.\n\n"


def _big_text(title: str = "مقال طويل") -> str:
    body = PARAGRAPH * (reading.THREAD_BYTES // len(PARAGRAPH.encode("utf-8")) * 2)
    return f"---\ntitle: {title}\n---\n\n" + body


@pytest.fixture
def gate(monkeypatch):
    """Holds the worker's read until the test opens the gate; records the thread that read."""
    opened = threading.Event()
    threads: list[threading.Thread] = []
    real = reading.load_article

    def held(path):  # noqa: ANN001, ANN202
        threads.append(threading.current_thread())
        assert opened.wait(30)
        return real(path)

    monkeypatch.setattr(reading, "load_article", held)
    return opened, threads


def _errors(window) -> list[str]:  # noqa: ANN001
    said: list[str] = []
    window.files.show_error = lambda _parent, title, message: said.append(f"{title}: {message}")
    return said


def test_a_big_file_is_read_in_a_worker_while_the_window_stays_live(window, qtbot, tmp_path, gate):
    opened, threads = gate
    shown = tmp_path / "shown.md"
    shown.write_text("---\ntitle: قصير\n---\nنص قصير\n", encoding="utf-8")
    assert window.open_file(str(shown)) and window.document.path == shown  # small: at once
    big = tmp_path / "big.md"
    text = _big_text()
    big.write_text(text, encoding="utf-8")
    assert window.open_file(str(big))  # returns while the worker is still reading
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    assert window.files.reading == big and window.editor.loading
    qtbot.wait(50)  # the event loop runs meanwhile: the file is still not read, the window answers
    assert window.document.path == shown and window.editor.body_text() == "نص قصير\n"
    assert window.editor.isReadOnly()  # the article being replaced is not edited meanwhile
    type_text(window.editor, "أول ")  # typed for the new article
    assert window.editor.body_text() == "نص قصير\n"
    assert not window.files.save()  # nothing is saved while the next article is read
    opened.set()
    qtbot.waitUntil(lambda: not window.editor.loading, timeout=60_000)
    assert window.document.path == big and window.files.reading is None
    assert window.document.meta.get("title") == "مقال طويل"
    body = text.split("---\n", 2)[2]
    assert window.editor.body_text() == "أول " + body  # the keys went to the new article, in order
    assert window.document.is_modified() and not window.editor.isReadOnly()
    assert window.files.save()  # the read's digest is the one the checked save compares
    assert big.read_text(encoding="utf-8") == text[: len(text) - len(body)] + "أول " + body


def test_a_big_file_refused_after_reading_says_why_and_keeps_the_article(window, qtbot, tmp_path):
    said = _errors(window)
    shown = tmp_path / "shown.md"
    shown.write_text("نص قصير\n", encoding="utf-8")
    window.open_file(str(shown))
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\x00\x01\x02binary" * (reading.THREAD_BYTES // 8))
    assert reading.worth_a_thread(binary)
    window.open_file(str(binary))
    type_text(window.editor, "x")  # typed while it was read: meant for the article refused
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    assert len(said) == 1 and "\n" not in said[0] and "binary.md" in said[0], said
    assert "Traceback" not in said[0]
    assert window.document.path == shown and window.editor.body_text() == "نص قصير\n"
    assert not window.editor.isReadOnly() and not window.editor.loading
    assert not window.document.is_modified()  # the key was dropped, not typed into this article
    type_text(window.editor, "ب")
    assert window.editor.body_text() == "بنص قصير\n"


def test_fifos_devices_and_oversize_files_are_refused_at_once_without_a_thread(window, tmp_path, monkeypatch):
    said = _errors(window)
    monkeypatch.setattr(reading.ArticleReader, "start", lambda *_a: pytest.fail("read in a thread"))
    fifo = tmp_path / "x.md"
    os.mkfifo(fifo)
    assert not window.open_file(str(fifo))
    assert not window.open_file("/dev/zero")
    over = tmp_path / "over.md"
    with over.open("wb") as f:
        f.truncate(60 * 1024 * 1024)  # sparse: over the 50 MB limit without writing it
    assert not window.open_file(str(over))
    assert len(said) == 3 and all("\n" not in s for s in said), said
    assert "FIFO" in said[0] and "device" in said[1] and "too large" in said[2], said


def test_opening_another_file_while_one_is_read_drops_the_first(window, qtbot, tmp_path, gate):
    opened, threads = gate
    first, second = tmp_path / "first.md", tmp_path / "second.md"
    first.write_text(_big_text("الأول"), encoding="utf-8")
    second.write_text(_big_text("الثاني"), encoding="utf-8")
    window.open_file(str(first))
    qtbot.waitUntil(lambda: len(threads) == 1)
    window.open_file(str(second))
    qtbot.waitUntil(lambda: len(threads) == 2)
    opened.set()
    qtbot.waitUntil(lambda: window.document.path == second and not window.editor.loading, timeout=60_000)
    qtbot.wait(100)  # the first read's result came too, and was dropped
    assert window.document.path == second and window.document.meta.get("title") == "الثاني"


def test_new_while_a_file_is_read_drops_it(window, qtbot, tmp_path, gate):
    opened, _threads = gate
    big = tmp_path / "big.md"
    big.write_text(_big_text(), encoding="utf-8")
    window.open_file(str(big))
    assert window.files.new()
    opened.set()
    qtbot.wait(200)
    assert window.document.path is None and not window.editor.loading and not window.editor.isReadOnly()


def test_programs_open_synchronously(window, tmp_path):
    """Opens by program (journal restore, library edits) come back with the article shown."""
    big = tmp_path / "big.md"
    big.write_text(_big_text(), encoding="utf-8")
    assert window.files.open_path(big) and window.document.path == big


def test_what_runs_once_shown_waits_for_a_big_article_to_be_whole(window, qtbot, tmp_path):
    """`open_file(path, then=)` (the session's caret): with an article that goes in slices, `then`
    runs once the text is whole, so a caret far down lands where it was, not on the first slice."""
    shown = tmp_path / "shown.md"
    shown.write_text("نص قصير\n", encoding="utf-8")
    assert window.open_file(str(shown))
    big = tmp_path / "big.md"
    big.write_text(_big_text() * 2, encoding="utf-8")
    far = len(_big_text()) + 100
    ran: list[int] = []

    def place_caret() -> None:
        cursor = window.editor.textCursor()
        cursor.setPosition(far)
        window.editor.setTextCursor(cursor)
        ran.append(window.editor.document().characterCount())

    assert window.open_file(str(big), then=place_caret)
    qtbot.waitUntil(lambda: window.document.path == big, timeout=30_000)
    assert window.editor.loading and not ran  # shown, but still going in: not yet
    qtbot.waitUntil(lambda: bool(ran), timeout=60_000)
    assert not window.editor.loading and window.editor.textCursor().position() == far
    assert ran[0] - 1 == len(window.editor.body_text())
