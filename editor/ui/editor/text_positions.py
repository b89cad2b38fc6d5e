"""Convert between Python string indexes (code points) and Qt text positions (UTF-16 units).

They differ only after characters outside the Basic Multilingual Plane (emoji, rare CJK).
"""

from __future__ import annotations

import bisect
import re
import sys

_SHORT = 256
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def has_astral(text: str) -> bool:
    """True if `text` has a character outside the BMP; fast on long texts (`max` over 5 MB took
    0.1-0.3 s on the GUI thread). CPython (PEP 393) keeps a string with such a character at 4 bytes
    per character, any other at 1 or 2: a string that takes at most 3 bytes per character has none.
    A bigger one may also just carry its cached UTF-8 form: then a regular expression decides."""
    if len(text) < _SHORT:
        return bool(text) and max(text) > "\uffff"
    return sys.getsizeof(text) > 3 * len(text) and _ASTRAL.search(text) is not None


class PositionMap:
    """Index conversions for one text; cheap (identity) when the text is all BMP."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if has_astral(text) else []

    def to_qt(self, index: int) -> int:
        """Qt position of Python index `index`."""
        return index + bisect.bisect_left(self._astral, index)

    def to_py(self, position: int) -> int:
        """Python index of Qt position `position` (a position inside a surrogate pair rounds down)."""
        if not self._astral:
            return position
        low, high = 0, position
        while low < high:
            mid = (low + high + 1) // 2
            if self.to_qt(mid) <= position:
                low = mid
            else:
                high = mid - 1
        return low
