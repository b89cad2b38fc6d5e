"""The progress bar above the library while a long index update reads files; the window stays usable."""

from __future__ import annotations

import time
from pathlib import Path

from editor.core.library import record
from editor.ui.library.sidebar import LibrarySidebar
from tests.ui.conftest import type_text

COUNT = 120


def _library(root: Path, count: int) -> Path:
    for i in range(count):
        path = root / f"y{i % 3}" / f"a{i:03}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: مقال {i}\n---\nنص عن الأمن رقم {i}\n", encoding="utf-8")
    return root


def test_the_bar_follows_a_long_update_and_the_window_stays_usable(window, tmp_path, qtbot, monkeypatch):
    real = record.read_record

    def slow_read(root: str, rel: str) -> record.ArticleRecord:
        time.sleep(0.01)  # ~1.2 s for the library: long enough to see and to type meanwhile
        return real(root, rel)

    monkeypatch.setattr(record, "read_record", slow_read)
    seen: list[tuple[int, int]] = []
    bar = LibrarySidebar(window, _library(tmp_path / "Midad", COUNT), cache_dir=tmp_path / "cache")
    progress = bar.index_progress
    bar.controller.progress.connect(lambda done, total: seen.append((done, total)))
    window.side_tabs.setCurrentIndex(bar.tab_index)
    qtbot.waitUntil(lambda: progress.isVisible() and 0 < progress.bar.value() < COUNT, timeout=10000)
    assert progress.bar.maximum() == COUNT
    assert f"of {COUNT} articles" in progress.label.text()
    # the GUI thread is free: typing in the article while the index is read
    window.editor.setFocus()
    type_text(window.editor, "نص")
    assert "نص" in window.editor.toPlainText()
    assert progress.isVisible() and bar.library_panel.model.rowCount() == 0
    qtbot.waitUntil(lambda: bar.library_panel.model.rowCount() == COUNT, timeout=20000)
    assert not progress.isVisible()
    assert seen[-1] == (COUNT, COUNT) and len(seen) <= 101  # about a hundred redraws, not one per file
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    bar.shutdown()


def test_a_short_update_shows_no_bar(window, tmp_path, qtbot):
    root = _library(tmp_path / "Midad", 10)
    bar = LibrarySidebar(window, root, cache_dir=tmp_path / "cache")
    seen: list[tuple[int, int]] = []
    bar.controller.progress.connect(lambda done, total: seen.append((done, total)))
    qtbot.waitUntil(lambda: bar.library_panel.model.rowCount() == 10, timeout=10000)
    (root / "new.md").write_text("---\ntitle: جديد\n---\nنص\n", encoding="utf-8")
    bar.controller.refresh()
    qtbot.waitUntil(lambda: bar.library_panel.model.rowCount() == 11, timeout=10000)
    assert seen == [] and not bar.index_progress.isVisible()
    bar.shutdown()
