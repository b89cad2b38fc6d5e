"""Tags: counting tags over a library, with the one rule for when two spellings are the same tag
(`editor.core.text.tag_text`, re-exported here).

Two tags are the same when their keys are equal. The key is `normalize_for_match` of the tag
without a leading `#`, with runs of spaces, `_` and `-` made one `_` and trimmed: so `#الأمن`,
`الامن`, `الأمنُ` and `الأمـــن` are one tag, and `الأمن الوطني` (front matter) is the same tag as
`#الأمن_الوطني` (a body hashtag cannot hold a space). The panel shows the most used spelling.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from editor.core.text.arabic import strip_tashkeel
from editor.core.text.tag_text import clean_tag_text, tag_key

__all__ = ["clean_tag_text", "hashtag_form", "tag_key"]


def hashtag_form(tag: str) -> str:
    """How `tag` is written as a body hashtag (without `#`): spaces become `_`."""
    return re.sub(r"\s+", "_", clean_tag_text(tag))


def article_tags(front_matter_tags: Iterable[str], hashtags: Iterable[str]) -> list[str]:
    """Tags of one article: front-matter tags then body hashtags, one spelling per key (first wins)."""
    seen: dict[str, str] = {}
    for tag in [*front_matter_tags, *hashtags]:
        text = clean_tag_text(str(tag))
        key = tag_key(text)
        if key and key not in seen:
            seen[key] = text
    return list(seen.values())


@dataclass
class TagSummary:
    """One tag of a library: display spelling, number of articles, all spellings (most used first)."""

    key: str
    tag: str
    count: int
    variants: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"tag": self.tag, "count": self.count, "variants": self.variants}


def summarize_tags(per_article_spellings: Iterable[Iterable[str]]) -> list[TagSummary]:
    """Group the tag spellings of every article by key; most used first, then by name.

    Each inner iterable is every spelling found in one article (front matter and hashtags): an
    article counts once per tag however many spellings it uses; a spelling's use count decides
    which one is displayed (ties: one without tashkeel or tatweel, then the alphabetically first).
    """
    keyed = (
        [(text, tag_key(text)) for text in (clean_tag_text(str(raw)) for raw in tags)]
        for tags in per_article_spellings
    )
    return summarize_keyed_tags(keyed)


def summarize_keyed_tags(per_article: Iterable[Iterable[tuple[str, str]]]) -> list[TagSummary]:
    """`summarize_tags` for spellings already cleaned and keyed: `(spelling, tag_key(spelling))` pairs."""
    articles: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for pairs in per_article:
        keys_here: set[str] = set()
        for text, key in pairs:
            if not key:
                continue
            counter = spellings.get(key)
            if counter is None:
                counter = spellings[key] = Counter()
            counter[text] += 1
            keys_here.add(key)
        articles.update(keys_here)
    return summaries_from_counts(articles, spellings)


def summaries_from_counts(articles: Counter[str], spellings: dict[str, Counter[str]]) -> list[TagSummary]:
    """The tag list from article counts per key and use counts per spelling (`summarize_keyed_tags`)."""
    result = []
    for key, count in articles.items():
        # most used first; on a tie the spelling without tashkeel/tatweel, then alphabetical
        ranked = sorted(
            spellings[key].items(), key=lambda item: (-item[1], strip_tashkeel(item[0]) != item[0], item[0])
        )
        variants = [text for text, _ in ranked]
        result.append(TagSummary(key=key, tag=variants[0], count=count, variants=variants))
    result.sort(key=lambda s: (-s.count, s.key))
    return result
