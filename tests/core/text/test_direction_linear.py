"""The direction and counting patterns run in linear time on hostile text (issue 14, case 1).

Each input is far beyond anything real (100,000 to 1,000,000 characters without a space); the
quadratic patterns these replace took minutes on them. Bounds are generous (a loaded machine).
"""

from __future__ import annotations

import time

import pytest

from editor.core.text.arabic import count_words, strip_markdown_syntax
from editor.core.text.direction import (
    isolate_number_runs,
    number_runs,
    paragraph_direction,
    paragraph_override,
    strip_markdown_for_direction,
)

HOSTILE = {
    "letters": "a" * 300_000,
    "arabic letters": "ب" * 300_000,
    "e-mail-like run": "a." * 150_000 + "@",
    "at signs": "a@" * 150_000,
    "backtick run": "`" * 100_000 + "a",
    "code spans unclosed": "``a`" * 50_000,
    "link targets unclosed": "[a](" * 75_000,
    "link openers on lines": "[\n" * 100_000,
    "tags unclosed": "<a " * 100_000,
    "entities unclosed": "&a" * 150_000,
    "attribute lists unclosed": "{#a " * 75_000,
    "spaces": "ب" + " " * 300_000 + "{",
    "tabs before override": "\t" * 300_000 + "x {dir=",
    "digits": "ب " + "1" * 300_000,
    "number runs": "1-1 " * 75_000,
}


def _timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_direction_and_counting_are_linear(name: str) -> None:
    text = HOSTILE[name]
    elapsed = (
        _timed(strip_markdown_for_direction, text)
        + _timed(paragraph_direction, text)
        + _timed(paragraph_override, text)
        + _timed(number_runs, text)
        + _timed(strip_markdown_syntax, text)
        + _timed(count_words, text)
    )
    assert elapsed < 3.0, f"{name}: {elapsed:.1f} s"


def test_linear_patterns_keep_their_meaning() -> None:
    # code spans, link targets, references, tags, entities, URLs, e-mail and attribute lists still
    # do not vote
    text = "`code` [نص](http://x.com/a) <b> &amp; www.example.com a.b@example.com {.cls} كلمة"
    stripped = strip_markdown_for_direction(text)
    for gone in ("code", "http", "<b>", "&amp;", "www", "@", ".cls"):
        assert gone not in stripped
    assert "كلمة" in stripped and "[نص" in stripped
    assert strip_markdown_for_direction("[x](a(b)c) y").strip() == "[x  y"
    assert paragraph_override("text   {dir=ltr}") == "ltr"
    assert paragraph_override("{dir=rtl}") == "rtl"
    # a number run after Arabic, several runs with the strong letter far before them
    assert number_runs("هاتف 03-73 و 1-2") == [(5, 10), (13, 16)]
    assert isolate_number_runs("هاتف 03-73") == "هاتف \u200e03-73"
    assert count_words("[نص](http://a.b/c) كلمة") == 2
