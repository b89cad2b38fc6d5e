"""Drive Midad over hostile articles in one process and report each step as a JSON line.

    python -m tests.hostile.drive cli ROOT STEPS CASE...
    python -m tests.hostile.drive window ROOT CASE...

ROOT is laid out by `tests.hostile.harness.build_tree`: the article of CASE is `ROOT/lib/CASE/CASE.md`,
exports go to `ROOT/out/CASE/`. STEPS is a comma-separated list of CLI steps (`show`, `export-FMT`,
`export-stdout`, `index`; `all` = every one). Before each step the driver tries to open
`ROOT/.mark/CASE/STEP` (which does not exist): under `strace -e trace=openat` that failed open marks
where the step starts, so the harness can tell which step opened which file.

`cli` runs the commands in-process through `editor.cli.main` (exactly what `midad …` runs after the
interpreter started), standard output to a file. `window` opens each article in one real MainWindow
(offscreen), waits for the preview (or its notice), types a key, waits for the preview again, and
measures how long the GUI thread went without turning its event loop: `open_ms` is the synchronous
`open_file` call; after it, a 20 ms QTimer records the largest gap between its ticks
(`after_open_ms` = that gap minus the interval); `blocked_ms` is the larger of the two. A watchdog
thread samples the GUI thread's Python stack during stalls over 150 ms (`stalls`: where they were).

Each JSON line: {"case", "step", "seconds", "status", "stderr", ...}; `status` is the command's exit
status, "traceback" for an exception that escaped, or a short word for the window.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import time
import traceback
from pathlib import Path

TICK_MS = 20
WAIT_S = 12.0  # a step not done by then is reported as not done (the limit asserted is 10 s)


def emit(**fields: object) -> None:
    """One report line on the real standard output."""
    sys.__stdout__.write(json.dumps(fields, ensure_ascii=False) + "\n")
    sys.__stdout__.flush()


def mark(root: Path, case: str, step: str) -> None:
    """A failed open of ROOT/.mark/CASE/STEP: the step boundary in the strace log; and a line saying
    the step starts (so a step that never ends can be named)."""
    emit(case=case, step=step, event="start")
    try:
        os.close(os.open(root / ".mark" / case / step, os.O_RDONLY))
    except OSError:
        pass


def cli_steps(case: str, root: Path, wanted: list[str]) -> list[tuple[str, list[str]]]:
    """The (step, argv) pairs of `case` among `wanted` (`all`: every format)."""
    from editor.commands.export_cmd import FORMATS

    article = str(root / "lib" / case / f"{case}.md")
    out = root / "out" / case
    steps = [("show", ["show", article])]
    steps += [
        (f"export-{fmt}", ["export", article, "--to", fmt, "-o", str(out / f"{case}.{fmt}")])
        for fmt in FORMATS
    ]
    steps.append(("export-stdout", ["export", article, "--to", "html"]))
    return [(step, argv) for step, argv in steps if "all" in wanted or step in wanted]


def run_step(root: Path, case: str, step: str, argv: list[str], sink: io.TextIOWrapper) -> None:
    """Run one `midad` command in-process and report it (standard output into `sink`, emptied first)."""
    from editor.cli import main

    stderr = io.StringIO()
    sink.seek(0)
    sink.truncate()
    mark(root, case, step)
    start = time.perf_counter()
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(stderr):
            status: object = main(argv)
    except BaseException:  # noqa: BLE001 - what a user would see as a traceback
        status = "traceback"
        stderr.write(traceback.format_exc())
    seconds = time.perf_counter() - start
    sink.flush()
    report = {"seconds": round(seconds, 3), "status": status, "stderr": stderr.getvalue()[-2000:]}
    if step == "index":  # the listing: the test checks the library's problems are in it
        report["stdout"] = (root / "out" / "stdout.txt").read_text(encoding="utf-8", errors="replace")
    emit(case=case, step=step, **report)


def run_cli(root: Path, wanted: list[str], cases: list[str]) -> None:
    # one file for every step's standard output, opened before the first mark (ROOT/out/stdout.txt)
    with open(root / "out" / "stdout.txt", "w", encoding="utf-8") as sink:
        for case in cases:
            for step, argv in cli_steps(case, root, wanted):
                run_step(root, case, step, argv, sink)
        if "all" in wanted or "index" in wanted:
            cache = os.environ["MIDAD_CACHE_DIR"]
            run_step(root, "*", "index", ["index", str(root / "lib"), "--cache-dir", cache], sink)
        mark(root, "*", "end")


class StallWatch:
    """A thread that looks at the GUI thread's Python stack while it has not ticked for 150 ms.

    Qt releases the GIL while it runs C++, so the stack names the Python line that called into Qt
    (e.g. `markdown_edit.py:set_body`). `summary()` lists, for the stalls of a case, the innermost
    frames under `under` (`/editor/`) with how many 50 ms samples fell there.

    The watch never holds a frame of the GUI thread: `sys._current_frames()` would hand it frame
    objects, and when such a frame's function returned meanwhile, dropping the last reference frees
    its locals (Qt objects among them: doc_patch's scratch document) on the watch thread. The stack is
    read by `faulthandler.dump_traceback` instead (C, with the GIL held: no object is created or kept)
    into an anonymous in-memory file (`memfd_create`: no path, nothing in the strace log; where there is
    none, nothing is sampled). Between stalls the thread only compares two times every 50 ms.
    """

    STALL_S = 0.15
    PERIOD_S = 0.05

    def __init__(self, under: str = "/editor/") -> None:
        import threading

        self.under = under
        self.main = threading.main_thread().ident or 0
        self.last = time.monotonic()
        self.samples: dict[str, int] = {}
        self.running = True
        self._fd = os.memfd_create("midad-stall-watch") if hasattr(os, "memfd_create") else -1
        threading.Thread(target=self._run, name="stall-watch", daemon=True).start()

    def tick(self, _elapsed_ms: int) -> None:
        self.last = time.monotonic()

    def reset(self) -> None:
        self.last = time.monotonic()
        self.samples = {}

    def stop(self) -> None:
        self.running = False

    def summary(self) -> list[str]:
        ranked = sorted(self.samples.items(), key=lambda item: -item[1])[:4]
        return [f"{where} x{count}" for where, count in ranked]

    def _run(self) -> None:
        while self.running:
            time.sleep(self.PERIOD_S)
            if time.monotonic() - self.last < self.STALL_S:
                continue
            where = self.innermost(self._dump())  # (no frame object is made or kept)
            if where:
                self.samples[where] = self.samples.get(where, 0) + 1

    def _dump(self) -> str:
        """Every thread's stack as faulthandler writes it (innermost frame first)."""
        import faulthandler

        if self._fd < 0:
            return ""
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.ftruncate(self._fd, 0)
        faulthandler.dump_traceback(self._fd, all_threads=True)
        size = os.lseek(self._fd, 0, os.SEEK_CUR)
        os.lseek(self._fd, 0, os.SEEK_SET)
        return os.read(self._fd, size).decode("utf-8", "replace")

    def innermost(self, dump: str) -> str:
        """`folder/file.py:function` of the GUI thread's innermost frame under `under`, or ""."""
        header = f"Thread 0x{self.main:016x}"
        for block in dump.split("\n\n"):
            lines = block.strip().splitlines()
            if not lines or not lines[0].startswith(header):
                continue
            for line in lines[1:]:  # 'File "/x/editor/ui/a.py", line 12 in name'
                path, _, rest = line.strip().removeprefix('File "').partition('", line ')
                if self.under in path:
                    name = rest.partition(" in ")[2]
                    return f"{Path(path).parent.name}/{Path(path).name}:{name}"
        return ""


def run_window(root: Path, cases: list[str]) -> None:
    from PySide6.QtCore import QElapsedTimer, QEvent, QSettings, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from editor.app import keep_typing_responsive, settle_garbage_collector
    from editor.ui.common.settings import Settings
    from editor.ui.window.main_window import MainWindow

    escaped: list[str] = []

    def hook(kind, value, tb) -> None:  # noqa: ANN001 - an exception in a Qt slot: counted, printed
        escaped.append("".join(traceback.format_exception(kind, value, tb))[-1500:])
        sys.__excepthook__(kind, value, tb)

    sys.excepthook = hook
    app = QApplication.instance() or QApplication([])
    keep_typing_responsive()  # as `midad` runs the window (editor.app.run_gui): GIL switch, GC thresholds
    settings = Settings(QSettings(str(root / "data" / "drive.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.files.ask_save = lambda *_: "discard"
    refused: list[str] = []  # what the error dialog would have said (a modal dialog would wait for a click)
    window.files.show_error = lambda _parent, title, message: refused.append(f"{title}: {message}")
    window.show()
    rendered = {"count": 0, "abandoned": 0}
    window.renderer.rendered.connect(lambda *_: rendered.update(count=rendered["count"] + 1))
    window.renderer.abandoned.connect(
        lambda *_: rendered.update(count=rendered["count"] + 1, abandoned=rendered["abandoned"] + 1)
    )
    clock = QElapsedTimer()
    gap = {"max": 0}
    ticker = QTimer()
    ticker.setInterval(TICK_MS)
    watchdog = StallWatch()

    def tick() -> None:
        elapsed = clock.restart()
        watchdog.tick(elapsed)
        gap["max"] = max(gap["max"], elapsed)

    ticker.timeout.connect(tick)

    def wait(predicate, seconds: float) -> bool:  # noqa: ANN001
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            if predicate():
                return True
            time.sleep(0.005)
        return predicate()

    wait(lambda: False, 1.0)  # start-up work settles before the first case
    settle_garbage_collector()  # as run_gui does after the start-up steps
    for case in cases:
        path = root / "lib" / case / f"{case}.md"
        mark(root, case, "window")
        escaped.clear()
        refused.clear()
        start = time.perf_counter()
        status = "ok"
        opened_ms, preview_s, typed_s = 0, 0.0, 0.0
        try:
            before = rendered["count"]
            clock.start()
            gap["max"] = 0
            watchdog.reset()
            ticker.start()
            window.open_file(str(path))
            opened_ms = round((time.perf_counter() - start) * 1000)
            clock.restart()  # the open itself is `opened_ms`; the gaps from here are the rest
            gap["max"] = 0
            # (a big file is read in the background: its refusal may come after `open_file` returned)
            shown = wait(lambda before=before: bool(refused) or rendered["count"] > before, WAIT_S)
            preview_s = time.perf_counter() - start
            # a big article may load in slices, read-only meanwhile: the user types once it is editable
            editable = bool(refused) or wait(lambda: not window.editor.isReadOnly(), WAIT_S)
            chars = window.editor.document().characterCount()
            window.editor.setFocus()
            before = rendered["count"]
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                key = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, "ب")
                QApplication.sendEvent(window.editor, key)
            typed = window.editor.document().characterCount() - chars
            typed_s = time.perf_counter() - start  # opened, preview shown, a key typed
            shown_again = bool(refused) or wait(lambda before=before: rendered["count"] > before, WAIT_S)
            ticker.stop()
            if refused:
                status = "refused"
            elif not shown:
                status = "no preview"
            elif not editable:
                status = "still read-only"
            elif not shown_again:
                status = "no preview after typing"
            elif typed != 1 and not window.editor.isReadOnly():
                status = f"the key added {typed} characters"
        except BaseException:  # noqa: BLE001
            ticker.stop()
            status = "traceback"
            escaped.append(traceback.format_exc()[-1500:])
        emit(
            case=case,
            step="window",
            seconds=round(time.perf_counter() - start, 3),
            status=status,
            stderr="\n".join(escaped),
            refused=" / ".join(refused),
            blocked_ms=max(opened_ms, gap["max"] - TICK_MS),
            open_ms=opened_ms,
            after_open_ms=max(0, gap["max"] - TICK_MS),
            stalls=watchdog.summary(),
            preview_s=round(preview_s, 3),
            typed_s=round(typed_s, 3),
            abandoned=rendered["abandoned"],
            read_only=window.editor.isReadOnly(),
            preview=window.preview.toPlainText()[:200],
        )
        window.document.editor.document().setModified(False)
    mark(root, "*", "end")
    window.close()
    app.processEvents()


if __name__ == "__main__":
    mode, root_arg, *rest = sys.argv[1:]
    if mode == "cli":
        run_cli(Path(root_arg), rest[0].split(","), rest[1:])
    else:
        run_window(Path(root_arg), rest)
    sys.stdout.flush()
    os._exit(0)  # the preview worker and Qt are ended by the OS: the report is complete
