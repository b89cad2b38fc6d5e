"""Findings drawn in the editor as underlines (QTextEdit extra selections, so the Markdown
highlighter's formats are never touched), each tied to a QTextCursor that follows later edits.

Kept off the typing path (issue 13): a check's marks are made in slices of `SLICE` per turn of the
event loop (placing a cursor lays its line out when Qt has not yet), those on screen first, so a
keystroke waits for one slice at most; only the marks near the visible part of the text are given
to the editor as extra selections (QTextEdit measures every selection it is given), again after
each scroll. (An empty edit block around a slice would skip the layout, but it counts as an edit:
it bumps the revision and emits contentsChanged, which restarts the pause timer.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from editor.core.copydesk.findings import ERROR, SUGGESTION, Finding
from editor.ui.editor.loading import top_block
from editor.ui.editor.text_positions import PositionMap, has_astral

_KEEP = QTextCursor.MoveMode.KeepAnchor
MAX_UNDERLINES = 3000  # findings with a cursor (and drawn at most); the panel still lists all
SLICE = 100  # marks made per turn of the event loop (~0.5–2 ms)
_COLORS = {ERROR: "#d32f2f", "warning": "#e08a00", SUGGESTION: "#1e88e5", "spelling": "#d32f2f"}


@dataclass
class Mark:
    """One finding in the editor: its cursor (None for article-level findings) and the text it covered."""

    finding: Finding
    cursor: QTextCursor | None
    text: str

    @property
    def valid(self) -> bool:
        """False once the text under the mark was edited (its fixes would no longer fit)."""
        return self.cursor is not None and self.cursor.selectedText() == self.text

    @property
    def kind(self) -> str:
        return "spelling" if self.finding.rule == "spelling" else self.finding.severity


def underline_format(kind: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    style = {
        "spelling": QTextCharFormat.UnderlineStyle.SpellCheckUnderline,
        SUGGESTION: QTextCharFormat.UnderlineStyle.DotLine,
    }.get(kind, QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineStyle(style)
    fmt.setUnderlineColor(QColor(_COLORS[kind]))
    fmt.setProperty(QTextCharFormat.Property.UserProperty + 11, kind)
    return fmt


class _Build:
    """One group's marks being made, slice by slice (`todo`: (finding, Qt start, Qt end, text))."""

    def __init__(self, todo: list[tuple[Finding, int, int, str]], revision: int, then: Callable | None):
        self.todo = todo
        self.revision = revision
        self.then = then
        self.first = True  # no slice made yet


class Underlines:
    """The marks of the typography check and of the spell check, shown on one editor."""

    def __init__(self, editor: QTextEdit) -> None:
        self.editor = editor
        self.groups: dict[str, list[Mark]] = {"typography": [], "spell": []}
        self._builds: dict[str, _Build] = {}
        self._sorted: list[Mark] | None = None  # all marks in text order (cursors keep their order)
        self._shown: tuple[int, int] | None = None  # the text range whose marks are drawn
        self._slicer = QTimer(editor, singleShot=True, interval=0)
        self._slicer.timeout.connect(self._next_slice)
        self._scrolled = QTimer(editor, singleShot=True, interval=0)
        self._scrolled.timeout.connect(self._follow_view)
        editor.verticalScrollBar().valueChanged.connect(self.view_changed)
        editor.document().blockCountChanged.connect(self.view_changed)  # lines pasted or cut above
        self.slices_made = 0  # counted for the tests (how many turns a check's marks took)

    # --- making the marks ---------------------------------------------------------------------
    def set_group(
        self, group: str, body_offset: int, findings: list[Finding], body: str, then: Callable | None = None
    ) -> None:
        """Replace one group's marks with `findings` of the file text whose body is `body` (as shown).

        The marks on screen are made now, the rest in later turns of the event loop; `then()` runs
        when all are made. Typing meanwhile drops the rest (the next pause checks the text again) and
        `then` is not called."""
        to_qt = PositionMap(body).to_qt if has_astral(body) else (lambda index: index)
        if getattr(self.editor, "cut_breaks", 0):  # a huge line shown in pieces with zero-width breaks
            to_qt = self.editor.position_map(body).to_qt  # type: ignore[attr-defined]
        characters = self.editor.document().characterCount()
        marks: list[Mark] = []
        todo: list[tuple[Finding, int, int, str]] = []
        for finding in findings:
            start = finding.offset - body_offset
            end = start + finding.length
            if (
                start < 0
                or finding.length == 0
                or end > len(body)
                or len(marks) + len(todo) >= MAX_UNDERLINES
                or to_qt(end) >= characters  # (a big article still loading: not in yet)
            ):
                # (beyond MAX_UNDERLINES a finding is listed without a cursor: Qt moves every cursor
                # of a document at each edit, and a 5 MB article can have 140,000 findings)
                marks.append(Mark(finding, None, ""))
                continue
            todo.append((finding, to_qt(start), to_qt(end), body[start:end].replace("\n", "\u2029")))
        low, high = self.visible_range()
        todo.sort(key=lambda item: not (item[1] <= high and item[2] >= low))  # on screen first, stable
        self.groups[group] = marks
        self._sorted = None
        self._builds[group] = _Build(todo, self.editor.document().revision(), then)
        self._next_slice()

    def _next_slice(self) -> None:
        revision = self.editor.document().revision()
        for group, build in list(self._builds.items()):
            if build.revision != revision:  # typed meanwhile: positions of the rest are stale
                del self._builds[group]
                continue
            made, build.todo = build.todo[:SLICE], build.todo[SLICE:]
            self.groups[group].extend(self._make(made))
            self._sorted = None
            self.slices_made += 1
            low, high = self._shown or (0, -1)
            if build.first or any(start <= high and end >= low for _f, start, end, _t in made):
                self.redraw()  # the old marks go at once; later, only slices that reach the screen
            build.first = False
            if not build.todo:
                del self._builds[group]
                if build.then is not None:
                    build.then()
            break  # one slice per turn of the event loop
        if self._builds:
            self._slicer.start()

    def _make(self, todo: list[tuple[Finding, int, int, str]]) -> list[Mark]:
        doc = self.editor.document()
        marks = []
        for finding, start, end, text in todo:
            cursor = QTextCursor(doc)  # setPosition lays the line out if Qt has not yet: ~2–10 µs
            cursor.setPosition(start)
            cursor.setPosition(end, _KEEP)
            marks.append(Mark(finding, cursor, text))
        return marks

    def building(self) -> bool:
        """True while a check's marks are still being made."""
        return bool(self._builds)

    def clear(self) -> None:
        self._builds.clear()
        for group in self.groups:
            self.groups[group] = []
        self._sorted = None
        self.redraw()

    def all(self) -> list[Mark]:
        if self._sorted is None:
            marks = [m for group in self.groups.values() for m in group]
            self._sorted = sorted(
                marks, key=lambda m: (m.cursor.selectionStart() if m.cursor else -1, m.finding.rule)
            )
        return list(self._sorted)

    # --- drawing ------------------------------------------------------------------------------
    def visible_range(self) -> tuple[int, int]:
        """Qt text positions from a screen above the visible part of the text to a screen below it."""
        height = self.editor.viewport().height()  # (by halves: Qt's hit test walks every block)
        top, bottom = top_block(self.editor, below=-height), top_block(self.editor, below=2 * height)
        return top.position(), bottom.position() + bottom.length()

    def view_changed(self) -> None:
        """The visible part may show other text (a scroll, a resize): draw its marks soon."""
        self._scrolled.start()

    def _follow_view(self) -> None:
        low, high = self.visible_range()
        if self._shown is None or low < self._shown[0] or high > self._shown[1]:
            self.redraw()

    def redraw(self) -> None:
        """Give the editor the marks near the visible part (at most MAX_UNDERLINES)."""
        low, high = self.visible_range()
        # a margin of one more screen each way, so that scrolling by a screen needs no redraw
        margin = max(high - low, 1)
        low, high = max(0, low - margin // 2), high + margin // 2
        self._shown = (low, high)
        selections = []
        formats: dict[str, QTextCharFormat] = {}
        for mark in self.all():
            cursor = mark.cursor
            if cursor is None or not cursor.hasSelection():
                continue
            if cursor.selectionEnd() < low:
                continue
            if cursor.selectionStart() > high or len(selections) >= MAX_UNDERLINES:
                break
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = formats.get(mark.kind) or formats.setdefault(
                mark.kind, underline_format(mark.kind)
            )
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def at(self, position: int) -> list[Mark]:
        """Marks under the Qt text position `position` (its character or the one before it)."""
        return [
            m
            for m in self.all()
            if m.cursor is not None
            and m.cursor.selectionStart() <= position <= m.cursor.selectionEnd()
            and m.cursor.hasSelection()
        ]

    def replace(self, group: str, marks: list[Mark]) -> None:
        """Set one group's marks (a check being made for it is dropped) and redraw."""
        self._builds.pop(group, None)
        self.groups[group] = list(marks)
        self._sorted = None
        self.redraw()

    def remove(self, mark: Mark) -> None:
        self.remove_many([mark])

    def remove_many(self, gone: list[Mark]) -> None:
        """Forget `gone` and redraw once."""
        ids = {id(m) for m in gone}
        for group, marks in self.groups.items():
            self.groups[group] = [m for m in marks if id(m) not in ids]
        self._sorted = None
        self.redraw()
