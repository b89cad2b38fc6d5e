"""The runs of changed preview units: they turn the old page into the new one, and stay small."""

from __future__ import annotations

import random
import time

from editor.ui.preview.unit_diff import diff_runs


def _apply(old: tuple[str, ...], new: tuple[str, ...], runs: list[tuple[int, int, int, int]]) -> list[str]:
    out: list[str] = []
    x = 0
    for i, j, a, b in runs:
        assert x <= i <= j and a <= b
        out += old[x:i]
        out += new[a:b]
        x = j
    return out + list(old[x:])


def _check(old: list[str], new: list[str]) -> list[tuple[int, int, int, int]]:
    runs = diff_runs(tuple(old), tuple(new))
    assert _apply(tuple(old), tuple(new), runs) == new
    # between runs the two pages are equal unit by unit (the runs of old and new line up)
    for (_i, j, _a, b), (i2, _j2, a2, _b2) in zip(runs, runs[1:], strict=False):
        assert i2 - j == a2 - b > 0
    return runs


def test_runs_give_the_new_page_whatever_the_edits():
    rng = random.Random(14)
    for _round in range(300):
        pool = [f"<p>{k}</p>" for k in range(rng.choice((3, 30, 300)))]  # repeated units too
        old = [rng.choice(pool) for _ in range(rng.randint(0, 60))]
        new = list(old)
        for _ in range(rng.randint(0, 5)):
            k = rng.randint(0, len(new))
            kind = rng.random()
            if kind < 0.3:
                new.insert(k, rng.choice(pool + ["<h1>x</h1>"]))
            elif kind < 0.6 and k < len(new):
                del new[k]
            elif k < len(new):
                new[k] = "<p>changed</p>"
        if rng.random() < 0.1:
            new = [rng.choice(pool) for _ in range(rng.randint(0, 60))]  # another page
        _check(old, new)
    assert diff_runs(("a", "b"), ("a", "b")) == []
    assert _check([], ["a"]) == [(0, 0, 0, 1)]
    assert _check(["a"], []) == [(0, 1, 0, 0)]


def test_an_edit_at_the_top_and_a_moved_end_are_two_small_runs_not_the_whole_page():
    # 50,000 headings, a key typed into the first: the first unit changes, the 2,000th heading gets its
    # anchor, and the page cut at 400,000 characters ends one unit later. Before: one run of 8,700 units.
    old = [f"<h1>{k}</h1>" for k in range(8_700)]
    new = ["<p>typed</p>"] + [f"<h1>{k}</h1>" for k in range(1, 8_701)]
    new[2_000] = '<h1 id="x">2000</h1>'
    runs = _check(old, new)
    assert runs == [(0, 1, 0, 1), (2_000, 2_001, 2_000, 2_001), (8_700, 8_700, 8_700, 8_701)]


def test_units_moved_inserted_and_removed_in_several_places_stay_small_runs():
    old = [f"<p>{k}</p>" for k in range(5_000)]
    new = old[:100] + ["<p>new</p>"] * 3 + old[100:2_000] + old[2_010:4_000] + ["<p>end</p>"] + old[4_000:]
    runs = _check(old, new)
    assert sum(j - i + b - a for i, j, a, b in runs) == 3 + 10 + 1


def test_linear_time_on_pages_that_share_little():
    rng = random.Random(3)
    old = [f"<p>{k}</p>" for k in range(40_000)]
    for new in (
        old[::-1],  # every unit equal, in the opposite order
        [f"<p>{k}</p>" for k in rng.sample(range(40_000), 40_000)],  # shuffled
        [f"<p>{k % 7}</p>" for k in range(40_000)],  # a few units repeated everywhere
        [f"<h1>{k}</h1>" for k in range(40_000)],  # nothing shared
    ):
        start = time.process_time()
        _check(old, new)
        assert time.process_time() - start < 2.0  # quadratic matching: minutes
