"""Rule 1 (quotation marks: house style, inverted, unbalanced, quotes inside quotes) and rule 9
(reversed parentheses, the dateline dash)."""

from __future__ import annotations

import re

from editor.core.copydesk.findings import ARABIC_LETTER, SUGGESTION, WARNING, Context, Finding, Line
from editor.core.copydesk.style import HouseStyle
from editor.core.text.messages import msg

RULES = {"quotes": 1, "brackets": 9, "dateline-dash": 9}

_QUOTE_CHARS = '«»“”„"'
_OPEN_CONTEXT = " \t\u00a0([{«—–-/"
_CLOSE_CONTEXT = " \t\u00a0)]}»،؛؟.,;:!?…—–-/"


def _quote_marks(paragraph: list[Line]) -> list[tuple[int, str, str]]:
    """(file offset, char, 'open'|'close') for the double quotation marks of a paragraph, in order."""
    stack: list[str] = []
    out: list[tuple[int, str, str]] = []
    for line in paragraph:
        text = line.masked
        for index, ch in enumerate(text):
            if ch not in _QUOTE_CHARS or line.text[index] != ch:
                continue
            before = text[index - 1] if index else " "
            after = text[index + 1] if index + 1 < len(text) else " "
            if ch in "«„":
                kind = "open"
            elif ch == "»":
                kind = "close"
            elif before in _OPEN_CONTEXT and after not in " \t":
                kind = "open"
            elif after in _CLOSE_CONTEXT and before not in " \t":
                kind = "close"
            else:  # glued on both sides (`ل”دولة`): close an open mark, else open
                kind = "close" if stack else "open"
            if kind == "open":
                stack.append(ch)
            elif stack:
                stack.pop()
            out.append((line.offset + index, ch, kind))
    return out


def _check_quotes(ctx: Context, style: HouseStyle) -> list[Finding]:
    out: list[Finding] = []
    outer_open, outer_close, inner_open, inner_close = style.quote_marks
    for paragraph in ctx.paragraphs:
        if all(line.direction != "rtl" for line in paragraph):
            continue  # English paragraphs keep English quotes
        marks = _quote_marks(paragraph)
        if not marks:
            continue
        depth = 0
        expected: list[tuple[int, str, str, str]] = []  # offset, char, wanted, kind
        balanced = True
        for offset, ch, kind in marks:
            if kind == "open":
                wanted = outer_open if depth % 2 == 0 else inner_open
                depth += 1
            else:
                depth -= 1
                if depth < 0:
                    balanced = False
                    depth = 0
                    out.append(_unbalanced(offset, ch))
                    continue
                wanted = outer_close if depth % 2 == 0 else inner_close
            expected.append((offset, ch, wanted, kind))
        if depth > 0:
            balanced = False
            opened: list[tuple[int, str]] = []
            for offset, ch, _wanted, kind in expected:
                if kind == "open":
                    opened.append((offset, ch))
                elif opened:
                    opened.pop()
            out.extend(_unbalanced(offset, ch) for offset, ch in opened)
        for offset, ch, wanted, kind in expected:
            if ch == wanted:
                continue
            inverted = (kind == "open" and ch in "”»") or (kind == "close" and ch in "«„")
            if inverted:
                message = msg(
                    "Inverted quotation mark {mark}: house style is {wanted}", mark=ch, wanted=wanted
                )
            else:
                message = msg("Quotation mark {mark}: house style is {wanted}", mark=ch, wanted=wanted)
            out.append(Finding("quotes", offset, 1, message, WARNING, (wanted,), auto=balanced))
    return out


def _unbalanced(offset: int, ch: str) -> Finding:
    return Finding("quotes", offset, 1, msg("Unbalanced quotation mark {mark}", mark=ch), WARNING)


_PAIRS = {")": "(", "]": "["}


def _check_brackets(ctx: Context) -> list[Finding]:
    """`)مدير(`: a closing bracket before anything opened, later followed by an opening one never closed."""
    out: list[Finding] = []
    for line in ctx.lines:
        text = line.masked
        if ")" not in text and "]" not in text:
            continue
        for close, open_ in _PAIRS.items():
            depth = 0
            stray: int | None = None
            last_close = text.rfind(close)
            for index, ch in enumerate(text):
                if ch == open_:
                    if stray is not None and depth == 0 and index > last_close:
                        inner = line.text[stray + 1 : index]
                        if inner.strip() and "\n" not in inner:
                            out.append(
                                Finding(
                                    "brackets",
                                    line.offset + stray,
                                    index - stray + 1,
                                    msg("Reversed brackets {pair}", pair=close + open_),
                                    WARNING,
                                    (open_ + inner + close,),
                                    auto=True,
                                )
                            )
                        stray = None
                        break
                    depth += 1
                elif ch == close:
                    if depth:
                        depth -= 1
                    elif stray is None:
                        stray = index
    return out


_WORDS = rf"[{ARABIC_LETTER}]+(?:[ \t][{ARABIC_LETTER}]+){{0,3}}"
_DATELINE_RE = re.compile(
    rf"^([#>*_ \t]*)({_WORDS}(?:[،,][ \t]*{_WORDS})?)"
    rf"([ \t]*)([-\u2013\u2014\u2012\u2010\u2011])([ \t]*)(?=[{ARABIC_LETTER}«“”(])"
)


def dateline_match(ctx: Context) -> tuple[Line, re.Match[str]] | None:
    """The dateline (`الرباط، المغرب – `) at the start of the first or second prose paragraph."""
    for paragraph in ctx.paragraphs[:3]:
        line = paragraph[0]
        match = _DATELINE_RE.match(line.masked)
        if match:
            return line, match
    return None


def _check_dateline(ctx: Context, style: HouseStyle) -> list[Finding]:
    found = dateline_match(ctx)
    if found is None:
        return []
    line, m = found
    dash = style.dash
    if m.group(4) == dash and m.group(3) == " " and m.group(5) == " ":
        return []
    start = m.start(3) if m.group(3) else m.start(4)
    return [
        Finding(
            "dateline-dash",
            line.offset + start,
            m.end(5) - start,
            msg("Dateline: use {dash} with a space on each side", dash=dash),
            SUGGESTION,
            (f" {dash} ",),
            auto=True,
        )
    ]


def check(ctx: Context, style: HouseStyle) -> list[Finding]:
    return _check_quotes(ctx, style) + _check_brackets(ctx) + _check_dateline(ctx, style)
