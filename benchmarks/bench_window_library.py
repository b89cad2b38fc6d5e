"""Time to show the writing window with its library tab, for a generated library. Run by hand:

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window_library.py [--count 10000] [--runs 3]

Each run is a fresh process. Prints, median and worst: the window alone, the library tab's work on
the GUI thread (a warm index), and how long until the article list is filled.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys, time
def main():
    t0 = time.perf_counter()
    from PySide6.QtCore import QSettings
    from editor.app import create_app
    app = create_app()
    from editor.ui.window.main_window import MainWindow
    from editor.ui.library.sidebar import LibrarySidebar
    from editor.ui.common.settings import Settings
    window = MainWindow(Settings(QSettings(sys.argv[3], QSettings.Format.IniFormat)))
    t1 = time.perf_counter()
    bar = LibrarySidebar(window, sys.argv[1], cache_dir=sys.argv[2])
    window.show()
    app.processEvents()
    t2 = time.perf_counter()
    while bar.library_panel.model.rowCount() == 0 and time.perf_counter() - t2 < 300:
        app.processEvents()
        time.sleep(0.005)
    t3 = time.perf_counter()
    print(f"{t1 - t0} {t2 - t1} {t3 - t2} {bar.library_panel.model.rowCount()}")
    window.close()
if __name__ == "__main__":
    main()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate_library import generate_library

    with tempfile.TemporaryDirectory() as tmp:
        root, cache = Path(tmp) / "lib", Path(tmp) / "cache"
        generate_library(root, args.count)
        script = Path(tmp) / "child.py"
        script.write_text(CHILD, encoding="utf-8")

        def run() -> list[float]:
            out = subprocess.run(
                [sys.executable, str(script), str(root), str(cache), str(Path(tmp) / "s.ini")],
                capture_output=True, text=True, cwd=ROOT, check=True,
            ).stdout.split()  # fmt: skip
            return [float(x) for x in out[:3]] + [int(out[3])]

        cold = run()
        print(f"library: {args.count} articles; cold start (empty index): list filled after {cold[2]:.2f} s")
        runs = [run() for _ in range(args.runs)]
        for i, label in enumerate(
            ("window alone", "library tab, GUI thread (warm)", "until the list is filled")
        ):
            values = [r[i] * 1000 for r in runs]
            print(f"{label:<34} median {statistics.median(values):8.1f} ms   worst {max(values):8.1f} ms")


if __name__ == "__main__":
    main()
