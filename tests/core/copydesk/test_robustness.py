"""Hostile text: the copy desk never raises, stays linear on long lines, and its fixes converge."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.copydesk.desk import ALL_RULES, SPELLING_RULES, check_text, fix_text

TYPOGRAPHY = set(ALL_RULES) - SPELLING_RULES
ALPHABET = (
    list("الرباطمغرفيإأةهـ ")
    + list('،؛؟.:,;?!«»“”"()[]`*#>-–—\n\t0123١٢۳')
    + [
        "\u00a0",
        "\u200e",
        "\u200f",
        "\u202e",
        "\u2066",
        "\u2069",
        "\u200c",
        "\ufeff",
        "ک",
        "ی",
        "\ufe8d",
        "x",
        "|",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=120))
def test_any_text_is_checked_and_fixes_converge(text: str) -> None:
    findings = check_text(text, rules=TYPOGRAPHY)
    for f in findings:
        assert 0 <= f.offset <= f.end <= len(text)
        assert f.line >= 1 and f.column >= 1
    fixed, _ = fix_text(text, rules=TYPOGRAPHY)
    again, applied = fix_text(fixed, rules=TYPOGRAPHY)
    assert again == fixed, applied  # four passes reach a fixed point
    # the fixes only touch typography: Arabic letters other than ک ی and presentation forms stay
    if any(c in text for c in "کی\ufe8d"):
        return  # (these are letters the fixes normalise on purpose)
    letters = [c for c in text if "\u0621" <= c <= "\u064a" and c != "\u0640"]
    assert [c for c in fixed if "\u0621" <= c <= "\u064a" and c != "\u0640"] == letters


HOSTILE = {
    "spaces": "كلمة" + " " * 60_000 + "كلمة",
    "number runs": "رقم " + "03-73 " * 10_000,
    "digits": "١" * 30_000 + " 1" * 15_000,
    "brackets": ")كلمة" + "(" * 60_000,
    "nbsp words": "كلمة\u00a0" * 12_000,
    "quotes": "قال " + "“" * 30_000,
    "commas": "كلمة،" * 12_000,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_long_hostile_lines_stay_linear(name: str) -> None:
    start = time.perf_counter()
    check_text(HOSTILE[name], rules=TYPOGRAPHY)
    assert time.perf_counter() - start < 4.0
