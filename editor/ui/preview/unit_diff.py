"""Which units of the preview page changed: runs to replace, found in linear time.

The page after a keystroke differs from the one shown in a few units, but often in more than one
place, and not always with the same number of units: a heading typed into a paragraph near the top,
and the end of a page cut at 400,000 characters moved by a unit (`html_budget`), or the anchor of
the 2,000th heading (`qt_structure`). Comparing only the common beginning and end then gave one run
over the whole page: 8,700 units of 50,000 headings replaced for one key (2.6 s of the GUI thread).
Here the units between are matched greedily: after a difference, the nearest pair of equal units
ahead (by how many units it skips on both sides) starts the next equal stretch. Equal units give
equal blocks wherever they are (`html_units` cuts only where Qt starts a block whatever the
neighbours are), so any such matching gives the page; the search is bounded, so a page unlike the
last costs a few lookups per unit and becomes one run.
"""

from __future__ import annotations

from bisect import bisect_left

SEARCH = 2_000  # units looked ahead on each side for the next equal pair
LOOKUPS_PER_UNIT = 4  # the whole matching's budget, per unit of the two pages (then: one run)


def diff_runs(old: tuple[str, ...], new: tuple[str, ...]) -> list[tuple[int, int, int, int]]:
    """Runs `(i, j, a, b)` in order: old[i:j] is to become new[a:b]; between runs both are equal."""
    head = 0
    limit = min(len(old), len(new))
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    i, j, a, b = head, len(old) - tail, head, len(new) - tail
    if i == j and a == b:
        return []
    if i == j or a == b:  # only inserted, or only removed
        return [(i, j, a, b)]
    in_old = _positions(old, i, j)
    in_new = _positions(new, a, b)
    budget = [LOOKUPS_PER_UNIT * (j - i + b - a) + SEARCH]
    runs: list[tuple[int, int, int, int]] = []
    x, y = i, a
    while x < j and y < b:
        if old[x] == new[y]:
            x += 1
            y += 1
            continue
        pair = _next_pair(old, new, (x, j, y, b), in_old, in_new, budget)
        if pair is None:
            break
        runs.append((x, pair[0], y, pair[1]))
        x, y = pair
    if x < j or y < b:
        runs.append((x, j, y, b))
    return runs


def _positions(units: tuple[str, ...], start: int, end: int) -> dict[str, list[int]]:
    where: dict[str, list[int]] = {}
    for index in range(start, end):
        where.setdefault(units[index], []).append(index)
    return where


def _first_from(positions: list[int] | None, start: int) -> int | None:
    if not positions:
        return None
    k = bisect_left(positions, start)
    return positions[k] if k < len(positions) else None


def _next_pair(
    old: tuple[str, ...],
    new: tuple[str, ...],
    bounds: tuple[int, int, int, int],
    in_old: dict[str, list[int]],
    in_new: dict[str, list[int]],
    budget: list[int],
) -> tuple[int, int] | None:
    """The equal pair (p, q), p >= x, q >= y, that skips the fewest units in all, or None."""
    x, j, y, b = bounds
    best: tuple[int, int] | None = None
    cost = SEARCH * 2
    for k in range(SEARCH):
        if k >= cost or budget[0] <= 0 or (y + k >= b and x + k >= j):
            break
        budget[0] -= 1
        if y + k < b:
            p = _first_from(in_old.get(new[y + k]), x)
            if p is not None and p - x + k < cost:
                best, cost = (p, y + k), p - x + k
        if x + k < j:
            q = _first_from(in_new.get(old[x + k]), y)
            if q is not None and k + q - y < cost:
                best, cost = (x + k, q), k + q - y
    return best
