"""Hashtags in a Markdown body: `#الرباط` (no space) is a tag, `# Title` is a heading.

One rule, shared by the tag panel (`extract_hashtags`), the editor highlighter
(`hashtag_spans`) and the renderer (`HASHTAG_RE` + `clean_tag`):

- A tag is `#` followed by tag characters: letters of any script, Arabic tashkeel and
  tatweel, Latin combining accents, digits (Western, Arabic-Indic, Persian), `_`, `-` and the
  zero-width non-joiner used in Persian/Urdu spelling. Trailing `-` and `_` are not part of it.
- It ends at anything else: spaces and punctuation (، ؛ ؟ . : … ” » ) ( etc.). Trailing
  hyphens are not part of the tag (`#الرباط-` is `الرباط`).
- It needs at least one letter: `#1`, `#2024` or `#03-73` are numbers, not tags (Obsidian's rule).
- The `#` must not follow a letter or digit (except a lone Arabic proclitic و ف ب ك ل written
  attached: `و#تونس` and `ل#غزة` are tags, `كلمة#ليست` is not), `&` (HTML entities such as
  `&#1571;`), `/` or `#` (URL fragments, `##`), or a backslash (`\\#` is a literal `#`).
  `_` may precede it: `_#وسم_` is emphasis around a tag.
- Never a tag inside code (spans, fenced or indented blocks), link or image text and targets,
  autolinks and bare URLs, raw HTML tags and blocks, reference definitions or attribute lists
  (`{: #id}`). Tags inside headings, emphasis, lists, quotes, tables and footnotes count.

Tags are returned without `#`, in order of first appearance, de-duplicated exactly (as
written: `الرباط` and `الرّباط` are two entries; comparing tags is `normalize_for_match`'s job).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.markdown.mask import ATTR_LIST_RE, BARE_URL_RE, mask_non_prose

__all__ = [
    "ATTR_LIST_RE",
    "BARE_URL_RE",
    "HASHTAG_RE",
    "GLUE_CHARS",
    "TAG_CHARS",
    "clean_tag",
    "extract_hashtags",
    "hashtag_spans",
    "markdown_hashtag_spans",
    "mask_non_prose",
]

# Characters a tag may contain (besides \w, i.e. letters, digits and `_`).
_MARKS = (
    "\u0300-\u036f"  # Latin combining accents
    "\u0610-\u061a"  # Arabic honorifics / small signs
    "\u064b-\u065f"  # harakat, tanween, shadda, sukun
    "\u0670"  # superscript alef
    "\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"  # Quranic marks
    "\u0640"  # tatweel
    "\u200c"  # zero-width non-joiner
)
TAG_CHARS = rf"\w{_MARKS}\-"

# Arabic one-letter proclitics written attached to a tag: `و#تونس` ("and #Tunisia").
PROCLITICS = "وفبكل"

# `#` + tag characters, not after a word character, `&`, `/`, `#` or `\` — except a lone proclitic.
# (The lookbehinds come after the `#` so the regex starts with a literal and scans fast.)
# Characters after which `#` starts no tag (with letters and digits; `_` may precede a tag:
# `_#وسم_` is emphasis around it).
GLUE_CHARS = rf"{_MARKS}\-&/#\\"
HASHTAG_RE = re.compile(
    rf"#(?:(?<![{GLUE_CHARS}]#)(?<![^\W_]#)"
    rf"|(?<=[{PROCLITICS}]#)(?<![{GLUE_CHARS}][{PROCLITICS}]#)(?<![^\W_][{PROCLITICS}]#))"
    rf"(?P<tag>[{TAG_CHARS}]+)"
)


def clean_tag(raw: str) -> str | None:
    """The tag for the characters matched after `#`, or None if they are not a tag (no letter)."""
    tag = raw.rstrip("-_")
    if any(ch.isalpha() and ch != "\u0640" for ch in tag):
        return tag
    return None


def hashtag_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """`(start, end, tag)` for every tag in plain `text`; `text[start:end]` is `#` + tag.

    No Markdown awareness: use `markdown_hashtag_spans` for a Markdown body.
    """
    for match in HASHTAG_RE.finditer(text):
        tag = clean_tag(match.group("tag"))
        if tag is not None:
            yield match.start(), match.start() + 1 + len(tag), tag


def markdown_hashtag_spans(markdown: str) -> Iterator[tuple[int, int, str]]:
    """`(start, end, tag)` for every tag of a Markdown body (offsets into `markdown`)."""
    if "#" not in markdown:
        return iter(())
    return hashtag_spans(mask_non_prose(markdown, only_if="#"))


def extract_hashtags(markdown: str) -> list[str]:
    """Tags of a Markdown body without `#`, in order of first appearance, de-duplicated exactly."""
    seen: dict[str, None] = {}
    for _start, _end, tag in markdown_hashtag_spans(markdown):
        seen.setdefault(tag, None)
    return list(seen)
