"""Guard against PySide6 builds that leak references to None (6.12.0 on Python 3.11 aborts the process)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QTextEdit


def test_void_qt_calls_do_not_drift_none_refcount(qtbot):
    edit = QTextEdit()
    qtbot.addWidget(edit)
    for _ in range(200):  # warm up caches
        edit.setPlainText("x")
    before = sys.getrefcount(None)
    for i in range(20_000):
        if i % 2:
            edit.setPlainText("نص")
        else:
            edit.resize(100 + i % 7, 80)
    drift = sys.getrefcount(None) - before
    assert abs(drift) < 1_000, f"refcount of None drifted by {drift} over 20,000 void calls"
