"""The word-count goal read from the front matter."""

from __future__ import annotations

import pytest

from editor.core.article.goal import goal_percent, words_goal


@pytest.mark.parametrize(
    ("value", "goal"),
    [
        (800, 800),
        ("800", 800),
        ("٨٠٠", 800),
        (" 1200 ", 1200),
        (0, None),
        (-5, None),
        ("many", None),
        (True, None),
        (1.5, None),
        (None, None),
        ("99999999999", None),
        ("1e3", None),
    ],
)
def test_words_goal(value, goal):
    assert words_goal({"words_goal": value}) == goal


def test_goal_percent():
    assert goal_percent(400, 800) == 50
    assert goal_percent(1000, 800) == 125
    assert goal_percent(5, 0) == 0
