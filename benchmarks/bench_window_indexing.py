"""Is the window usable while a big library is indexed? Whole processes (offscreen Qt), run by hand:

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window_indexing.py [--count 10000] [--runs 3]

Each run opens the writing window with the library tab on a generated library and an empty index
cache, and ticks a 5 ms timer on the GUI thread. Prints, median and worst over the runs: when the
progress bar first shows, when the list is filled, the longest GUI-thread stall while the index is
read (worker thread and reader processes busy), the longest stall after it (the list and tag
panels taking the new articles), and then, as after a save, one article is changed on disk and the
library refreshed: the time until the list shows the change and the longest stall meanwhile. A stall
is the longest gap between two timer ticks, minus 5 ms.
Library folders are generated once into --dir and kept.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys, time


def main():  # the reader processes are spawned: they import this file, so nothing runs at import
    from PySide6.QtCore import QSettings, Qt, QTimer
    from editor.app import create_app
    app = create_app()
    from editor.ui.window.main_window import MainWindow
    from editor.ui.library.sidebar import LibrarySidebar
    from editor.ui.common.settings import Settings

    library, cache, ini, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    window = MainWindow(Settings(QSettings(ini, QSettings.Format.IniFormat)))
    window.show()
    app.processEvents()
    t0 = time.perf_counter()
    bar = LibrarySidebar(window, library, cache_dir=cache)
    window.side_tabs.setCurrentIndex(bar.tab_index)
    state = {"last": time.perf_counter(), "progress": None, "filled": None, "busy": 0.0, "after": 0.0,
             "saved": None, "save": -1.0, "save_stall": 0.0}
    bar.controller.progress.connect(
        lambda d, t: state["progress"] is None and state.update(progress=time.perf_counter() - t0)
    )

    def tick():
        now = time.perf_counter()
        gap = now - state["last"] - 0.005
        state["last"] = now
        key = "busy" if state["filled"] is None and bar.controller.busy else "after"
        key = "save_stall" if state["saved"] is not None and state["save"] < 0 else key
        state[key] = max(state[key], gap)
        if state["filled"] is None and bar.library_panel.model.rowCount() >= count:
            state["filled"] = now - t0
            QTimer.singleShot(1000, save_one)  # stalls just after the list fills count as "after"

    def save_one():  # as after a save in the window: one article changed, the library refreshed
        entry = bar.library_panel.model.entry(count // 2)
        path = bar.controller.library.path_of(entry.rel_path)
        path.write_text(path.read_text(encoding="utf-8") + "\nسطر جديد\n", encoding="utf-8")
        state["saved"] = time.perf_counter()
        bar.controller.refresh()

    def refreshed(_report):
        if state["saved"] is not None and state["save"] < 0:
            state["save"] = time.perf_counter() - state["saved"]
            QTimer.singleShot(300, app.quit)

    bar.controller.refreshed.connect(refreshed, Qt.ConnectionType.QueuedConnection)  # after the list

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(600_000, app.quit)
    app.exec()
    bar.shutdown()
    print(state["progress"] or -1, state["filled"] or -1, state["busy"], state["after"], state["save"],
          state["save_stall"])


if __name__ == "__main__":
    main()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "midad-scale"))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate_library import generate_library

    base = Path(args.dir)
    library = base / f"lib-{args.count}"
    if not library.is_dir():
        generate_library(library, args.count, 600, seed=1)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "child.py"
        script.write_text(CHILD, encoding="utf-8")
        for run in range(args.runs):
            cache = Path(tmp) / f"cache-{run}"
            shutil.rmtree(cache, ignore_errors=True)
            out = subprocess.run(
                [sys.executable, str(script), str(library), str(cache), str(Path(tmp) / "s.ini"), str(args.count)],
                capture_output=True, text=True, cwd=ROOT, check=True, env=env,
            ).stdout.split()  # fmt: skip
            results.append([float(x) for x in out[-6:]])
    print(f"{args.count} articles, empty index, {args.runs} runs, load {os.getloadavg()[0]:.2f}")
    labels = (
        "progress bar shows after (s)",
        "list filled after (s)",
        "longest GUI stall while indexing (ms)",
        "longest GUI stall after (ms)",
        "one article changed: list updated after (s)",
        "longest GUI stall meanwhile (ms)",
    )
    for i, label in enumerate(labels):
        scale = 1000 if "ms" in label else 1
        values = [r[i] * scale for r in results]
        print(f"  {label:<44} median {statistics.median(values):9.2f}   worst {max(values):9.2f}")


if __name__ == "__main__":
    main()
