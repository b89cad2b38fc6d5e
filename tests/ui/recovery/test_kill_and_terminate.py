"""Faults from outside on a real window process: SIGKILL while typing, SIGTERM with unsaved text.

MIDAD_STRESS_ROUNDS sets the number of kill rounds (1 by default; run 50+ by hand).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from editor.core.article.model import Article
from editor.core.article.save_guard import remove_stray_temps, stray_temps
from editor.core.recovery.journal import Journal
from tests.ui.recovery.typing_driver import TEXT

ROOT = Path(__file__).resolve().parents[3]
ROUNDS = int(os.environ.get("MIDAD_STRESS_ROUNDS", "1"))


def _start(tmp_path: Path, article: Path, **extra: str) -> subprocess.Popen:
    env = dict(os.environ, MIDAD_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen", **extra)
    return subprocess.Popen(
        [sys.executable, "-m", "tests.ui.recovery.typing_driver", str(tmp_path / "s.ini"), str(article)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def _wait_typed(proc: subprocess.Popen, count: int) -> int:
    typed = 0
    while typed < count:
        line = proc.stdout.readline()
        assert line, "the window process ended early"
        typed = int(line.split()[1])
    return typed


def _body_of_entry(tmp_path: Path) -> tuple[str, float]:
    found = Journal(tmp_path / "data" / "journal").scan()
    assert not found.damaged and not found.busy
    assert len(found.recoverable) == 1
    entry = found.recoverable[0]
    return Article.from_text(entry.text).body, entry.time


def test_sigkill_while_typing_leaves_recent_recoverable_text(tmp_path):
    rng = random.Random()
    for _round in range(ROUNDS):
        article = tmp_path / "a.md"
        article.write_text("---\ntitle: مقال\n---\n", "utf-8")
        for leftover in (tmp_path / "data" / "journal").glob("*"):
            leftover.unlink()
        proc = _start(tmp_path, article)
        _wait_typed(proc, 1)
        time.sleep(rng.uniform(4.5, 6.5))  # typing goes on without a pause: only the 4 s rule journals
        proc.send_signal(signal.SIGKILL)
        killed_at = time.time()
        proc.wait(10)
        typed = int(proc.stdout.read().split()[-1])
        proc.stdout.close()
        body, written = _body_of_entry(tmp_path)
        assert TEXT.startswith(body) and 0 < len(body) <= typed  # exactly what was typed up to a point
        assert killed_at - written <= 5.0
        assert article.read_text("utf-8") == "---\ntitle: مقال\n---\n"  # the file is untouched


def test_sigterm_journals_everything_and_exits_cleanly(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("نص قديم\n", "utf-8")
    proc = _start(tmp_path, article)
    typed = _wait_typed(proc, 30)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(15) == 0
    rest = proc.stdout.read().split()
    proc.stdout.close()
    last = int(rest[-1]) if rest else typed
    body, _written = _body_of_entry(tmp_path)
    assert body == "نص قديم\n" + TEXT[:last]


def test_sigkill_during_window_saves_of_a_1mb_article(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    article = folder / "big.md"
    start = "---\ntitle: كبير\n---\n" + ("سطر طويل من نص المقال الكبير " * 20 + "\n") * 1800
    assert len(start.encode()) > 1_000_000
    rng = random.Random()
    for _round in range(ROUNDS):
        article.write_text(start, "utf-8")
        proc = _start(tmp_path, article, MIDAD_DRIVER_SAVE="1")
        _wait_typed(proc, 1)
        time.sleep(rng.uniform(0.1, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        out = proc.stdout.read()
        proc.stdout.close()
        assert "save failed" not in out
        text = article.read_text("utf-8")
        assert text.startswith(start) and TEXT.startswith(text[len(start) :])  # whole: some save, never half
        remove_stray_temps(folder)  # the next start
        assert stray_temps(folder) == []
