"""`midad index` shows a progress bar on stderr only when stderr is a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _library(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"a{i}.md").write_text(
            f"---\ntitle: مقال {i}\n---\nنص عن الأمن في الرباط {i}\n", encoding="utf-8"
        )
    return folder


def test_progress_on_a_terminal_only(tmp_path):
    library = _library(tmp_path / "lib", 40)
    command = [sys.executable, "-m", "editor.cli", "index", str(library), "--cache-dir", str(tmp_path / "c1")]
    master, slave = pty.openpty()
    proc = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=slave, timeout=120)
    os.close(slave)
    seen = b""
    try:
        while chunk := os.read(master, 65536):
            seen += chunk
    except OSError:
        pass  # the terminal's other end is closed: everything was read
    os.close(master)
    assert proc.returncode == 0
    text = seen.decode("utf-8", "replace")
    assert "midad: indexing [" in text and "40/40" in text
    assert b"midad: indexing" not in proc.stdout  # the listing itself stays clean

    piped = subprocess.run([*command[:-1], str(tmp_path / "c2")], cwd=ROOT, capture_output=True, timeout=120)
    assert piped.returncode == 0
    assert b"indexing" not in piped.stderr  # not a terminal: no progress line
