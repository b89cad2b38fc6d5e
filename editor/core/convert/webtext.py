"""Plain text copied from a news site → a Midad article (front matter + Markdown body).

The text runs through an ordered list of small rules (`RULES`, documented in docs/convert.md). Each
rule looks at the lines still kept, may take metadata from them (title, source, date, location,
author, tags) and may set lines aside as web boilerplate. A line is never changed by a rule, only
kept or set aside, so every sentence of the story reaches the body; the body lines are escaped only
where Markdown would read them as syntax. The result depends on the text alone: importing the same
text twice gives the same bytes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from editor.core.article.model import Article
from editor.core.convert import web_patterns as wp
from editor.core.convert.dates import find_date
from editor.core.convert.plain import escape_line, guess_lang
from editor.core.markdown.hashtags import HASHTAG_RE, clean_tag
from editor.core.text.arabic import normalize_for_match
from editor.core.text.messages import Text, msg

_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
TITLE_CUT = 120  # characters of a first sentence used as a title
TOP_LINES = 8  # where a page's header (site name, breadcrumb, headline) can be
KEY_CHARS = 400  # …and no longer than this many characters
KEY_WORDS = 40  # boilerplate lines (comment forms, cookie banners…) are shorter; longer lines are story


@dataclass
class Line:
    text: str
    kept: bool = True
    reason: str = ""  # the rule that set it aside

    @cached_property
    def words(self) -> int:
        return len(self.text.split())

    @cached_property
    def key(self) -> str:
        """The matching form of a short line ('' for a line over `KEY_WORDS` words: never boilerplate)."""
        return _key(self.text) if self.short else ""

    @property
    def short(self) -> bool:
        return self.words <= KEY_WORDS and len(self.text) <= KEY_CHARS

    @cached_property
    def head(self) -> str:
        """The matching form of the line's first words (for phrases a line starts with)."""
        return _key(" ".join(self.text[:200].split()[:12]))


@dataclass
class WebImport:
    """What the rules found. `body` is Markdown paragraphs; `notes` are sentences for the user."""

    lines: list[Line]
    title: str = ""
    source: str = ""
    date: str = ""
    location: str = ""
    author: str = ""
    tags: list[str] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    headline_index: int | None = None

    def kept(self) -> list[Line]:
        return [line for line in self.lines if line.kept]

    def drop(self, line: Line, reason: str) -> None:
        line.kept, line.reason = False, reason

    def add_tags(self, tags: list[str], first: bool = False) -> None:
        have = {normalize_for_match(t) for t in self.tags}
        new: list[str] = []
        for tag in tags:
            tag = tag.strip().lstrip("#").strip()
            key = normalize_for_match(tag)
            if tag and key not in have and len(tag) <= 60:
                have.add(key)
                new.append(tag)
        self.tags = new + self.tags if first else self.tags + new

    @property
    def dropped(self) -> list[tuple[str, str]]:
        return [(line.reason, line.text) for line in self.lines if not line.kept and line.text]


def _key(text: str) -> str:
    """A line's matching form: heading marks, `*`, punctuation at the ends and case ignored."""
    text = wp.LEADING_HASHES_RE.sub("", text)
    return normalize_for_match(text).strip(" \t*:：.,،-–—|»«").strip()


def _words(text: str) -> int:
    return len(text.split())


def _is_blank(text: str) -> bool:
    return not text.strip(" \t" + _INVISIBLE) or not text.strip()


def split_lines(text: str) -> list[Line]:
    """Rule 0: one Line per non-blank line; hard-wrapped blocks (wire copy) are joined first."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x0c", "\n")
    lines: list[Line] = []
    block: list[str] = []

    def flush() -> None:
        if len(block) >= 3:
            lengths = [len(b) for b in block[:-1]]
            wrapped = min(lengths) >= 45 and max(lengths) <= 100 and max(lengths) - min(lengths) <= 30
            if wrapped and any(not wp.SENTENCE_END_RE.search(b) for b in block[:-1]):
                lines.append(Line(" ".join(block)))
                block.clear()
                return
        lines.extend(Line(b) for b in block)
        block.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        if _is_blank(line):
            flush()
        else:
            block.append(line)
    flush()
    return lines


# --- the rules, in order ------------------------------------------------------------------------------


def drop_comment_form(found: WebImport) -> None:
    """Comment forms: their heading (`اترك رد`, "Leave a reply") and the short lines after it."""
    in_form = False
    for line in found.kept():
        key = line.key
        bare = re.sub(r"[\d()\[\]]+", "", key).strip()
        if bare in wp.COMMENT_HEADINGS:
            found.drop(line, "comment form")
            in_form = True
        elif key and (key in wp.FORM_LABELS or any(p in key for p in wp.COMMENT_FORM)):
            found.drop(line, "comment form")
        elif in_form and line.words <= 12 and not wp.SENTENCE_END_RE.search(line.text):
            found.drop(line, "comment form")


def drop_share_lines(found: WebImport) -> None:
    """Rows of share and print buttons (every word is a button word)."""
    for line in found.kept():
        if line.words > 16 or not line.short:
            continue
        words = [w for w in wp.SHARE_SPLIT_RE.split(normalize_for_match(line.text)) if w]
        if words and len(words) <= 16 and all(w in wp.SHARE_WORDS for w in words):
            found.drop(line, "share buttons")


def drop_read_also(found: WebImport) -> None:
    """ "Read also" lines; a bare "read also" label takes the headline line after it too."""
    lines = found.kept()
    for i, line in enumerate(lines):
        key = line.head
        if any(key == p or key.startswith(p + " ") or key.startswith(p + ":") for p in wp.READ_ALSO):
            found.drop(line, "read also")
            label_only = line.key in wp.READ_ALSO
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if label_only and nxt and _words(nxt.text) <= 20 and not wp.SENTENCE_END_RE.search(nxt.text):
                found.drop(nxt, "read also")


def drop_cookie_lines(found: WebImport) -> None:
    """Cookie banners and their buttons."""
    previous_cookie = False
    for line in found.kept():
        key = line.key
        if key and any(w in key for w in wp.COOKIE_WORDS):
            found.drop(line, "cookies")
            previous_cookie = True
        elif previous_cookie and key in wp.BUTTONS:
            found.drop(line, "cookies")
        else:
            previous_cookie = False


def drop_copyright(found: WebImport) -> None:
    """The site's copyright line."""
    for line in found.kept():
        if line.words <= 25 and line.short and any(p in normalize_for_match(line.text) for p in wp.COPYRIGHT):
            found.drop(line, "copyright")


def take_date_lines(found: WebImport) -> None:
    """ "Published/updated …" lines, and lines that are only a date, give `date`; they leave the body."""
    for line in found.kept():
        key = line.key
        labelled = line.words <= 15 and any(
            key == p or key.startswith((p + " ", p + ":")) for p in wp.DATE_LABELS
        )
        date = find_date(line.text) if labelled or line.words <= 8 else None
        only_date = date is not None and not labelled and not re.sub(r"[\W\d_]+", "", _date_free(line.text))
        if labelled or only_date:
            found.drop(line, "date")
            if date and not found.date:
                found.date = date


def _date_free(text: str) -> str:
    """`text` without month and weekday names (to see whether a line is only a date)."""
    names = (
        r"السبت|الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|monday|tuesday|"
        r"wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
        r"يناير|فبراير|مارس|أبريل|ابريل|مايو|ماي|يونيو|يوليو|يوليوز|أغسطس|اغسطس|غشت|سبتمبر|شتنبر|"
        r"أكتوبر|اكتوبر|نوفمبر|نونبر|ديسمبر|دجنبر|كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|"
        r"أيلول|ايلول|تشرين|الأول|الثاني|january|february|march|april|may|june|july|august|september|"
        r"october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
        r"octobre|novembre|décembre|er|am|pm|at|le|في|الساعة|صباحا|مساء|مساءً|صباحاً|ص|م"
    )
    return re.sub(rf"(?i)\b(?:{names})\b", "", text)


def take_breadcrumb(found: WebImport) -> None:
    """A breadcrumb (`الرئيسية » أخبار`) gives `source` (its sections) and leaves the body."""
    for line in found.kept()[:TOP_LINES]:
        if not line.short:
            continue
        parts = [p for p in wp.BREADCRUMB_SPLIT_RE.split(line.text) if p.strip()]
        if len(parts) >= 2 and _key(parts[0]) in wp.HOME_WORDS and all(_words(p) <= 12 for p in parts):
            found.drop(line, "breadcrumb")
            sections = [p.strip() for p in parts[1:] if _words(p) <= 4]
            if sections and not found.source:
                found.source = " » ".join(sections[:2])


def take_site_name(found: WebImport) -> None:
    """A short line that repeats (the site or section name) gives `source`; a repeated longer line
    near the top (the headline printed twice) is kept once."""
    kept = found.kept()
    counts = Counter(line.key for line in kept if line.words <= 8)
    top = {line.key for line in kept[:TOP_LINES]}
    seen: set[str] = set()
    for line in kept:
        short = len(line.text) <= 80 and line.words <= 8 and not wp.SENTENCE_END_RE.search(line.text)
        key = line.key if short else ""
        if not key or counts[key] < 2 or key not in top:
            continue
        if _words(line.text) <= 4:
            found.drop(line, "site name")
            if not found.source:
                found.source = wp.LEADING_HASHES_RE.sub("", line.text).strip()
        elif key in seen:
            found.drop(line, "repeated line")
        seen.add(key)


def take_tag_lines(found: WebImport) -> None:
    """Lines made only of hashtags (`#الرباط #المغرب`) or a "Tags:" label give `tags`."""
    for line in found.kept():
        labelled = wp.TAG_LABEL_RE.match(line.text)
        if labelled:
            found.add_tags([t for t in wp.TAG_LIST_SPLIT_RE.split(labelled.group("tags")) if _words(t) <= 4])
            found.drop(line, "tags")
            continue
        tags = [clean_tag(m.group(0)) for m in HASHTAG_RE.finditer(line.text)]
        rest = HASHTAG_RE.sub("", line.text).strip(" \t،,|·•")
        if tags and not rest:
            found.add_tags(tags)
            found.drop(line, "tags")


def take_byline(found: WebImport) -> None:
    """A byline near the top (`بقلم: فلان`, "By Jane Doe") gives `author`."""
    for line in found.kept()[:TOP_LINES]:
        match = wp.BYLINE_RE.match(line.text)
        if match and _words(match.group("name")) <= 6 and not wp.SENTENCE_END_RE.search(line.text):
            found.author = found.author or match.group("name").strip()
            found.drop(line, "byline")
            return


def take_headline(found: WebImport) -> None:
    """The first line is the title when it is shaped like a headline (short, no final full stop);
    a stray heading `#` in front is not part of it, a hashtag there is also a tag. Otherwise the
    title is the first sentence of the text (and a note says so)."""
    kept = found.kept()
    if not kept:
        return
    first = kept[0]
    text = first.text
    headline = (
        len(kept) >= 2
        and _words(text) <= 30
        and len(text) <= 250
        and not re.search(r"[.…](?:[\"”»’')]*)$", text)
        and not wp.DATELINE_RE.match(text)
    )
    if headline:
        glued = re.match(r"^#(?=[^\s#])", text)
        if glued:
            hashtag = HASHTAG_RE.match(text)
            if hashtag:
                found.add_tags([clean_tag(hashtag.group(0))], first=True)
        title = wp.LEADING_HASHES_RE.sub("", text).strip()
        if found.source:
            for sep in (" | ", " - ", " – ", " — "):
                if title.endswith(sep + found.source):
                    title = title[: -len(sep + found.source)].strip()
        found.title = title
        found.headline_index = found.lines.index(first)
        found.drop(first, "headline")
        return
    plain = wp.LEADING_HASHES_RE.sub("", text)
    dateline = wp.DATELINE_RE.match(plain)
    if dateline:
        plain = plain[dateline.end() :]
    sentence = re.match(r".+?[.!?؟…](?=\s|$)", plain)
    title = (sentence.group(0) if sentence else plain).strip()
    if len(title) > TITLE_CUT:
        title = title[:TITLE_CUT].rsplit(" ", 1)[0].rstrip("،,;؛:") + "…"
    found.title = title
    found.notes.append(msg("the text has no headline line: the title was taken from its first sentence"))


def take_dateline(found: WebImport) -> None:
    """A dateline opening the story (`الرباط، المغرب –`, `PARIS (AFP) –`) gives `location`; the
    paragraph itself stays as it is."""
    for line in found.kept()[:2]:
        match = wp.DATELINE_RE.match(line.text)
        if match:
            found.location = match.group("place").strip()
            return


RULES: tuple[tuple[str, Callable[[WebImport], None]], ...] = (
    ("comment form", drop_comment_form),
    ("share buttons", drop_share_lines),
    ("read also", drop_read_also),
    ("cookies", drop_cookie_lines),
    ("copyright", drop_copyright),
    ("date", take_date_lines),
    ("breadcrumb", take_breadcrumb),
    ("site name", take_site_name),
    ("tags", take_tag_lines),
    ("byline", take_byline),
    ("headline", take_headline),
    ("dateline", take_dateline),
)


def analyse(text: str) -> WebImport:
    """Run every rule over `text` in order."""
    found = WebImport(split_lines(text))
    for _name, rule in RULES:
        rule(found)
    return found


# --- the body ---------------------------------------------------------------------------------------------


def body_markdown(found: WebImport) -> str:
    """The kept lines as Markdown paragraphs, separated by a blank line."""
    return "\n\n".join(escape_line(line.text) for line in found.kept()) + "\n"


def web_text_to_article(text: str) -> tuple[Article, WebImport]:
    """The article made from `text`, and what the rules found (notes, dropped lines)."""
    found = analyse(text)
    body = body_markdown(found)
    article = Article.from_text("---\n---\n\n" + body)
    fields: list[tuple[str, str | list[str]]] = [
        ("title", found.title),
        ("author", found.author),
        ("date", found.date),
        ("location", found.location),
        ("source", found.source),
        ("tags", found.tags),
        ("status", "draft"),
        ("lang", guess_lang(body)),
    ]
    for key, value in fields:
        if value:
            article = article.with_field(key, value)
    return article, found
