"""Applying a per-block job to many blocks of a big article, a slice per event-loop turn.

E.g. the line directions the typing pause computed for a 5 MB article (see `loading.py`): each batch of
blocks is sized from the time the last one took, and the job stops if the text changes meanwhile.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QTextEdit

from editor.ui.editor.loading import SLICE_BUDGET_S


class SlicedApply(QObject):
    """Applies a per-block job to many blocks a slice per event-loop turn; stops if the text changes."""

    def __init__(self, edit: QTextEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._job: Callable[[list[QTextBlock], list[str]], None] | None = None
        self._values: list[str] = []
        self._at = 0
        self._batch = 10  # blocks per call of the job (sized from the time the last call took)
        self._revision = -1
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def start(self, values: list[str], job: Callable[[list[QTextBlock], list[str]], None]) -> None:
        self._job, self._values, self._at, self._batch = job, values, 0, 10
        self._revision = self._edit.document().revision()
        self._step()

    def _step(self) -> None:
        doc = self._edit.document()
        if self._job is None or doc.revision() != self._revision:
            self._job = None
            return
        began = time.perf_counter()
        block = doc.findBlockByNumber(self._at)
        while block.isValid() and time.perf_counter() - began < SLICE_BUDGET_S:
            blocks = [block]
            while len(blocks) < self._batch and blocks[-1].next().isValid():
                blocks.append(blocks[-1].next())
            done = time.perf_counter()
            self._job(blocks, self._values[self._at : self._at + len(blocks)])
            # a batch aims at a quarter of the budget (a block in pieces without spaces that changes
            # direction is laid out and highlighted again: ~1 ms; 200 of them held the thread 0.24 s)
            spent = max(time.perf_counter() - done, 1e-5)
            self._batch = max(1, min(200, int(len(blocks) * SLICE_BUDGET_S / 4 / spent), self._batch * 2))
            self._at += len(blocks)
            block = blocks[-1].next()
        self._revision = doc.revision()
        if block.isValid():
            self._timer.start()
        else:
            self._job = None
