"""Restoring the journal of a big article: the file is read off the GUI thread and the text goes in
slices; the caret is put back once it is all in; a small edit stays one undo step."""

from __future__ import annotations

import os
import threading

import pytest

from editor.core.recovery.journal import Journal, JournalEntry, new_entry_id
from editor.ui.article import reading
from editor.ui.editor import loading
from editor.ui.recovery import restore

PARAGRAPH = "قال الوزير إن الأمن في الرباط مستقر، وأضاف أن الخطة تمضي كما رسمت.\n\n"
FILE_TEXT = "---\ntitle: مقال طويل\n---\n" + PARAGRAPH * 6000  # ~700 KB: read by a worker thread


@pytest.fixture
def journal(tmp_path, monkeypatch):
    monkeypatch.setenv("MIDAD_DATA_DIR", str(tmp_path / "data"))
    return Journal()


@pytest.fixture
def reads(monkeypatch):
    """The threads that read an article file."""
    threads: list[threading.Thread] = []
    real = reading.load_article

    def recorded(path):  # noqa: ANN001, ANN202
        threads.append(threading.current_thread())
        return real(path)

    monkeypatch.setattr(reading, "load_article", recorded)
    return threads


def _entry(journal: Journal, text: str, base: str | None, caret: int) -> JournalEntry:
    entry = JournalEntry(id=new_entry_id(), text=text, base_path=base, caret=caret)
    path = journal.write(entry)  # then made the entry of a Midad that is gone
    path.write_bytes(path.read_bytes().replace(f'"pid": {os.getpid()}'.encode(), b'"pid": 999999999'))
    return entry


def _restore(window, journal: Journal) -> list[str]:  # noqa: ANN001
    return restore.offer_recovery(window, journal, ask=lambda *_: restore.RESTORE)


def test_a_big_article_is_read_by_a_worker_and_the_small_edit_is_one_undo_step(
    window, qtbot, journal, tmp_path, reads
):
    path = tmp_path / "big.md"
    path.write_text(FILE_TEXT, encoding="utf-8")
    at = len(FILE_TEXT) * 3 // 4
    edited = FILE_TEXT[:at] + "جملة لم تحفظ. " + FILE_TEXT[at:]
    entry = _entry(journal, edited, str(path), caret=at)
    assert _restore(window, journal) == [restore.RESTORE]
    assert reads and reads[0] is not threading.main_thread()  # read off the GUI thread
    qtbot.waitUntil(lambda: window.document.path == path and not window.editor.loading, timeout=60_000)
    assert window.document.article().text == edited and window.document.is_modified()
    assert window.editor.textCursor().position() == at  # put back once all is in
    qtbot.waitUntil(
        lambda: not journal.path_of(entry.id).exists(), timeout=10_000
    )  # journaled anew, then gone
    window.editor.undo()  # one step back to the file on disk
    assert window.document.article().text == FILE_TEXT
    window.document.editor.document().setModified(False)


def test_a_big_text_without_its_file_goes_in_slices_as_a_new_article(window, qtbot, journal, tmp_path):
    gone = tmp_path / "gone.md"
    text = "---\ntitle: بلا ملف\n---\n" + PARAGRAPH * 3000
    _entry(journal, text, str(gone), caret=len(text) // 2)
    assert _restore(window, journal) == [restore.RESTORE]
    assert window.editor.loading and len(text) > loading.BIG_BODY_CHARS  # not inserted in one go
    assert window.document.article().text == text  # but whole at every moment
    qtbot.waitUntil(lambda: not window.editor.loading, timeout=60_000)
    assert window.document.article().text == text and window.document.is_modified()
    assert window.files.new_file_path == gone
    assert window.editor.textCursor().position() == len(text) // 2
    window.document.editor.document().setModified(False)


def test_at_start_the_journal_and_the_files_are_read_by_a_worker(
    window, qtbot, journal, tmp_path, monkeypatch
):
    """`offer_recovery_soon` (the GUI start): scanning a 5 MB entry and reading its file for the dialog's
    differences happen in a worker thread; the dialog then shows them, on the GUI thread."""
    from editor.core.recovery.journal import Journal as RealJournal

    path = tmp_path / "big.md"
    path.write_text(FILE_TEXT, encoding="utf-8")
    entry = _entry(journal, FILE_TEXT + "سطر لم يحفظ\n", str(path), caret=0)
    scanned: list[threading.Thread] = []
    real_scan = RealJournal.scan
    monkeypatch.setattr(
        RealJournal, "scan", lambda self: scanned.append(threading.current_thread()) or real_scan(self)
    )
    asked: list[tuple] = []

    def ask(parent, shown, disk=None):  # noqa: ANN001, ANN202
        asked.append((threading.current_thread(), shown.id, disk))
        return restore.LATER

    monkeypatch.setattr(restore, "ask_restore", ask)
    restore.offer_recovery_soon(window)
    qtbot.waitUntil(lambda: bool(asked), timeout=30_000)
    assert scanned and scanned[0] is not threading.main_thread()
    thread, shown_id, disk = asked[0]
    assert thread is threading.main_thread() and shown_id == entry.id
    assert disk is not None and disk[0] == FILE_TEXT  # the file's text, read by the worker
    assert journal.path_of(entry.id).exists()  # "later" keeps it
