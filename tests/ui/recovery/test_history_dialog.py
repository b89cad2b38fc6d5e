"""File → History…: every save keeps the version it replaced; restore is one undo step."""

from __future__ import annotations

from editor.core.recovery.history import HistoryStore
from tests.ui.conftest import type_text


def test_sixty_saves_keep_the_configured_versions_and_restore_is_one_undo_step(window, tmp_path, qtbot):
    window.recovery.history = HistoryStore(tmp_path / "h.sqlite3", keep=12)
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: مقال\n---\n", "utf-8")
    assert window.open_file(str(path))
    window.editor.setFocus()
    for i in range(60):
        type_text(window.editor, f"ك{i} ")
        assert window.files.save()
    window.recovery.keeper.wait()
    versions = window.recovery.history.versions(path)
    assert len(versions) == 12
    assert window.recovery.history.data(path, 1).decode().endswith("ك58 ")  # what the last save replaced
    from editor.ui.recovery.history_dialog import HistoryDialog

    dialog = HistoryDialog(window.document, window.recovery.history, window)
    assert dialog.list.count() == 12
    added = [
        line
        for line in dialog.diff.toPlainText().splitlines()
        if line.startswith("+") and not line.startswith("+++")
    ]
    assert added == [window.editor.body_text().rstrip("\n").join(["+", ""])]
    dialog.list.setCurrentRow(11)
    current = window.document.article().text
    dialog.restore_button.click()
    assert dialog.restored and window.document.is_modified()
    assert window.document.article().text == window.recovery.history.data(path, 12).decode()
    window.editor.undo()
    assert window.document.article().text == current
