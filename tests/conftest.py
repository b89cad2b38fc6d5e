"""Shared fixtures: the real Arabic seed article."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # tests never need a real screen

import pytest

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
