"""Each rule family: at least five texts it must flag (and the fix it offers) and five it must leave
alone, including the traps (decimal commas, URLs, code, Markdown line breaks, هـ, quotes inside
quotes, English paragraphs)."""

from __future__ import annotations

import pytest

from editor.core.copydesk.desk import check_text, fix_text
from editor.core.copydesk.findings import apply_fixes
from editor.core.copydesk.style import HouseStyle

LRM = "\u200e"
NBSP = "\u00a0"


def found(text: str, rules: set[str], style: HouseStyle | None = None):
    return check_text(text, style, rules)


def fixed(text: str, rules: set[str], style: HouseStyle | None = None) -> str:
    findings = [f for f in found(text, rules, style) if f.fixes]
    return apply_fixes(text, findings)[0]


# (text, rules, text after the first fix of each finding)
POSITIVE = [
    # 1 quotes
    ("استقبل “عبد اللطيف حموشي” أمس", {"quotes"}, "استقبل «عبد اللطيف حموشي» أمس"),
    ("تأكيد ”الإمارات” اليوم", {"quotes"}, "تأكيد «الإمارات» اليوم"),
    ("رئيس جهاز ل”دولة الإمارات”، أمس", {"quotes"}, "رئيس جهاز ل«دولة الإمارات»، أمس"),
    ('قال "نعم" ثم خرج', {"quotes"}, "قال «نعم» ثم خرج"),
    ("قال «إن «السلام» ممكن» أمس", {"quotes"}, "قال «إن “السلام” ممكن» أمس"),
    ("قال «نعم ثم خرج", {"quotes"}, "قال «نعم ثم خرج"),
    # 2 punctuation spacing
    ("وتجسد هذه المباحثات،حسب ذات المصدر", {"punct-space"}, "وتجسد هذه المباحثات، حسب ذات المصدر"),
    ("الرباط ، المغرب", {"punct-space"}, "الرباط، المغرب"),
    ("هل انتهت المباحثات ؟", {"punct-space"}, "هل انتهت المباحثات؟"),
    ("انتهت المباحثات؛وصدر بيان", {"punct-space"}, "انتهت المباحثات؛ وصدر بيان"),
    ("انتهى الاجتماع.وغادر الوفد", {"punct-space"}, "انتهى الاجتماع. وغادر الوفد"),
    ("قال الوزير :إن الوفد", {"punct-space"}, "قال الوزير:إن الوفد"),
    # 3 Latin punctuation
    ("الرباط, المغرب", {"latin-punct"}, "الرباط، المغرب"),
    ("انتهت المباحثات?", {"latin-punct"}, "انتهت المباحثات؟"),
    ("انتهت; وصدر بيان", {"latin-punct"}, "انتهت؛ وصدر بيان"),
    ("الرباط,المغرب", {"latin-punct"}, "الرباط، المغرب"),
    ("الرباط , المغرب", {"latin-punct"}, "الرباط، المغرب"),
    # 4 spaces
    ("استقبل  عبد اللطيف", {"spaces"}, "استقبل عبد اللطيف"),
    ("استقبل \t عبد", {"spaces"}, "استقبل عبد"),
    (f"الأمن{NBSP}الوطني", {"odd-spaces"}, "الأمن الوطني"),
    (f"بؤر التوتر.{NBSP}\nسطر", {"odd-spaces"}, "بؤر التوتر.\nسطر"),
    (f"نص\n{NBSP}\nنص", {"odd-spaces"}, "نص\n\nنص"),
    ("مساحة\u2009رفيعة", {"odd-spaces"}, "مساحة رفيعة"),
    # 5 tatweel
    ("الـمـغـرب", {"tatweel"}, "المغرب"),
    ("الـمـغـرب في 1445 هـ", {"tatweel"}, "المغرب في 1445 هـ"),
    ("جمـــيل", {"tatweel"}, "جميل"),
    ("كتـاب", {"tatweel"}, "كتاب"),
    ("مـدرسة هـ", {"tatweel"}, "مدرسة هـ"),
    # 6 digits
    ("قرارات مجلس الأمن ١٣٧٣ و ٢١٧٨", {"digits"}, "قرارات مجلس الأمن 1373 و 2178"),
    ("عام ۱۴۰۰", {"digits"}, "عام 1400"),
    ("نسبة ٣٫٥ في المئة", {"digits"}, "نسبة 3,5 في المئة"),
    ("صفحة ١٢", {"digits"}, "صفحة 12"),
    ("الفقرة ٢ من المادة ٧", {"digits"}, "الفقرة 2 من المادة 7"),
    # 7 number order
    ("القانون رقم 03-73 للأمن", {"number-order"}, f"القانون رقم {LRM}03-73 للأمن"),
    ("ولد في 2024-05-12 بالرباط", {"number-order"}, f"ولد في {LRM}2024-05-12 بالرباط"),
    ("الهاتف 0612-345678", {"number-order"}, f"الهاتف {LRM}0612-345678"),
    ("بين 2015-2020 تضاعف", {"number-order"}, f"بين {LRM}2015-2020 تضاعف"),
    ("رقم ٠٣-٧٣", {"number-order"}, f"رقم ٠٣{LRM}-{LRM}٧٣"),
    # 8 invisible
    ("نص\u202eمخفي", {"invisible"}, "نصمخفي"),
    ("رقم \u200f03", {"invisible"}, "رقم 03"),
    ("كلمة\u200bكلمة", {"invisible"}, "كلمةكلمة"),
    ("نص\ufeffنص", {"invisible"}, "نصنص"),
    ("نص \u2066عربي\u2069", {"invisible"}, "نص عربي"),
    (f"Apple {LRM}03-73", {"invisible"}, "Apple 03-73"),
    # 9 brackets, dateline dash
    (")مدير( الأمن", {"brackets"}, "(مدير) الأمن"),
    ("قال ]مصدر[ أمس", {"brackets"}, "قال [مصدر] أمس"),
    ("الرباط، المغرب - استقبل الوزير", {"dateline-dash"}, "الرباط، المغرب – استقبل الوزير"),
    ("الرباط، المغرب—استقبل الوزير", {"dateline-dash"}, "الرباط، المغرب – استقبل الوزير"),
    ("# عنوان\n\nالرباط -استقبل الوزير", {"dateline-dash"}, "# عنوان\n\nالرباط – استقبل الوزير"),
    # 10 letters
    ("المملکة المغربية", {"persian-letters"}, "المملكة المغربية"),
    ("المغربیة", {"persian-letters"}, "المغربية"),
    ("علی", {"persian-letters"}, "علي"),
    ("\ufe8d\ufedf\ufeae\ufe91\ufe8e\ufec1", {"presentation-forms"}, "الرباط"),
    ("\ufefb بد", {"presentation-forms"}, "لا بد"),
    # 11 structure
    ("# عنوان\n\nذهب في في الصباح", {"repeated-word"}, "# عنوان\n\nذهب في الصباح"),
    ("# عنوان\n\nاترك رد", {"boilerplate"}, "# عنوان\n\n"),
    ("# عنوان\n\nلن يتم نشر عنوان بريدك الإلكتروني.", {"boilerplate"}, "# عنوان\n\n"),
    ("# عنوان\n\nLeave a Reply", {"boilerplate"}, "# عنوان\n\n"),
    ("# عنوان\n\nThe the cat", {"repeated-word"}, "# عنوان\n\nThe cat"),
]


@pytest.mark.parametrize(("text", "rules", "after"), POSITIVE)
def test_rule_flags_and_fixes(text: str, rules: set[str], after: str) -> None:
    findings = found(text, rules)
    assert findings, f"nothing found in {text!r}"
    assert fixed(text, rules) == after


NEGATIVE = [
    # 1 quotes: house style already, English paragraph, code, a paragraph without quotes, nested right
    ("قال «نعم» ثم خرج", {"quotes"}),
    ('The minister said "yes" and left.', {"quotes"}),
    ('قال `"x"` في الشيفرة', {"quotes"}),
    ("قال «إن “السلام” ممكن» أمس", {"quotes"}),
    ("```\nقال “نعم”\n```", {"quotes"}),
    ("بدون علامات تنصيص", {"quotes"}),
    # 2 punctuation: URLs, numbers, times, ellipsis, already right, Latin
    ("زوروا https://example.com/a.b:c", {"punct-space"}),
    ("الساعة 10:30 صباحا", {"punct-space"}),
    ("نسبة 1.5 في المئة", {"punct-space"}),
    ("الرباط، المغرب؛ وهل؟ نعم.", {"punct-space"}),
    ("انتظر ... ثم", {"punct-space"}),
    ("Dr.Smith said: yes", {"punct-space"}),
    ("`الرباط،المغرب`", {"punct-space"}),
    # 3 Latin punctuation: decimal commas, English text, URLs, code, numbers
    ("نسبة 1,5 في المئة", {"latin-punct"}),
    ("Hello, world; how are you?", {"latin-punct"}),
    ("الرابط https://x.org/?a=1,2;b", {"latin-punct"}),
    ("الشيفرة `a, b` هنا", {"latin-punct"}),
    ("مبلغ 1,250,000 درهم", {"latin-punct"}),
    ("قالت BBC, CNN", {"latin-punct"}),
    # 4 spaces: Markdown two-space break, indentation, tables, code, single spaces
    ("سطر أول  \nسطر ثان", {"spaces"}),
    ("- بند\n    تكملة البند", {"spaces"}),
    ("| أ  | ب |\n|---|---|\n| ج  | د |", {"spaces"}),
    ("نص `a  b` نص", {"spaces"}),
    ("نص عادي بمسافات مفردة", {"spaces", "odd-spaces"}),
    ("    شيفرة  مزاحة", {"spaces"}),
    # 5 tatweel: هـ, الـ before numbers and Latin, none, code
    ("في 1445 هـ", {"tatweel"}),
    ("سنة 1445هـ.", {"tatweel"}),
    ("الـ50 الأوائل", {"tatweel"}),
    ("الـBBC", {"tatweel"}),
    ("`الـمـغـرب`", {"tatweel"}),
    ("المغرب", {"tatweel"}),
    # 6 digits (Western house style): Western digits, code, URLs, English
    ("قرارات مجلس الأمن 1373 و 2178", {"digits"}),
    ("`١٢٣`", {"digits"}),
    ("https://x.org/١٢", {"digits"}),
    ("iPhone 15 Pro", {"digits"}),
    ("نسبة 1,5", {"digits"}),
    # 7 number order: kept by a mark, joined by / . : ,, after Latin, LTR paragraph, code, start of line
    (f"القانون رقم {LRM}03-73", {"number-order"}),
    ("بتاريخ 2024/05/12 والساعة 10:30", {"number-order"}),
    ("Windows 10-11 support", {"number-order"}),
    ("`03-73` في الشيفرة", {"number-order"}),
    ("2015-2020", {"number-order"}),
    ("مبلغ 1,250.50", {"number-order"}),
    # 8 invisible: Midad's own marks (Western and Arabic-Indic), plain text, BOM at the start
    (f"القانون رقم {LRM}03-73", {"invisible"}),
    (f"رقم ٠٣{LRM}-{LRM}٧٣", {"invisible"}),
    ("نص عادي", {"invisible"}),
    ("\ufeffنص في أول الملف", {"invisible"}),
    (f"ولد في {LRM}2024-05-12", {"invisible"}),
    # 9 brackets and dateline dash: right brackets, links, right dateline, no dateline, a range
    ("(مدير) الأمن", {"brackets"}),
    ("[رابط](https://x.org/(a))", {"brackets"}),
    ("قال (مصدر) ثم (آخر)", {"brackets"}),
    ("الرباط، المغرب – استقبل الوزير", {"dateline-dash"}),
    ("استقبل الوزير أمس وفدا", {"dateline-dash"}),
    ("1 - 2 بند", {"dateline-dash"}),
    # 10 letters: Arabic letters, a Persian passage, ﷺ, code
    ("المملكة المغربية", {"persian-letters", "presentation-forms"}),
    ("گفت که این کتاب را خواندی", {"persian-letters"}),
    ("محمد ﷺ", {"presentation-forms"}),
    ("`المملکة`", {"persian-letters"}),
    ("Peace be upon him", {"presentation-forms", "persian-letters"}),
    # 11 structure: meant repeats, numbers, boilerplate words inside a sentence, titled and tagged
    ("# عنوان\n\nرويدا رويدا", {"repeated-word"}),
    ("# عنوان\n\nفي 12 12 حالة", {"repeated-word"}),
    (
        "# عنوان\n\nقال إنه لن يترك رد الوزارة دون تعليق طويل جدا على هذه المسألة المعقدة كلها هنا وهناك.",
        {"boilerplate"},
    ),
    ("---\ntitle: عنوان\ntags: [أمن]\n---\nنص", {"title", "tags"}),
    ("# عنوان\n\nنص #وسم", {"title", "tags"}),
    ("# عنوان\n\n`في في`", {"repeated-word"}),
]


@pytest.mark.parametrize(("text", "rules"), NEGATIVE)
def test_rule_leaves_alone(text: str, rules: set[str]) -> None:
    assert found(text, rules) == []


def test_quotes_inside_quotes_take_the_inner_marks() -> None:
    text = "قال «إن «السلام» ممكن» أمس"
    findings = found(text, {"quotes"})
    assert [f.fixes[0] for f in findings] == ["“", "”"]


def test_unbalanced_quotes_are_flagged_never_auto_fixed() -> None:
    findings = found("قال “نعم ثم خرج", {"quotes"})
    assert findings and not any(f.auto for f in findings)
    assert "Unbalanced" in str(findings[0].message)


def test_quote_style_selectable() -> None:
    style = HouseStyle(quotes="“”")
    assert fixed("قال «نعم» ثم", {"quotes"}, style) == "قال “نعم” ثم"
    assert found("قال “نعم” ثم", {"quotes"}, style) == []


def test_digit_styles() -> None:
    indic = HouseStyle(digits="arabic-indic")
    assert fixed("الفقرة 2 من المادة 7", {"digits"}, indic) == "الفقرة ٢ من المادة ٧"
    assert fixed("عام ۱۴۰۰", {"digits"}, indic) == "عام ١٤٠٠"
    assert found("1. بند أول", {"digits"}, indic) == []
    mixed = found("عام 2020 و ٢٠٢١ و 2022", {"digits"}, HouseStyle(digits="any"))
    assert [f.fixes for f in mixed] == [("2021",)]
    assert found("عام ٢٠٢٠ و ٢٠٢١", {"digits"}, HouseStyle(digits="any")) == []


def test_override_is_an_error() -> None:
    (finding,) = found("x = 1 \u202e// hidden", {"invisible"})
    assert finding.severity == "error"


def test_joiners_are_offered_but_not_auto_removed() -> None:
    (finding,) = found("نص\u200cنص", {"invisible"})
    assert finding.fixes == ("",) and not finding.auto


def test_final_persian_ya_offers_both_and_is_not_automatic() -> None:
    (finding,) = found("علی", {"persian-letters"})
    assert finding.fixes == ("ي", "ى") and not finding.auto


def test_title_missing_or_empty_and_tags() -> None:
    assert [f.rule for f in found("نص بلا عنوان", {"title"})] == ["title"]
    (empty,) = found("---\ntitle: ''\n---\nنص", {"title"})
    assert empty.severity == "error"
    assert [f.rule for f in found("# عنوان\n\nنص", {"tags"})] == ["tags"]


def test_dateline_required_only_for_news() -> None:
    news = "---\ntitle: ت\ntype: news\n---\nاستقبل الوزير وفدا"
    assert [f.rule for f in found(news, {"dateline"})] == ["dateline"]
    assert found(news.replace("news", "opinion"), {"dateline"}) == []
    assert found("# ت\n\nاستقبل الوزير", {"dateline"}, HouseStyle(news=True))
    assert found("# ت\n\nالرباط – استقبل الوزير", {"dateline"}, HouseStyle(news=True)) == []


def test_front_matter_is_not_checked() -> None:
    text = "---\ntitle: الرباط,المغرب  “x”\ntags: [a]\n---\nنص"
    assert found(text, {"latin-punct", "spaces", "quotes"}) == []


def test_positions_are_one_based_and_count_the_front_matter() -> None:
    text = "---\ntitle: t\n---\nكلمة\nالرباط, المغرب"
    (finding,) = found(text, {"latin-punct"})
    assert (finding.line, finding.column, finding.length) == (5, 7, 1)


def test_fix_text_converges_and_is_idempotent() -> None:
    text = "الرباط,المغرب  و“الإمارات”، ١٢ـ"
    once, applied = fix_text(text)
    assert applied
    assert fix_text(once)[1] == []
    assert [f for f in check_text(once) if f.auto] == []


def test_crlf_file() -> None:
    text = "# عنوان\r\n\r\nالرباط, المغرب\r\n"
    assert fixed(text, {"latin-punct"}) == "# عنوان\r\n\r\nالرباط، المغرب\r\n"
