"""Guard against PySide6 builds that leak references to None.

PySide6 6.12.0 on Python 3.11 drops a reference to None in every Qt call that returns nothing;
after a few thousand calls the process aborts with `Fatal Python error: none_dealloc`. The check
runs in a subprocess so that such a build fails this test clearly instead of killing the test run.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QTextEdit
app = QApplication([])
edit = QTextEdit()
for _ in range(200):
    edit.setPlainText("x")
before = sys.getrefcount(None)
for i in range(20_000):
    if i % 2:
        edit.setPlainText("نص")
    else:
        edit.resize(100 + i % 7, 80)
    if i % 500 == 0 and abs(sys.getrefcount(None) - before) > 1_000:
        print(f"DRIFT {sys.getrefcount(None) - before} after {i} calls", flush=True)
        sys.exit(3)
print(f"OK {sys.getrefcount(None) - before}", flush=True)
"""


def test_void_qt_calls_do_not_drift_none_refcount():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"PySide6 leaks references to None: {result.stdout} {result.stderr[-300:]}"
    drift = int(result.stdout.split()[-1])
    assert abs(drift) < 1_000
