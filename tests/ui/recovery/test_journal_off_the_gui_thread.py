"""Journaling never makes typing wait for the disk (issue 13, target 6): the journal's writes, its
fsyncs and the local-history copy of a save run on the journal's worker thread, never on the GUI
thread."""

from __future__ import annotations

import os
import threading

from editor.core.recovery.journal import Journal
from tests.ui.conftest import type_text


def test_journal_writes_and_fsyncs_run_on_the_worker_thread(window, qtbot, monkeypatch, tmp_path, seed_file):
    monkeypatch.setenv("MIDAD_DATA_DIR", str(tmp_path / "data"))
    gui = threading.get_ident()
    writes: list[int] = []
    syncs: list[int] = []
    write, fsync = Journal.write, os.fsync
    monkeypatch.setattr(
        Journal, "write", lambda self, entry: (writes.append(threading.get_ident()), write(self, entry))[1]
    )
    monkeypatch.setattr(os, "fsync", lambda fd: (syncs.append(threading.get_ident()), fsync(fd))[1])
    keeper = window.recovery.keeper
    keeper._pause.setInterval(20)
    assert window.open_file(str(seed_file))
    type_text(window.editor, "سطر جديد")
    qtbot.waitUntil(lambda: len(writes) >= 1, timeout=5000)
    keeper.wait()
    assert syncs, "the journal entry is synced to disk"
    assert gui not in writes and gui not in syncs
    added: list[int] = []
    history = window.recovery.history
    add = history.add
    monkeypatch.setattr(history, "add", lambda *a: (added.append(threading.get_ident()), add(*a))[1])
    syncs.clear()
    assert window.files.save()  # the save itself is synced on the GUI thread (Ctrl+S waits for it)
    keeper.wait()
    qtbot.waitUntil(lambda: len(added) == 1, timeout=5000)
    assert added[0] != gui  # the replaced version goes to the history on the worker
