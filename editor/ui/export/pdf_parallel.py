"""A long article's PDF laid out and drawn in several processes at once, then joined into one file.

Qt lays text out and draws it on one thread (about 1.5 s of CPU per MB of Markdown), so the PDF of a
big article is made by worker processes, each for a run of the printed page's parts
(`print_parts`): every worker lays its parts out and says how many pages they take; once all have
answered, each learns its first page number and the total, draws its pages (numbered `n / N` as in a
PDF made in one process) and sends its PDF back; `editor.core.convert.pdf_join` joins them. A part
starts on a new page, in one process as in several, so the pages are the same.

The workers are forked (they start their own offscreen `QGuiApplication`): only from a process in
which Qt is not running — the command line, the window's export worker before its first PDF.
Anything that goes wrong here returns None, and the caller makes the PDF in one process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from dataclasses import replace
from multiprocessing.connection import Connection

from editor.ui.export.pdf import PdfJob, write_pdf


def qt_running() -> bool:
    """Whether this process has started Qt (a forked child of it could not start Qt again safely)."""
    if "PySide6.QtCore" not in sys.modules:
        return False
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance() is not None


def groups(parts: list[str], count: int) -> list[list[str]]:
    """`parts` in up to `count` runs in order, of about the same number of characters."""
    total = sum(map(len, parts))
    runs: list[list[str]] = [[]]
    size = 0
    for part in parts:
        if runs[-1] and size >= total * len(runs) / count and len(runs) < count:
            runs.append([])
        runs[-1].append(part)
        size += len(part)
    return runs


def _work(job: PdfJob, channel: Connection) -> None:
    """A worker process: lay the parts out, send the page count, get the numbering, send the PDF."""

    def numbering(pages: int) -> tuple[int, int]:
        channel.send(pages)
        first, total = channel.recv()
        return first, total

    try:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a worker shows nothing
        channel.send(write_pdf(job, numbering))
    except BaseException as exc:  # noqa: BLE001 - told to the parent, which makes the PDF itself
        with contextlib.suppress(OSError, ValueError):
            channel.send(f"{type(exc).__name__}: {exc}")
    finally:
        channel.close()


def _expect(channel: Connection, kind: type) -> object:
    answer = channel.recv()
    if not isinstance(answer, kind):
        raise OSError(str(answer))
    return answer


def parallel_pdf(job: PdfJob, workers: int) -> bytes | None:
    """The PDF of `job` made by up to `workers` processes; None when it cannot be made that way."""
    runs = groups(job.parts, workers)
    if len(runs) < 2 or "fork" not in multiprocessing.get_all_start_methods() or qt_running():
        return None
    from editor.core.convert.pdf_join import join_pdfs

    context = multiprocessing.get_context("fork")
    children = []
    try:
        for run in runs:
            here, there = context.Pipe()
            child = context.Process(target=_work, args=(replace(job, parts=run), there), daemon=True)
            child.start()
            there.close()
            children.append((child, here))
        counts = [_expect(here, int) for _, here in children]
        first = 1
        for (_, here), count in zip(children, counts, strict=True):
            here.send((first, sum(counts)))
            first += count
        files = [_expect(here, bytes) for _, here in children]
        return join_pdfs(files)
    except (EOFError, OSError, ValueError):  # a worker failed or died, or the files cannot be joined
        return None
    finally:
        for child, here in children:
            here.close()
            child.join(timeout=10)
            if child.is_alive():
                child.kill()
                child.join()
