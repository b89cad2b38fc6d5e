"""The editor's highlighting spans: exactly what the former regular expressions matched, in
linear time on the lines that made them quadratic."""

from __future__ import annotations

import random
import re
import time

import pytest

from editor.core.markdown.highlight_spans import bold_spans, italic_spans, link_spans

# the patterns the highlighter used (the reference: same spans, found by a backtracking engine)
BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
ITALIC = re.compile(r"(?<![*_\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*_\w])")
LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<(?:https?|mailto):[^>\s]+>|https?://\S+")
FINDERS = [(BOLD, bold_spans), (ITALIC, italic_spans), (LINK, link_spans)]
PIECES = [
    "*",
    "**",
    "_",
    "__",
    " ",
    "a",
    "ب",
    "\n",
    "[",
    "]",
    "(",
    ")",
    "!",
    "<",
    ">",
    "http://",
    "https:",
    "mailto:",
    "x.org",
    "\u00a0",
    "1",
    "`",
    "#",
]


def _spans(regex: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text)]


@pytest.mark.parametrize(("regex", "finder"), FINDERS, ids=["bold", "italic", "link"])
def test_the_same_spans_as_the_patterns_on_random_text(regex, finder):
    rng = random.Random(13)
    for _ in range(4000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 30)))
        assert list(finder(text)) == _spans(regex, text), repr(text)


def test_the_same_spans_on_ordinary_markdown():
    text = (
        "نص **عريض** و *مائل* و __bold__ و _it_ و [رابط](http://x) و ![صورة](a.png) و <https://x.org>\n"
        "و https://example.org/path?q=1 و snake_case_name و 2*3*4 و ** لا ** و *أ*ب* و ***كلاهما***"
    )
    for regex, finder in FINDERS:
        assert list(finder(text)) == _spans(regex, text)
        assert list(finder(text))  # each finds something here


@pytest.mark.parametrize("unit", ["**a ", "__a ", "*a ", "_a ", "[", "![", "[a](", "<http:", "**a_ "])
def test_lines_that_made_the_patterns_quadratic_take_linear_time(unit):
    def cost(chars: int) -> float:
        text = (unit * (chars // len(unit) + 1))[:chars]
        start = time.process_time()
        for _regex, finder in FINDERS:
            list(finder(text))
        return time.process_time() - start

    small, big = cost(20_000), cost(80_000)
    assert big < 0.5, big  # (the patterns: 1-2 s for 6,000 characters ×13 of them)
    assert big < 8 * small + 0.05  # 4× the text, well under 16× the time
