"""The changed part of a text, found at C speed (restores of big articles replace only that part)."""

from __future__ import annotations

import random

from editor.core.text.changed_span import CHUNK, changed_span


def _slow(old: str, new: str) -> tuple[int, int]:
    start, limit = 0, min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return start, end


def test_changed_span_matches_a_character_by_character_comparison():
    rng = random.Random(7)
    for _ in range(1500):
        size = rng.choice([0, 1, 5, 40, CHUNK - 1, CHUNK, CHUNK + 3, 3 * CHUNK + 17])
        old = "".join(rng.choice("اب") for _ in range(size))
        new = list(old)
        for _ in range(rng.randint(0, 3)):
            at = rng.randint(0, len(new))
            if rng.random() < 0.4:
                new.insert(at, rng.choice("ابج"))
            elif new:
                del new[min(at, len(new) - 1)]
        assert changed_span(old, "".join(new)) == _slow(old, "".join(new))


def test_changed_span_of_repeats_never_overlaps():
    assert changed_span("aaaa", "aa") == (2, 0)
    assert changed_span("abab", "ab") == (2, 0)
    assert changed_span("", "نص") == (0, 0)
    old = "ن" * 10 * CHUNK
    assert changed_span(old, old[: 5 * CHUNK] + "x" + old[5 * CHUNK :]) == (5 * CHUNK, 5 * CHUNK)
