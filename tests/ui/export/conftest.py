"""Shared fixtures of the window's export tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.ui.export import jobs
from tests.conftest import SEED_PATH


@pytest.fixture
def big_window(window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The window with the seed article open, counted as big (exported and printed in the worker)."""
    monkeypatch.setattr(jobs, "SYNC_EXPORT_CHARS", 1_000)  # the seed article counts as big here
    path = tmp_path / "seed.md"
    path.write_text("---\ntitle: مقال\n---\n\n" + SEED_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    assert window.files.open_path(path)
    return window, path
