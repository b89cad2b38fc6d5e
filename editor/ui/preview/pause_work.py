"""The work done after a typing pause, run in a separate process: preview HTML, counts and hashtags.

A thread would still hold Python's GIL for the ~100 ms a 10,000-word render takes and stall
typing; a worker process does not. This module imports no Qt, so the worker starts quickly.
"""

from __future__ import annotations

import atexit
import gc
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.article.model import Article
from editor.core.markdown.hashtags import extract_hashtags
from editor.core.markdown.markup_lines import editor_line_directions
from editor.core.markdown.outline import MAX_LISTED, OutlineHeading, outline
from editor.core.system.priority import run_below_the_window
from editor.core.text.arabic import count_characters, count_words, reading_minutes
from editor.core.text.direction import article_direction

if TYPE_CHECKING:
    from concurrent.futures import Executor


@dataclass(frozen=True)
class PauseResult:
    """What the window shows after a pause."""

    html: str | None
    words: int
    characters: int
    minutes: int
    hashtags: list[str] = field(default_factory=list)
    article_dir: str = "rtl"
    directions: list[str] = field(default_factory=list)  # one per editor line
    headings: list[OutlineHeading] = field(default_factory=list)  # the outline panel's (MAX_LISTED + 1)
    headings_total: int = 0  # how many headings the article has


def render_preview_html(article: Article, base_dir: Path | None) -> str:
    """HTML for the preview: the renderer's `page.preview_html`, styled like the export."""
    from editor.core.markdown.page import preview_html

    return preview_html(article, base_dir)


def compute_preview_html(text: str, base_dir: str | None) -> str:
    """The preview HTML alone: the first of the two jobs of a pause, so the preview need not wait
    for the counts, line directions and outline (`compute_pause_result` without HTML, the second).
    The page carries where the pane cuts it in units (`html_units.cut_page`: a scan less on the GUI
    thread)."""
    from editor.ui.preview.html_units import cut_page

    return cut_page(render_preview_html(Article.from_text(text), Path(base_dir) if base_dir else None))


def compute_pause_result(text: str, base_dir: str | None, with_html: bool) -> PauseResult:
    """Counts, hashtags and line directions of the article's body (core rules), plus the preview HTML."""
    article = Article.from_text(text)
    body = article.body
    words = count_words(body)
    html = render_preview_html(article, Path(base_dir) if base_dir else None) if with_html else None
    lines = body.replace("\r\n", "\n").replace("\r", "\n")  # as the editor shows it
    direction = article_direction(article.meta, lines)
    headings = outline(lines)
    return PauseResult(
        html,
        words,
        count_characters(body),
        reading_minutes(words),
        extract_hashtags(body),
        direction,
        editor_line_directions(lines, direction),
        headings[: MAX_LISTED + 1],
        len(headings),
    )


_executor: Executor | None = None


def exit_with_parent(parent_pid: int) -> None:
    """Worker initializer: end the worker when Midad is gone, even if it was killed."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent_pid:
                os._exit(0)

    threading.Thread(target=watch, name="midad-parent-watch", daemon=True).start()


def background_worker(parent_pid: int) -> None:
    """Worker initializer: a lower CPU priority than the window's (`run_below_the_window`: the
    writer waits for a render or a check, so not the idle class), and an end when Midad is gone
    (`exit_with_parent`)."""
    run_below_the_window()
    exit_with_parent(parent_pid)


def executor() -> Executor:
    """One worker process for the whole application (a thread if processes cannot start)."""
    global _executor
    if _executor is None:
        import multiprocessing  # here, not at import: it costs start-up time before the first frame
        from concurrent.futures import ProcessPoolExecutor

        try:
            _executor = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=background_worker,
                initargs=(os.getpid(),),
            )
        except (OSError, ValueError, NotImplementedError):
            from concurrent.futures import ThreadPoolExecutor

            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="midad-pause")
        atexit.register(shutdown)
    return _executor


def shutdown() -> None:
    """Stop the worker (at exit): wait for it, then let its queues and locks be released."""
    global _executor
    if _executor is not None:
        _executor.shutdown(wait=True, cancel_futures=True)
        _executor = None
        gc.collect()


def stop_now() -> None:
    """Quitting: end the worker process at once instead of waiting for a render nobody will see."""
    global _executor
    if _executor is not None:
        processes = list((getattr(_executor, "_processes", None) or {}).values())
        _executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.kill()  # nothing in it is worth keeping; SIGKILL cannot be held up
        _executor = None


def abandon_worker() -> None:
    """Give up on the running job: stop the worker process (a new one starts with the next job).

    A worker thread cannot be stopped; the next job then gets a fresh thread instead of waiting.
    """
    global _executor
    worker, _executor = _executor, None
    if worker is None:
        return
    for process in list((getattr(worker, "_processes", None) or {}).values()):
        try:
            process.terminate()
        except (OSError, AttributeError):
            pass
    try:
        worker.shutdown(wait=False, cancel_futures=True)
    except Exception:  # noqa: BLE001, S110 - a broken pool is being thrown away anyway
        pass


def worker_cpu_seconds() -> float | None:
    """The CPU time the worker process has used so far (Linux `/proc`), or None where it cannot be read
    (a thread worker, no worker yet, another system): the render budget is then wall time."""
    processes = getattr(_executor, "_processes", None)
    if not processes:
        return None
    total = 0
    try:
        for pid in list(processes):
            with open(f"/proc/{int(pid)}/stat", "rb") as stat:
                fields = stat.read().rpartition(b")")[2].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    except (OSError, ValueError, IndexError, RuntimeError):
        return None
    return total / os.sysconf("SC_CLK_TCK")


def use_thread_worker() -> None:
    """Run pause work on a thread instead (for environments that cannot spawn processes)."""
    global _executor
    if _executor is not None:
        _executor.shutdown(wait=False, cancel_futures=True)
    from concurrent.futures import ThreadPoolExecutor

    _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="midad-pause")
