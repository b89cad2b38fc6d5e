"""Web-text import: the seed article and six other shapes of copied news text, and each rule."""

from __future__ import annotations

import re

import pytest

from editor.core.article.files import article_bytes
from editor.core.article.model import Article
from editor.core.convert import webtext
from editor.core.convert.plain import escape_line
from editor.core.convert.webtext import split_lines, web_text_to_article
from editor.core.markdown.page import export_text
from editor.core.markdown.render import render_body


def sentences(text: str) -> list[str]:
    """The sentences of `text` (split after . ! ? ؟), without surrounding space."""
    return [s.strip() for s in re.split(r"(?<=[.!?؟])\s+", text) if len(s.strip()) > 3]


def imported(text: str) -> tuple[Article, webtext.WebImport]:
    article, found = web_text_to_article(text)
    again, _ = web_text_to_article(text)
    assert article_bytes(article) == article_bytes(again)  # importing twice gives the same bytes
    assert Article.from_text(article.text).front_matter_ok
    return article, found


def assert_story_kept(article: Article, story: str) -> None:
    for sentence in sentences(story):
        assert sentence in article.body, sentence
    # and the rendered text reads the same (escaping changed nothing a reader sees)
    plain = export_text(article)
    for sentence in sentences(story):
        assert sentence.lstrip("#") in plain, sentence


def assert_dropped(article: Article, *lines: str) -> None:
    for line in lines:
        assert line not in article.text, line


# --- the seed article ----------------------------------------------------------------------------------


def test_seed_article(seed_text: str) -> None:
    article, found = imported(seed_text)
    meta = article.meta
    assert meta["title"] == "الرباط: تأكيد “المغرب” و”الإمارات” على تعزيز تعاونهما الامني والاستخباراتي"
    assert meta["source"] == "العدالة اليوم"
    assert meta["location"] == "الرباط، المغرب"
    assert meta["tags"] == ["الرباط"] and meta["lang"] == "ar" and meta["status"] == "draft"
    assert "date" not in meta  # the text holds no date: none is invented
    story = seed_text[seed_text.index("#الرباط، المغرب") : seed_text.index("اترك رد")]
    assert_story_kept(article, story)
    assert article.body.lstrip("\n").startswith("#الرباط، المغرب – استقبل")  # the dateline paragraph intact
    assert_dropped(article, "اترك رد", "لن يتم نشر عنوان بريدك الإلكتروني")
    assert "العدالة اليوم" not in article.body
    assert found.notes == []
    # the two lines the seed writes without a blank line between stay two paragraphs
    assert "المضطربة.\n\nويعكس" in article.body


# --- six more shapes -------------------------------------------------------------------------------------

OTHER_SITE = """\
هسبريس
الرباط تحتضن منتدى الاستثمار المغربي الخليجي
بقلم: سعاد العلوي
نشر في 12 مارس 2024
شارك فيسبوك تويتر واتساب طباعة
انطلقت صباح اليوم أشغال منتدى الاستثمار بمشاركة وفود من ست دول. وأكد المنظمون أن المنتدى يهدف إلى تعزيز الشراكة الاقتصادية.
اقرأ أيضا: وزير المالية يعلن عن إجراءات جديدة
وبلغت قيمة الاتفاقيات الموقعة 3.5 مليار درهم، حسب ما أعلنه المنظمون. كما شهد المنتدى توقيع 12 اتفاقية.
نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.
قبول
الوسوم: الاستثمار، الخليج
© 2024 هسبريس. جميع الحقوق محفوظة.
هسبريس
"""


def test_another_sites_layout() -> None:
    article, found = imported(OTHER_SITE)
    meta = article.meta
    assert meta["title"] == "الرباط تحتضن منتدى الاستثمار المغربي الخليجي"
    assert meta["source"] == "هسبريس" and meta["author"] == "سعاد العلوي"
    assert meta["date"] == "2024-03-12" and meta["tags"] == ["الاستثمار", "الخليج"]
    assert "location" not in meta
    story = (
        OTHER_SITE.split("طباعة\n", 1)[1]
        .split("نستخدم", 1)[0]
        .replace("اقرأ أيضا: وزير المالية يعلن عن إجراءات جديدة\n", "")
    )
    assert_story_kept(article, story)
    assert_dropped(article, "شارك فيسبوك", "اقرأ أيضا", "ملفات تعريف الارتباط", "قبول", "©", "الوسوم")
    assert {reason for reason, _ in found.dropped} >= {"share buttons", "read also", "cookies", "copyright"}


WIRE = """\
مصر ترفع أسعار الفائدة 200 نقطة أساس

القاهرة (رويترز) - رفع البنك المركزي المصري أسعار الفائدة الرئيسية 200 نقطة أساس يوم الخميس. وقال البنك في بيان إن القرار يهدف إلى احتواء التضخم.

وكان التضخم السنوي قد بلغ 35.7 بالمئة في فبراير شباط.

(تغطية صحفية محمد عبد الله - تحرير سامح الخطيب)
"""


def test_wire_dispatch() -> None:
    article, _ = imported(WIRE)
    assert article.meta["title"] == "مصر ترفع أسعار الفائدة 200 نقطة أساس"
    assert article.meta["location"] == "القاهرة"
    assert article.body.lstrip("\n").startswith("القاهرة (رويترز) - رفع البنك")
    assert_story_kept(article, WIRE.split("\n", 1)[1])
    assert "(تغطية صحفية محمد عبد الله - تحرير سامح الخطيب)" in article.body


ENGLISH = """\
Home > World > Africa
Morocco and the UAE agree to deepen security cooperation
By Jane Doe
Published March 5, 2024
RABAT, Morocco — Morocco's intelligence chief received a delegation from the United Arab Emirates on Tuesday. The two sides discussed counter-terrorism and border security.
Related: Morocco signs new trade deal with Spain
"This is a partnership built on trust," a spokesman said.
Share this article
Facebook Twitter Email Print
Leave a Reply
Your email address will not be published. Required fields are marked *
Comment *
Name *
Email *
Website
Save my name, email, and website in this browser for the next time I comment.
Post Comment
"""


def test_english_article() -> None:
    article, _ = imported(ENGLISH)
    meta = article.meta
    assert meta["title"] == "Morocco and the UAE agree to deepen security cooperation"
    assert meta["author"] == "Jane Doe" and meta["date"] == "2024-03-05"
    assert meta["location"] == "RABAT, Morocco" and meta["lang"] == "en"
    assert meta["source"] == "World » Africa"
    assert_story_kept(article, ENGLISH.split("2024\n", 1)[1].split("Related:", 1)[0])
    assert '"This is a partnership built on trust," a spokesman said.' in article.body
    assert_dropped(
        article, "Related:", "Leave a Reply", "Required fields", "Post Comment", "Website", "Share"
    )


FRENCH = """\
Le Maroc et les Émirats renforcent leur coopération
RABAT – Le directeur général de la sûreté nationale a reçu mardi une délégation émiratie. Les deux parties ont évoqué la lutte contre le terrorisme.
Lire aussi : Le Maroc signe un accord avec l'Espagne
La rencontre s'inscrit dans le cadre d'un partenariat stratégique.
Laisser un commentaire
Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *
"""


def test_french_article() -> None:
    article, _ = imported(FRENCH)
    assert article.meta["location"] == "RABAT" and article.meta["lang"] == "fr"
    assert article.meta["title"] == "Le Maroc et les Émirats renforcent leur coopération"
    assert_story_kept(
        article,
        FRENCH.split("\n", 1)[1]
        .split("Laisser", 1)[0]
        .replace("Lire aussi : Le Maroc signe un accord avec l'Espagne\n", ""),
    )
    assert_dropped(article, "Lire aussi", "Laisser un commentaire", "champs obligatoires")


NO_HEADLINE = """\
أعلنت وزارة الصحة اليوم عن تسجيل انخفاض في عدد الإصابات بالإنفلونزا الموسمية. وأوضحت الوزارة أن حملة التلقيح شملت أكثر من مليون شخص.

ودعت الوزارة المواطنين إلى مواصلة الالتزام بالتدابير الوقائية.
"""


def test_text_without_headline_takes_its_first_sentence_and_says_so() -> None:
    article, found = imported(NO_HEADLINE)
    assert (
        article.meta["title"]
        == "أعلنت وزارة الصحة اليوم عن تسجيل انخفاض في عدد الإصابات بالإنفلونزا الموسمية."
    )
    assert len(found.notes) == 1 and "first sentence" in found.notes[0]
    assert_story_kept(article, NO_HEADLINE)  # the first sentence stays in the body too


HASHTAGS = """\
#عاجل زلزال بقوة 5 درجات يضرب إقليم الحوز

#المغرب #الحوز #زلازل

ضرب زلزال بقوة 5 درجات على سلم ريختر إقليم #الحوز مساء الأحد. ولم يتم تسجيل أي خسائر بشرية.

وقال المعهد الوطني للجيوفيزياء إن مركز الزلزال كان على عمق 10 كيلومترات.
"""


def test_hashtags_become_tags() -> None:
    article, _ = imported(HASHTAGS)
    assert article.meta["title"] == "عاجل زلزال بقوة 5 درجات يضرب إقليم الحوز"
    assert article.meta["tags"] == ["عاجل", "المغرب", "الحوز", "زلازل"]
    assert "#المغرب #الحوز #زلازل" not in article.body
    assert "إقليم #الحوز مساء" in article.body  # a hashtag inside the story stays where it is
    assert_story_kept(article, HASHTAGS.split("#زلازل\n", 1)[1])


BREADCRUMB = """\
الرئيسية » أخبار » اقتصاد
آخر تحديث: 12 مارس/آذار 2024 - 10:30
ارتفاع صادرات الفوسفات بنسبة 15 في المئة
الدار البيضاء – سجلت صادرات الفوسفات ومشتقاته ارتفاعا بنسبة 15 في المئة خلال الربع الأول. وعزا المكتب هذا الارتفاع إلى الطلب المتزايد.
- ويتوقع الخبراء استمرار هذا المنحى.
1. أولا: تحسن الأسعار.
"""


def test_breadcrumb_and_last_updated() -> None:
    article, _ = imported(BREADCRUMB)
    meta = article.meta
    assert meta["source"] == "أخبار » اقتصاد" and meta["date"] == "2024-03-12"
    assert meta["title"] == "ارتفاع صادرات الفوسفات بنسبة 15 في المئة"
    assert meta["location"] == "الدار البيضاء"
    assert_dropped(article, "الرئيسية", "آخر تحديث")
    # lines that would be Markdown syntax are escaped: a reader sees them as written
    assert "\\- ويتوقع" in article.body and "1\\. أولا" in article.body
    assert "- ويتوقع الخبراء استمرار هذا المنحى." in export_text(article)


HARD_WRAPPED = """\
Storm closes ports along the coast

LISBON (Reuters) - Portugal closed several ports on Monday as a powerful
storm brought winds of up to 120 km/h to the coast, the maritime authority
said, adding that fishing boats had been ordered to stay in harbour until
the weather improved.
"""


def test_hard_wrapped_wire_lines_are_joined() -> None:
    article, _ = imported(HARD_WRAPPED)
    assert article.meta["location"] == "LISBON"
    assert "on Monday as a powerful storm brought winds" in article.body
    assert article.body.count("\n\n") == 0


# --- the rules one by one --------------------------------------------------------------------------------


def test_rules_are_listed_in_order() -> None:
    names = [name for name, _ in webtext.RULES]
    assert names.index("site name") < names.index("headline") < names.index("dateline")
    assert names[0] == "comment form"


def test_split_lines_keeps_every_non_blank_line() -> None:
    lines = split_lines("\ufeffأ\r\nب\r\u200f\n  \n\u00a0\nج\u2029د")
    assert [line.text for line in lines] == ["أ", "ب", "ج", "د"]


@pytest.mark.parametrize(
    "line",
    ["# ليس عنوانا", "- ليست قائمة", "1. ليس ترقيما", "> ليس اقتباسا", "نص *ليس* مائلا", "a_b_ c", "<b>x</b> &amp;",
     "[ليس](رابطا)", "---", "| a | b |", "\\*", "`code`", "#وسم يبقى وسما"],
)  # fmt: skip
def test_escape_line_renders_as_written(line: str) -> None:
    rendered = render_body(escape_line(line), isolate_numbers=False)
    text = re.sub(r"<[^>]+>", "", rendered.html).strip()
    import html

    assert html.unescape(text) == line


def test_comment_form_keeps_a_long_paragraph_after_it() -> None:
    text = "عنوان الخبر\n\nفقرة أولى من الخبر.\n\nاترك رد\n\nالاسم *\n\n" + "جملة طويلة " * 20 + "."
    article, _ = imported(text)
    assert "جملة طويلة" in article.body and "الاسم" not in article.body


def test_a_headline_printed_twice_is_kept_once() -> None:
    text = (
        "وزير الخارجية يزور عمّان لبحث الأوضاع\nوزير الخارجية يزور عمّان لبحث الأوضاع\nوصل الوزير صباح اليوم."
    )
    article, _ = imported(text)
    assert article.meta["title"] == "وزير الخارجية يزور عمّان لبحث الأوضاع"
    assert "لبحث الأوضاع" not in article.body


def test_a_single_line_is_the_body_not_a_headline() -> None:
    article, found = imported("خبر قصير من سطر واحد")
    assert article.meta["title"] == "خبر قصير من سطر واحد" and "خبر قصير" in article.body
    assert found.notes


@pytest.mark.parametrize(
    "line",
    ["[" * 200_000, "<a " * 70_000, "#" * 200_000, "الرباط، " * 30_000 + "–", "." * 200_000, "ـ" * 200_000],
)
def test_hostile_lines_take_linear_time(line: str) -> None:
    import time

    start = time.perf_counter()
    article, _ = web_text_to_article("عنوان\n\n" + line + "\n")
    assert time.perf_counter() - start < 3
    assert len(article.body) >= len(line)
