"""The index's fast matching form equals the shared rule; clitic expansion."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from editor.core.library.index_text import (
    clitic_forms,
    drop_marks,
    fast_normalize,
    fts_text,
    index_bytes,
    index_form,
    normalize_mapped,
    others_of,
)
from editor.core.text.arabic import normalize_for_match, normalize_with_map

_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهوي أإآٱىةءؤئ٠١٢٣٤٥٦٧٨٩۰۹0123456789")
    + ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0670", "\u0640", "\u06d6"]
    + list("AbCΣσςİßÉé\n\t.،؛")
)


@given(st.text(_ALPHABET, max_size=80))
def test_fast_normalize_is_normalize_for_match(text: str) -> None:
    assert fast_normalize(text) == normalize_for_match(text)


@given(st.text(_ALPHABET, max_size=80))
def test_normalize_mapped_is_normalize_with_map(text: str) -> None:
    assert normalize_mapped(text) == normalize_with_map(text)


def test_fast_normalize_examples() -> None:
    assert fast_normalize("الأمنُ") == "الامن"
    assert fast_normalize("الأمـــن") == "الامن"
    assert fast_normalize("٢٠٢٤ مستشفى المدينة") == "2024 مستشفي المدينه"


def test_clitic_forms_cover_conjunction_preposition_article() -> None:
    forms = set(clitic_forms("امن"))
    assert {"امن", "الامن", "والامن", "بالامن", "للامن", "وللامن", "فالامن", "كالامن", "وبامن"} <= forms
    assert "لالامن" not in forms  # ل + ال is written لل
    with_article = set(clitic_forms("الامن"))
    assert {"الامن", "والامن", "للامن", "وبالامن"} <= with_article
    assert "امن" not in with_article  # a query with the article does not drop it
    assert clitic_forms("و") == ["و"]


def _spaces_collapsed(text: str) -> str:
    return re.sub(" +", " ", text)


_INDEX_ALPHABET = st.one_of(
    _ALPHABET,
    st.sampled_from(["\xa0", "\u200c", "\u0307", "«", "»", "…", "\u2028", "_", "-", "K", "ǅ", "😀", "ﷲ"]),
    st.characters(),
)


@given(st.text(_INDEX_ALPHABET, max_size=120))
def test_index_form_gives_the_tokens_of_fts_text_of_the_matching_form(text: str) -> None:
    """The fast path for the word index: same text up to runs of spaces, so FTS5 sees the same words."""
    assert _spaces_collapsed(index_form(text)) == _spaces_collapsed(fts_text(fast_normalize(text)))


def _index_forms_agree(text: str) -> None:
    """index_form, index_bytes (decoded) and index_bytes of the text without its marks (what the
    reader gives the index) all have the tokens of `fts_text(fast_normalize(text))`."""
    expected = _spaces_collapsed(fts_text(fast_normalize(text)))
    assert _spaces_collapsed(index_form(text)) == expected
    assert _spaces_collapsed(index_bytes(text).decode("utf-8", "surrogatepass")) == expected
    bare = drop_marks(text, others_of(text))
    assert bare[1] == others_of(bare[0])  # what is left is the text's own set
    assert _spaces_collapsed(index_bytes(*bare).decode("utf-8", "surrogatepass")) == expected


def test_index_form_on_every_character() -> None:
    for start in range(0, 0x110000, 4096):
        block = [chr(cp) for cp in range(start, start + 4096) if not 0xD800 <= cp < 0xE000]
        for ch in block[:: 1 if start < 0x10000 else 7]:
            _index_forms_agree(f"ab{ch}الأمن{ch}")
            _index_forms_agree(f"AB{ch}الأمنُ{ch}ـ")


@given(st.text(_INDEX_ALPHABET, max_size=120))
def test_index_bytes_and_without_marks_give_the_same_tokens(text: str) -> None:
    _index_forms_agree(text)


def test_index_bytes_examples() -> None:
    assert index_bytes("الأمنُ، «قال» ABC ـالـ") == "الامن   قال  abc ال".encode()
    assert index_bytes("İstanbul Σ").split() == index_form("İstanbul Σ").encode().split()  # str.lower path


def test_index_form_with_many_odd_characters_is_still_exact() -> None:
    text = "".join(chr(cp) for cp in range(0x2000, 0x2400)) + " الأمنُ، والسلام «قال» "  # > _MAX_ODD
    assert _spaces_collapsed(index_form(text)) == _spaces_collapsed(fts_text(fast_normalize(text)))
    assert index_form("الأمنُ، «قال»").split() == ["الامن", "قال"]
