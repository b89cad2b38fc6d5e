"""Rules 6 and 7: digit systems (house style, mixed systems) and number runs shown reversed."""

from __future__ import annotations

import re

from editor.core.copydesk.findings import WARNING, Context, Finding
from editor.core.copydesk.style import HouseStyle
from editor.core.text.direction import insert_number_marks, number_runs
from editor.core.text.messages import msg

RULES = {"digits": 6, "number-order": 7}

_EASTERN = "٠١٢٣٤٥٦٧٨٩"
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
_WESTERN = "0123456789"
# CLDR ar_MA (Western digits): decimal separator `,`, grouping `.`
_TO_WESTERN = str.maketrans(_EASTERN + _PERSIAN + "٫٬", _WESTERN * 2 + ",.")
_TO_EASTERN = str.maketrans(_WESTERN + _PERSIAN, _EASTERN * 2)
_NON_WESTERN_RE = re.compile("[٠-٩۰-۹](?:[٫٬]?[٠-٩۰-۹])*")
_PERSIAN_RE = re.compile("[۰-۹]+")
_WESTERN_RE = re.compile(r"(?<![\w.])[0-9]+(?![\w])")
_LATIN_BEFORE_RE = re.compile(r"[A-Za-z][\-_ ]?$")
_LIST_NUMBER_RE = re.compile(r"^\s*(?:>\s*)*[0-9]+[.)](?:\s|$)")


def _digit_runs(ctx: Context) -> tuple[list, list]:
    eastern, western = [], []
    for line in ctx.lines:
        text = line.masked
        if not _ANY_DIGIT_RE.search(text):
            continue
        for m in _NON_WESTERN_RE.finditer(text):
            eastern.append((line, m))
        if line.direction == "rtl":
            list_number = _LIST_NUMBER_RE.match(text)
            for m in _WESTERN_RE.finditer(text):
                if _LATIN_BEFORE_RE.search(text[max(0, m.start() - 2) : m.start()]):
                    continue  # iPhone 15, COVID-19
                if list_number and m.start() < list_number.end() and not text[: m.start()].strip(" >"):
                    continue  # an ordered list's number
                western.append((line, m))
    return eastern, western


def _check_digits(ctx: Context, style: HouseStyle) -> list[Finding]:
    out: list[Finding] = []
    eastern, western = _digit_runs(ctx)
    if style.digits == "western":
        for line, m in eastern:
            out.append(
                Finding(
                    "digits",
                    line.offset + m.start(),
                    m.end() - m.start(),
                    msg("Eastern Arabic digits: house style is Western digits (0-9)"),
                    WARNING,
                    (m.group(0).translate(_TO_WESTERN),),
                    auto=True,
                )
            )
    elif style.digits == "arabic-indic":
        for line, m in western:
            out.append(
                Finding(
                    "digits",
                    line.offset + m.start(),
                    m.end() - m.start(),
                    msg("Western digits: house style is Arabic-Indic digits (٠-٩)"),
                    WARNING,
                    (m.group(0).translate(_TO_EASTERN),),
                    auto=True,
                )
            )
        for line, m in eastern:
            for p in _PERSIAN_RE.finditer(m.group(0)):
                out.append(
                    Finding(
                        "digits",
                        line.offset + m.start() + p.start(),
                        p.end() - p.start(),
                        msg("Persian digits: house style is Arabic-Indic digits (٠-٩)"),
                        WARNING,
                        (p.group(0).translate(_TO_EASTERN),),
                        auto=True,
                    )
                )
    elif eastern and western:  # any system, but one per article
        minority, fix = (eastern, _TO_WESTERN) if len(eastern) <= len(western) else (western, _TO_EASTERN)
        for line, m in minority:
            out.append(
                Finding(
                    "digits",
                    line.offset + m.start(),
                    m.end() - m.start(),
                    msg("Two digit systems in one article"),
                    WARNING,
                    (m.group(0).translate(fix),),
                )
            )
    return out


_ANY_DIGIT_RE = re.compile(r"\d")
_SEPARATORS_RE = re.compile("([-+\u2010\u2011\u2012\u2013\u2014\u2212])")


def shown_reversed(run: str) -> str:
    """How a reversed run reads left to right on screen (`03-73` → `73-03`)."""
    parts = _SEPARATORS_RE.split(run)
    return "".join(reversed(parts))


def _check_order(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for line in ctx.lines:
        if line.direction != "rtl" or not _ANY_DIGIT_RE.search(line.masked):
            continue
        for start, end in number_runs(line.masked, "rtl"):
            run = line.text[start:end]
            fix = insert_number_marks(run, [(0, len(run))])  # (a flagged run never follows an LRM)
            out.append(
                Finding(
                    "number-order",
                    line.offset + start,
                    end - start,
                    msg(
                        "“{run}” shows reversed as “{shown}” in right-to-left text",
                        run=run,
                        shown=shown_reversed(run),
                    ),
                    WARNING,
                    (fix,),
                    auto=True,
                )
            )
    return out


def check(ctx: Context, style: HouseStyle) -> list[Finding]:
    return _check_digits(ctx, style) + _check_order(ctx)
