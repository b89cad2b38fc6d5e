"""Slug and file-name suggestions from a title. Arabic slugs are allowed (Hugo and Jekyll accept them)."""

from __future__ import annotations

import re
import unicodedata

from editor.core.text.arabic import strip_tashkeel

MAX_SLUG_LENGTH = 80

_ARABIC_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_RUN_RE = re.compile(r"[^\w]+|_+")
_VALID_RE = re.compile(r"^[^\W_]+(?:-[^\W_]+)*$")
# Quotes glued to a word (و”الإمارات”, l'Orient) vanish instead of splitting it.
_DROPPED = "\"'`“”„‘’‚«»‹›"
_INVISIBLES = dict.fromkeys(
    map(
        ord,
        "\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
        + _DROPPED,
    )
)


def suggest_slug(title: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """A URL slug for `title`: letters and digits joined by `-`, Latin lower-cased, tashkeel dropped.

    `الرِّباط: تأكيد «المغرب»` → `الرباط-تأكيد-المغرب`; `Apple تعلن 2024` → `apple-تعلن-2024`.
    Cut at a word boundary to at most `max_length` characters. Empty when the title has no letters.
    """
    text = unicodedata.normalize("NFKC", title or "").translate(_INVISIBLES)
    text = strip_tashkeel(text)
    text = "".join(_ARABIC_DIGITS.get(ch, ch) for ch in text).lower()
    words = [w for w in _RUN_RE.split(text) if w]
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            if not slug:
                slug = word[:max_length]
            break
        slug = candidate
    return slug


def is_valid_slug(slug: str) -> bool:
    """True for a slug made of letters/digits separated by single hyphens."""
    return bool(_VALID_RE.match(slug or ""))


def suggest_file_name(slug: str | None, title: str | None, default: str = "article") -> str:
    """File name for a first save: the slug if valid, else one made from the title, else `default`; `.md` added."""
    stem = slug if slug and is_valid_slug(slug) else suggest_slug(title or "")
    return f"{stem or default}.md"
