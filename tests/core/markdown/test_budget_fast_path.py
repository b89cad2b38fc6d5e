"""The budget's fast passes (issue 13, render speed) give exactly what the line-by-line pass gave.

`reference_budget` is the earlier implementation of `apply_budget` (every line read in Python);
the fast one reads only lines that could be too deep and counts markup per chunk. Both must agree
on the text and the notices for ordinary articles, for articles at and beyond every limit, and
for headings and fences mixed in every order.
"""

from __future__ import annotations

import random
import re

import pytest

from editor.core.markdown import budget
from editor.core.markdown.budget import (
    MAX_DOCUMENT_MARKUP,
    MAX_LONG_UNIT_MARKUP,
    MAX_NESTING,
    MAX_UNIT_CHARS,
    MAX_UNIT_MARKUP,
    apply_budget,
)

_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")


def _reference_separate(lines: list[str]) -> list[str]:
    if sum(1 for line in lines if line[:1] == "#") < 100:
        return lines
    out: list[str] = []
    fence = None
    for index, line in enumerate(lines):
        out.append(line)
        fenced = budget._FENCE_RE.match(line)
        if fence is not None:
            if fenced and fenced.group(1)[0] == fence[0] and len(fenced.group(1)) >= len(fence):
                fence = None
            continue
        if fenced:
            fence = fenced.group(1)
            continue
        if _ATX.match(line) and index + 1 < len(lines) and lines[index + 1].strip():
            out.append("")
    return out


def reference_budget(body: str) -> tuple[str, int, bool]:
    """(text, heavy units, nesting cut) as the line-by-line pass computed them."""
    if len(body) <= MAX_NESTING:
        return body, 0, False
    lines = body.split("\n")
    nesting_cut = False
    for index, line in enumerate(lines):
        if len(line) > MAX_NESTING and line[:1] in " \t>-*+0123456789":
            capped, changed = budget._cap_markers(line)
            capped, indent_changed = budget._cap_indent(capped)
            if changed or indent_changed:
                lines[index] = capped
                nesting_cut = True
    lines = _reference_separate(lines)
    out: list[str] = []
    heavy = 0
    total = 0
    unit: list[str] = []
    fence = None

    def flush() -> None:
        nonlocal heavy, total
        if not unit:
            return
        length = sum(len(line) + 1 for line in unit)
        markup = sum(budget._markup_count(line) for line in unit)
        total += markup
        if markup > MAX_UNIT_MARKUP or (length > MAX_UNIT_CHARS and markup > MAX_LONG_UNIT_MARKUP):
            heavy += 1
            out.extend(budget._verbatim(unit))
        else:
            out.extend(unit)
        unit.clear()

    for index, line in enumerate(lines):
        if total > MAX_DOCUMENT_MARKUP:
            flush()
            out.extend(budget._verbatim(lines[index:]))
            heavy = -1
            break
        fenced = budget._FENCE_RE.match(line)
        if fence is not None:
            out.append(line)
            if fenced and fenced.group(1)[0] == fence[0] and len(fenced.group(1)) >= len(fence):
                fence = None
            continue
        if fenced:
            flush()
            fence = fenced.group(1)
            out.append(line)
            continue
        if not line.strip() or budget._UNIT_START_RE.match(line):
            flush()
        if line.strip():
            unit.append(line)
        else:
            out.append(line)
    else:
        flush()
    return "\n".join(out), heavy, nesting_cut


PIECES = [
    "# عنوان",
    "## Heading two",
    "####### seven hashes",
    "#وسم بلا مسافة",
    "#",
    "نص عادي عن **الأمن** و[رابط](https://example.com)",
    "   ",
    "",
    "```",
    "````",
    "~~~",
    "    - بند بمسافة",
    "- بند",
    "1. أول",
    "> اقتباس",
    "> " * 25 + "عميق",
    "- " * 30 + "قائمة",
    "\t" * 22 + "مسافات",
    " " * 90 + "x",
    "2024-05-12 - 03-73 ----------------------------",
    "| a | b |",
    "|---|---|",
    "`" * 2 + "*" * 40,
]


def _random_body(seed: int, lines: int) -> str:
    rng = random.Random(seed)
    return "\n".join(rng.choice(PIECES) for _ in range(lines))


def _check(body: str) -> None:
    text, heavy, nesting_cut = reference_budget(body)
    result = apply_budget(body)
    assert result.text == text
    assert any("nested deeper" in n for n in result.notices) == nesting_cut
    assert any("too much markup" in n for n in result.notices) == (heavy > 0)
    assert any("markup characters" in n for n in result.notices) == (heavy < 0)


@pytest.mark.parametrize("seed", range(40))
def test_fast_budget_equals_the_line_by_line_pass(seed: int) -> None:
    _check(_random_body(seed, 400 if seed % 2 else 40))


def test_many_headings_with_fences_equal_the_line_by_line_pass() -> None:
    body = "".join(f"# h{i}\nنص\n```\n# in code {i}\nx\n```\n## after\n~~~\n# c\n" for i in range(120))
    _check(body)
    _check(body + "```\n# unclosed\ntext\n")


@pytest.mark.parametrize(
    "body",
    [
        "*" * (MAX_UNIT_MARKUP - 1) + "\n",
        "*" * MAX_UNIT_MARKUP + "\n",
        "*" * (MAX_UNIT_MARKUP + 1) + "\n",
        ("كلمة " * 25_000 + "*" * (MAX_LONG_UNIT_MARKUP + 1)) + "\n",
        ("كلمة " * 25_000 + "*" * MAX_LONG_UNIT_MARKUP) + "\n",
        "\n\n".join("*" * 4_000 for _ in range(30)),
        "\n".join("- " + "*" * 100 for _ in range(200)),
    ],
    ids=["below", "at", "above", "long-over", "long-at", "document", "list-items"],
)
def test_fast_budget_at_the_markup_limits(body: str) -> None:
    _check(body)
