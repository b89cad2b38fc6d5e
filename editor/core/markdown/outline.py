"""The article's outline: its headings, with their level and line, for the editor's Outline panel.

ATX headings (`## العنوان`) and setext headings (a line underlined with `===` or `---`) of the
body, the renderer's rules: nothing inside code, raw HTML or front matter counts. The title shown
is the heading's text without its closing hashes, `{dir=…}`/`{#id}` attribute lists and the
emphasis/code marks around words. Linear in the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from editor.core.markdown.mask import ATTR_LIST_RE, mask_non_prose

_ATX_RE = re.compile(r"^[ ]{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RE = re.compile(r"^[ ]{0,3}(=+|-+)[ \t]*$")
_NOT_A_PARAGRAPH_RE = re.compile(r"^[ ]{0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|#|\||`{3}|~{3})|^\s*$")
_INLINE_MARKS_RE = re.compile(r"(\*{1,3}|_{1,3}|`+|~~)(?=\S)(.+?)(?<=\S)\1")
MAX_TITLE = 200
# The outline panel lists this many headings; the pause worker sends one more (where the unlisted part
# starts, for the caret's section) and how many there are: 50,000 headings as objects took 60-90 ms to
# unpickle in the window, holding Python's lock (the GUI thread waited).
MAX_LISTED = 2_000


@dataclass(frozen=True)
class OutlineHeading:
    """One heading: its level (1–6), its title as a reader sees it, its 0-based line in the body."""

    level: int
    title: str
    line: int


def _clean_title(text: str) -> str:
    text = ATTR_LIST_RE.sub("", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links and images: their text
    for _ in range(3):
        text = _INLINE_MARKS_RE.sub(r"\2", text)
    text = " ".join(text.split())
    return text[:MAX_TITLE]


def outline(body: str) -> list[OutlineHeading]:
    """The headings of `body` (`\\n`-lines, as the editor shows them), in order."""
    lines = body.split("\n")
    masked = mask_non_prose(body).split("\n")
    headings: list[OutlineHeading] = []
    for index, (line, shown) in enumerate(zip(lines, masked, strict=True)):
        if shown.lstrip(" ").startswith("#"):  # code, raw HTML: blanked by the mask
            match = _ATX_RE.match(line)
            if match:
                headings.append(
                    OutlineHeading(len(match.group(1)), _clean_title(match.group(2) or ""), index)
                )
                continue
        if index and _SETEXT_RE.match(shown):
            above = lines[index - 1]
            if masked[index - 1].strip() and not _NOT_A_PARAGRAPH_RE.match(above):
                if not (headings and headings[-1].line == index - 1):
                    level = 1 if line.strip().startswith("=") else 2
                    headings.append(OutlineHeading(level, _clean_title(above), index - 1))
    return headings


def heading_at(headings: list[OutlineHeading], line: int, lines: list[int] | None = None) -> int | None:
    """Index in `headings` of the section holding `line` (the last heading at or above it), or None.
    `lines`: the headings' lines, kept by a caller that asks often (the caret follows in a huge outline)."""
    index = bisect.bisect_right(lines if lines is not None else [h.line for h in headings], line) - 1
    return index if index >= 0 else None
