"""Reading a big article file off the GUI thread.

Reading, decoding and hashing a 5 MB file, splitting its front matter and cutting its body into
display lines take 0.1-0.4 s of CPU (more on a busy machine or a slow disk): a regular file over
`THREAD_BYTES` bytes that the user opens is read by a worker thread (`read_article`) while the window
stays live, and shown when it is read (`ArticleReader`). Meanwhile the editor keeps the article it
had, read-only, and keeps the keys typed for the new one (`MarkdownEdit.begin_reading`). The worker
raises exactly what the synchronous open raises (`load_article`: FIFOs, devices, files over the size
limit, binary files, NUL bytes...), and the window says it in the same one-line message.
Anything that is not a regular file of that size is opened at once, as before (the refusals of FIFOs,
devices and oversize files only look at `fstat`).
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from editor.core.article.files import LoadedArticle, load_article
from editor.core.article.storage import MAX_FILE_BYTES
from editor.ui.article.shown import editor_body
from editor.ui.common.courier import emit_on_gui_thread
from editor.ui.editor import soft_lines

THREAD_BYTES = 256 * 1024  # a file over this many bytes is read by a worker thread (~0.02 s of work)


@dataclass(frozen=True)
class ReadArticle:
    """A file read and made ready for the editor by the worker thread."""

    loaded: LoadedArticle
    body: str  # the body as the editor holds it (newlines `\\n`)
    direction: str  # the article's direction from its first characters
    prepared: soft_lines.Prepared  # display lines, marks, breaks


def read_article(path: str | os.PathLike[str]) -> ReadArticle:
    """Read `path` and prepare its body for the editor (runs in the worker thread: no Qt here).

    Raises what `load_article` raises."""
    loaded = load_article(path)
    body, direction = editor_body(loaded.article, decide=100_000)
    return ReadArticle(loaded, body, direction, soft_lines.prepare(body))


def worth_a_thread(path: str | os.PathLike[str]) -> bool:
    """True for a regular file over `THREAD_BYTES` bytes and within the size limit."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(info.st_mode) and THREAD_BYTES < info.st_size <= MAX_FILE_BYTES


Finish = Callable[[ReadArticle | None, BaseException | None], None]


def when_whole(document: Any, then: Callable[[], None]) -> None:  # noqa: ANN401 - a Document
    """Run `then` once the article `document` shows now is whole in its editor: at once, or when a
    big article's last slice is in (not if another article was opened meanwhile). E.g. a caret put
    back far down would otherwise be cut to the first slice."""
    editor = document.editor
    if not editor.loading:
        then()
        return
    shown = document.loaded

    def once() -> None:
        editor.loaded.disconnect(once)
        if document.loaded is shown:
            then()

    editor.loaded.connect(once)


class ArticleReader(QObject):
    """Runs `read_article` in a worker thread and hands the result to the GUI thread."""

    _read = Signal(int, object, object)  # generation, ReadArticle or None, exception or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._finish: Finish | None = None
        self.path: Path | None = None  # the file being read
        self._read.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def reading(self) -> bool:
        return self._finish is not None

    def start(self, path: Path, finish: Finish) -> None:
        """Read `path` in a worker thread; `finish(read, error)` runs on the GUI thread afterwards
        (unless `cancel` or another `start` came first)."""
        self._generation += 1
        self._finish, self.path = finish, path
        worker = threading.Thread(
            target=self._run, args=(self._generation, path), name="midad-read", daemon=True
        )
        worker.start()

    def cancel(self) -> None:
        """Forget the file being read: its result is dropped when it comes."""
        self._generation += 1
        self._finish, self.path = None, None

    def _run(self, generation: int, path: Path) -> None:
        read, error = None, None
        try:
            read = read_article(path)
        except (OSError, ValueError, MemoryError) as exc:  # ArticleIOError is an OSError
            error = exc
        try:
            emit_on_gui_thread(self, "_read", generation, read, error)
        except RuntimeError:  # the window was closed meanwhile
            pass

    def _deliver(self, generation: int, read: ReadArticle | None, error: BaseException | None) -> None:
        if generation != self._generation or self._finish is None:
            return
        finish, self._finish, self.path = self._finish, None, None
        finish(read, error)
