"""Linear-time parsing where Python-Markdown (or the `html.parser` it uses) scans quadratically.

Links: Python-Markdown's link, image and reference processors.

Python-Markdown 3 finds the `]` that closes a link's text (`getText`) and the `)` that closes its
target (`getLink`) by scanning forward from every `[` and `(`: a paragraph of 50,000 `[` costs
50,000 scans to its end (minutes). Here the matching brackets of a paragraph are found once, with a
stack, and every lookup is a dictionary read: the same results, in linear time.

- `getText`: exactly Python-Markdown's result (the text between the brackets, the index after
  the closing `]`, whether one was found). An unclosed `[` returns no text: every caller drops
  the text of an unhandled link.
- `getLink`: a `(` with no `)` after it, or whose matching `)` (by simple nesting) has no quote
  before it, is answered from the match table; other targets (with quoted titles) go to
  Python-Markdown's own parser, which then stops at the matching bracket it finds.

Raw HTML: `html.parser` (Python-Markdown's private copy) reads a start tag's attributes with a
regex that lets an attribute name start with `<`, so `<a <a <a …` (30,000 times) makes every `<a`
read every later one as its attributes. Here an attribute name cannot start with `<` (a browser
would start no tag there either, and the sanitizer removes such attributes anyway).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from markdown import Markdown
from markdown import htmlparser as markdown_htmlparser
from markdown.inlinepatterns import LinkInlineProcessor


class _Brackets:
    """Matching `[`/`]` and `(`/`)` positions of one string, computed in one pass."""

    def __init__(self, data: str) -> None:
        self.data = data
        self.close_square: dict[int, int] = {}
        self.close_round: dict[int, int] = {}
        self.last_round_close = data.rfind(")")
        squares: list[int] = []
        rounds: list[int] = []
        quotes: list[int] = []
        for position, char in enumerate(data):
            if char == "[":
                squares.append(position)
            elif char == "]":
                if squares:
                    self.close_square[squares.pop()] = position
            elif char == "(":
                rounds.append(position)
            elif char == ")":
                if rounds:
                    self.close_round[rounds.pop()] = position
            elif char in "'\"":
                quotes.append(position)
        self.quotes = quotes

    def quote_between(self, start: int, end: int) -> bool:
        at = bisect_left(self.quotes, start)
        return at < len(self.quotes) and self.quotes[at] < end


class _Cache:
    """The bracket table of the last string seen (the inline processor asks many times per string)."""

    def __init__(self) -> None:
        self.table: _Brackets | None = None

    def get(self, data: str) -> _Brackets:
        if self.table is None or self.table.data is not data:
            if self.table is None or self.table.data != data:
                self.table = _Brackets(data)
        return self.table


def _linear_get_text(cache: _Cache):  # noqa: ANN202 - returns a bound-method replacement
    def get_text(data: str, index: int) -> tuple[str, int, bool]:
        """Python-Markdown's `getText` for the `[` at `index - 1`, from the match table."""
        table = cache.get(data)
        if index >= 1 and data[index - 1] == "[":
            close = table.close_square.get(index - 1)
        else:  # not called this way by Python-Markdown; count from here
            close = _scan_square(data, index)
        if close is None:
            return "", len(data), False
        return data[index:close], close + 1, True

    return get_text


def _scan_square(data: str, index: int) -> int | None:
    depth = 1
    for position in range(index, len(data)):
        char = data[position]
        if char == "]":
            depth -= 1
            if depth == 0:
                return position
        elif char == "[":
            depth += 1
    return None


def _linear_get_link(cache: _Cache, original):  # noqa: ANN001, ANN202 - wraps a bound method
    def get_link(data: str, index: int) -> tuple[str, str | None, int, bool]:
        """Python-Markdown's `getLink`, answered from the match table when no quote is involved."""
        if index >= len(data) or data[index] != "(":
            return original(data, index)
        table = cache.get(data)
        if table.last_round_close < index:
            return "", None, index, False  # no `)` anywhere after: never a link target
        close = table.close_round.get(index)
        if close is None:
            angle = original.__self__.RE_LINK.match(data, pos=index)
            if angle and angle.group(1):  # `(<target>)` may hold unbalanced `(`: answered by its regex
                return original(data, index)
            if not table.quote_between(index, len(data)):
                return "", None, index, False  # unclosed and no title: not a link target
            return original(data, index)
        href = data[index + 1 : close]
        if href.lstrip().startswith("<") or table.quote_between(index, close):
            return original(data, index)  # `(<target>)` or a title: Python-Markdown's own parser
        return href_unescape(original.__self__, href), None, close + 1, True

    return get_link


def href_unescape(processor: LinkInlineProcessor, href: str) -> str:
    """What Python-Markdown does to a target without a title: unescape and strip."""
    return processor.unescape(href.strip()).strip()


_LINEAR_START_TAG_END = re.compile(
    markdown_htmlparser.htmlparser.locatestarttagend_tolerant.pattern.replace(
        "(?:(?<=['\"\\s/])[^`\\s/>][^\\s/=>]*", "(?:(?<=['\"\\s/])[^`\\s/><][^\\s/=>]*"
    ),
    re.VERBOSE,
)


def make_links_linear(md: Markdown) -> None:
    """Give every link/image/reference processor of `md` linear bracket matching."""
    cache = _Cache()
    for processor in md.inlinePatterns:
        if isinstance(processor, LinkInlineProcessor):
            processor.getText = _linear_get_text(cache)  # type: ignore[method-assign]
            processor.getLink = _linear_get_link(cache, processor.getLink)  # type: ignore[method-assign]


def make_parsing_linear(md: Markdown) -> None:
    """Linear link matching for `md`, and a start-tag pattern for Python-Markdown's raw-HTML
    parser that cannot run over the following tags."""
    markdown_htmlparser.htmlparser.locatestarttagend_tolerant = _LINEAR_START_TAG_END
    make_links_linear(md)
