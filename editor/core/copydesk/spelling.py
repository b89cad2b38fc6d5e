"""Rule 12 (hamza and common slips, as suggestions) and the spell check, over the prose's Arabic words."""

from __future__ import annotations

from editor.core.copydesk.findings import ARABIC_WORD_RE, SUGGESTION, WARNING, Context, Finding
from editor.core.copydesk.spell import SpellChecker
from editor.core.text.messages import msg

RULES = {"hamza": 12, "spelling": 12}


def check(ctx: Context, checker: SpellChecker, rules: set[str]) -> list[Finding]:
    """Unknown Arabic words: a `hamza` suggestion when a slip variant is a word, else `spelling`."""
    out: list[Finding] = []
    for line in ctx.lines:
        for m in ARABIC_WORD_RE.finditer(line.masked):
            word = m.group(0)
            if line.text[m.start() : m.end()] != word or checker.known(word):
                continue
            slips = checker.slips(word)
            if slips:  # keep the variants that change the word where the best one does (not its ال)
                first = _first_difference(word, slips[0])
                slips = [v for v in slips if _first_difference(word, v) >= first]
            if slips and "hamza" in rules:
                out.append(
                    Finding(
                        "hamza",
                        line.offset + m.start(),
                        len(word),
                        msg("Spelling slip? “{word}” → “{fix}”", word=word, fix=slips[0]),
                        SUGGESTION,
                        tuple(slips[:5]),
                    )
                )
            elif not slips and "spelling" in rules:
                out.append(
                    Finding(
                        "spelling",
                        line.offset + m.start(),
                        len(word),
                        msg("Unknown word “{word}”", word=word),
                        WARNING,
                        tuple(checker.suggest(word)),
                    )
                )
    return out


def _first_difference(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
