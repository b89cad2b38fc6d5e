"""Shared fixtures: the real Arabic seed article."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # tests never need a real screen
# Midad's own folders (data: journal, history, locks; cache: the index) point at a temporary folder
# for the whole run, so no test reads or writes the user's real ones. Tests that need their own
# folders set these variables again with monkeypatch.
_RUN_DIR = Path(tempfile.mkdtemp(prefix="midad-tests-"))
os.environ["XDG_DATA_HOME"] = str(_RUN_DIR / "data")
os.environ["XDG_CACHE_HOME"] = str(_RUN_DIR / "cache")
os.environ["MIDAD_CACHE_DIR"] = str(_RUN_DIR / "cache" / "midad")

import pytest  # noqa: E402 - after the environment above

FIXTURES = Path(__file__).parent / "fixtures"
SEED_PATH = FIXTURES / "seed-article.txt"


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED_PATH.read_bytes()


@pytest.fixture
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture
def seed_file(tmp_path: Path) -> Path:
    """A copy of the seed article as `seed.md` in a temporary folder."""
    path = tmp_path / "seed.md"
    path.write_bytes(SEED_PATH.read_bytes())
    return path
