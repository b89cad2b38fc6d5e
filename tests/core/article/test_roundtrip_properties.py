"""Property tests: random Arabic/Latin/mixed articles survive reading, editing and saving."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editor.core.article.frontmatter import parse_yaml
from editor.core.article.model import Article
from editor.core.article.storage import decode_bytes, encode_text

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىئؤ" + "ًٌٍَُِّْـ" + "٠١٢٣٤٥٦٧٨٩،؛؟«»"
LATIN = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789"
SPECIAL = " \t\u00a0\u200f\u200e\u200c\u200d\u2028\ufeff-:#'\"[]{},&*!|>%@`"
text_chars = st.sampled_from(ARABIC + LATIN + SPECIAL)
lines = st.text(text_chars, max_size=40)
newlines = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def bodies(draw) -> str:
    parts = draw(st.lists(st.tuples(lines, newlines), max_size=8))
    tail = draw(lines)
    return "".join(a + b for a, b in parts) + tail


values = st.text(text_chars, min_size=0, max_size=30)
keys = st.sampled_from(["title", "author", "location", "summary", "subtitle", "category", "custom", "slug"])


@st.composite
def articles(draw) -> str:
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    fields = draw(st.dictionaries(keys, values, max_size=5))
    text = "---" + newline + "---" + newline + draw(bodies())
    article = Article.from_text(text)
    for key, value in fields.items():
        article = article.with_field(key, value)
    tags = draw(
        st.lists(st.text(text_chars, min_size=1, max_size=12).filter(lambda t: t.strip()), max_size=4)
    )
    if tags:
        article = article.with_tags(tags)
    return article.text


FAST = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(bodies(), st.sampled_from(["utf-8", "utf-16-le", "utf-16-be"]), st.booleans())
def test_any_body_round_trips_bytes(body, encoding, bom):
    if encoding != "utf-8":
        bom = True
    if not bom and body.startswith("\ufeff"):
        body = "x" + body
    data = encode_text(body, encoding, bom)
    decoded = decode_bytes(data)
    article = Article.from_text(decoded.text)
    assert encode_text(article.text, decoded.encoding, decoded.bom) == data


@FAST
@given(articles(), keys, values)
# A no-break space before `#` is not YAML whitespace: `0\xa0#` is the value, not a value and a comment.
@example(text='---\ntitle: ""\nsubtitle: 0\xa0#\n---\n', key="subtitle", value="A")
def test_setting_a_field_keeps_body_and_other_fields(text, key, value):
    article = Article.from_text(text)
    edited = article.with_field(key, value)
    assert edited.body == article.body
    typed, textual = parse_yaml(edited.front_matter)
    assert textual[key] == value
    for other, old_value in parse_yaml(article.front_matter)[1].items():
        if other != key:
            assert textual[other] == old_value
    assert edited.problems == ()


@FAST
@given(articles(), bodies())
def test_body_edit_keeps_front_matter_text(text, body):
    article = Article.from_text(text)
    edited = article.with_body(body)
    assert edited.text == article.split.block + body  # the bytes: front matter text kept as it was
    if article.split.block.endswith("\r") and body.startswith("\n"):
        return  # a CR line end followed by LF reads back as one CRLF: same bytes, split one char later
    assert edited.split.block == article.split.block
    assert edited.body == body


@FAST
@given(
    articles(), st.lists(st.text(text_chars, min_size=1, max_size=12).filter(lambda t: t.strip()), max_size=5)
)
def test_tags_survive_any_spelling(text, tags):
    edited = Article.from_text(text).with_tags(tags)
    assert edited.tags == [t.strip() for t in tags]


yaml_chars = st.sampled_from("abt: -[]{},'\"#&*!|>?%@`\n\t0123456789.ءاب")


@settings(max_examples=2000, deadline=None)
@given(st.text(yaml_chars, max_size=60), values)
def test_hostile_front_matter_never_crashes_or_loses_the_body(yaml_text, value):
    text = f"---\n{yaml_text}\n---\nالنص يبقى كما هو\n"
    article = Article.from_text(text)
    assert article.text == text
    try:
        edited = article.with_field("title", value)
    except ValueError:
        return  # refused: the article (and the file) stay as they were
    assert edited.body == article.body
    assert edited.front_matter_ok, (yaml_text, edited.problems)
    assert parse_yaml(edited.front_matter)[1]["title"] == value
