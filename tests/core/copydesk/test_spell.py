"""The offline Arabic spell check: clitic-aware acceptance, misspellings flagged, suggestions ranked,
the user dictionary, and never any network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from editor.core.copydesk.desk import check_text
from editor.core.copydesk.spell import SpellChecker, add_user_word, checker_for, read_user_words

pytestmark = pytest.mark.skipif(not SpellChecker.available(), reason="dictionary not installed")


@pytest.fixture(scope="module")
def checker() -> SpellChecker:
    return SpellChecker()


CORRECT = [
    "وبالأمن",
    "فسيكتبونها",
    "للمغرب",
    "المغرب",
    "والاستخباراتي",
    "بالرباط",
    "ومدرستهم",
    "كتبتها",
    "الإمارات",
    "أيضا",
    "استقبل",
    "الثلاثاء",
    "وفقًا",
    "تقارباً",
    "مسؤول",
    "وسيعلنونه",
    "فبكتابهم",
    "لمواجهة",
    "وللحكومة",
    "الأمني",
]
MISSPELLED = {
    "ايضا": "أيضا",
    "الامني": "الأمني",
    "الامارات": "الإمارات",
    "إستقبل": "استقبل",
    "الى": "إلى",
    "تعزبز": "تعزيز",
    "المستى": "المستوى",
    "الحكومه": "الحكومة",
}


@pytest.mark.parametrize("word", CORRECT)
def test_inflected_correct_words_are_known(checker: SpellChecker, word: str) -> None:
    assert checker.known(word)


@pytest.mark.parametrize(("wrong", "right"), list(MISSPELLED.items()))
def test_misspellings_are_flagged_with_the_right_suggestion_first(
    checker: SpellChecker, wrong: str, right: str
) -> None:
    assert not checker.known(wrong)
    assert checker.suggest(wrong)[0] == right


def test_latin_words_numbers_and_single_letters_are_not_judged(checker: SpellChecker) -> None:
    assert checker.known("Microsoft") and checker.known("2024") and checker.known("و")


def test_hamza_slips_are_suggestions_and_other_unknowns_spelling(checker: SpellChecker) -> None:
    text = "# عنوان\n\nقال ايضا إن حموشي وصل `الامني` [الامني](https://x.org/الامني) #وسم"
    findings = check_text(text, rules={"hamza", "spelling"}, checker=checker)
    assert [(f.rule, f.severity, text[f.offset : f.end]) for f in findings] == [
        ("hamza", "suggestion", "ايضا"),
        ("spelling", "warning", "حموشي"),
    ]
    assert not any(f.auto for f in findings)


def test_suggestion_share_on_misspellings(checker: SpellChecker) -> None:
    from benchmarks.spell_suggestions import misspellings

    pairs = misspellings(checker, 40)
    right = sum(bool(s) and s[0] == good for wrong, good in pairs for s in [checker.suggest(wrong)])
    assert right / len(pairs) >= 0.6


def test_user_dictionary(tmp_path: Path) -> None:
    library = tmp_path
    checker = checker_for(library)
    assert not checker.known("حموشي")
    add_user_word(library, "حموشي")
    add_user_word(library, "الظاهريي")
    assert read_user_words(library) == {"حموشي", "الظاهريي"}
    assert (library / ".midad" / "dictionary.txt").read_text(encoding="utf-8") == "الظاهريي\nحموشي\n"
    checker = checker_for(library)
    assert checker.known("حموشي") and checker.known("وحموشي")
    assert not checker_for(None).known("حموشي")


def test_never_touches_the_network(checker: SpellChecker, monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert checker.suggest("الامارات")[0] == "الإمارات"
    assert not checker.known("قثصضصث")


def test_a_huge_unknown_word_gets_no_suggestions_at_once(checker: SpellChecker) -> None:
    # its one-letter edits are quadratic in its length: an 11,000-letter run took 20 GB before this limit
    assert checker.suggest("بتث" * 4000) == []
