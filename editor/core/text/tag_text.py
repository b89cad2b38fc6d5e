"""When two spellings are the same tag: the one rule for the library, the tag panel and the page header.

Two tags are the same when their keys are equal. The key is `normalize_for_match` of the tag
without a leading `#`, with runs of spaces, `_` and `-` made one `_` and trimmed: so `#الأمن`,
`الامن`, `الأمنُ` and `الأمـــن` are one tag, and `الأمن الوطني` (front matter) is the same tag as
`#الأمن_الوطني` (a body hashtag cannot hold a space).
"""

from __future__ import annotations

import re
from functools import lru_cache

from editor.core.text.arabic import normalize_for_match

__all__ = ["clean_tag_text", "tag_key"]

_SEPARATORS_RE = re.compile(r"[\s_\-]+")


def clean_tag_text(tag: str) -> str:
    """A tag as the user typed it, without surrounding spaces and leading `#` signs."""
    return tag.strip().lstrip("#").strip()


@lru_cache(maxsize=65536)
def tag_key(tag: str) -> str:
    """The comparison form of a tag (see module docstring); empty for an empty tag."""
    return _SEPARATORS_RE.sub("_", normalize_for_match(clean_tag_text(tag))).strip("_")
