"""Failed and conflicting saves in the window: the document stays modified, the file intact, Save As offered."""

from __future__ import annotations

import errno
import os
import shutil

from editor.core.article import storage
from tests.ui.conftest import type_text

FRONT = "---\ntitle: مقال\n---\nنص\n"


def _open(window, tmp_path):
    path = tmp_path / "a.md"
    path.write_text(FRONT, "utf-8")
    assert window.open_file(str(path))
    window.editor.setFocus()
    type_text(window.editor, "تعديل")
    return path


def test_fsync_failure_keeps_the_document_modified_and_offers_save_as(window, tmp_path, monkeypatch):
    path = _open(window, tmp_path)

    def eio(_fd):
        raise OSError(errno.EIO, "Input/output error")

    shown = []
    other = tmp_path / "elsewhere.md"
    window.files.choose_save_path = lambda *_: str(other)
    with monkeypatch.context() as patch:
        patch.setattr(storage.os, "fsync", eio)
        window.files.save_failed = lambda _w, title, message: shown.append(message) or False
        assert not window.files.save()
    assert "a.md" in shown[0] and "input/output error" in shown[0]
    assert window.document.is_modified() and path.read_text("utf-8") == FRONT
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".midad-tmp")]
    # the user takes the offered Save As
    window.files.save_failed = lambda *_: True
    with monkeypatch.context() as patch:
        calls = []
        real = storage.atomic_write_bytes

        def fail_first(target, data, expected=storage.ANY):
            calls.append(target)
            if len(calls) == 1:
                raise storage.SaveError("cannot save: the disk is full")
            return real(target, data, expected)

        patch.setattr("editor.core.article.files.atomic_write_bytes", fail_first)
        assert window.files.save()
    assert "تعديل" in other.read_text("utf-8") and window.document.path == other


def test_folder_deleted_while_open(window, tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    path = _open(window, folder)
    shutil.rmtree(folder)
    shown = []
    window.files.save_failed = lambda _w, _t, message: shown.append(message) or False
    assert not window.files.save()
    assert "folder does not exist" in shown[0] and window.document.is_modified()
    assert not path.exists()


def test_take_theirs_reloads_the_file(window, tmp_path):
    path = _open(window, tmp_path)
    path.write_text(FRONT + "من برنامج آخر\n", "utf-8")
    window.files.resolve_conflict = lambda *_: "theirs"
    assert not window.files.save()
    assert window.editor.body_text() == "نص\nمن برنامج آخر\n" and not window.document.is_modified()


def test_stray_temp_next_to_an_opened_article_is_cleaned(window, tmp_path):
    path = tmp_path / "a.md"
    path.write_text(FRONT, "utf-8")
    stray = tmp_path / ".a.md.q1w2e3r4.midad-tmp"
    stray.write_text("half", "utf-8")
    assert window.open_file(str(path))
    assert not stray.exists()


def test_file_deleted_under_unsaved_edits_asks_and_keep_mine_writes_it_again(window, tmp_path):
    path = _open(window, tmp_path)
    path.unlink()
    asked = []
    window.files.resolve_conflict = lambda _w, name, mine, theirs: asked.append(theirs) or "mine"
    assert window.files.save()
    assert asked == [""] and "تعديل" in path.read_text("utf-8") and not window.document.is_modified()
