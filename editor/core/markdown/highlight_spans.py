"""Where the editor colours bold, italic and links: the spans of its former regular expressions, found
in linear time.

The highlighter used `(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1`, an italic pattern of the same shape and
`!?\\[[^\\]\\n]*\\]\\([^)\\n]*\\)|<(?:https?|mailto):[^>\\s]+>|https?://\\S+`: each opening without a
closing made the engine scan to the line's end, so a line of `**a ` or `[` repeated cost time in
the square of its length on every keystroke (6,000 characters: 80-120 ms per key). These functions
return exactly the same spans (a test compares them with the patterns on generated text), finding
each closing with a lookup instead of a scan: O(n log n) for a line of n characters.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

_BOLD_OPEN = re.compile(r"(?=\*\*|__)")
_ITALIC_OPEN = re.compile(r"[*_]")
_LINK_START = re.compile(r"!\[|\[|<(?:https?|mailto):|https?://")
_URL_RE = re.compile(r"https?://\S+")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what `\w` matches


def _first_at_or_after(positions: list[int], index: int) -> int | None:
    at = bisect.bisect_left(positions, index)
    return positions[at] if at < len(positions) else None


class _Lines:
    """Answers "is there a newline in text[a:b]?" in O(log n) (`.` stops at a newline)."""

    def __init__(self, text: str) -> None:
        self.breaks = [m.start() for m in re.finditer("\n", text)] if "\n" in text else []

    def clear(self, start: int, end: int) -> bool:
        nxt = _first_at_or_after(self.breaks, start)
        return nxt is None or nxt >= end


def bold_spans(text: str) -> Iterator[tuple[int, int]]:
    """The matches of `(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1`, in order."""
    closings: dict[str, list[int]] = {"**": [], "__": []}
    starts = [m.start() for m in _BOLD_OPEN.finditer(text)]
    for j in starts:  # a closing delimiter right after a non-space character
        if j > 0 and not text[j - 1].isspace():
            closings[text[j : j + 2]].append(j)
    lines = _Lines(text)
    end = 0
    for i in starts:
        if i < end or i + 2 >= len(text) or text[i + 2].isspace():
            continue
        j = _first_at_or_after(closings[text[i : i + 2]], i + 3)
        if j is not None and lines.clear(i + 2, j):
            end = j + 2
            yield i, end


def italic_spans(text: str) -> Iterator[tuple[int, int]]:
    """The matches of `(?<![*_\\w])([*_])(?=[^\\s*_])(.+?)(?<=[^\\s*_])\\1(?![*_\\w])`, in order."""
    n = len(text)

    def plain(ch: str) -> bool:  # `[^\s*_]`
        return ch not in "*_" and not ch.isspace()

    def free(ch: str) -> bool:  # not `[*_\w]`
        return ch not in "*_" and not _is_word(ch)

    marks = [m.start() for m in _ITALIC_OPEN.finditer(text)]
    closings: dict[str, list[int]] = {"*": [], "_": []}
    for j in marks:
        if j > 0 and plain(text[j - 1]) and (j + 1 == n or free(text[j + 1])):
            closings[text[j]].append(j)
    lines = _Lines(text)
    end = 0
    for i in marks:
        if i < end or (i > 0 and not free(text[i - 1])) or i + 1 >= n or not plain(text[i + 1]):
            continue
        j = _first_at_or_after(closings[text[i]], i + 2)
        if j is not None and lines.clear(i + 1, j):
            end = j + 1
            yield i, end


class _Next:
    """The first position at or after `start` matching `pattern`; amortised linear over increasing
    starts (the answer is kept while it is still ahead)."""

    def __init__(self, text: str, pattern: str) -> None:
        self.text, self.regex = text, re.compile(pattern)
        self.asked, self.found = -1, -1

    def __call__(self, start: int) -> int:
        if not (self.asked <= start <= self.found):
            m = self.regex.search(self.text, start)
            self.found = m.start() if m else len(self.text)
        self.asked = start
        return self.found


def link_spans(text: str) -> Iterator[tuple[int, int]]:
    """The matches of `!?\\[[^\\]\\n]*\\]\\([^)\\n]*\\)|<(?:https?|mailto):[^>\\s]+>|https?://\\S+`."""
    n = len(text)
    bracket, paren, angle = _Next(text, r"[\]\n]"), _Next(text, r"[)\n]"), _Next(text, r"[>\s]")
    pos = 0
    while True:
        m = _LINK_START.search(text, pos)
        if m is None:
            return
        i, head = m.start(), m.group()
        if head.startswith("!") or head == "[":
            k = bracket(m.end())
            if k < n and text[k] == "]" and k + 1 < n and text[k + 1] == "(":
                close = paren(k + 2)
                if close < n and text[close] == ")":
                    pos = close + 1
                    yield i, pos
                    continue
        elif head.startswith("<"):
            k = angle(m.end())
            if k > m.end() and k < n and text[k] == ">":
                pos = k + 1
                yield i, pos
                continue
        else:
            url = _URL_RE.match(text, i)
            if url:
                pos = url.end()
                yield i, pos
                continue
        pos = i + 1
