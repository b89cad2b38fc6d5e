"""Findings drawn in the editor as underlines (QTextEdit extra selections, so the Markdown
highlighter's formats are never touched), each tied to a QTextCursor that follows later edits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from editor.core.copydesk.findings import ERROR, SUGGESTION, Finding
from editor.ui.editor.text_positions import PositionMap

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
_KEEP = QTextCursor.MoveMode.KeepAnchor
MAX_UNDERLINES = 3000  # beyond this the panel still lists them; painting stays fast
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


class Underlines:
    """The marks of the typography check and of the spell check, shown on one editor."""

    def __init__(self, editor: QTextEdit) -> None:
        self.editor = editor
        self.groups: dict[str, list[Mark]] = {"typography": [], "spell": []}

    def set_group(self, group: str, body_offset: int, findings: list[Finding], body: str) -> None:
        """Replace one group's marks with `findings` of the file text whose body is `body` (as shown)."""
        to_qt = PositionMap(body).to_qt if _ASTRAL_RE.search(body) else (lambda index: index)
        if getattr(self.editor, "cut_breaks", 0):  # a huge line shown in pieces with zero-width breaks
            to_qt = self.editor.position_map(body).to_qt  # type: ignore[attr-defined]
        doc = self.editor.document()
        marks: list[Mark] = []
        for finding in findings:
            start = finding.offset - body_offset
            end = start + finding.length
            if (
                start < 0
                or finding.length == 0
                or end > len(body)
                or len(marks) >= MAX_UNDERLINES
                or to_qt(end) >= doc.characterCount()  # (a big article still loading: not in yet)
            ):
                # (beyond MAX_UNDERLINES a finding is listed without a cursor: Qt moves every cursor
                # of a document at each edit, and a 5 MB article can have 140,000 findings)
                marks.append(Mark(finding, None, ""))
                continue
            cursor = QTextCursor(doc)
            cursor.setPosition(to_qt(start))
            cursor.setPosition(to_qt(end), _KEEP)
            marks.append(Mark(finding, cursor, body[start:end].replace("\n", "\u2029")))
        self.groups[group] = marks
        self.redraw()

    def clear(self) -> None:
        for group in self.groups:
            self.groups[group] = []
        self.redraw()

    def all(self) -> list[Mark]:
        marks = [m for group in self.groups.values() for m in group]
        return sorted(marks, key=lambda m: (m.cursor.selectionStart() if m.cursor else -1, m.finding.rule))

    def redraw(self) -> None:
        selections = []
        formats = {}
        for mark in self.all():
            if mark.cursor is None or not mark.cursor.hasSelection():
                continue
            if len(selections) >= MAX_UNDERLINES:
                break
            selection = QTextEdit.ExtraSelection()
            selection.cursor = mark.cursor
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

    def remove(self, mark: Mark) -> None:
        for marks in self.groups.values():
            if mark in marks:
                marks.remove(mark)
        self.redraw()
