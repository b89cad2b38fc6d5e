"""Markdown highlighting for the editor: colours and weights only, never a change to the text.

Formats change only at Markdown punctuation (`#`, `*`, `[`, `>`…), never inside a word, so Arabic
letters keep their joined shapes. Hashtags come from the core rule (`editor.core.markdown.hashtags`).
Colours come from the palette, so light and dark themes both read well.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextBlockUserData,
    QTextCharFormat,
    QTextDocument,
)

from editor.core.markdown.hashtags import hashtag_spans, mask_non_prose
from editor.core.markdown.highlight_spans import bold_spans, italic_spans, link_spans
from editor.core.text.soft_breaks import SPACE
from editor.ui.editor.soft_lines import raw_kind
from editor.ui.editor.text_positions import PositionMap

_IN_FENCE = 1

_FENCE_RE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_HEADING_RE = re.compile(r"^[ ]{0,3}#{1,6}(?:[ \t].*)?$")
_QUOTE_RE = re.compile(r"^[ ]{0,3}>.*$")
_LIST_RE = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?=[ \t])")
_RULE_RE = re.compile(r"^[ ]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_CODE_RE = re.compile(r"(`+)[^`].*?\1|(`+)`")
_OVERRIDE_RE = re.compile(r"\{:?[ \t]*dir=[^}]*\}[ \t]*$")


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        round(a.red() * (1 - t) + b.red() * t),
        round(a.green() * (1 - t) + b.green() * t),
        round(a.blue() * (1 - t) + b.blue() * t),
    )


# A paragraph longer than this (a whole article pasted as one line, 620 KB) gets the light path:
# only what its first characters decide (heading, quote, list marker, code fence) is coloured, so a
# keystroke does not re-run every inline scan over the whole paragraph. See docs/editor.md.
LIGHT_BLOCK_CHARS = 20_000


class MarkdownHighlighter(QSyntaxHighlighter):
    """Headings, bold, italic, links, quotes, lists, code, rules, hashtags and direction overrides."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self.lazy = False  # highlight only the blocks shown (set by editor/ui/editor/loading.py)
        self.bulk = False  # skip the blocks being loaded
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        """Derive the colours from `palette` (call again when the system theme changes)."""
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        link = palette.color(QPalette.ColorRole.Link)
        dark = base.lightness() < 128
        accent = QColor("#e0a050") if dark else QColor("#a0522d")
        tag = QColor("#6fbf73") if dark else QColor("#2e7d32")

        def fmt(color: QColor, weight: int | None = None, italic: bool = False) -> QTextCharFormat:
            f = QTextCharFormat()
            f.setForeground(color)
            if weight is not None:
                f.setFontWeight(weight)
            if italic:
                f.setFontItalic(True)
            return f

        muted = _mix(text, base, 0.45)
        self.f_heading = fmt(accent, QFont.Weight.Bold)
        self.f_bold = fmt(text, QFont.Weight.Bold)
        self.f_italic = fmt(text, italic=True)
        self.f_marker = fmt(muted)
        self.f_link = fmt(link)
        self.f_quote = fmt(_mix(text, base, 0.3))
        self.f_code = fmt(_mix(text, QColor("#c2185b"), 0.6))
        self.f_code.setFontFamilies(["monospace"])
        self.f_hashtag = fmt(tag, QFont.Weight.DemiBold)
        self.f_override = fmt(muted, italic=True)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        if self.lazy:  # a big article: only what is shown (see editor/ui/editor/loading.py)
            if self.bulk:
                self.setCurrentBlockState(-1)
                return
            self.setCurrentBlockUserData(QTextBlockUserData())
        if len(text) > LIGHT_BLOCK_CHARS:
            self._highlight_light(text)
            return
        positions = PositionMap(text)

        def paint(start: int, end: int, f: QTextCharFormat) -> None:
            a = positions.to_qt(start)
            self.setFormat(a, positions.to_qt(end) - a, f)

        in_fence = self.previousBlockState() == _IN_FENCE
        kind = raw_kind(self.currentBlock())
        if kind is not None:
            # a piece of a huge line shown in pieces: the line's start was decided in its first piece
            self.setCurrentBlockState(self.previousBlockState())
            if in_fence:
                paint(0, len(text), self.f_code)
            elif kind == SPACE:  # (a run without spaces, cut in pieces, gets no inline scans)
                self._highlight_inline(text, paint)
            return
        if _FENCE_RE.match(text):
            paint(0, len(text), self.f_code)
            self.setCurrentBlockState(-1 if in_fence else _IN_FENCE)
            return
        if in_fence:
            paint(0, len(text), self.f_code)
            self.setCurrentBlockState(_IN_FENCE)
            return
        self.setCurrentBlockState(-1)
        if _HEADING_RE.match(text):
            paint(0, len(text), self.f_heading)
        elif _RULE_RE.match(text):
            paint(0, len(text), self.f_marker)
        elif _QUOTE_RE.match(text):
            paint(0, len(text), self.f_quote)
        list_marker = _LIST_RE.match(text)
        if list_marker:
            paint(0, list_marker.end(), self.f_marker)
        self._highlight_inline(text, paint)

    def _highlight_inline(self, text: str, paint: Callable[[int, int, QTextCharFormat], None]) -> None:
        # (bold, italic and links in linear time: their former patterns were quadratic on a line
        # of openings without closings, e.g. `**a ` repeated: 80-120 ms per key at 6,000 characters)
        for start, end in bold_spans(text):
            paint(start, end, self.f_bold)
        for start, end in italic_spans(text):
            paint(start, end, self.f_italic)
        for start, end in link_spans(text):
            paint(start, end, self.f_link)
        for m in _CODE_RE.finditer(text):
            paint(m.start(), m.end(), self.f_code)
        for start, end, _tag in hashtag_spans(mask_non_prose(text)):
            paint(start, end, self.f_hashtag)
        override = _OVERRIDE_RE.search(text)
        if override:
            paint(override.start(), override.end(), self.f_override)

    def _highlight_light(self, text: str) -> None:
        """The light path for a huge paragraph: line-start markers only, in time independent of
        what the paragraph holds (one format range at most, no per-character position map)."""
        length = len(text.encode("utf-16-le")) // 2  # Qt counts UTF-16 units
        head = text[:200]
        in_fence = self.previousBlockState() == _IN_FENCE
        if _FENCE_RE.match(head) or in_fence:
            self.setFormat(0, length, self.f_code)
            opens = bool(_FENCE_RE.match(head))
            self.setCurrentBlockState(_IN_FENCE if opens != in_fence else -1)
            return
        self.setCurrentBlockState(-1)
        if re.match(r"[ ]{0,3}#{1,6}(?:[ \t]|$)", head):
            self.setFormat(0, length, self.f_heading)
        elif re.match(r"[ ]{0,3}>", head):
            self.setFormat(0, length, self.f_quote)
        else:
            marker = _LIST_RE.match(head)
            if marker:
                self.setFormat(0, marker.end(), self.f_marker)
