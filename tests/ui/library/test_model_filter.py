"""The list's filter proxy: Qt filters on its own while no filter is active (no Python call per row),
and the status and path filters keep exactly the rows they should, turned on, changed and off."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.core.library.index import ArticleEntry
from editor.ui.library.model import PATH_ROLE, ArticleFilterProxy, ArticleTableModel

STATUSES = ("draft", "review", "ready", "published", "")


def _entries(count: int) -> list[ArticleEntry]:
    return [
        ArticleEntry(
            f"a/{i:05d}.md", f"عنوان {i}", f"2024-01-{i % 28 + 1:02d}", STATUSES[i % 5], i, (), (), None, 1, 1
        )
        for i in range(count)
    ]


def _shown(proxy: ArticleFilterProxy) -> set[str]:
    return {proxy.index(r, 0).data(PATH_ROLE) for r in range(proxy.rowCount())}


def test_without_a_filter_no_row_is_asked_about(qtbot) -> None:
    model, proxy = ArticleTableModel(), ArticleFilterProxy()
    proxy.setSourceModel(model)
    entries = _entries(3000)
    model.set_entries(entries)
    assert proxy.rowCount() == 3000 and proxy.filtered_rows == 0
    sort, ordered = model.sorted_entries(entries)
    model.set_entries(ordered, presorted=sort)
    assert proxy.rowCount() == 3000 and proxy.filtered_rows == 0


def test_status_and_path_filters_on_changed_and_off(qtbot) -> None:
    model, proxy = ArticleTableModel(), ArticleFilterProxy()
    proxy.setSourceModel(model)
    entries = _entries(500)
    model.set_entries(entries)
    everything = {e.rel_path for e in entries}
    proxy.set_status("review")
    assert _shown(proxy) == {e.rel_path for e in entries if e.status == "review"}
    proxy.set_status("ready")  # changed while on
    assert _shown(proxy) == {e.rel_path for e in entries if e.status == "ready"}
    some = {e.rel_path for e in entries[:40]}
    proxy.set_paths(some)  # both filters
    assert _shown(proxy) == {e.rel_path for e in entries[:40] if e.status == "ready"}
    proxy.set_status(None)
    assert _shown(proxy) == some
    proxy.set_paths(some | {entries[41].rel_path})  # a few more paths: only their rows asked
    assert _shown(proxy) == some | {entries[41].rel_path}
    proxy.set_paths(None)  # off: every row again, without Python asking
    asked = proxy.filtered_rows
    assert _shown(proxy) == everything
    model.set_entries(list(reversed(entries)))
    assert proxy.rowCount() == 500 and proxy.filtered_rows == asked
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert _shown(proxy) == everything
