"""Settings of the GUI process made for typing (issue 13) that are read before the QApplication."""

from __future__ import annotations

import os

from editor.app import create_app, without_x11_shared_memory


def _unset(monkeypatch, name: str) -> None:
    monkeypatch.setenv(name, "")  # (so that monkeypatch restores the variable's state afterwards)
    monkeypatch.delenv(name)


def test_x11_repaints_do_not_wait_for_the_server(monkeypatch):
    _unset(monkeypatch, "QT_XCB_NO_MITSHM")
    monkeypatch.delenv("MIDAD_X11_SHM", raising=False)
    create_app()  # (sets it before the QApplication, when one is made)
    assert os.environ["QT_XCB_NO_MITSHM"] == "1"


def test_the_users_choice_stays(monkeypatch):
    monkeypatch.setenv("QT_XCB_NO_MITSHM", "yes")
    without_x11_shared_memory()
    assert os.environ["QT_XCB_NO_MITSHM"] == "yes"
    _unset(monkeypatch, "QT_XCB_NO_MITSHM")
    monkeypatch.setenv("MIDAD_X11_SHM", "1")  # Qt's shared memory kept
    without_x11_shared_memory()
    assert "QT_XCB_NO_MITSHM" not in os.environ
