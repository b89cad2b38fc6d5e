"""Python-Markdown's own test inputs through Midad's renderer: same structure and text as stock.

The inputs are the small `.txt` files of Python-Markdown 3.11.3's test suite (`tests/basic`,
`tests/misc`, `tests/extensions`; BSD licence in `tests/fixtures/python_markdown/LICENSE.md`).
Each is rendered by stock `markdown.markdown` with the extensions Midad uses (plus stock `toc`, for
`[TOC]`) and by `render_body`. The stock output goes through Midad's sanitizer too (sanitising is a
documented difference, see docs/rendering.md), then both are flattened to tags, kept attributes and
text. What Midad adds on purpose is left out of the comparison: `dir`, `id` and `rel` attributes,
LEFT-TO-RIGHT MARKs, the hashtag `<span>` around `#tag` text, in-page `href` targets.
Inputs that differ for a documented reason are listed in `DIFFERENCES`; for those the letters
and digits must still be the same.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from editor.core.markdown.render import render_body
from editor.core.markdown.sanitize import sanitize_html
from editor.core.markdown.toc import slugify

SUITE = Path(__file__).resolve().parents[2] / "fixtures" / "python_markdown"
EXTENSIONS = ["tables", "footnotes", "attr_list", "fenced_code", "sane_lists", "abbr", "toc"]
CONFIGS = {
    "tables": {"use_align_attribute": True},
    "footnotes": {"BACKLINK_TITLE": "", "SUPERSCRIPT_TEXT": "{}"},
    "toc": {"slugify": slugify},
}
HEADING_RULE = "CommonMark heading rule: `#word` without a space is a hashtag paragraph, not a heading"
DIFFERENCES = {
    "misc/arabic.txt": HEADING_RULE + " (`##أمثلة`)",
    "misc/header-in-lists.txt": HEADING_RULE + " (`#Header1`)",
    "misc/hline.txt": HEADING_RULE + " (`#Header`)",
    "misc/lists7.txt": "a closing `##` followed by a space is removed (CommonMark); Python-Markdown keeps it",
}
INPUTS = sorted(str(path.relative_to(SUITE)) for path in SUITE.rglob("*.txt"))


class _Flat(HTMLParser):
    """Tags (with the attributes Midad does not add), and text with whitespace collapsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple] = []
        self.open: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        hashtag = tag == "span" and found.get("class") == "hashtag"
        self.open.append(not hashtag)
        if hashtag:
            return
        kept = {
            name: "#" if name == "href" and (value or "").startswith("#") else value
            for name, value in found.items()
            if name not in ("dir", "id", "rel")
        }
        self.items.append(("<", tag, tuple(sorted(kept.items()))))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop():
            self.items.append((">", tag))

    def handle_data(self, data: str) -> None:
        text = " ".join(data.replace("\u200e", "").split())
        if not text:
            return
        if self.items and self.items[-1][0] == "text":
            self.items[-1] = ("text", self.items[-1][1] + " " + text)
        else:
            self.items.append(("text", text))


def _flat(html: str) -> list[tuple]:
    parser = _Flat()
    parser.feed(html)
    parser.close()
    return parser.items


def _letters(html: str) -> Counter[str]:
    text = " ".join(item[1] for item in _flat(html) if item[0] == "text")
    return Counter(ch for ch in text if ch.isalnum())


def test_the_vendored_suite_is_there() -> None:
    assert len(INPUTS) > 80 and "basic/links-inline.txt" in INPUTS
    assert set(DIFFERENCES) <= set(INPUTS)


@pytest.mark.parametrize("name", INPUTS)
def test_structure_and_text_match_stock_python_markdown(name: str) -> None:
    source = (SUITE / name).read_text(encoding="utf-8")
    stock = sanitize_html(
        markdown.markdown(source, extensions=EXTENSIONS, extension_configs=CONFIGS, output_format="html")
    )
    midad = render_body(source, article_dir="ltr").html
    if name in DIFFERENCES:
        assert _flat(stock) != _flat(midad), f"{name} no longer differs: remove it from DIFFERENCES"
        assert _letters(stock) == _letters(midad), DIFFERENCES[name]
        return
    assert _flat(midad) == _flat(stock)


def test_every_documented_difference_is_in_the_rendering_docs() -> None:
    docs = (Path(__file__).resolve().parents[3] / "docs" / "rendering.md").read_text(encoding="utf-8")
    assert "Python-Markdown's own test suite" in docs
    phrases = ("CommonMark heading rule", "a closing `##` followed by a space is removed")
    for name, reason in DIFFERENCES.items():
        assert any(reason.startswith(phrase) and phrase in docs for phrase in phrases), name
        assert f"`{name}`" in docs
