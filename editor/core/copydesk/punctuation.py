"""Rules 2 and 3: spacing around Arabic punctuation, and Latin `,` `;` `?` between Arabic words."""

from __future__ import annotations

import re

from editor.core.copydesk.findings import ARABIC_LETTER, ARABIC_MARKS, WARNING, Context, Finding, is_prose
from editor.core.text.messages import msg

_BEFORE = f"[{ARABIC_LETTER}{ARABIC_MARKS}\u0640»”“)]"  # what may end an Arabic word (or quote)
_AFTER = f"[{ARABIC_LETTER}«”“(]"  # what may start one
_ARABIC = f"[{ARABIC_LETTER}{ARABIC_MARKS}]"

# ، ؛ ؟ glued to the next word; `.` and `:` only between Arabic letters (never URLs, numbers, times)
_NO_SPACE_AFTER_RE = re.compile(
    f"(?<={_BEFORE})[،؛؟](?={_AFTER})|(?<={_ARABIC})(?<!\\.)[.:](?=[{ARABIC_LETTER}])"
)
# spaces before ، ؛ ؟ . : after an Arabic word (not an ellipsis, not `. ` list numbers)
_SPACE_BEFORE_RE = re.compile(f"(?<={_BEFORE})[ \t\u00a0]+(?=[،؛؟]|[.:](?![.:\\d]))")
# Latin , ; ? after an Arabic word and before an Arabic word (or at the end for ? and ;)
_LATIN_RE = re.compile(f"(?<={_BEFORE})([ \t]*)([,;?])(?=[ \t]*{_AFTER}|[ \t]*$)")
_LATIN_TO_ARABIC = {",": "،", ";": "؛", "?": "؟"}

RULES = {"punct-space": 2, "latin-punct": 3}


def check(ctx: Context, style: object) -> list[Finding]:
    out: list[Finding] = []
    for line in ctx.lines:
        text = line.masked
        if not text.strip():
            continue
        for m in _NO_SPACE_AFTER_RE.finditer(text):
            if is_prose(line, m.start() - 1, m.end() + 1):
                out.append(
                    Finding(
                        "punct-space",
                        line.offset + m.start(),
                        1,
                        msg("No space after {mark}", mark=m.group(0)),
                        WARNING,
                        (m.group(0) + " ",),
                        auto=True,
                    )
                )
        for m in _SPACE_BEFORE_RE.finditer(text):
            if m.start() > 0 and text[: m.start()].strip() and is_prose(line, m.start() - 1, m.end() + 1):
                mark = text[m.end()]
                out.append(
                    Finding(
                        "punct-space",
                        line.offset + m.start(),
                        m.end() - m.start(),
                        msg("Space before {mark}", mark=mark),
                        WARNING,
                        ("",),
                        auto=True,
                    )
                )
        for m in _LATIN_RE.finditer(text):
            if not is_prose(line, m.start() - 1, m.end() + 1):
                continue
            mark = m.group(2)
            after = text[m.end() :]
            fix = _LATIN_TO_ARABIC[mark] + (" " if after[:1] not in ("", " ", "\t") else "")
            out.append(
                Finding(
                    "latin-punct",
                    line.offset + m.start(),
                    m.end() - m.start(),
                    msg(
                        "Latin {mark} between Arabic words: use {arabic}",
                        mark=mark,
                        arabic=_LATIN_TO_ARABIC[mark],
                    ),
                    WARNING,
                    (fix,),
                    auto=True,
                )
            )
    return out
