"""Rule 11: repeated words, the title, the dateline of a news article, tags, web boilerplate."""

from __future__ import annotations

import re

from editor.core.copydesk.findings import ARABIC_LETTER, ERROR, SUGGESTION, WARNING, Context, Finding
from editor.core.copydesk.marks import dateline_match
from editor.core.copydesk.style import HouseStyle
from editor.core.markdown.hashtags import extract_hashtags
from editor.core.text.messages import msg

RULES = {"repeated-word": 11, "title": 11, "dateline": 11, "tags": 11, "boilerplate": 11}

_REPEAT_RE = re.compile(
    r"(?<![\w\u0640])([^\W\d_][\w\u064b-\u065f\u0670]*)([ \t]+)(\1)(?![\w\u0640])", re.IGNORECASE
)
# doubled on purpose: «رويدا رويدا», «شيئا شيئا», «had had», «that that»
_MEANT_REPEATS = frozenset(
    {"رويدا", "شيئا", "قليلا", "كلا", "لا", "نعم", "جدا", "حقا", "بعيدا", "يوما", "had", "that"}
)

# Comment forms, share buttons and "read also" boxes copied with an article from the web.
BOILERPLATE = (
    "اترك رد",
    "اترك ردا",
    "اترك تعليقا",
    "اترك تعليقاً",
    "أضف تعليق",
    "لن يتم نشر عنوان بريدك الإلكتروني",
    "الحقول الإلزامية مشار إليها",
    "الحقول المطلوبة مشار إليها",
    "احفظ اسمي، بريدي الإلكتروني، والموقع الإلكتروني",
    "شارك هذا المقال",
    "شارك المقال",
    "اقرأ أيضا:",
    "اقرأ أيضاً:",
    "مقالات ذات صلة",
    "تابعونا على",
    "Leave a Reply",
    "Leave a comment",
    "Your email address will not be published",
    "Required fields are marked",
    "Share this:",
    "Related posts",
)
_BOILER_RE = re.compile(
    r"^[#>*_\s]*(?:" + "|".join(re.escape(b) for b in BOILERPLATE) + r")[\s.:*_]*",
    re.IGNORECASE,
)
_HEADING_RE = re.compile(r"^[ ]{0,3}#{1,6}(?!#)\S?")
NEWS_TYPES = frozenset({"news", "خبر", "أخبار", "اخبار"})


def _repeats(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for line in ctx.lines:
        for m in _REPEAT_RE.finditer(line.masked):
            word = m.group(1)
            if word.lower() in _MEANT_REPEATS or m.group(0) != line.text[m.start() : m.end()]:
                continue
            out.append(
                Finding(
                    "repeated-word",
                    line.offset + m.start(2),
                    m.end() - m.start(2),
                    msg("Repeated word “{word}”", word=word),
                    WARNING,
                    ("",),
                )
            )
    return out


def _title(ctx: Context) -> list[Finding]:
    meta = ctx.article.meta
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        return []
    if "title" in meta:  # `title:` present but empty
        return [Finding("title", 0, 0, msg("The title is empty"), ERROR)]
    for paragraph in ctx.paragraphs[:1]:
        if _HEADING_RE.match(paragraph[0].text):
            return []
    return [
        Finding("title", ctx.body_offset, 0, msg("No title: add `title:` or a first `#` heading"), WARNING)
    ]


def is_news(ctx: Context, style: HouseStyle) -> bool:
    kind = ctx.article.meta.get("type") or ctx.article.meta.get("category")
    return style.news or (isinstance(kind, str) and kind.strip().lower() in NEWS_TYPES)


def _dateline(ctx: Context, style: HouseStyle) -> list[Finding]:
    if not is_news(ctx, style) or dateline_match(ctx) is not None or not ctx.body.strip():
        return []
    first = next((p for p in ctx.paragraphs if not _HEADING_RE.match(p[0].text)), None)
    offset = first[0].offset if first else ctx.body_offset
    return [
        Finding("dateline", offset, 0, msg("News article without a dateline (“الرباط، المغرب – ”)"), WARNING)
    ]


def _tags(ctx: Context) -> list[Finding]:
    if ctx.article.tags or extract_hashtags(ctx.body) or not ctx.body.strip():
        return []
    return [Finding("tags", 0, 0, msg("The article has no tags"), SUGGESTION)]


def _boilerplate(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for line in ctx.lines:
        if not line.text.strip() or not re.search(f"[{ARABIC_LETTER}A-Za-z]", line.masked[:80]):
            continue
        m = _BOILER_RE.match(line.masked)
        if m and len(line.text.strip()) <= len(m.group(0).strip()) + 60:
            out.append(
                Finding(
                    "boilerplate",
                    line.offset,
                    len(line.text),
                    msg("Web boilerplate left in the text: “{text}”", text=line.text.strip()[:60]),
                    WARNING,
                    ("",),
                )
            )
    return out


def check(ctx: Context, style: HouseStyle) -> list[Finding]:
    return _repeats(ctx) + _title(ctx) + _dateline(ctx, style) + _tags(ctx) + _boilerplate(ctx)
