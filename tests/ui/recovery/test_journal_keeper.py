"""The window journals unsaved text, shows a banner when it cannot, and restores it after a crash."""

from __future__ import annotations

import os

import pytest

from editor.core.recovery.journal import Journal
from editor.ui.recovery import restore
from tests.ui.conftest import type_text


@pytest.fixture
def journal(tmp_path, monkeypatch):
    monkeypatch.setenv("MIDAD_DATA_DIR", str(tmp_path / "data"))
    return Journal()


def _entries(journal: Journal) -> list:
    found = journal.scan()
    return found.busy + found.recoverable


def test_typing_is_journaled_after_a_pause_and_saving_removes_it(window, qtbot, journal, seed_file):
    window.recovery.keeper._pause.setInterval(50)
    assert window.open_file(str(seed_file))
    type_text(window.editor, "سطر جديد")
    qtbot.waitUntil(lambda: len(_entries(journal)) == 1, timeout=3000)
    entry = _entries(journal)[0]
    assert entry.text == window.document.article().text
    assert entry.base_path == str(seed_file) and entry.base_hash == window.document.loaded.digest
    assert entry.pid == os.getpid() and entry.caret == window.editor.textCursor().position()
    assert window.files.save()
    qtbot.waitUntil(lambda: _entries(journal) == [], timeout=3000)


def test_unwritable_journal_shows_a_banner_at_once(window, qtbot, journal, tmp_path):
    (tmp_path / "data").write_text("not a folder")  # the data folder cannot be created
    window.recovery.keeper._pause.setInterval(20)
    type_text(window.editor, "نص")
    banner = window.recovery.banner
    qtbot.waitUntil(banner.isVisible, timeout=3000)
    assert "recovery copy" in banner.label.text()
    (tmp_path / "data").unlink()
    type_text(window.editor, "ب")
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=3000)


def test_terminate_keeps_the_text_and_the_next_start_restores_it(qtbot, settings, journal, seed_file):
    from editor.ui.window.main_window import MainWindow

    first = MainWindow(settings)
    qtbot.addWidget(first)
    assert first.open_file(str(seed_file))
    first.editor.moveCursor(first.editor.textCursor().MoveOperation.End)
    type_text(first.editor, "\nفقرة لم تُحفظ")
    typed = first.document.article().text
    first.recovery.terminate()  # what SIGTERM does: no question asked
    assert not first.isVisible()
    entry = _entries(journal)[0]
    assert entry.text == typed
    entry_path = journal.path_of(entry.id)
    # the next start: the entry's writer is gone (simulated by another pid)
    entry_path.write_bytes(
        entry_path.read_bytes().replace(f'"pid": {os.getpid()}'.encode(), b'"pid": 999999999')
    )
    second = MainWindow(settings)
    qtbot.addWidget(second)
    asked = []
    choices = restore.offer_recovery(second, journal, ask=lambda _w, e: asked.append(e) or restore.RESTORE)
    assert choices == [restore.RESTORE] and asked[0].text == typed
    assert second.document.article().text == typed
    assert second.document.path == seed_file and second.document.is_modified()
    assert not entry_path.exists()  # now journaled under the new window's own entry
    second.editor.undo()  # undo goes back to the file on disk
    assert second.document.article().text == seed_file.read_text("utf-8")
    second.document.editor.document().setModified(False)


def test_discard_removes_and_later_keeps(qtbot, window, journal):
    from editor.core.recovery.journal import JournalEntry

    for text in ("أ", "ب"):
        journal.write(JournalEntry(id=f"{text.encode().hex()}-x", text=text))
    for path in journal.folder.iterdir():
        path.write_bytes(path.read_bytes().replace(f'"pid": {os.getpid()}'.encode(), b'"pid": 999999999'))
    answers = iter([restore.DISCARD, restore.LATER])
    assert restore.offer_recovery(window, journal, ask=lambda *_: next(answers)) == ["discard", "later"]
    assert len(journal.scan().recoverable) == 1
    dialog = restore.RestoreDialog(journal.scan().recoverable[0], window)
    assert "never saved" in dialog.label.text() or "Untitled" in dialog.label.text()
    assert "+" in dialog.diff.toPlainText()
    dialog.discard_button.click()
    assert dialog.choice == restore.DISCARD


def test_session_reopens_the_last_article_with_its_caret(qtbot, settings, journal, seed_file):
    from editor.ui.window.main_window import MainWindow

    first = MainWindow(settings)
    qtbot.addWidget(first)
    assert first.open_file(str(seed_file))
    cursor = first.editor.textCursor()
    cursor.setPosition(120)
    first.editor.setTextCursor(cursor)
    assert first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert second.recovery.restore_session()
    assert second.document.path == seed_file and second.editor.textCursor().position() == 120
    assert second.close()
    seed_file.unlink()  # gone: mentioned, not an error
    third = MainWindow(settings)
    qtbot.addWidget(third)
    assert not third.recovery.restore_session()
    assert "no longer there" in third.status.currentMessage() and third.document.path is None
    third.recovery.reopen_action.trigger()  # the preference turns it off
    assert not settings.reopen_last()
