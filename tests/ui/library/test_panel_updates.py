"""A save in a big library changes only its row: no reset of the list, no filtering of every row."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate_library import generate_library  # noqa: E402
from editor.core.library.facade import Library  # noqa: E402
from editor.ui.library.controller import LibraryController  # noqa: E402
from editor.ui.library.model import INCREMENTAL_LIMIT, PATH_ROLE  # noqa: E402
from editor.ui.library.panel import LibraryPanel  # noqa: E402
from tests.ui.library.conftest import shown_library  # noqa: E402

COUNT = 400


class _Events:
    """Counts the list model's signals from now on."""

    def __init__(self, model) -> None:  # noqa: ANN001
        self.counts = {"reset": 0, "layout": 0, "inserted": 0, "removed": 0, "changed": 0}
        model.modelReset.connect(lambda: self._bump("reset"))
        model.layoutChanged.connect(lambda *_a: self._bump("layout"))
        model.rowsInserted.connect(lambda *_a: self._bump("inserted"))
        model.rowsRemoved.connect(lambda *_a: self._bump("removed"))
        model.dataChanged.connect(lambda *_a: self._bump("changed"))

    def _bump(self, key: str) -> None:
        self.counts[key] += 1


@pytest.fixture
def setup(qtbot, tmp_path: Path, monkeypatch):
    with shown_library(
        qtbot, tmp_path, monkeypatch, COUNT, words=30, seed=7, poll_ms=60_000, timeout=30000
    ) as shown:
        yield shown


def _refresh(qtbot, controller) -> None:  # noqa: ANN001
    with qtbot.waitSignal(controller.refreshed, timeout=30000):
        controller.refresh()


def _rows_in_order(panel: LibraryPanel) -> list[str]:
    return [panel.model.entry(r).rel_path for r in range(panel.model.rowCount())]


def test_saving_one_article_changes_its_row_only(qtbot, setup) -> None:
    panel, controller, manifest, root = setup
    selected = manifest[5].rel_path
    panel.select_path(selected)
    events = _Events(panel.model)
    filtered = panel.proxy.filtered_rows
    path = root / manifest[9].rel_path
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title:", "title: جديد", 1) + "\nسطر أضيف\n", encoding="utf-8")
    _refresh(qtbot, controller)
    assert events.counts["reset"] == events.counts["layout"] == 0  # the list was not rebuilt
    assert events.counts["changed"] + events.counts["inserted"] == 1
    assert panel.proxy.filtered_rows - filtered <= 2  # not one call per row
    entry = panel.library.article(manifest[9].rel_path)
    assert entry is not None and entry.title.startswith("جديد")
    assert panel.selected_path() == selected  # the selection stays
    # the order is exactly the one a full reload gives
    incremental = _rows_in_order(panel)
    panel.model.set_entries(panel.library.articles())
    assert _rows_in_order(panel) == incremental


def test_new_renamed_and_deleted_articles_move_only_their_rows(qtbot, setup) -> None:
    panel, controller, manifest, root = setup
    events = _Events(panel.model)
    (root / "zz-new.md").write_text("---\ntitle: مقال جديد\ndate: 2031-01-01\n---\nنص\n", encoding="utf-8")
    (root / manifest[3].rel_path).unlink()
    moved = root / manifest[4].rel_path
    moved.rename(moved.with_name("renamed.md"))
    _refresh(qtbot, controller)
    assert events.counts["reset"] == 0
    assert events.counts["inserted"] == 2 and events.counts["removed"] == 2
    assert panel.model.rowCount() == COUNT - 1 + 1
    assert panel.visible_paths()[0] == "zz-new.md"  # newest first
    incremental = _rows_in_order(panel)
    panel.model.set_entries(panel.library.articles())
    assert _rows_in_order(panel) == incremental


def test_many_changes_set_the_list_at_once(qtbot, setup) -> None:
    panel, controller, manifest, root = setup
    events = _Events(panel.model)
    for item in manifest[: INCREMENTAL_LIMIT + 1]:
        path = root / item.rel_path
        path.write_text(path.read_text(encoding="utf-8") + "\nتعديل\n", encoding="utf-8")
    _refresh(qtbot, controller)
    assert events.counts["reset"] == 1 and events.counts["inserted"] == 0


def test_the_whole_list_is_sorted_in_the_refresh_thread(qtbot, setup, monkeypatch) -> None:
    """A list set again (a cold index, many changes) is sorted before it reaches the GUI thread."""
    import threading

    from editor.ui.library.model import ArticleTableModel

    panel, controller, manifest, root = setup
    panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by title: any order but the default
    gui_sorts: list[str] = []
    real_sort = ArticleTableModel._sort_entries
    monkeypatch.setattr(
        ArticleTableModel,
        "_sort_entries",
        lambda m: gui_sorts.append(threading.current_thread().name) or real_sort(m),
    )
    for item in manifest[: INCREMENTAL_LIMIT + 1]:
        path = root / item.rel_path
        path.write_text(path.read_text(encoding="utf-8").replace("title:", "title: ت", 1), encoding="utf-8")
    _refresh(qtbot, controller)
    assert gui_sorts == []  # sorted by `prepare` in the worker thread
    shown = _rows_in_order(panel)
    panel.model.set_entries(panel.library.articles())  # sorted here, the slow way
    assert shown == _rows_in_order(panel) and len(shown) == COUNT


def test_a_tag_filter_refilters_only_the_rows_whose_tags_changed(qtbot, setup) -> None:
    panel, controller, manifest, root = setup
    panel.set_tag_filter(["وسم_فريد"])
    assert panel.proxy.rowCount() == 0
    filtered = panel.proxy.filtered_rows
    path = root / manifest[2].rel_path
    path.write_text(path.read_text(encoding="utf-8") + "\n#وسم_فريد\n", encoding="utf-8")
    _refresh(qtbot, controller)
    assert [panel.proxy.index(r, 0).data(PATH_ROLE) for r in range(panel.proxy.rowCount())] == [
        manifest[2].rel_path
    ]
    assert panel.proxy.filtered_rows - filtered <= 4


def _entry(rng, rel: str):  # noqa: ANN001, ANN202
    from editor.core.library.index import ArticleEntry

    date = rng.choice(["2024-01-02", "2024-01-03", "2023-12-31", "", "أمس", "2024-01-03"])
    title = rng.choice(["الأمن", "الامن", "Beta", "alpha", "مقال", ""]) + rng.choice(["", " 2"])
    status = rng.choice(["draft", "ready", "", "odd"])
    return ArticleEntry(rel, title, date, status, rng.randint(0, 9), (), (), None, 1, 1)


@pytest.mark.parametrize("column", [0, 1, 2, 3])
@pytest.mark.parametrize("descending", [False, True])
def test_changed_rows_land_where_a_full_sort_puts_them(qtbot, column: int, descending: bool) -> None:
    import random

    from PySide6.QtCore import Qt

    from editor.ui.library.model import ArticleTableModel

    rng = random.Random(column * 2 + descending)
    model = ArticleTableModel()
    model.sort(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    entries = {f"p{i:03d}.md": _entry(rng, f"p{i:03d}.md") for i in range(120)}
    model.set_entries(list(entries.values()))
    for _round in range(40):
        changed = [_entry(rng, rng.choice([*entries, f"n{rng.randint(0, 99)}.md"])) for _ in range(3)]
        changed = list({e.rel_path: e for e in changed}.values())
        removed = [p for p in rng.sample(sorted(entries), 2) if p not in {e.rel_path for e in changed}]
        assert model.apply_changes(changed, removed)
        for path in removed:
            del entries[path]
        entries.update({e.rel_path: e for e in changed})
        reference = ArticleTableModel()
        reference.sort(*model._sort)
        reference.set_entries(list(entries.values()))
        assert model.entries() == reference.entries()


def test_opening_a_library_reads_its_list_off_the_gui_thread(qtbot, tmp_path: Path) -> None:
    import threading

    from editor.ui.library.tag_panel import TagPanel

    root = tmp_path / "lib"
    generate_library(root, 40, words_per_article=20, seed=2)
    Library(root, cache_dir=tmp_path / "cache").refresh()  # a warm index
    library = Library(root, cache_dir=tmp_path / "cache")
    loads: list[bool] = []
    real_load = library._load_entries
    library._load_entries = lambda paths=None: (
        loads.append(threading.current_thread() is threading.main_thread()),
        real_load(paths),
    )[1]
    controller = LibraryController(library, poll_ms=60_000)
    tags = TagPanel(controller)
    panel = LibraryPanel(controller)
    qtbot.addWidget(tags)
    qtbot.addWidget(panel)
    assert not library.loaded and panel.model.rowCount() == 0  # building the panels read nothing
    controller.start()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 40 and tags.list.count() > 0, timeout=20000)
    assert loads == [False]  # loaded once, by the refresh thread
    controller.stop()
    controller.wait()


def test_a_library_that_takes_long_to_scan_is_polled_less_often(qtbot, tmp_path: Path) -> None:
    import time

    from editor.ui.library import controller as controller_module

    root = tmp_path / "lib"
    generate_library(root, 5, words_per_article=20, seed=2)
    library = Library(root, cache_dir=tmp_path / "cache")
    controller = LibraryController(library, poll_ms=300)
    slow = 0.05

    def refresh(progress=None):  # noqa: ANN001, ANN202 - a big library's rescan
        time.sleep(slow)
        return Library.refresh(library, progress)

    library.refresh = refresh
    with qtbot.waitSignal(controller.refreshed, timeout=20000):
        controller.start()
    assert controller.poll_interval_ms >= slow * controller_module.POLL_COST_RATIO * 1000
    slow = 0.0
    with qtbot.waitSignal(controller.busyChanged, timeout=20000, check_params_cb=lambda busy: not busy):
        controller.refresh()
    assert controller.poll_interval_ms == 300  # a quick rescan again: back to the usual interval
    controller.stop()
    controller.wait()
