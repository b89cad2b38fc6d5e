"""Show the window first: the article is painted before the library, SQLite, Markdown or a worker load."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QTextEdit

from editor.ui.editor.markdown_edit import MarkdownEdit
from editor.ui.window.first_frame import FirstFrame
from editor.ui.window.shell import show_first

ROOT = Path(__file__).resolve().parents[3]


def test_steps_run_in_order_after_the_first_paint(qtbot):
    edit = QTextEdit()
    edit.setPlainText("نص")
    qtbot.addWidget(edit)
    ran: list[str] = []
    frame = FirstFrame(edit.viewport(), edit)
    frame.add(lambda: ran.append("one"))
    frame.add(lambda: ran.append("two"))
    assert ran == []  # nothing before the window paints
    edit.show()
    qtbot.waitUntil(lambda: ran == ["one", "two"], timeout=3000)
    assert frame.painted
    frame.add(lambda: ran.append("late"))  # added after: runs soon, not never
    qtbot.waitUntil(lambda: ran[-1] == "late", timeout=3000)


@pytest.mark.qt_no_exception_capture
def test_a_failing_step_does_not_stop_the_others(qtbot):
    edit = QTextEdit()
    qtbot.addWidget(edit)
    ran: list[str] = []
    frame = FirstFrame(edit.viewport(), edit)

    def broken() -> None:
        raise RuntimeError("a step that fails")

    frame.add(broken)
    frame.add(lambda: ran.append("library"))
    sys_hook, sys.excepthook = sys.excepthook, lambda *_args: ran.append("reported")
    try:
        edit.show()
        qtbot.waitUntil(lambda: "library" in ran, timeout=3000)
    finally:
        sys.excepthook = sys_hook
    assert ran == ["reported", "library"]  # the failure is reported, the next step still runs


def test_the_editor_tells_its_first_paint_itself(qtbot):
    edit = MarkdownEdit()
    edit.set_body("نص عربي")
    qtbot.addWidget(edit)
    ran: list[str] = []
    frame = FirstFrame(edit, edit)  # no event filter on the viewport: the editor's paintEvent tells it
    frame.add(lambda: ran.append("rest"))
    edit.show()
    qtbot.waitUntil(lambda: ran == ["rest"], timeout=3000)
    edit.update()
    qtbot.wait(50)
    assert ran == ["rest"]  # once, not at every paint


def test_nothing_asks_for_a_viewport_before_the_first_frame(qtbot, first_frame, seed_file, monkeypatch):
    # PySide's first viewport() of a process builds the Python types of every Qt widget class (~11 ms);
    # the first frame (shell, article, paint, FirstFrame) does without it. The first step may ask.
    asked: list[str] = []
    real = QAbstractScrollArea.viewport

    def viewport(self):  # noqa: ANN001, ANN202
        asked.append(type(self).__name__)
        return real(self)

    monkeypatch.setattr(QAbstractScrollArea, "viewport", viewport)
    win = first_frame
    show_first(win, str(seed_file))
    win.show()
    at_first_step: list[list[str]] = []
    frame = FirstFrame(win.editor, win)
    frame.add(lambda: at_first_step.append(list(asked)))
    qtbot.waitUntil(lambda: bool(at_first_step), timeout=3000)
    assert frame.painted and at_first_step == [[]]


def test_whole_process_paints_the_article_before_loading_the_library(seed_file, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MIDAD_STARTUP_TRACE="1")
    env.update(
        HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data")
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "editor.cli", str(seed_file)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []

    def read() -> None:
        for line in proc.stderr:
            lines.append(line)
            if "all-started" in line:
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(60)
    proc.kill()
    proc.wait()
    trace = [line for line in lines if line.startswith("midad: first-paint")]
    assert trace, "".join(lines)
    # the bare window was shown before the editor's modules, the outline, Qt's namespace enums and the
    # article's reading (`early_map.AFTER_MAP`), and before the first paint
    mapped = [line for line in lines if line.startswith("midad: mapped")]
    assert mapped and lines.index(mapped[0]) < lines.index(trace[0]), "".join(lines)
    assert "loaded=- " in mapped[0], mapped[0]
    assert "loaded=- " in trace[0], trace[0]  # no Markdown, BeautifulSoup, worker pool or library yet
    # …nor the window's late parts (find bar, copy desk, export menus, outline), SQLite, futures, TOML
    # (HEAVY_MODULES lists them); right after the first frame they are all there
    started = [line for line in lines if line.startswith("midad: all-started")]
    assert started, "".join(lines)
    for module in (
        "editor.ui.window.parts",
        "editor.ui.window.late_parts",
        "editor.ui.copydesk.desk",
        "editor.ui.library.sidebar",
    ):
        assert module in started[0], started[0]
