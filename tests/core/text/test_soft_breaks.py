"""Display breaks of huge lines: planned in linear time, and joined back to exactly the text."""

from __future__ import annotations

import time

from editor.core.text.soft_breaks import (
    CUT,
    PIECE_CHARS,
    SOFT_LINE_CHARS,
    SPACE,
    display_pieces,
    join_pieces,
    plan_breaks,
)

SENTENCE = "قال الوزير إنّ الأمن في الرباط مستقر "


def _round_trip(text: str) -> list[str]:
    breaks = plan_breaks(text)
    pieces = display_pieces(text, breaks)
    lines = "\n".join(pieces).split("\n")
    kinds: list[str | None] = []
    at = {b.index: b.kind for b in breaks}
    index = 0
    for line in lines[:-1]:
        index += len(line)
        kind = at.get(index)
        kinds.append(kind)
        index += 0 if kind == CUT else 1
    assert join_pieces(lines, kinds) == text
    return lines


def test_a_line_at_the_limit_is_not_cut_one_over_is():
    at_limit = (SENTENCE * 1000)[:SOFT_LINE_CHARS]
    assert plan_breaks(at_limit) == []
    assert plan_breaks(at_limit + "\n" + at_limit) == []
    over = (SENTENCE * 1000)[: SOFT_LINE_CHARS + 1]
    breaks = plan_breaks(over)
    assert breaks and all(b.kind == SPACE and over[b.index] == " " for b in breaks)


def test_pieces_are_short_and_every_character_comes_back():
    text = "مقدمة\n\n" + SENTENCE * 20_000 + "\n\nخاتمة"
    lines = _round_trip(text)
    assert max(len(line) for line in lines) <= PIECE_CHARS
    assert len(lines) > 100


def test_runs_without_spaces_are_cut_and_joined_back():
    for text in ("ب" * 100_000, "[" * 50_000, "https://example.com/" + "a/" * 500_000, "_a" * 30_000):
        breaks = plan_breaks(text)
        assert breaks and all(b.kind == CUT for b in breaks)
        lines = _round_trip(text)
        assert max(len(line) for line in lines) <= PIECE_CHARS


def test_a_cut_never_separates_a_letter_from_its_marks():
    text = "بِسْمِ" * 20_000  # every letter carries a haraka
    for brk in plan_breaks(text):
        assert brk.kind == CUT and text[brk.index] not in "\u0650\u0652"
    _round_trip(text)


def test_mixed_text_round_trips():
    samples = [
        "",
        "\n",
        "x" * 7000 + "\n",
        " " * 9000,
        "a " * 5000 + "\n" + "b" * 9000 + " " + "c" * 9000 + "\n\n\u00a0" * 3 + "\u2028" * 7000,
        "🙂" * 8000,
        "\t" + "word\u00a0" * 3000,
    ]
    for text in samples:
        _round_trip(text)


def test_planning_is_linear():
    text = ("ب" * 300 + " ") * 16_000  # 4.8 MB
    start = time.perf_counter()
    breaks = plan_breaks(text)
    assert time.perf_counter() - start < 2.0
    assert len(breaks) > 2000


def test_a_flood_of_marks_is_still_cut_in_full_pieces():
    for text in ("\u200b" * 300_000, "\u200f" * 50_000, "\u064b" * 50_000):
        breaks = plan_breaks(text)
        assert len(breaks) < len(text) // (PIECE_CHARS // 2)
        _round_trip(text)
