"""Run the copy desk: every rule (or a chosen few) over a file's text → findings; apply safe fixes.

Rules are named by id (`quotes`, `number-order`…) or by family number (1–12, as in docs/copydesk.md).
"""

from __future__ import annotations

from collections.abc import Iterable

from editor.core.copydesk import characters, marks, numbers, punctuation, spelling, structure
from editor.core.copydesk.findings import Context, Finding, apply_fixes
from editor.core.copydesk.spell import SpellChecker
from editor.core.copydesk.style import HouseStyle

TYPOGRAPHY = (marks, punctuation, characters, numbers, structure)
ALL_RULES: dict[str, int] = {}
for _module in (*TYPOGRAPHY, spelling):
    ALL_RULES.update(_module.RULES)
SPELLING_RULES = frozenset(spelling.RULES)


def resolve_rules(names: Iterable[str] | None) -> set[str]:
    """Rule ids from ids or family numbers; ValueError names the unknown one."""
    if names is None:
        return set(ALL_RULES)
    chosen: set[str] = set()
    for name in names:
        name = name.strip()
        if not name:
            continue
        if name.isdigit() and int(name) in ALL_RULES.values():
            chosen |= {rule for rule, family in ALL_RULES.items() if family == int(name)}
        elif name in ALL_RULES:
            chosen.add(name)
        else:
            raise ValueError(name)
    return chosen


def check_text(
    text: str,
    style: HouseStyle | None = None,
    rules: set[str] | None = None,
    checker: SpellChecker | None = None,
) -> list[Finding]:
    """Findings for the file text, in text order, with line and column set.

    The spelling rules (`hamza`, `spelling`) run only with a `checker`.
    """
    style = style or HouseStyle()
    rules = set(ALL_RULES) if rules is None else rules
    ctx = Context(text)
    found: list[Finding] = []
    for module in TYPOGRAPHY:
        if rules & set(module.RULES):
            found.extend(f for f in module.check(ctx, style) if f.rule in rules)
    if checker is not None and rules & SPELLING_RULES:
        found.extend(spelling.check(ctx, checker, rules))
    found.sort(key=lambda f: (f.offset, f.length, f.rule))
    return [ctx.place(f) for f in found]


def fix_text(
    text: str, style: HouseStyle | None = None, rules: set[str] | None = None, passes: int = 4
) -> tuple[str, list[tuple[Finding, str]]]:
    """`text` with every safe automatic fix applied (repeated until nothing more changes), and
    the findings fixed with the text each replaced (positions in the text as it was at their pass)."""
    applied: list[tuple[Finding, str]] = []
    for _ in range(passes):
        auto = [f for f in check_text(text, style, rules) if f.auto and f.fixes]
        if not auto:
            break
        new_text, done = apply_fixes(text, auto)
        applied.extend((f, text[f.offset : f.end]) for f in done)
        text = new_text
        if not done:
            break
    return text, applied


def editor_check(text: str, library: str | None, spelling: bool = False) -> tuple[int, list[Finding]]:
    """The work of the editor's pause (run in a worker process): `(body offset, findings)` for the
    file text, the typography rules with the library's house style, or only the spelling rules."""
    from pathlib import Path

    from editor.core.copydesk.spell import checker_for
    from editor.core.copydesk.style import load_style

    folder = Path(library) if library else None
    style = load_style(folder)
    body_offset = len(text) - len(Context(text).body)
    if spelling:
        if not SpellChecker.available():
            return body_offset, []
        return body_offset, check_text(text, style, set(SPELLING_RULES), checker_for(folder))
    return body_offset, check_text(text, style, set(ALL_RULES) - SPELLING_RULES)
