"""Show a new preview page by changing only what differs, in slices of the event loop.

`PageUpdater.show(html)` cuts the page into units (`html_units`), replaces the changed ones in the
preview's document (`doc_patch`) and returns; when the work is larger than one slice
(`SLICE_MS` of the GUI thread), the rest continues at the next turns of the event loop, so typing,
scrolling and repainting are never held up for long, whatever the article holds (10,000 footnotes,
a huge table). `finished` is emitted when the document shows the whole page. A newer page given
meanwhile continues from wherever the document is.

A page whose changed units hold up to `SYNC_CHARS` characters is done at once (no half-updated page
is ever painted for an ordinary article), unless that takes longer than `SYNC_MS`: the cost of a
character varies a hundredfold with the HTML (50,000 headings with anchors), so the rest then comes
in slices too. What counts is what is inserted (`unit_diff`), not what the two pages do not share.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextDocument

from editor.ui.preview.doc_patch import DocPatcher
from editor.ui.preview.html_units import Page


class PageUpdater(QObject):
    """Brings `document` to the last page given, slice by slice."""

    finished = Signal()
    failed = Signal()  # the page could not be shown by units: the caller sets it whole

    # GUI-thread time per turn of the event loop (issue 14 bounds a turn at 200 ms, issue 13 a stall while a
    # 5 MB article loads at 50 ms). The last step of a turn overshoots: with 25 ms slices the 5 MB article's
    # longest turn was 71-75 ms at load 5 (19-23 ms of CPU), with 12 ms slices 25 ms (13.5 ms of CPU).
    SLICE_MS = 12.0
    SYNC_CHARS = 30_000  # a page whose changed units hold fewer characters is done in one go...
    SYNC_MS = 50.0  # ... unless that takes longer: then in slices too
    MIN_BATCH, MAX_BATCH, FIRST_BATCH = 1_000, 200_000, 8_000
    # Replaced units leave their formats in the document (a new heading id or hashtag: one more each
    # time; `setHtml` started afresh). Past this many, the next page is built afresh.
    MAX_FORMATS = 5_000

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.patcher = DocPatcher(document, parent)
        self._steps: Iterator[int] | None = None
        self._sync = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run)
        self._shown = 0

    @property
    def busy(self) -> bool:
        """True while a page is only partly shown."""
        return self._steps is not None

    def show(self, page: Page) -> None:
        """Start showing `page` (`html_units.page_of`)."""
        self._shown += 1
        if self._shown % 64 == 0 and len(self.patcher.document.allFormats()) > self.MAX_FORMATS:
            self.patcher.forget()
        if not self.patcher.compatible(page):
            self.patcher.start_page(page)
        runs = self.patcher.runs(page.units)
        changed = sum(len(unit) for _i, _j, a, b in runs for unit in page.units[a:b])
        # each page starts with a small step: the size learnt on the last page may be far too big for this
        # one (after 10,000-character parts of plain letters, 1,174 headings in one step: 0.4 s)
        self.patcher.batch_chars = self.FIRST_BATCH
        self._sync = changed <= self.SYNC_CHARS
        self._steps = self.patcher.steps(page.units, runs)
        self._timer.stop()
        self._run()

    def cancel(self) -> None:
        """Stop (the document is being set another way); nothing is known about it any more."""
        self._timer.stop()
        self._steps = None
        self.patcher.forget()

    def _run(self) -> None:
        steps = self._steps
        if steps is None:
            return
        start = time.perf_counter()
        deadline = start + (self.SYNC_MS if self._sync else self.SLICE_MS) / 1000
        while True:
            before = time.perf_counter()
            try:
                inserted = next(steps)
            except StopIteration:
                break
            except ValueError:  # Qt's import did not keep the units apart: show the page whole
                self.cancel()
                self.failed.emit()
                return
            now = time.perf_counter()
            if inserted:  # a removal says nothing about the cost of inserting
                self._adapt(now - before)
            if now >= deadline:
                self._sync = False  # (a page that is taking long: the rest in slices)
                self._timer.start(0)  # the rest at the next turn, after input and painting
                return
        self._steps = None
        self.finished.emit()

    def _adapt(self, seconds: float) -> None:
        """Aim each step at a quarter of a slice (the cost per character varies a lot with the HTML, and
        a step cannot be stopped once started)."""
        target = self.SLICE_MS / 4000
        factor = min(max(target / max(seconds, 1e-4), 0.5), 2.0)
        batch = int(self.patcher.batch_chars * factor)
        self.patcher.batch_chars = min(max(batch, self.MIN_BATCH), self.MAX_BATCH)
