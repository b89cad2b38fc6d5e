"""A library's tags kept up to date article by article (a save changes one article's tags).

`TagTally` holds, for every article, its `(spelling, key)` pairs, and from them the articles of each
tag and the counts `summarize_keyed_tags` works from, so that replacing one article's tags costs
that article's tags, not a pass over a hundred thousand articles. `summaries()` equals
`summarize_keyed_tags` over the same articles (a test checks it after random changes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from editor.core.library.tags import TagSummary, summaries_from_counts


class TagTally:
    """Tags per article, articles per tag, and the tag list's counts (see module docstring)."""

    def __init__(self, rows: Iterable[tuple[str, str, str]] = ()) -> None:
        self.paths: dict[str, set[str]] = {}  # tag key -> relative paths of its articles
        self._pairs: dict[str, list[tuple[str, str]]] = {}  # path -> (spelling, key) pairs
        self._articles: Counter[str] = Counter()  # key -> number of articles
        self._spellings: dict[str, Counter[str]] = {}  # key -> spelling -> uses
        grouped: dict[str, list[tuple[str, str]]] = {}
        for rel, spelling, key in rows:
            grouped.setdefault(rel, []).append((spelling, key))
        for rel, pairs in grouped.items():
            self.set_article(rel, pairs)

    def set_article(self, rel: str, pairs: list[tuple[str, str]]) -> None:
        """Make `pairs` the tags of the article at `rel` (empty: it has none, or it is gone)."""
        self._remove(rel)
        pairs = [(text, key) for text, key in pairs if key]
        if not pairs:
            return
        self._pairs[rel] = pairs
        keys: set[str] = set()
        for text, key in pairs:
            self._spellings.setdefault(key, Counter())[text] += 1
            self.paths.setdefault(key, set()).add(rel)
            keys.add(key)
        self._articles.update(keys)

    def _remove(self, rel: str) -> None:
        pairs = self._pairs.pop(rel, None)
        if not pairs:
            return
        for text, key in pairs:
            uses = self._spellings[key]
            uses[text] -= 1
            if uses[text] <= 0:
                del uses[text]
            if not uses:
                del self._spellings[key]
        for key in {key for _text, key in pairs}:
            self._articles[key] -= 1
            if self._articles[key] <= 0:
                del self._articles[key]
            self.paths[key].discard(rel)
            if not self.paths[key]:
                del self.paths[key]

    def summaries(self) -> list[TagSummary]:
        """Every tag with its article count and spellings, most used first."""
        return summaries_from_counts(self._articles, self._spellings)
