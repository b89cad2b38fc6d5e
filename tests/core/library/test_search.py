"""Arabic-aware library search: variants, clitics, digits, ranking, snippets."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.library.facade import Library
from editor.core.library.index_text import clitic_forms
from editor.core.library.search import highlight_pattern, make_snippet, parse_query
from editor.core.text.arabic import normalize_for_match

ARTICLES = {
    "hamza.md": "---\ntitle: تقرير أول\n---\nعزز البلدان الأمن في المنطقة.\n",
    "tashkeel.md": "---\ntitle: تقرير ثان\n---\nقال الوزير إن الأَمْنُ أولوية.\n",
    "clitic.md": "---\ntitle: تقرير ثالث\n---\nتحدث عن الاقتصاد والأمن والسياسة.\n",
    "lil.md": "---\ntitle: تقرير رابع\n---\nالمديرية العامة للأمن الوطني.\n",
    "tatweel.md": "---\ntitle: تقرير خامس\n---\nاجتماع الأمـــن القومي.\n",
    "other.md": "---\ntitle: الأمنية في الحدود\n---\nالقضايا الأمنية ليست موضوع هذه المقالة.\n",
    "digits.md": "---\ntitle: ميزانية\n---\nميزانية عام ٢٠٢٤ أكبر <b>من</b> سابقتها & أوسع.\n",
    "title.md": "---\ntitle: الأمن أولا\n---\nنص لا يذكر الكلمة.\n",
    "seed.md": None,
}


@pytest.fixture
def lib(tmp_path: Path, seed_text: str) -> Library:
    root = tmp_path / "lib"
    root.mkdir()
    for name, text in ARTICLES.items():
        (root / name).write_text(seed_text if text is None else text, encoding="utf-8")
    library = Library(root, cache_dir=tmp_path / "cache")
    library.refresh()
    return library


def _paths(hits) -> set[str]:
    return {h.rel_path for h in hits}


def test_spelling_variants_are_found(lib: Library) -> None:
    expected = {"hamza.md", "tashkeel.md", "tatweel.md", "title.md", "seed.md"}
    assert _paths(lib.search("الامن")) >= expected
    assert _paths(lib.search("الأمنُ")) == _paths(lib.search("الامن"))


def test_clitics_in_front_of_a_query_word_match(lib: Library) -> None:
    hits = _paths(lib.search("أمن"))
    assert {"hamza.md", "clitic.md", "lil.md", "tatweel.md", "title.md"} <= hits
    assert "clitic.md" in _paths(lib.search("الأمن"))  # والأمن
    assert "lil.md" in _paths(lib.search("الأمن"))  # للأمن


def test_misses(lib: Library) -> None:
    assert "other.md" not in _paths(lib.search("الأمن"))  # الأمنية is another word
    assert lib.search("كلمةغيرموجودة") == []
    assert lib.search("   ") == []
    assert lib.search('"الأمن القومي"')[0].rel_path == "tatweel.md"
    assert "hamza.md" not in _paths(lib.search('"الأمن القومي"'))


def test_arabic_indic_digits_match_western(lib: Library) -> None:
    assert _paths(lib.search("2024")) == {"digits.md"}
    assert _paths(lib.search("٢٠٢٤")) == {"digits.md"}


def test_all_words_must_match(lib: Library) -> None:
    assert _paths(lib.search("الأمن المنطقة")) == {"hamza.md"}


def test_title_matches_come_first(lib: Library) -> None:
    hits = lib.search("الأمن")
    assert hits[0].rel_path == "title.md" and hits[0].in_title
    assert not any(h.in_title for h in hits[1:])
    assert hits[0].title_spans == [(0, 5)]


def test_snippet_spans_cover_the_original_spelling(lib: Library) -> None:
    for hit in lib.search("الامن"):
        if hit.rel_path == "title.md":
            continue
        assert hit.spans, hit.rel_path
        for start, end in hit.spans:
            assert normalize_for_match(hit.snippet[start:end]) in clitic_forms("الامن")
    tashkeel = next(h for h in lib.search("الامن") if h.rel_path == "tashkeel.md")
    start, end = tashkeel.spans[0]
    assert tashkeel.snippet[start:end] == "الأَمْنُ"  # marks of the last letter included
    assert "<mark>الأَمْنُ</mark>" in tashkeel.snippet_html


def test_snippet_html_is_escaped(lib: Library) -> None:
    (hit,) = lib.search("ميزانية عام")
    assert "<b>" not in hit.snippet_html and "&lt;b&gt;" in hit.snippet_html
    assert "&amp;" in hit.snippet_html
    assert html.unescape(hit.snippet_html.replace("<mark>", "").replace("</mark>", "")) == hit.snippet


def test_prefix_search_as_you_type(lib: Library) -> None:
    assert _paths(lib.search("ميزان", prefix_last=True)) == {"digits.md"}
    assert lib.search("ميزان") == []
    assert parse_query("ميزان ", prefix_last=True).prefix_last is False


def test_snippet_of_long_text_is_a_window_around_the_match(seed_text: str) -> None:
    pattern_query = parse_query("الاستخبارات")
    snippet, spans = make_snippet(seed_text, highlight_pattern(pattern_query))
    assert len(snippet) < 300 and "\n" not in snippet
    assert spans and snippet[spans[0][0] : spans[0][1]] == "الاستخبارات"


@given(query=st.text(max_size=24))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_query_is_safe(lib: Library, query: str) -> None:
    for hit in lib.search(query) + lib.search(query, prefix_last=True):
        assert all(0 <= s < e <= len(hit.snippet) for s, e in hit.spans)
