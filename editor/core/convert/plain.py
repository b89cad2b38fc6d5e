"""Plain text as Markdown: escaping a line so it renders as written; guessing its language."""

from __future__ import annotations

import re
from collections import Counter

_BLOCK_MARK_RE = re.compile(
    r"^(?:(#{1,6})(?=[ \t]|$)|(>)|([-*+])(?=[ \t])|(\d{1,9})([.)])(?=[ \t])|(?P<rule>[-=_*])(?=[ \t]*(?P=rule)))"
)
_INLINE_RE = re.compile(
    r"[*`]|\\(?=[!-/:-@\[-`{-~])|<(?=[A-Za-z/!?])|&(?=#?\w+;)|(?<!\w)_|_(?!\w)|\[(?=[^\]\[]*\]\()"
)


def escape_line(text: str) -> str:
    """`text` as a Markdown paragraph that renders as exactly `text` (syntax characters escaped)."""

    def inline(match: re.Match[str]) -> str:
        ch = match.group(0)
        return {"<": "&lt;", "&": "&amp;"}.get(ch, "\\" + ch)

    text = _INLINE_RE.sub(inline, text)
    block = _BLOCK_MARK_RE.match(text)
    if block:
        if block.group(4):
            return block.group(4) + "\\" + text[len(block.group(4)) :]
        return "\\" + text
    if text.startswith("|"):
        return "\\" + text
    return text


def guess_lang(text: str) -> str:
    """`ar`, `en` or `fr` from the letters and the most common small words."""
    arabic = len(re.findall(r"[\u0600-\u06ff]", text))
    latin = len(re.findall(r"[A-Za-zÀ-ÿ]", text))
    if arabic >= latin:
        return "ar"
    words = Counter(re.findall(r"[a-zà-ÿ']+", text.lower()))
    french = sum(words[w] for w in ("le", "la", "les", "des", "est", "une", "du", "et", "dans", "pour"))
    english = sum(words[w] for w in ("the", "and", "of", "to", "is", "in", "for", "that", "with", "on"))
    return "fr" if french > english else "en"
