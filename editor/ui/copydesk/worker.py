"""Run the copy desk's checks off the GUI thread: in worker processes (no GIL shared with typing).

Two workers: the typography rules answer within a pause; the spell check has its own process,
because its dictionary takes seconds to load the first time and must never hold up the underlines.
This module imports no Qt.
"""

from __future__ import annotations

import atexit
import os
from concurrent.futures import Executor, Future, ThreadPoolExecutor

from editor.core.copydesk.desk import editor_check
from editor.core.copydesk.findings import SUGGESTION, Finding
from editor.core.text.messages import msg
from editor.ui.preview.pause_work import background_worker  # as the preview worker: idle, parent watch

# At most this many findings of one check reach the window (a 5 MB article can have 140,000:
# sending, underlining and listing them all held the GUI thread for a second); a last one says so.
MAX_FINDINGS = 1000
_executors: dict[str, Executor] = {}
_use_threads = False


def _executor(kind: str) -> Executor:
    executor = _executors.get(kind)
    if executor is None:
        if _use_threads:
            executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"midad-{kind}")
        else:
            import multiprocessing  # here: it costs start-up time before the first frame
            from concurrent.futures import ProcessPoolExecutor

            try:
                executor = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=background_worker,
                    initargs=(os.getpid(),),
                )
            except (OSError, ValueError, NotImplementedError):
                executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"midad-{kind}")
        _executors[kind] = executor
        if len(_executors) == 1:
            atexit.register(shutdown)
    return executor


def submit(text: str, library: str | None, spelling: bool) -> Future:
    """Check `text` (the whole file text) in the background; the future gives `(body offset, findings)`."""
    kind = "spell" if spelling else "typography"
    return _executor(kind).submit(capped_check, text, library, spelling)


def capped_check(text: str, library: str | None, spelling: bool) -> tuple[int, list[Finding]]:
    """`editor_check`, with at most `MAX_FINDINGS` findings (in text order) and a note if there were more."""
    body_offset, findings = editor_check(text, library, spelling)
    if len(findings) <= MAX_FINDINGS:
        return body_offset, findings
    kept = sorted(findings, key=lambda f: f.offset)[:MAX_FINDINGS]
    note = msg(
        "Only the first {shown} of {total} findings are shown", shown=MAX_FINDINGS, total=len(findings)
    )
    return body_offset, [Finding("limit", body_offset, 0, note, SUGGESTION), *kept]


def use_threads() -> None:
    """Run the checks on threads instead (environments that cannot spawn processes; tests)."""
    global _use_threads
    _use_threads = True
    for executor in list(_executors.values()):
        executor.shutdown(wait=False, cancel_futures=True)
    _executors.clear()


def stop_now() -> None:
    """Quitting: end the worker processes at once (a check, or the spell dictionary loading, may
    take seconds, and Python's exit would wait for it). Their results are no longer wanted."""
    for executor in list(_executors.values()):
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.kill()  # nothing in it is worth keeping; SIGKILL cannot be held up
    _executors.clear()


def shutdown() -> None:
    """Stop the workers without waiting for a check in progress (at exit its result is not wanted).

    A spell check can take seconds while the dictionary loads; waiting for it kept the window's
    process alive for 8 s after Quit. The worker processes are terminated instead.
    """
    for executor in list(_executors.values()):
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
    _executors.clear()
