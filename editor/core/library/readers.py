"""Reading library files for the index: in this process, or in reader processes for many files.

Each file is read, parsed and prepared (`index_store.prepare`: every row the index writes about it
but its id) by the process that reads it, so the one process that writes the index only gives
ids and inserts. Reader processes are forked when the calling process has no other thread (the
command line: they start in milliseconds) and spawned otherwise (the window's worker threads:
forking a threaded process is unsafe); started from the window they run at idle priority.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editor.core.library import index_store
from editor.core.system.priority import run_in_background

if TYPE_CHECKING:
    from editor.core.library.index_store import Prepared

CHUNK = 32  # files handed to a reader process at a time


def _read_one(args: tuple[str, str]) -> Prepared:
    """A reader process's work for one file: read, parse and prepare its rows (the writer adds ids)."""
    from editor.core.library.record import read_record

    return index_store.prepare(read_record(*args))


def _lower_priority() -> None:
    """Reader process initializer: idle priority (`run_in_background`), the window's own threads
    (typing, painting) go first."""
    run_in_background()


def read_prepared(root: str, rels: list[str], workers: int) -> Iterator[Prepared]:
    """The prepared records of `root/rel` for each of `rels`, in order; `workers` > 1: that many
    reader processes. Closing the generator early stops the readers (work not started is dropped)."""
    if not rels:
        return
    if workers <= 1:
        from editor.core.library.record import read_record  # (looked up now: tests replace it)

        for rel in rels:
            yield index_store.prepare(read_record(root, rel))
        return
    import multiprocessing  # imported here: a warm start or a search never needs it
    from concurrent.futures import ProcessPoolExecutor

    alone = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if alone else "spawn")
    if alone:  # imported once here rather than in each forked reader
        from editor.core.library import record  # noqa: F401
    # in the window, the readers run at idle priority so that a cold index of a big library never
    # takes the CPU from typing; a command-line index runs at full speed
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=None if alone else _lower_priority
    )
    try:
        yield from pool.map(_read_one, [(root, rel) for rel in rels], chunksize=CHUNK)
    finally:  # also when the caller stops early: drop the work not started
        pool.shutdown(wait=True, cancel_futures=True)
