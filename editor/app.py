"""Start Midad's GUI: the QApplication, its names, translations and layout direction, then the window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit


def run_gui(files: list[str]) -> int:
    """Open the writing window (with `files[0]` if given) and run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Midad")
    app.setOrganizationName("Midad")
    window = QMainWindow()
    editor = QTextEdit(window)
    if files:
        with open(files[0], encoding="utf-8", errors="replace", newline="") as handle:
            editor.setPlainText(handle.read())
    window.setCentralWidget(editor)
    window.setWindowTitle("Midad")
    window.resize(1000, 700)
    window.show()
    return app.exec()
