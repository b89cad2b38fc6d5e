"""`midad history FILE [--json] [--show N] [--restore N]`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from editor.core.recovery.history import HistoryStore

ROOT = Path(__file__).resolve().parents[2]


def _midad(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editor.cli", *args], capture_output=True, text=True, cwd=ROOT, env=env
    )


def test_list_show_and_restore(tmp_path, monkeypatch):
    import os

    env = dict(os.environ, MIDAD_DATA_DIR=str(tmp_path / "data"))
    monkeypatch.setenv("MIDAD_DATA_DIR", str(tmp_path / "data"))
    article = tmp_path / "a.md"
    store = HistoryStore()
    store.add(article, "---\ntitle: أول\n---\nنص أول\n".encode(), words=2)
    store.add(article, "---\ntitle: ثان\n---\nنص ثان أطول\n".encode(), words=3)
    article.write_text("---\ntitle: الآن\n---\nالنص الحالي\n", "utf-8")
    listed = json.loads(_midad("history", str(article), "--json", env=env).stdout)
    assert [(v["number"], v["words"]) for v in listed] == [(1, 3), (2, 2)]
    assert _midad("history", str(article), "--show", "2", env=env).stdout == "---\ntitle: أول\n---\nنص أول\n"
    restored = _midad("history", str(article), "--restore", "2", env=env)
    assert restored.returncode == 0, restored.stderr
    assert article.read_text("utf-8") == "---\ntitle: أول\n---\nنص أول\n"
    assert (
        store.data(article, 1) == "---\ntitle: الآن\n---\nالنص الحالي\n".encode()
    )  # the replaced text is kept
    missing = _midad("history", str(article), "--show", "9", env=env)
    assert missing.returncode == 1 and "no version 9" in missing.stderr
    assert "no earlier versions" in _midad("history", str(tmp_path / "b.md"), env=env).stdout


def test_midad_set_keeps_the_replaced_version(tmp_path, monkeypatch):
    import os

    env = dict(os.environ, MIDAD_DATA_DIR=str(tmp_path / "data"))
    monkeypatch.setenv("MIDAD_DATA_DIR", str(tmp_path / "data"))
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: أول\n---\nنص\n", "utf-8")
    assert _midad("set", str(article), "title=ثان", env=env).returncode == 0
    assert HistoryStore().data(article, 1) == "---\ntitle: أول\n---\nنص\n".encode()
