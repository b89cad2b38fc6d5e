"""The recovery journal: entries written atomically, sorted at start-up, damage reported never fatal."""

from __future__ import annotations

import os
import subprocess
import sys

from editor.core.recovery.journal import Journal, JournalEntry, new_entry_id
from editor.core.recovery.paths import data_dir
from editor.core.recovery.process import me


def _dead_entry(journal: Journal, text: str, **fields: object) -> JournalEntry:
    """An entry written by a process that has exited since."""
    entry = JournalEntry(id=new_entry_id(), text=text, **fields)
    journal.write(entry)
    raw = journal.path_of(entry.id).read_bytes()
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead_pid = int(proc.stdout)
    entry.pid = dead_pid
    data = raw.replace(f'"pid": {os.getpid()}'.encode(), f'"pid": {dead_pid}'.encode())
    journal.path_of(entry.id).write_bytes(data)
    return entry


def test_data_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("MIDAD_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert data_dir() == tmp_path / "midad"


def test_entry_round_trip_and_private_mode(tmp_path):
    journal = Journal(tmp_path / "journal")
    entry = JournalEntry(id=new_entry_id(), text="---\ntitle: س\n---\nنص 🙂\n", base_path="/x/a.md", caret=7)
    path = journal.write(entry)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    back = journal.read(path)
    assert (
        back.text == entry.text and back.caret == 7 and back.pid == os.getpid() and back.host == me()["host"]
    )
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_scan_offers_dead_writers_only_and_reports_damage(tmp_path):
    journal = Journal(tmp_path / "journal")
    mine = JournalEntry(id=new_entry_id(), text="still typing")
    journal.write(mine)
    lost = _dead_entry(journal, "lost text", base_path=str(tmp_path / "a.md"))
    broken = journal.folder / "0000-broken.json"
    broken.write_bytes(journal.path_of(lost.id).read_bytes()[:40])  # truncated
    tampered = journal.folder / f"{new_entry_id()}.json"
    tampered.write_bytes(journal.path_of(lost.id).read_bytes().replace(b"lost text", b"lost TEXT"))
    found = journal.scan()
    assert [e.text for e in found.recoverable] == ["lost text"]
    assert [e.text for e in found.busy] == ["still typing"]
    assert {p.name for p, _ in found.damaged} == {broken.name, tampered.name}
    assert broken.exists() and tampered.exists()  # reported, never deleted


def test_recycled_pid_with_another_start_time_is_recoverable(tmp_path):
    journal = Journal(tmp_path / "journal")
    entry = JournalEntry(id=new_entry_id(), text="x")
    path = journal.write(entry)
    if not me()["start"]:
        return  # no /proc: nothing to check
    path.write_bytes(path.read_bytes().replace(f'"start": "{me()["start"]}"'.encode(), b'"start": "1"'))
    assert [e.id for e in journal.scan().recoverable] == [entry.id]


def test_remove_and_missing_folder(tmp_path):
    journal = Journal(tmp_path / "nowhere")
    assert journal.scan().recoverable == []
    entry = JournalEntry(id=new_entry_id(), text="x")
    journal.write(entry)
    journal.remove(entry.id)
    journal.remove(entry.id)
    assert journal.scan().busy == []
