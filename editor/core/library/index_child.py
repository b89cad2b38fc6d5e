"""A big index update run in a child process, so that the window's own process stays free.

The window updates the index in a worker thread. For a big update (a cold index of a big library)
that thread would unpickle and insert every article, and Python runs one thread at a time: the GUI
thread then waits for its turn (stalls of 0.3-1.4 s were measured at 100,000 articles). So when an
update has at least `CHILD_THRESHOLD` files to read, or the library has at least `SCAN_IN_CHILD`
files (then even the scan of an unchanged library runs there), and the index is `isolated` (the window sets it),
`LibraryIndex` hands the whole update to a child process started with `spawn` at a lower priority:
it scans, reads (with its own reader processes), writes the index and reports progress through a
pipe; the calling thread only waits on that pipe.

Safety: SQLite's locks and the update's single transaction make the child's work all or nothing;
killing the child leaves the index as it was (then the update runs in the calling process, which
finds the work still to do). `cancel()` is passed on to the child, which keeps what it indexed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from editor.core.system.priority import run_in_background

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from editor.core.library.index import UpdateReport

CHILD_THRESHOLD = 1000  # hand an update that reads this many files or more to a child process
# a library of this many files or more is also scanned by the child, even when nothing changed
# (the scan is Python work on each file: 100,000 of them held the window's interpreter for 0.3 s+)
SCAN_IN_CHILD = 15_000
_STEPS = 200  # progress messages per update, at most (plus the last one)


class ChildFailed(RuntimeError):
    """The child process ended without a report (killed, out of memory, an error): update here."""


def _child_main(root: str, db_path: str, workers: int, conn: Connection) -> None:
    """Entry point of the child process: one update, progress and the report sent to the parent."""
    run_in_background()  # the child and its readers: only on a core the window does not want
    from editor.core.library.index import LibraryIndex

    index = LibraryIndex(root, db_path, workers=workers)
    step = -1

    def progress(done: int, total: int) -> None:
        nonlocal step
        if done * _STEPS // max(1, total) > step or done == total:
            step = done * _STEPS // max(1, total)
            conn.send(("progress", (done, total)))
        if conn.poll():  # the only message the parent sends: stop
            conn.recv()
            index.cancel()

    try:
        report = index.update(progress)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which shows it
        conn.send(("error", f"{exc}"))
    else:
        conn.send(("done", report))
    finally:
        index.close()
        conn.close()


def update_in_child(
    root: str,
    db_path: str,
    workers: int,
    progress: Callable[[int, int], None] | None,
    cancelled: threading.Event,
) -> UpdateReport:
    """Run `LibraryIndex(root, db_path).update()` in a child process and return its report.

    Raises ChildFailed when the child ends without a report or its update failed.
    """
    import multiprocessing  # only for big updates: a warm start never imports it

    context = multiprocessing.get_context("spawn")  # the caller has threads (the window): never fork
    parent_end, child_end = context.Pipe(duplex=True)
    # not a daemon: a daemon process may not start the reader processes (multiprocessing refuses,
    # and the update then fell back to this process); it is killed below if it outlives the wait,
    # and one whose parent died stops at its next message (the pipe is closed)
    child = context.Process(target=_child_main, args=(root, db_path, workers, child_end), name="midad-index")
    child.start()
    child_end.close()
    told_to_stop = False
    try:
        while True:
            if cancelled.is_set() and not told_to_stop:
                parent_end.send("stop")
                told_to_stop = True
            if not parent_end.poll(0.1):
                if not child.is_alive() and not parent_end.poll():
                    raise ChildFailed(f"the index process ended with code {child.exitcode}")
                continue
            try:
                kind, payload = parent_end.recv()
            except (EOFError, OSError) as exc:
                raise ChildFailed("the index process ended early") from exc
            if kind == "progress" and progress is not None:
                progress(*payload)
            elif kind == "done":
                return payload
            elif kind == "error":  # done again here, where the error is handled or reported
                raise ChildFailed(payload)
    finally:
        parent_end.close()
        child.join(5)
        if child.is_alive():  # never leave it running behind the window
            child.kill()
            child.join()
