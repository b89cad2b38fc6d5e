"""A check dropped with a replaced worker (its future cancelled) is ignored quietly, never raised."""

from __future__ import annotations

from concurrent.futures import Future


def test_a_cancelled_check_is_ignored(window):
    desk = window.copydesk
    future: Future = Future()
    assert future.cancel()
    text = window.document.article().text
    before = list(desk.underlines.groups.get("typography", []))  # (a real check may have come back)
    desk._in_flight["typography"] = True
    desk._on_done("typography", 0, text, future)  # CancelledError is no Exception: it used to escape
    assert desk._in_flight["typography"] is False  # a later pause can check again
    assert desk.underlines.groups.get("typography", []) == before
