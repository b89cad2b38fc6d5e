"""Limits on what one article may ask of the renderer, applied to the Markdown before it is parsed.

Python-Markdown is recursive (one level of Python calls per nested quote or list) and its inline
processor rebuilds a paragraph's text after every inline element it finds (a paragraph of 25,000
code spans costs seconds, 50,000 minutes). Midad cannot change the library, so a linear pass over
the body keeps every article inside limits no real article reaches (`docs/limits.md`):

- **Nesting.** At most `MAX_NESTING` quote and list levels on a line (`>` markers, list markers,
  four-space indents). Deeper lines are shown at the deepest level: extra
  list and quote markers are escaped (they show as text), extra indentation is cut.
- **Inline markup.** A paragraph (or list item, heading, quote line…) with more than
  `MAX_UNIT_MARKUP` markup characters (`` ` * _ [ ] < > & \\ ! # ``), or longer than
  `MAX_UNIT_CHARS` with more than `MAX_LONG_UNIT_MARKUP` of them, is shown verbatim, as a code
  block; so is everything after the first `MAX_DOCUMENT_MARKUP` markup characters of the body.

`apply_budget(body)` returns the body to render and the notices to show (empty for any real
article). Everything here is one pass over the text: linear in its length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from editor.core.text.messages import msg

MAX_NESTING = 20
MAX_UNIT_MARKUP = 5_000
MAX_UNIT_CHARS = 100_000
MAX_LONG_UNIT_MARKUP = 300
MAX_DOCUMENT_MARKUP = 100_000

_MARKUP = frozenset("`*_[]<>&\\!#")
_MARKUP_DELETE = str.maketrans(dict.fromkeys(_MARKUP))
_FENCE_RE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
# One container marker at the start of what is left of a line: a quote `>` or a list marker.
_MARKER_RE = re.compile(r"[ ]{0,3}(?:>[ ]?|(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]++|$))")
_UNIT_START_RE = re.compile(r"^[ ]{0,3}(?:[-*+>#|]|[0-9]{1,9}[.)])")


@dataclass
class Budgeted:
    """The body to render and what was changed to keep it within the limits."""

    text: str
    notices: list[str] = field(default_factory=list)


def _markup_count(text: str) -> int:
    return len(text) - len(text.translate(_MARKUP_DELETE))


def _cap_indent(line: str) -> tuple[str, bool]:
    stripped = line.lstrip(" \t")
    indent = len(line[: len(line) - len(stripped)].expandtabs(4))
    if indent <= 4 * MAX_NESTING:
        return line, False
    return " " * (4 * MAX_NESTING) + stripped, True


def _cap_markers(line: str) -> tuple[str, bool]:
    """At most MAX_NESTING quote/list markers at the start of `line`; the rest shown as text."""
    position = 0
    count = 0
    while True:
        match = _MARKER_RE.match(line, position)
        if match is None or match.end() == position:
            return line, False
        count += 1
        if count > MAX_NESTING:
            tail = line[position:].lstrip(" ")  # the deepest level's text: markers shown as text
            return line[:position] + "\\" + tail, True
        position = match.end()


def _verbatim(lines: list[str]) -> list[str]:
    """`lines` as a top-level code block (container prefixes removed), with blank lines around it."""
    content = [_strip_prefix(line) for line in lines]
    longest = max(
        (len(m.group(0)) for line in content if (m := re.match(r"~+", line.lstrip(" ")))), default=0
    )
    fence = "~" * max(3, longest + 1)
    return ["", fence, *content, fence, ""]


def _strip_prefix(line: str) -> str:
    position = 0
    while (match := _MARKER_RE.match(line, position)) is not None and match.end() > position:
        position = match.end()
    return line[position:]


_MANY_HEADINGS = 100
_HEADING_LINE_RE = re.compile(r"^#", re.MULTILINE)
_FENCE_LINE_RE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.MULTILINE)
# An ATX heading line followed by a line with text (what `str.strip()` keeps).
_HEADING_THEN_TEXT_RE = re.compile(r"^#{1,6}(?:[ \t][^\n]*+)?\n(?=[^\S\n]*+\S)", re.MULTILINE)


def _fenced_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of every fenced code block of `text` (from its opening line to its closing one)."""
    spans: list[tuple[int, int]] = []
    fence: str | None = None
    opened = 0
    for match in _FENCE_LINE_RE.finditer(text):
        marker = match.group(1)
        if fence is None:
            fence, opened = marker, match.start()
        elif marker[0] == fence[0] and len(marker) >= len(fence):
            spans.append((opened, match.end()))
            fence = None
    if fence is not None:
        spans.append((opened, len(text)))
    return spans


def _separate_headings(text: str) -> str:
    """A blank line after every heading line followed by text (the same Markdown).

    Python-Markdown takes a heading off the front of its block and tests every block processor
    on the rest again: 50,000 heading lines in one block cost minutes. A blank line after each
    heading makes every heading its own block (linear), and changes nothing in the output.
    Heading-like lines inside fenced code are left alone.
    """
    if len(_HEADING_LINE_RE.findall(text)) < _MANY_HEADINGS:
        return text
    spans = _fenced_spans(text) if "```" in text or "~~~" in text else []
    starts = [start for start, _end in spans]

    def separate(match: re.Match[str]) -> str:
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0 and match.start() < spans[index][1]:
            return match.group(0)  # inside fenced code
        return match.group(0) + "\n"

    return _HEADING_THEN_TEXT_RE.sub(separate, text)


# A line that may hold more than MAX_NESTING container markers or indentation levels starts with
# more than MAX_NESTING characters that markers and indents are made of (each level takes one at least).
_DEEP_LINE_RE = re.compile(rf"^[ \t>*+\-0-9.)]{{{MAX_NESTING + 1}}}.*$", re.MULTILINE)


def _cap_line(match: re.Match[str]) -> str:
    capped, changed = _cap_markers(match.group(0))
    capped, indent_changed = _cap_indent(capped)
    return capped if changed or indent_changed else match.group(0)


def _cap_nesting(body: str) -> str:
    """`body` with every line held to MAX_NESTING levels (only lines that could be deeper are read)."""
    return _DEEP_LINE_RE.sub(_cap_line, body) if _DEEP_LINE_RE.search(body) else body


def _within_markup_limits(body: str) -> bool:
    """True when no unit of `body` can be over a markup limit (then the unit pass changes nothing).

    Cheap and conservative: a chunk between blank lines holds whole units (and fenced lines, which
    count for nothing), so its counts bound theirs; a chunk of at most MAX_UNIT_MARKUP characters
    cannot hold more markup than that, and only the longer ones (rare) are counted.
    """
    if _markup_total(body) > MAX_DOCUMENT_MARKUP:
        return False
    if len(body) <= MAX_UNIT_MARKUP:
        return True
    for chunk in body.split("\n\n"):
        if len(chunk) <= MAX_UNIT_MARKUP:
            continue
        markup = _markup_total(chunk)
        if markup > MAX_UNIT_MARKUP or (len(chunk) + 1 > MAX_UNIT_CHARS and markup > MAX_LONG_UNIT_MARKUP):
            return False
    return True


def _markup_total(text: str) -> int:
    return sum(text.count(ch) for ch in _MARKUP)


def apply_budget(body: str) -> Budgeted:
    """`body` (with `\\n` line ends) within the limits of the module docstring, and the notices."""
    if len(body) <= MAX_NESTING:  # nothing this short can reach a limit
        return Budgeted(body)
    capped = _cap_nesting(body)
    nesting_cut = capped is not body and capped != body
    text = _separate_headings(capped)
    if _within_markup_limits(text):
        notices = [_nesting_notice()] if nesting_cut else []
        return Budgeted(text, notices)  # the common case: the unit pass below would change nothing
    lines = text.split("\n")
    out: list[str] = []
    notices: list[str] = []
    heavy_units = 0
    total_markup = 0
    unit: list[str] = []
    fence: str | None = None

    def flush() -> None:
        nonlocal heavy_units, total_markup
        if not unit:
            return
        length = sum(len(line) + 1 for line in unit)
        markup = sum(_markup_count(line) for line in unit)
        total_markup += markup
        too_much = markup > MAX_UNIT_MARKUP or (length > MAX_UNIT_CHARS and markup > MAX_LONG_UNIT_MARKUP)
        if too_much:
            heavy_units += 1
            out.extend(_verbatim(unit))
        else:
            out.extend(unit)
        unit.clear()

    for index, line in enumerate(lines):
        if total_markup > MAX_DOCUMENT_MARKUP:
            flush()
            out.extend(_verbatim(lines[index:]))
            notices.append(
                msg(
                    "The article holds more than {count} markup characters: the rest is shown as plain text.",
                    count=f"{MAX_DOCUMENT_MARKUP:,}",
                )
            )
            break
        fenced = _FENCE_RE.match(line)
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
        if not line.strip() or _UNIT_START_RE.match(line):
            flush()
        if line.strip():
            unit.append(line)
        else:
            out.append(line)
    else:
        flush()
    if nesting_cut:
        notices.insert(0, _nesting_notice())
    if heavy_units:
        notices.append(
            msg(
                "{count} paragraph(s) with too much markup to render are shown as plain text.",
                count=heavy_units,
            )
        )
    return Budgeted("\n".join(out), notices)


def _nesting_notice() -> str:
    return msg(
        "Quotes or lists nested deeper than {count} levels are shown at level {count}.", count=MAX_NESTING
    )


def verbatim_html(text: str) -> str:
    """`text` as one escaped `<pre>` block (the last resort when rendering fails)."""
    import html

    return f'<pre dir="ltr">{html.escape(text)}</pre>\n'
