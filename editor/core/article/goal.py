"""The article's word-count goal: front matter `words_goal` (a whole number of words)."""

from __future__ import annotations

GOAL_KEY = "words_goal"
MAX_GOAL = 1_000_000
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def words_goal(meta: dict) -> int | None:
    """The goal in words, or None when there is none or it is not a positive whole number.

    `800`, `"800"` and `"٨٠٠"` are 800; `0`, `-5`, `"many"`, `true` and `1.5` are no goal.
    """
    value = meta.get(GOAL_KEY)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().translate(_DIGITS).isascii():
        text = value.strip().translate(_DIGITS)
        if not text.isdigit():
            return None
        number = int(text[:8])
    else:
        return None
    return number if 0 < number <= MAX_GOAL else None


def goal_percent(words: int, goal: int) -> int:
    """How much of `goal` `words` reach, in whole percent (may exceed 100)."""
    return (max(words, 0) * 100) // goal if goal > 0 else 0
