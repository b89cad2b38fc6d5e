"""The index's fast matching form equals the shared rule; clitic expansion."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor.core.library.index_text import clitic_forms, fast_normalize, normalize_mapped
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
