"""The tag panel with real widgets: counts, sorting, filtering, selecting tags filters the library, tag ops."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate_library import generate_library  # noqa: E402
from editor.core.library.facade import Library  # noqa: E402
from editor.core.library.tag_ops import rename_tag  # noqa: E402
from editor.core.library.tags import tag_key  # noqa: E402
from editor.ui.library.controller import LibraryController  # noqa: E402
from editor.ui.library.panel import LibraryPanel  # noqa: E402
from editor.ui.library.tag_panel import TagPanel  # noqa: E402

COUNT = 40


@pytest.fixture
def panels(qtbot, tmp_path: Path):
    root = tmp_path / "lib"
    manifest = generate_library(root, COUNT, words_per_article=30, seed=9)
    controller = LibraryController(Library(root, cache_dir=tmp_path / "cache"), poll_ms=60000)
    library_panel = LibraryPanel(controller)
    tag_panel = TagPanel(controller)
    tag_panel.tagsSelected.connect(library_panel.set_tag_filter)
    for widget in (library_panel, tag_panel):
        qtbot.addWidget(widget)
        widget.show()
    controller.start()
    qtbot.waitUntil(
        lambda: tag_panel.list.count() > 0 and library_panel.model.rowCount() == COUNT, timeout=10000
    )
    yield tag_panel, library_panel, manifest, root
    controller.stop()
    controller.wait()


def _click(qtbot, tag_panel: TagPanel, tag: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    item = tag_panel.item_for(tag)
    assert item is not None, tag
    rect = tag_panel.list.visualItemRect(item)
    qtbot.mouseClick(tag_panel.list.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _with(manifest, canonical: str) -> set[str]:
    return {m.rel_path for m in manifest if canonical in m.canonical_tags}


def test_every_tag_with_its_count_most_used_first(panels) -> None:
    tag_panel, _lp, manifest, _root = panels
    truth = Counter(tag_key(c) for m in manifest for c in m.canonical_tags)
    shown = {}
    for i in range(tag_panel.list.count()):
        item = tag_panel.list.item(i)
        summary = item.data(Qt.ItemDataRole.UserRole + 2)
        shown[summary.key] = summary.count
        assert item.text() == f"{summary.tag}  ({summary.count})"
    assert shown == dict(truth)
    counts = [
        tag_panel.list.item(i).data(Qt.ItemDataRole.UserRole + 2).count for i in range(tag_panel.list.count())
    ]
    assert counts == sorted(counts, reverse=True)
    tag_panel.sort_choice.setCurrentIndex(1)  # by name
    keys = [tag_key(t) for t in tag_panel.visible_tags()]
    assert keys == sorted(keys)


def test_variants_are_one_row_with_a_tooltip(panels) -> None:
    tag_panel, _lp, _manifest, _root = panels
    item = tag_panel.item_for("الامن")
    assert item is tag_panel.item_for("الأمن") is tag_panel.item_for("#الأمـن")
    summary = item.data(Qt.ItemDataRole.UserRole + 2)
    if len(summary.variants) > 1:
        assert "Also written" in item.toolTip() or "،" in item.toolTip()


def test_filter_field_hides_other_tags(panels) -> None:
    tag_panel, _lp, _manifest, _root = panels
    for ch in "مغرب":
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                tag_panel.filter_field,
                QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch),
            )
    assert [tag_key(t) for t in tag_panel.visible_tags()] == [tag_key("المغرب")]


def test_clicking_a_tag_filters_the_library(panels, qtbot) -> None:
    tag_panel, library_panel, manifest, _root = panels
    _click(qtbot, tag_panel, "الأمن")
    assert set(library_panel.visible_paths()) == _with(manifest, "الأمن")
    # Ctrl-click a second tag: articles with both
    _click(qtbot, tag_panel, "المغرب", Qt.KeyboardModifier.ControlModifier)
    assert len(tag_panel.selected_tags()) == 2
    both = _with(manifest, "الأمن") & _with(manifest, "المغرب")
    assert set(library_panel.visible_paths()) == both
    tag_panel.mode_choice.setCurrentIndex(1)  # any
    either = _with(manifest, "الأمن") | _with(manifest, "المغرب")
    assert set(library_panel.visible_paths()) == either
    tag_panel.clear_button.click()
    assert len(library_panel.visible_paths()) == COUNT


def test_rename_from_the_panel_then_undo(panels, qtbot, monkeypatch) -> None:
    tag_panel, library_panel, manifest, root = panels
    before = {p: p.read_bytes() for p in root.rglob("*.md")}
    messages: list[str] = []
    tag_panel.message.connect(messages.append)
    with qtbot.waitSignal(tag_panel.operationFinished, timeout=10000) as done:
        tag_panel.run_operation(lambda: rename_tag(tag_panel.library, "المغرب", "المملكة_المغربية"))
    report = done.args[0]
    assert report is not None and {c.rel_path for c in report.changed} == _with(manifest, "المغرب")
    assert tag_panel.item_for("المغرب") is None
    assert tag_panel.item_for("المملكة_المغربية") is not None
    assert messages and str(len(report.changed)) in messages[-1]
    _click(qtbot, tag_panel, "المملكة_المغربية")
    assert set(library_panel.visible_paths()) == _with(manifest, "المغرب")
    renamed = next(iter(_with(manifest, "المغرب")))
    renamed_key = tag_key("المملكة_المغربية")

    def list_shows_new_tag() -> bool:  # the article list itself was reloaded
        entry = next(e for e in library_panel.model.entries() if e.rel_path == renamed)
        return renamed_key in {tag_key(t) for t in entry.tags}

    qtbot.waitUntil(list_shows_new_tag, timeout=5000)
    with qtbot.waitSignal(tag_panel.operationFinished, timeout=10000) as done:
        tag_panel.undo_last()
    undo = done.args[0]
    assert undo is not None and not undo.refused
    assert {p: p.read_bytes() for p in root.rglob("*.md")} == before
    assert tag_panel.item_for("المغرب") is not None
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(tag_panel.operationFinished, timeout=10000) as done:
        tag_panel.undo_last()
    assert done.args == [None]  # nothing left to undo: the user is told, nothing crashes
    assert "no tag operation to undo" in messages[-1]
    assert tag_panel.isEnabled()


def test_context_menu_actions_use_dialogs(panels, qtbot, monkeypatch) -> None:
    tag_panel, _lp, manifest, root = panels
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("الأمن", True))
    with qtbot.waitSignal(tag_panel.operationFinished, timeout=10000):
        tag_panel.ask_merge("الاقتصاد" if tag_panel.item_for("الاقتصاد") else "الطاقة")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(tag_panel.operationFinished, timeout=10000):
        tag_panel.ask_remove("الأمن")
    assert tag_panel.item_for("الأمن") is None
    assert all("#الأمن" not in p.read_text("utf-8") for p in root.rglob("*.md"))
