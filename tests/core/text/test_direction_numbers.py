"""Number runs that the bidi algorithm shows reversed, checked against python-bidi's reordering."""

from __future__ import annotations

import pytest
from bidi import get_display

from editor.core.text.direction import LRM, isolate_number_runs, number_runs


def _shown_in_order(text: str, run: str) -> bool:
    """True if python-bidi displays `run` (inside `text`) with its characters in logical order."""
    shown = get_display(text, base_dir="R").replace(LRM, "")
    return run in shown


RISKY = [
    ("القانون رقم “03-73” للأمن", "03-73"),
    ("بتاريخ 2024-05-12 صباحا", "2024-05-12"),
    ("اتصلوا على 0612-345678 مساء", "0612-345678"),
    ("رقم ٠٣-٧٣ في الجريدة", "٠٣-٧٣"),
    ("الفترة 2019–2024 شهدت", "2019–2024"),
    ("النتيجة 3+4 صحيحة", "3+4"),
]
SAFE = [
    ("في 2024/05/12 صباحا", "2024/05/12"),
    ("الساعة 10:30 مساء", "10:30"),
    ("بلغ 1,250.50 درهما", "1,250.50"),
    ("03-73 في بداية الفقرة", "03-73"),
    ("قال Law 03-73 ينص", "03-73"),
    ("قرارات مجلس الأمن 1373 و 2178", "1373"),
]


@pytest.mark.parametrize(("text", "run"), RISKY)
def test_risky_runs_are_detected_and_really_reverse(text: str, run: str) -> None:
    start = text.index(run)
    assert number_runs(text) == [(start, start + len(run))]
    assert not _shown_in_order(text, run)  # the oracle agrees it is shown reversed


@pytest.mark.parametrize(("text", "run"), SAFE)
def test_safe_runs_are_not_reported_and_really_read_in_order(text: str, run: str) -> None:
    assert number_runs(text) == []
    assert _shown_in_order(text, run)


@pytest.mark.parametrize(("text", "run"), RISKY)
def test_isolation_makes_every_risky_run_read_in_order(text: str, run: str) -> None:
    isolated = isolate_number_runs(text)
    assert isolated.replace(LRM, "") == text  # only marks were added
    assert _shown_in_order(isolated, run)
    assert number_runs(isolated) == []


def test_western_digits_get_a_single_mark_so_the_run_stays_searchable() -> None:
    isolated = isolate_number_runs("القانون رقم 03-73 للأمن")
    assert "03-73" in isolated
    assert isolated.count(LRM) == 1


def test_isolation_is_idempotent() -> None:
    text = "رقم 03-73 و ٠٣-٧٣"
    once = isolate_number_runs(text)
    assert isolate_number_runs(once) == once


def test_several_runs_in_one_paragraph() -> None:
    text = "من 2024-05-12 إلى 2024-06-01 بالرقم 0612-345678"
    assert len(number_runs(text)) == 3
