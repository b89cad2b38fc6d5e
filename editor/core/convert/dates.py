"""Dates as news sites write them → ISO `YYYY-MM-DD` (Arabic, English and French month names).

`find_date("آخر تحديث: 12 مارس 2024 - 10:30")` → `"2024-03-12"`; None when the text holds no
whole date. Arabic-Indic digits count. Numeric dates are day first (`12/03/2024`), as in the Arab
world and in France, unless the second number cannot be a month (`03/25/2024` → 25 March).
"""

from __future__ import annotations

import datetime as dt
import re

from editor.core.text.arabic import normalize_for_match

# Month names after `normalize_for_match` (hamza forms folded, ة → ه, lower case).
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "يناير كانون الثاني january jan janvier janv",
        "فبراير فبرابر شباط february feb fevrier février fevr févr",
        "مارس اذار آذار march mar mars",
        "ابريل أبريل افريل أفريل نيسان april apr avril",
        "مايو ماي أيار ايار may mai",
        "يونيو يونيه يونيوز حزيران june jun juin",
        "يوليو يوليوز تموز july jul juillet juil",
        "اغسطس أغسطس غشت اب آب august aug aout août",
        "سبتمبر شتنبر ايلول أيلول september sep sept septembre",
        "اكتوبر أكتوبر تشرين الأول october oct octobre",
        "نوفمبر نونبر تشرين الثاني november nov novembre",
        "ديسمبر دجنبر كانون الأول december dec decembre décembre déc",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS.setdefault(normalize_for_match(_name), _number)
# two-word Levantine names first: "كانون الثاني" is January, "كانون الأول" December
_TWO_WORD = {
    normalize_for_match("كانون الثاني"): 1,
    normalize_for_match("تشرين الأول"): 10,
    normalize_for_match("تشرين الثاني"): 11,
    normalize_for_match("كانون الأول"): 12,
}
_NAME = r"[^\W\d_]+(?:\s+[^\W\d_]+)?"
_ISO_RE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC_RE = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)")
_ALSO = r"(?:\s*/\s*[^\W\d_]+)?"  # "مارس/آذار": the Levantine name after the other
_DAY_MONTH_YEAR_RE = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:er)?\s+(?:من\s+)?({_NAME}){_ALSO}[\s,]+(\d{{4}})(?!\d)"
)
_MONTH_DAY_YEAR_RE = re.compile(rf"({_NAME})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)")


def _month(name: str) -> int | None:
    words = name.split()
    if len(words) == 2:
        if (" ".join(words)) in _TWO_WORD:
            return _TWO_WORD[" ".join(words)]
        # "مارس/آذار" reads as one name; "12 مارس 2024" may have caught a weekday before the month
        return _MONTHS.get(words[0]) or _MONTHS.get(words[1])
    return _MONTHS.get(name)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first whole date written in `text`, as ISO `YYYY-MM-DD`; None when there is none."""
    plain = normalize_for_match(text)
    for match in _ISO_RE.finditer(plain):
        found = _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if found:
            return found
    for match in _NUMERIC_RE.finditer(plain):
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        day, month = (second, first) if second > 12 >= first else (first, second)
        found = _iso(year, month, day)
        if found:
            return found
    for match in _DAY_MONTH_YEAR_RE.finditer(plain):
        month = _month(match.group(2))
        found = _iso(int(match.group(3)), month, int(match.group(1))) if month else None
        if found:
            return found
    for match in _MONTH_DAY_YEAR_RE.finditer(plain):
        month = _month(match.group(1))
        found = _iso(int(match.group(3)), month, int(match.group(2))) if month else None
        if found:
            return found
    return None
