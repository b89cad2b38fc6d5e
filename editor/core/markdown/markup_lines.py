"""Which editor lines are markup rather than prose, and so are laid out left to right like code.

Raw HTML (`<iframe …>`, `<div dir="rtl">…</div>`), fenced code, a table's rule row (`|---|:--:|`)
and front matter that the editor shows as text (an unclosed `---` block) read left to right
whatever language they wrap: laid out right to left their tags and attributes come out scrambled.
`editor_line_directions` is the direction of every editor line: the core direction model's, with
markup lines `ltr`. The editor and the pause worker both call it.
"""

from __future__ import annotations

import re

from editor.core.markdown.mask import html_block_end, is_html_block_start
from editor.core.text.direction import line_directions

_TABLE_RULE_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_HTML_LINE_RE = re.compile(r"^[ \t]*<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z][A-Za-z0-9-]*|!)[^\n]*>[ \t]*$")
_YAML_KEY_RE = re.compile(r"^[ \t]*[^\s:#][^:]*:(?:[ \t]|$)")
_FRONT_MATTER_END = ("---", "...")


def _front_matter_end(lines: list[str]) -> int:
    """Lines `[0, end)` of a front-matter block shown as text (0 when the body has none)."""
    if not lines or lines[0].rstrip() != "---" or len(lines) < 2 or not _YAML_KEY_RE.match(lines[1]):
        return 0
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _FRONT_MATTER_END:
            return index + 1
        if not lines[index].strip():
            return index
    return len(lines)


def markup_lines(body: str, starts_body: bool = True) -> list[bool]:
    """True for every `\\n`-line of `body` that is markup: raw HTML, a table rule row, or front
    matter shown as text (only when `starts_body`, i.e. `body` is the start of the article).

    An HTML block runs to its closing tag but never past a blank line (a stray `<p>` does not turn
    the rest of the article into markup). Linear in the text.
    """
    lines = body.split("\n")
    marks = [False] * len(lines)
    index = _front_matter_end(lines) if starts_body else 0
    for i in range(index):
        marks[i] = True
    while index < len(lines):
        line = lines[index]
        if is_html_block_start(line):
            end_line, _column = html_block_end(lines, index, stop_at_blank=True)
            for i in range(index, min(end_line, len(lines) - 1) + 1):
                marks[i] = True
            index = max(index, end_line) + 1
            continue
        if _HTML_LINE_RE.match(line):
            marks[index] = True
        elif "|" in line and index and "|" in lines[index - 1] and _TABLE_RULE_RE.match(line):
            marks[index] = True
        index += 1
    return marks


def editor_line_directions(body: str, article_dir: str = "rtl", starts_body: bool = True) -> list[str]:
    """`line_directions` for the editor: markup lines (`markup_lines`) are `ltr`, as code is."""
    directions = line_directions(body, article_dir)
    return [
        "ltr" if markup else direction
        for direction, markup in zip(directions, markup_lines(body, starts_body), strict=True)
    ]
