"""Find/replace matching rules: match case, whole word, regex and Arabic-insensitive."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core.text.find import Finder, FindError, FindOptions, find_all, replace_all

AI = FindOptions(arabic_insensitive=True)
EXACT = FindOptions(arabic_insensitive=False)


def spans(text, query, options=AI):
    return [text[m.start : m.end] for m in find_all(text, query, options)]


def test_tashkeel_and_tatweel_are_ignored_and_kept_in_the_span():
    text = "زار الرِّباطَ ثم الربـــاط"
    assert spans(text, "الرباط") == ["الرِّباطَ", "الربـــاط"]
    # the query itself may carry marks
    assert spans(text, "الرِّباط") == ["الرِّباطَ", "الربـــاط"]


@pytest.mark.parametrize(
    ("query", "text"),
    [("احمد", "أحمد"), ("احمد", "إحمد"), ("أحمد", "آحمد"), ("مستشفى", "مستشفي"), ("مدرسة", "مدرسه")],
)
def test_letter_variants_match(query, text):
    assert spans(text, query) == [text]


def test_exact_mode_does_not_fold():
    text = "الرِّباط أحمد"
    assert spans(text, "الرباط", EXACT) == []
    assert spans(text, "احمد", EXACT) == []
    assert spans(text, "أحمد", EXACT) == ["أحمد"]


def test_match_case():
    text = "Rabat rabat RABAT"
    assert spans(text, "rabat", AI) == ["Rabat", "rabat", "RABAT"]
    assert spans(text, "rabat", FindOptions(match_case=True)) == ["rabat"]
    assert spans(text, "Rabat", FindOptions(match_case=True, arabic_insensitive=False)) == ["Rabat"]


def test_match_case_still_folds_arabic():
    assert spans("Rabat الرِّباط", "الرباط", FindOptions(match_case=True)) == ["الرِّباط"]


def test_whole_word():
    text = "الرباط والرباطي الرباطَ"
    whole = FindOptions(whole_word=True)
    assert spans(text, "الرباط", whole) == ["الرباط", "الرباطَ"]
    assert len(spans(text, "الرباط")) == 3
    assert spans("cat concat cat.", "cat", FindOptions(whole_word=True, arabic_insensitive=False)) == [
        "cat",
        "cat",
    ]


def test_regex_with_arabic_folding():
    text = "العدد ٣ والعدد 12"
    assert spans(text, r"العدد \d+", FindOptions(regex=True)) == ["العدد ٣", "العدد 12"]
    assert spans("أحمد وإبراهيم", r"[اأإ]\w+", FindOptions(regex=True)) == ["أحمد", "إبراهيم"]


def test_regex_replace_uses_original_group_text():
    text = "قال أحمدُ: نعم"
    out, count = replace_all(text, r"قال (احمد)", r"صرّح \1", FindOptions(regex=True))
    assert count == 1
    assert out == "صرّح أحمدُ: نعم"


def test_named_groups_and_escapes_in_replacement():
    out, _ = replace_all(
        "a-b", r"(?P<x>a)-(b)", r"\2\t\g<x>", FindOptions(regex=True, arabic_insensitive=False)
    )
    assert out == "b\ta"


def test_replace_all_arabic_insensitive_leaves_no_stray_marks():
    text = "في الرِّباطِ اليوم، والرباط غدا"
    out, count = replace_all(text, "الرباط", "طنجة")
    assert count == 2
    assert out == "في طنجة اليوم، وطنجة غدا"


def test_literal_replacement_is_not_a_template():
    out, _ = replace_all("x", "x", r"\1", EXACT)
    assert out == r"\1"


def test_bad_regex_and_empty_query_raise():
    with pytest.raises(FindError, match="regular expression"):
        Finder("(", FindOptions(regex=True))
    with pytest.raises(FindError):
        Finder("")
    with pytest.raises(FindError):
        Finder("\u064e")  # only a fatha


def test_find_next_wraps_and_goes_backward():
    text = "سلام ثم سلام ثم سلام"
    finder = Finder("سلام")
    first, second, third = finder.find_all(text)
    assert finder.find_next(text, first.end) == second
    assert finder.find_next(text, third.end) == first
    assert finder.find_next(text, third.end, wrap=False) is None
    assert finder.find_next(text, second.start, backward=True) == first
    assert finder.find_next(text, 0, backward=True) == third


def test_seed_article_hashtag_search():
    from pathlib import Path

    seed = (Path(__file__).parents[2] / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    hits = find_all(seed, "الامن الوطنى")
    assert hits, "the seed mentions الأمن الوطني"
    assert all(seed[h.start : h.end].replace("أ", "ا").startswith("الامن") for h in hits)


arabic = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآةىءـ\u064e\u064f\u0650\u0651\u0652 "))
)


@given(arabic, arabic.filter(lambda s: s.strip("ـ\u064e\u064f\u0650\u0651\u0652 ")))
def test_every_hit_normalises_to_the_query(text, query):
    from editor.core.text.arabic import normalize_for_match

    try:
        finder = Finder(query)
    except FindError:
        return
    for hit in finder.find_all(text):
        assert normalize_for_match(text[hit.start : hit.end]) == normalize_for_match(query)


@given(arabic, arabic.filter(lambda s: s.strip("ـ\u064e\u064f\u0650\u0651\u0652 ")))
def test_replace_with_itself_changes_nothing(text, query):
    try:
        finder = Finder(query)
    except FindError:
        return
    out = []
    last = 0
    for hit in finder.find_all(text):
        out.append(text[last : hit.start])
        out.append(text[hit.start : hit.end])
        last = hit.end
    out.append(text[last:])
    assert "".join(out) == text


mixed = st.text(
    alphabet=st.sampled_from(list("ابتةىأإآـ\u064e\u0651\u0670٣۴ abcABCΣσİıß-")),
    max_size=40,
)


@given(mixed, mixed.filter(lambda s: s.strip("ـ\u064e\u0651\u0670 ")))
def test_fast_matching_form_agrees_with_the_core_reference(text, query):
    from editor.core.text.arabic import normalize_with_map, original_span

    try:
        finder = Finder(query)
    except FindError:
        return
    norm, index_map = normalize_with_map(text)
    expected = [
        original_span(text, index_map, m.start(), m.end())
        for m in finder._regex.finditer(norm)
        if m.end() > m.start()
    ]
    assert [(h.start, h.end) for h in finder.find_all(text)] == expected
