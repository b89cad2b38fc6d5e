"""Local history: bounded by count and age per article, deduplicated, follows renames."""

from __future__ import annotations

import os
import time

import pytest

from editor.core.recovery.history import HistoryStore


def test_store_keeps_the_configured_number_and_stays_bounded(tmp_path):
    store = HistoryStore(tmp_path / "h.sqlite3", keep=10)
    article = tmp_path / "a.md"
    sizes = []
    for i in range(60):
        assert store.add(article, (f"نسخة {i}\n" + os.urandom(2000).hex()).encode(), words=i)
        sizes.append((tmp_path / "h.sqlite3").stat().st_size)
    versions = store.versions(article)
    assert [v.words for v in versions] == list(range(59, 49, -1))  # newest first, 10 kept
    assert store.data(article, 1).startswith("نسخة 59".encode())
    assert sizes[-1] <= sizes[20] * 1.5  # pages of pruned versions are reused: no growth without bound
    with pytest.raises(KeyError):
        store.data(article, 11)


def test_same_bytes_twice_are_kept_once_and_old_versions_expire(tmp_path):
    store = HistoryStore(tmp_path / "h.sqlite3", keep=50, days=30)
    article = tmp_path / "a.md"
    assert store.add(article, b"old", when=time.time() - 40 * 86400)
    assert store.add(article, b"x") and not store.add(article, b"x")
    assert [store.data(article, v.number) for v in store.versions(article)] == [
        b"x"
    ]  # the 40-day-old one expired


def test_versions_follow_a_rename(tmp_path):
    store = HistoryStore(tmp_path / "h.sqlite3")
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    store.add(old, b"v1")
    store.rename(old, new)
    assert store.versions(old) == [] and store.data(new, 1) == b"v1"
