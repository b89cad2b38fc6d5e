"""Start-up, whole process, side by side with ReText: first mapped window and first paint with text.

Run by hand (not a test):  python benchmarks/bench_startup.py [--runs 10] [--retext-venv DIR]

Both programs open the seed article (as `seed.md`) under their own Xvfb display, one process at a
time, interleaved (Midad, ReText, Midad, …) so a change in machine load hits both alike.
- *mapped*: the X server's MapNotify for the program's first top-level window, seen by an X client
  in this script (libX11 through ctypes) — the same measure for both programs. The window is then
  on the screen but not necessarily painted: Midad sends its map request for the bare window before
  it builds the window's content and reads the article, and paints the window once, with the article
  (`early_map.map_window_first`, `shell.show_window_first`); ReText maps its window ~100 ms before
  its text is painted.
- *text painted*: the end of the first paint of the editor with the article's text in it. Midad
  prints it when `MIDAD_STARTUP_TRACE=1`; ReText gets the same hook from a small wrapper (an event
  filter on its QApplication, see RETEXT_WRAPPER), which costs it a Python call per event.
Times are from just before the process is spawned. ReText (PyQt6) is installed in a temporary
virtual environment on first use (`pip install ReText PyQt6`), or taken from `--retext-venv`.
Target (issue 13): Midad ≤ 0.8× ReText.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed-article.txt"

RETEXT_WRAPPER = r"""
import sys, time


def hooked_main():
    from PyQt6 import QtCore, QtWidgets

    class Hook(QtCore.QObject):
        done = False

        def eventFilter(self, obj, event):
            if not Hook.done and event.type() == QtCore.QEvent.Type.Paint:
                parent = QtCore.QObject.parent(obj) if isinstance(obj, QtWidgets.QWidget) else None
                if isinstance(parent, (QtWidgets.QPlainTextEdit, QtWidgets.QTextEdit)) and parent.toPlainText():
                    Hook.done = True
                    QtCore.QTimer.singleShot(
                        0, lambda: print(f"first-paint {time.time():.6f}", file=sys.stderr, flush=True)
                    )
            return False

    base = QtWidgets.QApplication

    class App(base):
        def __init__(self, *args):
            super().__init__(*args)
            self._hook = Hook()
            self.installEventFilter(self._hook)

    QtWidgets.QApplication = App
    from ReText.__main__ import main

    sys.argv = ["retext", *sys.argv[1:]]
    main()


if __name__ == "__main__":  # ReText starts a converter process that imports this file again
    hooked_main()
"""


BARE_PYSIDE6 = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

app = QApplication(sys.argv[:1])
window = QMainWindow()
edit = QPlainTextEdit()
window.setCentralWidget(edit)
with open(sys.argv[1], encoding="utf-8") as handle:
    edit.setPlainText(handle.read())
window.resize(1280, 800)


class Hook(QObject):
    done = False

    def eventFilter(self, obj, event):
        if not Hook.done and event.type() == QEvent.Type.Paint:
            Hook.done = True
            QTimer.singleShot(0, lambda: print(f"first-paint {time.time():.6f}", file=sys.stderr, flush=True))
        return False


hook = Hook()
edit.viewport().installEventFilter(hook)
window.show()
app.exec()
"""


class MapWatcher:
    """Records the time of each MapNotify of a top-level window on an X display."""

    def __init__(self, display: str) -> None:
        self.xlib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self.xlib.XOpenDisplay.restype = ctypes.c_void_p
        self.xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        self.xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.xlib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        self.xlib.XPending.argtypes = [ctypes.c_void_p]
        self.xlib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        self.xlib.XFlush.argtypes = [ctypes.c_void_p]
        self.dpy = self.xlib.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open X display {display}")
        root = self.xlib.XDefaultRootWindow(self.dpy)
        self.xlib.XSelectInput(self.dpy, root, 1 << 19)  # SubstructureNotifyMask
        self.xlib.XFlush(self.dpy)
        self.maps: list[float] = []
        self._stop = False
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        event = (ctypes.c_long * 24)()
        while not self._stop:
            while self.xlib.XPending(self.dpy):
                self.xlib.XNextEvent(self.dpy, ctypes.byref(event))
                kind = ctypes.cast(event, ctypes.POINTER(ctypes.c_int))[0]
                override = ctypes.cast(event, ctypes.POINTER(ctypes.c_int))[
                    12
                ]  # XMapEvent.override_redirect (offset 48)
                if kind == 19 and not override:  # MapNotify
                    self.maps.append(time.time())
            time.sleep(0.0005)

    def first_after(self, t0: float) -> float | None:
        return next((t for t in self.maps if t >= t0), None)

    def stop(self) -> None:
        self._stop = True
        self._thread.join(1)


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """An Xvfb on a display number it picks itself (`-displayfd`: it skips displays in use and
    takes over the stale lock of a server that died), ready when it has written the number."""
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        ready, _, _ = select.select([numbers], [], [], 20)
        number = numbers.readline().strip() if ready else ""
    if not number.isdigit():
        stop_xvfb(proc)
        raise RuntimeError("Xvfb did not start")
    return proc, f":{number}"


def stop_xvfb(proc: subprocess.Popen) -> None:
    """Stop Xvfb so that it removes its lock file and socket (a killed one leaves them behind)."""
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def ensure_retext(venv: Path | None) -> Path:
    """A virtual environment with ReText and PyQt6 (created in a temporary folder if needed)."""
    if venv is not None and (venv / "bin" / "python").exists():
        return venv
    venv = Path(tempfile.gettempdir()) / "midad-bench-retext-venv"
    if not (venv / "bin" / "retext").exists():
        print(f"installing ReText and PyQt6 into {venv} …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "ReText", "PyQt6"], check=True)
    return venv


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a live process (Linux /proc), a figure less sensitive to machine load."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_run(
    command: list[str], env: dict[str, str], watcher: MapWatcher, timeout: float = 20
) -> tuple[float, float]:
    """(seconds to the first mapped window, seconds to the first paint with text)."""
    t0 = time.time()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    painted = None
    lines: list[str] = []

    cpu: list[float] = []

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line)
            if "first-paint" in line:
                cpu.append(process_cpu_seconds(proc.pid))
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        reader.join(timeout)
        found = [line for line in lines if "first-paint" in line]
        if found:
            painted = float(found[0].split()[-1])
        time.sleep(0.05)
        mapped = watcher.first_after(t0)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    if painted is None or mapped is None:
        raise RuntimeError(f"{command[0]}: no window or no paint (mapped={mapped}, painted={painted})")
    return mapped - t0, painted - t0, cpu[0]


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:6.0f} ms   worst {max(values) * 1000:6.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--retext-venv", type=Path)
    parser.add_argument("--no-retext", action="store_true", help="time Midad only")
    parser.add_argument(
        "--bare",
        action="store_true",
        help="also time a bare PySide6 window with the article (the floor of any PySide6 program)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="midad-bench-startup-"))
    article = work / "seed.md"
    article.write_bytes(SEED.read_bytes())
    home = work / "home"
    home.mkdir()
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "MIDAD_", "WAYLAND"))}
    base_env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / "data"))
    base_env.update(XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="xcb", LANG="C.UTF-8")
    # Both programs run with compiled bytecode, as an installed program does (pip writes .pyc files):
    # a PYTHONDONTWRITEBYTECODE=1 in the caller's environment would make Midad (run from its source
    # folder) compile every module on every start while ReText's site-packages has its .pyc files.
    # One cache folder for both, filled by the warm-up runs.
    base_env.pop("PYTHONDONTWRITEBYTECODE", None)
    base_env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    programs: dict[str, tuple[list[str], dict[str, str]]] = {
        "Midad": (
            [sys.executable, "-m", "editor.cli", str(article)],
            {**base_env, "MIDAD_STARTUP_TRACE": "1"},
        )
    }
    if not args.no_retext:
        venv = ensure_retext(args.retext_venv)
        wrapper = work / "retext_hooked.py"
        wrapper.write_text(RETEXT_WRAPPER, encoding="utf-8")
        programs["ReText"] = ([str(venv / "bin" / "python"), str(wrapper), str(article)], dict(base_env))
    if args.bare:
        bare = work / "bare_pyside6.py"
        bare.write_text(BARE_PYSIDE6, encoding="utf-8")
        programs["PySide6"] = ([sys.executable, str(bare), str(article)], dict(base_env))
    xvfb, display = start_xvfb()
    watcher = MapWatcher(display)
    results: dict[str, tuple[list[float], list[float], list[float]]] = {
        name: ([], [], []) for name in programs
    }
    try:
        for _name, (command, env) in programs.items():  # a warm-up run each: caches, first-run folders
            one_run(command, {**env, "DISPLAY": display}, watcher)
        for _ in range(args.runs):
            for name, (command, env) in programs.items():
                for index, value in enumerate(one_run(command, {**env, "DISPLAY": display}, watcher)):
                    results[name][index].append(value)
    finally:
        watcher.stop()
        stop_xvfb(xvfb)
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}   runs: {args.runs}"
    )
    for name, (mapped, painted, cpu) in results.items():
        print(f"{name:7s} mapped window:      {summary(mapped)}")
        print(f"{name:7s} text painted:       {summary(painted)}")
        print(f"{name:7s} CPU to text paint:  {summary(cpu)}")
    if "ReText" in results:
        for index, label in ((0, "mapped"), (1, "painted"), (2, "CPU to paint")):
            ratio = statistics.median(results["Midad"][index]) / statistics.median(results["ReText"][index])
            worst = max(results["Midad"][index]) / statistics.median(results["ReText"][index])
            print(
                f"Midad / ReText ({label}): median {ratio:.2f}×, Midad's worst / ReText's median {worst:.2f}×"
                f"   (target: median ≤ 0.80×, worst ≤ 1.20×)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
