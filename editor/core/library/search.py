"""Full-text search over a library index, Arabic-aware, ranked, with highlighted snippets.

The query is put in matching form (`normalize_for_match`: no tashkeel or tatweel, أ إ آ ٱ → ا,
ى → ي, ة → ه, Arabic-Indic digits → Western), split into words, and each word is expanded to its
forms with front clitics (`library_text.clitic_forms`), so `الامن` finds `الأمنُ` and `أمن` finds
`والأمن`. Several words must all occur (in any order); `"quoted words"` must occur together. With
`prefix_last` (search as you type) the last word also matches longer words.

Articles whose title matches come first, then the rest by BM25 (title weighted ×10). Each hit has
a plain-text snippet of the body around the first match with the match spans, and an HTML form
where the matches are wrapped in `<mark>` and everything else is escaped.
"""

from __future__ import annotations

import html
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.library.index import LibraryIndex
from editor.core.library.index_text import (
    TOKEN_RE,
    clitic_forms,
    dropped_positions,
    fast_normalize,
    normalize_mapped,
    original_index,
    search_text,
)

SNIPPET_BEFORE = 70
SNIPPET_AFTER = 130
DEFAULT_LIMIT = 50


@dataclass(frozen=True)
class ParsedQuery:
    """Query words and phrases in matching form."""

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    prefix_last: bool = False

    @property
    def empty(self) -> bool:
        return not self.words and not self.phrases


def parse_query(query: str, prefix_last: bool = False) -> ParsedQuery:
    """Split a user query into words and `"phrases"`, in matching form."""
    norm = fast_normalize(query)
    phrases = []
    for quoted in re.findall(r'"([^"]*)"', norm):
        parts = tuple(TOKEN_RE.findall(quoted))
        if len(parts) > 1:
            phrases.append(parts)
        elif parts:
            norm += " " + parts[0]
    rest = re.sub(r'"[^"]*"', " ", norm)
    words = tuple(dict.fromkeys(TOKEN_RE.findall(rest)))
    trailing_space = query[-1:].isspace() or query.rstrip().endswith('"')
    return ParsedQuery(words, tuple(phrases), prefix_last and bool(words) and not trailing_space)


def _fts_string(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def match_expression(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH expression for a parsed query (empty string for an empty query)."""
    groups = []
    for i, word in enumerate(parsed.words):
        star = "*" if parsed.prefix_last and i == len(parsed.words) - 1 else ""
        groups.append("(" + " OR ".join(_fts_string(f) + star for f in clitic_forms(word)) + ")")
    groups.extend(_fts_string(" ".join(p)) for p in parsed.phrases)
    return " AND ".join(groups)


def highlight_pattern(parsed: ParsedQuery) -> re.Pattern[str] | None:
    """Regex finding the query's words (with clitics) and phrases in matching-form text."""
    alternatives = []
    for i, word in enumerate(parsed.words):
        forms = sorted(clitic_forms(word), key=len, reverse=True)
        body = "(?:" + "|".join(map(re.escape, forms)) + ")"
        tail = r"[^\W_]*" if parsed.prefix_last and i == len(parsed.words) - 1 else r"(?![^\W_])"
        alternatives.append(body + tail)
    for phrase in parsed.phrases:
        alternatives.append(r"[\W_]+".join(map(re.escape, phrase)) + r"(?![^\W_])")
    if not alternatives:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + ")")


@dataclass
class SearchHit:
    """One matching article: where it is, how well it matched, and what to show."""

    rel_path: str
    title: str
    score: float
    in_title: bool
    snippet: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)  # match spans in `snippet`
    title_spans: list[tuple[int, int]] = field(default_factory=list)  # match spans in `title`

    @property
    def snippet_html(self) -> str:
        return mark_html(self.snippet, self.spans)

    @property
    def title_html(self) -> str:
        return mark_html(self.title, self.title_spans)

    def to_json(self) -> dict:
        return {
            "path": self.rel_path,
            "title": self.title,
            "score": round(self.score, 4),
            "in_title": self.in_title,
            "snippet": self.snippet,
            "spans": [list(s) for s in self.spans],
            "snippet_html": self.snippet_html,
        }


def mark_html(
    text: str, spans: list[tuple[int, int]], open_tag: str = "<mark>", close_tag: str = "</mark>"
) -> str:
    """`text` HTML-escaped, with each span wrapped in `open_tag`…`close_tag` (default `<mark>`)."""
    out, pos = [], 0
    for start, end in spans:
        out.append(html.escape(text[pos:start]))
        out.append(open_tag + html.escape(text[start:end]) + close_tag)
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _matches_in(
    text: str, pattern: re.Pattern[str], norm: str | None = None, limit: int | None = None
) -> list[tuple[int, int]]:
    """Spans in original `text` of `pattern`'s matches on its matching form (`norm` if known).

    With `limit`, stop after the matches within `limit` characters of the first one.
    """
    dropped = dropped_positions(text)
    if norm is None or len(norm) + len(dropped) != len(text):
        norm = fast_normalize(text)
    if len(norm) + len(dropped) != len(text):  # a case fold changed the length: use the full map
        norm, index_map = normalize_mapped(text)

        def to_original(n: int) -> int:
            return index_map[n]
    else:

        def to_original(n: int) -> int:
            return original_index(dropped, n)

    spans: list[tuple[int, int]] = []
    first = None
    for m in pattern.finditer(norm):
        if m.end() <= m.start():
            continue
        if first is None:
            first = m.start()
        elif limit is not None and m.start() - first > limit:
            break
        start = to_original(m.start())
        end = to_original(m.end() - 1) + 1
        while end < len(text) and not fast_normalize(text[end]):
            end += 1
        spans.append((start, end))
    return spans


def first_hit(text: str, query: str, prefix_last: bool = True) -> tuple[int, int] | None:
    """`(start, end)` in `text` of the first match of a library search `query` (the same words, clitics,
    phrases and last-word prefix as the search and its snippets), or None. Linear in `text`."""
    pattern = highlight_pattern(parse_query(query, prefix_last))
    if pattern is None or not text:
        return None
    spans = _matches_in(text, pattern, limit=0)
    return spans[0] if spans else None


def make_snippet(
    body: str, pattern: re.Pattern[str] | None, norm_body: str | None = None
) -> tuple[str, list[tuple[int, int]]]:
    """A one-line excerpt of `body` around its first match, and the match spans within it."""
    reach = SNIPPET_AFTER + 40
    spans = _matches_in(body, pattern, norm_body, limit=reach) if pattern is not None else []
    if spans:
        first_start, first_end = spans[0]
        start = max(0, first_start - SNIPPET_BEFORE)
        end = min(len(body), first_end + SNIPPET_AFTER)
    else:
        start, end = 0, min(len(body), SNIPPET_BEFORE + SNIPPET_AFTER)
    # widen to whole words (at most 20 characters each side)
    floor, ceiling = max(0, start - 20), min(len(body), end + 20)
    while start > floor and not body[start - 1].isspace():
        start -= 1
    while end < ceiling and not body[end].isspace():
        end += 1
    raw = body[start:end]
    lead = len(raw) - len(raw.lstrip())
    piece = raw.strip()
    flat = re.sub(r"\s", " ", piece)
    prefix = "…" if start + lead > 0 else ""
    suffix = "…" if start + lead + len(piece) < len(body.rstrip()) else ""
    offset = start + lead - len(prefix)
    inside = [
        (s - offset, e - offset) for s, e in spans if s >= start + lead and e <= start + lead + len(piece)
    ]
    return prefix + flat + suffix, inside


def _read_body(path: Path, encoding: str, body_at: int = -1) -> str:
    """The article's body for its snippet: from `body_at` (stored by the index), else parsed."""
    try:
        data = path.read_bytes()
    except OSError:
        return ""
    try:
        text = search_text(data, encoding)
    except (UnicodeDecodeError, LookupError):
        return ""
    if 0 <= body_at <= len(text):
        return text[body_at:]
    from editor.core.article.frontmatter import split_front_matter  # only for an old or odd row

    split = split_front_matter(text)
    return split.body if split else text


def search(
    index: LibraryIndex, query: str, limit: int = DEFAULT_LIMIT, prefix_last: bool = False
) -> list[SearchHit]:
    """Articles matching `query`, best first (title matches first), with snippets."""
    parsed = parse_query(query, prefix_last)
    if parsed.empty:
        return []
    expression = match_expression(parsed)
    try:
        ranked = _ranked_ids(index, expression, limit)
    except sqlite3.OperationalError:  # a query FTS5 cannot read: nothing matches, nothing breaks
        return []
    if not ranked:
        return []
    ids = ",".join(str(rowid) for rowid, _score, _in_title in ranked)
    meta = {
        row[0]: row[1:]
        for row in index.execute(
            f"SELECT id, path, title, encoding, body_at FROM articles WHERE id IN ({ids})"
        )
    }
    pattern = highlight_pattern(parsed)
    hits = []
    for rowid, score, in_title in ranked:
        if rowid not in meta:
            continue
        path, title, encoding, body_at = meta[rowid]
        body = _read_body(index.root / path, encoding, body_at)
        snippet, spans = make_snippet(body, pattern)
        title_spans = _matches_in(title, pattern) if pattern is not None and in_title else []
        hits.append(SearchHit(path, title, score, in_title, snippet, spans, title_spans))
    return hits


def _ranked_ids(index: LibraryIndex, expression: str, limit: int) -> list[tuple[int, float, bool]]:
    """`(rowid, score, in_title)` of the best `limit` matches: title matches first, then by BM25.

    Two cheap queries instead of one that ranks every match twice: the title matches (few), then
    the best body matches not already taken. The join on `articles` leaves out the word index's
    dead rows (changed or removed articles, see `index_store`).
    """
    sql = (
        "SELECT fts.rowid, bm25(fts, 10.0, 1.0) FROM fts JOIN articles ON articles.id = fts.rowid"
        " WHERE fts MATCH ? ORDER BY 2 LIMIT ?"
    )
    in_title = [
        (rowid, -score, True) for rowid, score in index.execute(sql, (f"title : ({expression})", limit))
    ]
    if len(in_title) >= limit:
        return in_title
    taken = {rowid for rowid, _s, _t in in_title}
    rest = [
        (rowid, -score, False)
        for rowid, score in index.execute(sql, (expression, limit + len(taken)))
        if rowid not in taken
    ]
    return in_title + rest[: limit - len(in_title)]
