"""One truth: library tag operations reach the open article through the document."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.library import tag_ops
from editor.ui.library.sidebar import LibrarySidebar
from tests.ui.conftest import type_text

TEXT = "---\ntitle: لقاء\ntags: [أمن, الرباط]\n---\nنص عن #أمن في المدينة\n"


@pytest.fixture
def setup(window, tmp_path: Path, qtbot):
    root = tmp_path / "Midad"
    root.mkdir()
    article = root / "a.md"
    article.write_text(TEXT, "utf-8")
    (root / "b.md").write_text("---\ntags: [أمن]\n---\nنص آخر\n", "utf-8")
    bar = LibrarySidebar(window, root, cache_dir=tmp_path / "cache")
    qtbot.waitUntil(lambda: bar.library_panel.model.rowCount() == 2, timeout=10000)
    assert window.open_file(str(article))
    window.files.resolve_conflict = lambda *_: pytest.fail(
        "Midad's own write was taken for another program's"
    )
    yield window, bar, article
    bar.shutdown()


def _run(qtbot, bar, operation):
    with qtbot.waitSignal(bar.tag_panel.operationFinished, timeout=10000) as caught:
        bar.tag_panel.run_operation(operation)
    return caught.args[0]


def test_clean_open_article_is_reloaded_in_place_and_undo_follows(setup, qtbot):
    window, bar, article = setup
    report = _run(qtbot, bar, lambda: tag_ops.rename_tag(bar.controller.library, "أمن", "سلامة"))
    assert "a.md" in {c.rel_path for c in report.changed}
    assert window.document.article().text == article.read_text("utf-8")
    assert "#سلامة" in window.editor.body_text() and not window.document.is_modified()
    window.external_changes.check(force=True)
    assert not window.banner.isVisible() or "another program" not in window.banner.label.text()
    _run(qtbot, bar, lambda: tag_ops.undo_last(bar.controller.library))
    assert article.read_text("utf-8") == TEXT and window.document.article().text == TEXT


def test_modified_open_article_gets_the_same_edit_as_one_undo_step(setup, qtbot):
    window, bar, article = setup
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "سطر جديد")
    _run(qtbot, bar, lambda: tag_ops.rename_tag(bar.controller.library, "أمن", "سلامة"))
    assert "#سلامة" in article.read_text("utf-8") and "سطر جديد" not in article.read_text("utf-8")
    assert window.document.is_modified()
    assert window.document.meta_article.tags == ["سلامة", "الرباط"]
    assert "#سلامة" in window.editor.body_text() and window.editor.body_text().endswith("سطر جديد")
    window.external_changes.check(force=True)
    assert not (window.banner.isVisible() and "another program" in window.banner.label.text())
    assert window.files.save()  # no conflict: the base is the file Midad wrote
    saved = article.read_text("utf-8")
    assert "tags: [سلامة, الرباط]" in saved and "#سلامة" in saved and saved.endswith("سطر جديد")
    window.editor.undo()  # typing
    window.editor.undo()  # the tag change in the body
    assert "#أمن" in window.editor.body_text()


def test_undo_leaves_a_modified_open_article_alone_and_says_so(setup, qtbot):
    window, bar, article = setup
    _run(qtbot, bar, lambda: tag_ops.rename_tag(bar.controller.library, "أمن", "سلامة"))
    type_text(window.editor, "x")
    on_disk = article.read_bytes()
    bar.tag_panel.undo_last()
    with qtbot.waitSignal(bar.tag_panel.operationFinished, timeout=10000) as caught:
        pass
    report = caught.args[0]
    assert dict(report.refused)["a.md"].startswith("it is open in Midad with unsaved changes")
    assert "b.md" in report.restored and article.read_bytes() == on_disk
