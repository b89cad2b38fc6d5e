"""What a copy-desk check returns (`Finding`), the text it checks (`Context`) and applying fixes.

A finding points at a span of the whole file text (`offset`, `length`); its `fixes` are
replacement texts for that span, best first. `auto` says the first fix is safe to apply without a
human looking (`midad lint --fix`, "fix all"): it changes typography, never words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from editor.core.article.model import Article
from editor.core.markdown.mask import mask_non_prose
from editor.core.text.direction import article_direction, line_directions
from editor.core.text.messages import Text

ERROR, WARNING, SUGGESTION = "error", "warning", "suggestion"
SEVERITIES = (ERROR, WARNING, SUGGESTION)

# "Arabic letter": U+0621–063A, U+0641–064A, U+0671–06D3 (hamza forms, letters, Persian/Urdu extras)
ARABIC_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
ARABIC_MARKS = "\u064b-\u065f\u0670"  # harakat, shadda, sukun, superscript alef
ARABIC_WORD_RE = re.compile(f"[{ARABIC_LETTER}][{ARABIC_LETTER}{ARABIC_MARKS}\u0640]*")
ARABIC_LETTER_RE = re.compile(f"[{ARABIC_LETTER}]")


@dataclass(frozen=True)
class Finding:
    """One thing the copy desk found. `line`/`column` are 1-based (filled by `Context.place`)."""

    rule: str
    offset: int
    length: int
    message: Text
    severity: str
    fixes: tuple[str, ...] = ()
    auto: bool = False
    line: int = 0
    column: int = 0

    @property
    def end(self) -> int:
        return self.offset + self.length

    def as_json(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "length": self.length,
            "message": str(self.message),
            "fixes": list(self.fixes),
        }


@dataclass
class Line:
    """One body line: its offset in the file text, its text, the same with non-prose blanked, direction."""

    offset: int
    text: str
    masked: str
    direction: str
    number: int  # 1-based line number in the file


@dataclass
class Context:
    """The file text prepared once for every rule: the body, its masked prose, lines, paragraphs."""

    text: str
    article: Article = field(init=False)
    body_offset: int = field(init=False)

    def __post_init__(self) -> None:
        self.article = Article.from_text(self.text)
        body = self.article.body
        self.body_offset = len(self.text) - len(body)

    @cached_property
    def body(self) -> str:
        return self.article.body

    @cached_property
    def masked(self) -> str:
        """The body with code, links' targets, URLs and raw HTML replaced by spaces (same length)."""
        return mask_non_prose(self.body)

    @cached_property
    def article_dir(self) -> str:
        return article_direction(self.article.meta, self.body)

    @cached_property
    def lines(self) -> list[Line]:
        texts = self.body.split("\n")
        masked = self.masked.split("\n")
        directions = line_directions(self.body, self.article_dir)
        first = self.text.count("\n", 0, self.body_offset) + 1
        out, offset = [], self.body_offset
        for index, (text, mask, direction) in enumerate(zip(texts, masked, directions, strict=True)):
            out.append(Line(offset, text, mask, direction, first + index))
            offset += len(text) + 1
        return out

    @cached_property
    def paragraphs(self) -> list[list[Line]]:
        """Runs of non-blank lines (blank = only whitespace in the masked text)."""
        out: list[list[Line]] = []
        current: list[Line] = []
        for line in self.lines:
            if line.masked.strip():
                current.append(line)
            elif current:
                out.append(current)
                current = []
        if current:
            out.append(current)
        return out

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def place(self, finding: Finding) -> Finding:
        """The finding with its 1-based line and column in the file text."""
        index = bisect.bisect_right(self._line_starts, finding.offset) - 1
        return replace(finding, line=index + 1, column=finding.offset - self._line_starts[index] + 1)


def is_prose(line: Line, start: int, end: int) -> bool:
    """True when `line.text[start:end]` is untouched by masking (not code, URL, link target…)."""
    return line.masked[start:end] == line.text[start:end]


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
    """`text` with the first fix of each finding applied (overlapping ones skipped), and those applied."""
    applied: list[Finding] = []
    last_start = len(text) + 1
    parts: list[str] = []
    tail = len(text)
    for finding in sorted(findings, key=lambda f: (f.offset, f.length), reverse=True):
        if not finding.fixes or finding.end > last_start or finding.end > tail:
            continue
        parts.append(text[finding.end : tail])
        parts.append(finding.fixes[0])
        tail = finding.offset
        last_start = finding.offset
        applied.append(finding)
    parts.append(text[:tail])
    return "".join(reversed(parts)), list(reversed(applied))
