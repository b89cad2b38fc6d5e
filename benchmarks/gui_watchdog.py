"""Names what the GUI thread was doing while a key waited for its repaint (bench_typing_background).

A sampling watchdog: a small thread looks at the GUI thread's Python stack every `period` seconds
(``sys._current_frames``) and at its scheduler figures (``/proc/self/task/TID/schedstat``: time
on a core, time runnable but waiting for a core), and records
``(time, gui_cpu, label)``. The label names the slot that ran: the outermost and innermost frames
of Midad's own code (``editor/…``) on the stack, or ``Qt (no Python)`` when the GUI thread was in
Qt's C++ code called from the event loop (QTextEdit's key handling, layout, painting). Python's
garbage collections are recorded too (``gc.callbacks``; in any thread: a collection holds the GIL),
with their generation and duration.

A sample where the GUI thread hardly ran is labelled by why: ``no free core`` (it was runnable but
the machine's cores were busy), ``GIL wait in …`` (inside Python code but not running: another
thread of the process held the GIL), ``idle`` (the event loop waiting for events). For a slow key,
`attribute(start, end)` tells which labels were sampled meanwhile, the GUI thread's CPU and its
time waiting for a core, and the collections that ran.

The sampler costs the GUI thread a GIL hand-over per sample (~20 µs); `--no-watchdog` compares.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections import Counter
from pathlib import Path

EDITOR = str(Path(__file__).resolve().parents[1] / "editor")
BENCH = str(Path(__file__).resolve().parent)


def _name(frame) -> str:  # noqa: ANN001 - a frame
    code = frame.f_code
    module = Path(code.co_filename).stem
    return f"{module}.{getattr(code, 'co_qualname', code.co_name)}"


def label_of(frame) -> str:  # noqa: ANN001 - the GUI thread's innermost frame
    """`outer › inner` of Midad's frames on the stack (the slot that runs and where it is now)."""
    ours: list[str] = []
    bench = None
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith(EDITOR):
            ours.append(_name(frame))
        elif bench is None and filename.startswith(BENCH) and not filename.endswith("gui_watchdog.py"):
            bench = _name(frame)
        frame = frame.f_back
    if not ours:
        if bench and not bench.endswith(".main"):
            return f"bench {bench}"
        return "Qt (no Python)"
    if len(ours) == 1:
        return ours[0]
    return f"{ours[-1]} › {ours[0]}"


class Watchdog:
    """Samples the GUI thread (the thread that creates it) until `stop()`."""

    def __init__(self, period: float = 0.001) -> None:
        self.period = period
        self.gui = threading.get_ident()
        if threading.main_thread().ident != self.gui:
            raise RuntimeError("create the watchdog on the GUI (main) thread")
        # the GUI thread's scheduler figures: ns on a core, ns runnable but waiting for a core
        self.schedstat = f"/proc/self/task/{threading.get_native_id()}/schedstat"
        self.stat = f"/proc/self/task/{threading.get_native_id()}/stat"
        self.syscall = f"/proc/self/task/{threading.get_native_id()}/syscall"
        self.samples: list[tuple[float, float, str]] = []  # (perf_counter, GUI CPU s, label)
        self.no_core: list[tuple[float, float]] = []  # (perf_counter, s waited for a core so far)
        self.collections: list[tuple[float, float, str]] = []  # (start, end, generation and thread)
        self._gc_start = self._gc_cpu = 0.0
        self.gc_cpu: list[tuple[str, float]] = []  # (generation, CPU ms of the collecting thread)
        self._running = True
        self._thread = threading.Thread(target=self._run, name="gui-watchdog", daemon=True)

    def start(self) -> None:
        gc.callbacks.append(self._on_gc)
        self._thread.start()

    def stop(self) -> None:
        self._running = False
        self._thread.join()
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)

    def _on_gc(self, phase: str, info: dict) -> None:
        # a collection holds the GIL whichever thread runs it: one in the library's indexing
        # thread stops the GUI thread's Python code as surely as one on the GUI thread
        if phase == "start":
            self._gc_start, self._gc_cpu = time.perf_counter(), time.thread_time()
        else:
            where = "" if threading.get_ident() == self.gui else "(other thread)"
            self.collections.append(
                (self._gc_start, time.perf_counter(), f"{info.get('generation', -1)}{where}")
            )
            self.gc_cpu.append((str(info.get("generation", -1)), (time.thread_time() - self._gc_cpu) * 1000))

    def _run(self) -> None:
        frames = sys._current_frames  # noqa: SLF001 - the documented way to see another thread's stack
        last_cpu, _wait = self._sched()
        last = time.perf_counter()
        while self._running:
            time.sleep(self.period)
            frame = frames().get(self.gui)
            cpu, wait = self._sched()
            state = self._state()
            now = time.perf_counter()
            label = label_of(frame) if frame is not None else "?"
            if cpu - last_cpu < (now - last) / 10:  # the GUI thread hardly ran since the last sample
                if state == "R":
                    label = "no free core (machine load)"
                elif label == "Qt (no Python)":
                    label = self._sleep_kind()
                else:
                    label = f"waiting (GIL, a lock) in {label}"
            last_cpu, last = cpu, now
            self.samples.append((now, cpu, label))
            self.no_core.append((now, wait))

    def _state(self) -> str:
        """The GUI thread's state now: R runnable (on a core or waiting for one), S sleeping…"""
        with open(self.stat, "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0].decode()

    def _sleep_kind(self) -> str:
        """Why the GUI thread sleeps outside Python: Qt's event loop polls with a timeout (the next
        timer: the typist's, the 50 ms end check); a poll without one is Qt's xcb code waiting for
        the X server (a reply, or the shared-memory image of the last paint to be taken)."""
        try:
            with open(self.syscall, "rb") as f:
                fields = f.read().split()
        except OSError:  # (no /proc/…/syscall here)
            return "idle (event loop waiting)"
        if fields and fields[0] in (b"7", b"271") and len(fields) > 3:  # poll, ppoll
            if fields[0] == b"7" and int(fields[3], 16) & 0xFFFFFFFF == 0xFFFFFFFF:
                return "waiting for the X server (poll without timeout)"
            if fields[0] == b"271" and int(fields[3], 16) == 0:
                return "waiting for the X server (poll without timeout)"
        elif fields and fields[0] == b"202":
            return "waiting (a lock, futex) in Qt"
        return "idle (event loop waiting)"

    def _sched(self) -> tuple[float, float]:
        with open(self.schedstat, "rb") as f:
            on_cpu, waiting, _slices = f.read().split()
        return int(on_cpu) / 1e9, int(waiting) / 1e9

    def attribute(self, start: float, end: float) -> str:
        """What the GUI thread did between `start` and `end` (perf_counter seconds), one line."""
        inside = [s for s in self.samples if start <= s[0] <= end]
        if not inside:
            return "no samples"
        before = [s for s in self.samples if s[0] < start]
        cpu0 = before[-1][1] if before else inside[0][1]
        cpu_ms = (inside[-1][1] - cpu0) * 1000
        counts = Counter(label for _t, _c, label in inside)
        total = len(inside)
        top = ", ".join(f"{label} {count * 100 // total}%" for label, count in counts.most_common(3))
        gcs = [
            f"gc{generation} {(e - s) * 1000:.1f}ms"
            for s, e, generation in self.collections
            if s <= end and e >= start and (e - s) >= 0.0005
        ]
        wall = (end - start) * 1000
        waits = [w for t, w in self.no_core if start <= t <= end]
        before_wait = [w for t, w in self.no_core if t < start]
        no_core = (waits[-1] - (before_wait[-1] if before_wait else waits[0])) * 1000
        return f"GUI CPU {cpu_ms:.0f}, no core {no_core:.0f} of {wall:.0f} ms; {top}" + (
            f"; {' '.join(gcs)}" if gcs else ""
        )

    def gc_summary(self) -> str:
        """How many collections of each generation ran, their CPU time (load-insensitive), the longest."""
        by_generation: dict[str, list[float]] = {}
        for generation, ms in self.gc_cpu:
            by_generation.setdefault(generation, []).append(ms)
        return (
            "; ".join(
                f"gen{g}: {len(ms)}, CPU total {sum(ms):.0f} ms, longest {max(ms):.1f} ms"
                for g, ms in sorted(by_generation.items())
            )
            or "none"
        )

    def causes(self, windows: list[tuple[float, float]]) -> list[tuple[str, int]]:
        """The most sampled label in each window, counted over all windows (the usual suspects)."""
        found: Counter[str] = Counter()
        for start, end in windows:
            labels = Counter(label for t, _c, label in self.samples if start <= t <= end)
            if labels:
                found[labels.most_common(1)[0][0]] += 1
            if any(s <= end and e >= start and e - s >= 0.002 for s, e, _g in self.collections):
                found["(a garbage collection ≥ 2 ms)"] += 1
        return found.most_common()
