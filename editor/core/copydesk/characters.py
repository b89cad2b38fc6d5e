"""Rules 4, 5, 8 and 10: doubled and odd spaces, tatweel, invisible characters, Persian letters and
Arabic presentation forms."""

from __future__ import annotations

import re
import unicodedata

from editor.core.copydesk.findings import (
    ARABIC_LETTER,
    ERROR,
    WARNING,
    Context,
    Finding,
    Line,
)
from editor.core.text.direction import LRM, number_runs
from editor.core.text.messages import msg

RULES = {
    "spaces": 4,
    "odd-spaces": 4,
    "tatweel": 5,
    "invisible": 8,
    "persian-letters": 10,
    "presentation-forms": 10,
}

_DOUBLE_RE = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
ODD_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_ODD_RE = re.compile(f"[{ODD_SPACES}][{ODD_SPACES} \t]*")
_TABLE_RE = re.compile(r"^\s*\|")


def _spaces(line: Line) -> list[Finding]:
    out: list[Finding] = []
    text = line.masked
    if not _TABLE_RE.match(text) and ("  " in text.strip() or "\t" in text.strip()):
        for m in _DOUBLE_RE.finditer(text):
            if line.text[m.start() - 1 : m.end() + 1] == text[m.start() - 1 : m.end() + 1]:
                out.append(
                    Finding(
                        "spaces",
                        line.offset + m.start(),
                        m.end() - m.start(),
                        msg("Doubled space"),
                        WARNING,
                        (" ",),
                        auto=True,
                    )
                )
    first_text = len(line.text) - len(line.text.lstrip())  # where the line's text starts and ends
    last_text = len(line.text.rstrip())
    for m in _ODD_RE.finditer(line.text):
        start, end = m.start(), m.end()  # with the plain spaces around it
        while start and line.text[start - 1] in " \t":
            start -= 1
        if text[start:end] != line.text[start:end]:
            continue
        blank_before, blank_after = start <= first_text, end >= last_text
        keep = " " if not blank_before and not blank_after else ""  # at a line's end or alone: nothing
        if blank_before and not blank_after:  # indentation: keep its width
            keep = line.text[start:end].translate({ord(c): " " for c in ODD_SPACES})
        name = unicodedata.name(m.group(0)[0], "SPACE").lower()
        out.append(
            Finding(
                "odd-spaces",
                line.offset + start,
                end - start,
                msg("Odd space character ({name}) pasted from the web", name=name),
                WARNING,
                (keep,),
                auto=True,
            )
        )
    return out


_TATWEEL_RE = re.compile("\u0640+")
_LETTERS_RE = re.compile(f"[{ARABIC_LETTER}]")


def _tatweel(line: Line) -> list[Finding]:
    out: list[Finding] = []
    text = line.masked
    if "\u0640" not in text:
        return out
    for m in _TATWEEL_RE.finditer(text):
        before = text[max(0, m.start() - 3) : m.start()]
        after = text[m.end() : m.end() + 1]
        if (
            before.endswith("ه")
            and not _LETTERS_RE.match(before[-2:-1] or " ")
            and not _LETTERS_RE.match(after)
        ):
            continue  # `هـ`, the Hijri year abbreviation
        if (
            before.endswith("ال")
            and not _LETTERS_RE.match(before[-3:-2] or " ")
            and not _LETTERS_RE.match(after)
        ):
            continue  # `الـ50`, `الـBBC`: the article before a number or a Latin name
        out.append(
            Finding(
                "tatweel",
                line.offset + m.start(),
                m.end() - m.start(),
                msg("Tatweel (ـ) stretching a word"),
                WARNING,
                ("",),
                auto=True,
            )
        )
    return out


BIDI_CONTROLS = {
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u061c": "ARABIC LETTER MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\ufeff": "BYTE ORDER MARK",
}
_INVISIBLE_RE = re.compile(f"[{''.join(BIDI_CONTROLS)}]")
_OVERRIDES = "\u202d\u202e"
_JOINERS = "\u200c\u200d"  # may be meant (Persian words, showing a letter's form): never removed unasked


def midad_marks(text: str) -> set[int]:
    """Offsets of the LRMs that keep number runs in order (rule 7's marks, the renderer's marks)."""
    if LRM not in text:
        return set()
    bare = text.replace(LRM, "")
    keep: set[int] = set()
    # map positions of the text without LRMs back to the text
    positions = [i for i, ch in enumerate(text) if ch != LRM] + [len(text)]
    for start, end in number_runs(bare):
        first, last = positions[start], positions[end - 1] if end else positions[start]
        for i in range(max(0, first - 1), last + 1):
            if text[i] == LRM:
                keep.add(i)
    return keep


def _invisible(line: Line, ours: set[int]) -> list[Finding]:
    out: list[Finding] = []
    for m in _INVISIBLE_RE.finditer(line.text):
        index = m.start()
        if index in ours or (line.offset == 0 and index == 0 and m.group(0) == "\ufeff"):
            continue  # Midad's own number marks; a BOM at the very start belongs to the file
        ch = m.group(0)
        name = BIDI_CONTROLS[ch].lower()
        if ch in _OVERRIDES:
            message, severity = (
                msg("Direction override ({name}) can disguise text: remove it", name=name),
                ERROR,
            )
        else:
            message, severity = msg("Invisible character ({name})", name=name), WARNING
        out.append(
            Finding("invisible", line.offset + index, 1, message, severity, ("",), auto=ch not in _JOINERS)
        )
    return out


_PERSIAN = {"\u06a9": "\u0643", "\u06cc": "\u064a"}  # ک → ك, ی → ي
_PERSIAN_RE = re.compile("[\u06a9\u06cc]")
_PERSIAN_ONLY = re.compile("[\u067e\u0686\u0698\u06af]")  # پ چ ژ گ: a Persian passage, not a slip
_PRESENTATION_RE = re.compile("[\ufb50-\ufdf9\ufdfc-\ufdff\ufe70-\ufefe]+")


def _letters(line: Line) -> list[Finding]:
    out: list[Finding] = []
    text = line.masked
    if _PERSIAN_RE.search(text) and not _PERSIAN_ONLY.search(text):
        for m in _PERSIAN_RE.finditer(text):
            ch = m.group(0)
            final = ch == "\u06cc" and not _LETTERS_RE.match(text[m.end() : m.end() + 1] or " ")
            fixes = ("\u064a", "\u0649") if final else (_PERSIAN[ch],)
            out.append(
                Finding(
                    "persian-letters",
                    line.offset + m.start(),
                    1,
                    msg("Persian letter “{letter}” in Arabic text", letter=ch),
                    WARNING,
                    fixes,
                    auto=not final,
                )
            )
    for m in _PRESENTATION_RE.finditer(text):
        fixed = unicodedata.normalize("NFKC", m.group(0))
        out.append(
            Finding(
                "presentation-forms",
                line.offset + m.start(),
                m.end() - m.start(),
                msg("Arabic presentation forms (pasted from a PDF)"),
                WARNING,
                (fixed,),
                auto=True,
            )
        )
    return out


def check(ctx: Context, style: object) -> list[Finding]:
    out: list[Finding] = []
    for line in ctx.lines:
        out.extend(_spaces(line))
        out.extend(_tatweel(line))
        if _INVISIBLE_RE.search(line.text):
            out.extend(_invisible(line, midad_marks(line.masked)))
        out.extend(_letters(line))
    return out
