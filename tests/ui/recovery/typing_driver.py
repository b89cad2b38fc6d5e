"""A real Midad window that types by itself (for the kill and SIGTERM tests; run as a script).

    python -m tests.ui.recovery.typing_driver SETTINGS.ini [FILE]

Types TEXT one character every 15 ms at the end of the article and prints `typed N` after each one;
with MIDAD_DRIVER_SAVE=1 in the environment it also saves (Ctrl+S) after each character.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QTextCursor

TEXT = "كتب الصحفي فقرة جديدة عن الانتخابات في المدينة. " * 40


def main() -> None:
    from editor.app import create_app
    from editor.ui.common.settings import Settings
    from editor.ui.window.main_window import MainWindow
    from editor.ui.window.startup import start_recovery

    app = create_app()
    window = MainWindow(Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat)))
    if len(sys.argv) > 2:
        window.open_file(sys.argv[2])
    window.show()
    start_recovery(window)
    position = [0]

    def type_one() -> None:
        if position[0] >= len(TEXT) or not window.isVisible() or window.editor.isReadOnly():
            return  # (a big article is read-only until it is all in: "the end" is not there yet)
        cursor = window.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(TEXT[position[0]])
        window.editor.setTextCursor(cursor)
        position[0] += 1
        if os.environ.get("MIDAD_DRIVER_SAVE") and not window.files.save():
            print("save failed", flush=True)
        print(f"typed {position[0]}", flush=True)

    timer = QTimer(window, interval=15)
    timer.timeout.connect(type_one)
    timer.start()
    sys.exit(app.exec())


if __name__ == "__main__":
    main()
