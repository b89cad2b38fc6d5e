"""Screenshots of the Arabic writing window for docs/ (issue 15): light and dark theme, with the
Outline tab and focus mode on. Run under a real X server, e.g.:

    xvfb-run -a -s "-screen 0 1400x900x24" python benchmarks/screenshots_desk.py

Writes docs/screenshot-desk-ar-light.png and docs/screenshot-desk-ar-dark.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEED = ROOT / "tests" / "fixtures" / "seed-article.txt"


def main() -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QTextCursor as Cursor

    from editor.app import create_app, install_translations
    from editor.ui.common.settings import Settings
    from editor.ui.window.main_window import MainWindow

    app = create_app()
    install_translations(app, "ar")
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "seed.md"
        # the seed article with a front matter (title, word goal) and section headings for the outline
        paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        headings = {
            4: "## اللقاء الأمني",
            7: "## التعاون الثنائي",
            10: "### الاتفاقيات",
            12: "## ما بعد الزيارة",
        }
        body = []
        for index, paragraph in enumerate(paragraphs):
            if index in headings:
                body.append(headings[index])
            body.append(paragraph)
        front = "---\ntitle: المغرب والإمارات يعززان تعاونهما الأمني\nauthor: مِداد\nwords_goal: 800\n---\n"
        article.write_text(front + "\n\n".join(body) + "\n", encoding="utf-8")
        for theme in ("light", "dark"):
            settings = Settings(QSettings(str(Path(tmp) / f"{theme}.ini"), QSettings.Format.IniFormat))
            settings.set_theme(theme)
            settings.set_view_flag("dark_preview", theme == "dark")
            window = MainWindow(settings)
            window.files.ask_save = lambda *_: "discard"
            window.resize(1400, 860)
            window.show()
            window.open_file(str(article))
            window.side_tabs.setCurrentWidget(window.outline)
            window.view_modes.focus.setChecked(True)
            editor = window.editor
            block = editor.document().findBlockByNumber(min(16, editor.document().blockCount() - 1))
            while block.isValid() and not block.text().strip():
                block = block.next()
            cursor = Cursor(block)
            cursor.movePosition(Cursor.MoveOperation.EndOfWord)
            editor.setTextCursor(cursor)
            editor.setFocus()
            for _ in range(40):
                app.processEvents()
                window.document.flush()
                QTimer.singleShot(50, lambda: None)
                app.processEvents()
            deadline = 200
            while not window.outline.headings and deadline:
                app.processEvents()
                window.thread().msleep(20)
                deadline -= 1
            for _ in range(20):
                app.processEvents()
                window.thread().msleep(20)
            out = ROOT / "docs" / f"screenshot-desk-ar-{theme}.png"
            window.grab().save(str(out))
            print(out)
            window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
