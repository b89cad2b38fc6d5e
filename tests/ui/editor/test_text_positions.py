"""Python indexes ↔ Qt positions, and the O(1) test for characters outside the BMP."""

from __future__ import annotations

from editor.ui.editor.text_positions import PositionMap, has_astral


def test_has_astral_short_and_long_texts():
    for text, expected in [
        ("", False),
        ("بيت", False),
        ("😀", True),
        ("ب" * 5000, False),
        ("\uffff" * 5000, False),  # the last BMP character
        ("ب" * 5000 + "😀", True),
        ("😀" + "a" * 5000, True),
        ("a" * 5000, False),
        (("ب" * 5000 + "😀")[:5000], False),  # a slice without it is narrow again
    ]:
        assert has_astral(text) is expected, (text[:5], len(text))


def test_has_astral_is_not_fooled_by_a_cached_utf8_form():
    """A string whose UTF-8 form CPython cached (after some C call used it) is bigger in memory."""
    import sqlite3
    import sys

    cached = "".join(["ب" * 5000])
    sqlite3.connect(":memory:").execute("select ?", (cached,)).fetchone()  # caches its UTF-8 form
    assert sys.getsizeof(cached) > 3 * len(cached)  # (4 bytes a character, as if it had an emoji)
    assert has_astral(cached) is False and has_astral(cached + "😀") is True


def test_position_map_counts_surrogate_pairs():
    text = "ا😀ب" + "ج" * 400 + "𝔸د"
    positions = PositionMap(text)
    assert positions.to_qt(1) == 1 and positions.to_qt(2) == 3 and positions.to_qt(len(text)) == len(text) + 2
    assert all(positions.to_py(positions.to_qt(i)) == i for i in range(len(text) + 1))
    plain = PositionMap("ب" * 1000)
    assert plain.to_qt(500) == 500 and plain.to_py(500) == 500
