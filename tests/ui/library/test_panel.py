"""The library panel with real widgets: listing, sorting, filters, search as you type, external edits."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate_library import generate_library  # noqa: E402
from editor.core.library.facade import Library  # noqa: E402
from editor.core.text.arabic import normalize_for_match  # noqa: E402
from editor.ui.library.controller import LibraryController  # noqa: E402
from editor.ui.library.model import DATE, TITLE  # noqa: E402
from editor.ui.library.panel import LibraryPanel  # noqa: E402
from tests.ui.library.conftest import shown_library  # noqa: E402

COUNT = 30


@pytest.fixture
def setup(qtbot, tmp_path: Path, monkeypatch):
    with shown_library(
        qtbot, tmp_path, monkeypatch, COUNT, words=40, seed=5, poll_ms=300, timeout=10000
    ) as shown:
        yield shown


def type_arabic(widget: QWidget, text: str) -> None:
    """Type as a keyboard layout does: key events carrying the text (QTest aborts outside Latin-1)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def _row_of(panel: LibraryPanel, rel: str) -> int:
    return panel.visible_paths().index(rel)


def test_lists_articles_sorted_by_date_and_title(setup) -> None:
    panel, _c, manifest, _root = setup
    assert sorted(panel.visible_paths()) == sorted(m.rel_path for m in manifest)
    dates = [panel.proxy.index(r, DATE).data() for r in range(panel.proxy.rowCount())]
    assert dates == sorted(dates, reverse=True)  # newest first by default
    panel.sort_choice.setCurrentIndex(2)  # by title
    titles = [panel.proxy.index(r, TITLE).data() for r in range(panel.proxy.rowCount())]
    assert [normalize_for_match(t) for t in titles] == sorted(normalize_for_match(t) for t in titles)
    assert "of 30" in panel.count_label.text() or "30" in panel.count_label.text()


def test_status_filter(setup) -> None:
    panel, _c, manifest, _root = setup
    index = panel.status_filter.findData("draft")
    assert index > 0
    panel.status_filter.setCurrentIndex(index)
    assert sorted(panel.visible_paths()) == sorted(m.rel_path for m in manifest if m.status == "draft")


def test_click_opens_the_article(setup, qtbot) -> None:
    panel, _c, manifest, root = setup
    rel = manifest[4].rel_path
    row = _row_of(panel, rel)
    rect = panel.table.visualRect(panel.proxy.index(row, TITLE))
    with qtbot.waitSignal(panel.articleActivated, timeout=2000) as blocker:
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [str(root / rel)]


def test_typing_in_search_shows_highlighted_results(setup, qtbot) -> None:
    panel, _c, _manifest, root = setup
    (root / "خاص.md").write_text("---\ntitle: تقرير خاص\n---\nزار الوفدُ المستشفياتِ والمدارس.\n", "utf-8")
    panel.controller.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == COUNT + 1, timeout=5000)
    type_arabic(panel.search_field, "مستشفيات")
    qtbot.waitUntil(lambda: panel.result_paths() == ["خاص.md"], timeout=5000)
    assert panel.stack.currentWidget() is panel.results
    # the count says hits of all articles during a search, not "N of N"
    assert panel.count_label.text() == f"1 of {COUNT + 1} articles match"
    label = panel.results.itemWidget(panel.results.item(0))
    assert '#ffe27a; color:#000000">المستشفياتِ</span>' in label.text()  # highlighted
    with qtbot.waitSignal(panel.articleActivated, timeout=2000) as blocker:
        rect = panel.results.visualItemRect(panel.results.item(0))
        qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [str(root / "خاص.md")]
    panel.search_field.clear()
    assert panel.stack.currentWidget() is panel.table
    assert panel.count_label.text() == f"{COUNT + 1} of {COUNT + 1} articles"


def test_search_as_you_type_matches_a_partial_word(setup, qtbot) -> None:
    panel, _c, _manifest, root = setup
    (root / "x.md").write_text("---\ntitle: عنوان\n---\nالاستخبارات الإماراتية\n", "utf-8")
    panel.controller.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == COUNT + 1, timeout=5000)
    type_arabic(panel.search_field, "الإماراتي")
    qtbot.waitUntil(lambda: "x.md" in panel.result_paths(), timeout=5000)


def test_external_changes_show_up(setup, qtbot) -> None:
    panel, _c, manifest, root = setup
    victim = root / manifest[0].rel_path
    text = victim.read_text("utf-8").replace(manifest[0].title, "عنوان عدّله محرر آخر")
    with open(victim, "w", encoding="utf-8") as handle:  # in place, as many editors do
        handle.write(text)
    os.utime(victim, ns=(victim.stat().st_atime_ns, victim.stat().st_mtime_ns + 2_000_000_000))
    (root / "2020" / "new.md").parent.mkdir(exist_ok=True)
    (root / "2020" / "new.md").write_text("# مقال أضافته أداة مزامنة\n", "utf-8")
    (root / manifest[1].rel_path).unlink()

    def seen() -> bool:
        titles = {e.title for e in panel.model.entries()}
        return (
            "عنوان عدّله محرر آخر" in titles and "مقال أضافته أداة مزامنة" in titles and COUNT == len(titles)
        )

    qtbot.waitUntil(seen, timeout=5000)
    assert manifest[1].rel_path not in panel.visible_paths()


def test_new_rename_and_delete(setup, qtbot, monkeypatch, tmp_path) -> None:
    panel, _c, _manifest, root = setup
    with qtbot.waitSignal(panel.articleActivated, timeout=2000) as blocker:
        path = panel.create_article("مقال: جديد تماما")
    assert path is not None and Path(blocker.args[0]) == path and path.name == "مقال-جديد-تماما.md"
    qtbot.waitUntil(lambda: path.name in panel.visible_paths(), timeout=5000)
    # rename so the file name follows the slug written in the front matter
    path.write_text(
        path.read_text("utf-8").replace("status: draft", "status: draft\nslug: new-piece"), "utf-8"
    )
    panel.select_path(path.name)
    qtbot.waitUntil(lambda: panel.selected_path() == path.name, timeout=5000)
    with qtbot.waitSignal(panel.articleRenamed, timeout=2000) as renamed:
        panel.rename_selected_to_slug()
    assert renamed.args == [str(path), str(root / "new-piece.md")]
    qtbot.waitUntil(lambda: "new-piece.md" in panel.visible_paths(), timeout=5000)
    assert not path.exists() and (root / "new-piece.md").exists()
    # delete asks first; "No" keeps the file
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not panel.delete_path("new-piece.md")
    assert (root / "new-piece.md").exists()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(panel.articleDeleted, timeout=2000) as deleted:
        assert panel.delete_path("new-piece.md")
    assert deleted.args == [str(root / "new-piece.md")]
    assert not (root / "new-piece.md").exists()
    assert (tmp_path / "data" / "Trash" / "files" / "new-piece.md").exists()
    qtbot.waitUntil(lambda: "new-piece.md" not in panel.visible_paths(), timeout=5000)


def test_works_mirrored(setup, qtbot) -> None:
    panel, _c, _manifest, _root = setup
    panel.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.wait(50)
    assert panel.table.isRightToLeft()
    # the title column (first) is drawn at the right edge when mirrored
    first = panel.table.visualRect(panel.proxy.index(0, TITLE))
    last = panel.table.visualRect(panel.proxy.index(0, 3))
    assert first.left() > last.left()


def test_the_folder_watcher_alone_picks_up_a_new_file(qtbot, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.md").write_text("# أول\n", "utf-8")
    controller = LibraryController(Library(root, cache_dir=tmp_path / "cache"), poll_ms=600_000)  # no polling
    panel = LibraryPanel(controller)
    qtbot.addWidget(panel)
    controller.start()
    qtbot.waitUntil(lambda: panel.visible_paths() == ["sub/a.md"], timeout=5000)
    (root / "sub" / "b.md").write_text("# ثان\n", "utf-8")
    qtbot.waitUntil(lambda: sorted(panel.visible_paths()) == ["sub/a.md", "sub/b.md"], timeout=3000)
    (root / "sub" / "a.md").rename(root / "c.md")
    qtbot.waitUntil(lambda: sorted(panel.visible_paths()) == ["c.md", "sub/b.md"], timeout=3000)
    controller.stop()
    controller.wait()


def test_controller_reports_indexing_progress(qtbot, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    generate_library(root, 120, words_per_article=20, seed=2)
    controller = LibraryController(Library(root, cache_dir=tmp_path / "cache"), poll_ms=600_000)
    seen: list[tuple[int, int]] = []
    controller.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(controller.refreshed, timeout=10000):
        controller.refresh()
    assert seen and seen[-1] == (120, 120)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen) and len(seen) <= 101
    controller.shutdown()


def test_a_date_that_is_not_a_date_sorts_last_and_is_marked(qtbot, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "bad.md").write_text("---\ntitle: بلا تاريخ\ndate: yesterday\n---\nنص\n", "utf-8")
    (root / "old.md").write_text("---\ntitle: قديم\ndate: 2020-01-01\n---\nنص\n", "utf-8")
    (root / "new.md").write_text("---\ntitle: جديد\ndate: 2024-05-12\n---\nنص\n", "utf-8")
    controller = LibraryController(Library(root, cache_dir=tmp_path / "cache"), poll_ms=600_000)
    panel = LibraryPanel(controller)
    qtbot.addWidget(panel)
    controller.start()
    qtbot.waitUntil(lambda: len(panel.visible_paths()) == 3, timeout=5000)
    assert panel.visible_paths() == ["new.md", "old.md", "bad.md"]  # newest first: the non-date last
    panel.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    assert panel.visible_paths() == ["old.md", "new.md", "bad.md"]  # oldest first: still last
    row = panel.visible_paths().index("bad.md")
    shown = panel.proxy.index(row, DATE).data()
    assert shown.startswith("⚠") and "yesterday" in shown
    assert "⚠" in panel.proxy.index(row, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    controller.stop()
    controller.wait()
