"""Share of right-first suggestions of the copy desk's spell check on 200 misspellings.

The misspellings are made from correct words of real news copy (the seed article and a list of
frequent news words) by the slips Arabic copy actually has: a hamza dropped from its alef (half of
them), ta marbuta written ه, alef maqsura/ya swapped, hamza seats confused, and one-letter typos
(a dropped or doubled letter, swapped neighbours). Deterministic (seeded); prints the share and
the misses. Run: `python benchmarks/spell_suggestions.py [--show-misses]`.
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.core.copydesk.spell import SpellChecker  # noqa: E402

NEWS_WORDS = """
أعلن أكد أضاف أشار أوضح إعلان إطار إجراء إدارة إنتاج إصلاح أمن أمس أيضا أكثر أول أمام آخر الآن
الأمن الأمم الأمير الإمارات الإرهاب الأحزاب الأسبوع الأخيرة الإعلام الأوروبي الأمريكية الإسلامية
إسرائيل أفريقيا أوروبا آسيا أستراليا إيران أنقرة أثينا إسبانيا أمريكا أزمة أسعار أسواق أطفال أرقام
مسؤول مسؤولية رئيس رئيسة سؤال مسائل هيئة بيئة جريدة مدرسة حكومة وزارة سياسة ثقافة شركة منظمة
مستشفى مبنى معنى على إلى حتى متى موسيقى مصطفى يحيى ليلى سلمى كبرى صغرى أخرى ذكرى فوضى
انتخابات استقبل استثمار اقتصاد اجتماع اتفاق انتقال استقرار اختيار احتجاج انسحاب ارتفاع انخفاض
قرأ بدأ نشأ مبدأ ملجأ شيء بريء جزء ضوء سوء هدوء رئاسة مؤتمر مؤسسة تأكيد تأثير تأسيس مسألة
""".split()


def _slips(word: str, rng: random.Random) -> list[str]:
    out = []
    if word[0] in "أإآ":
        out += ["ا" + word[1:]] * 3
    m = re.match("^(وال|بال|فال|لل|ال|و|ف|ب)([أإآ])", word)
    if m:
        out += [word[: len(m.group(1))] + "ا" + word[m.end() :]] * 3
    if word.endswith("ة"):
        out.append(word[:-1] + "ه")
    if word.endswith("ى"):
        out.append(word[:-1] + "ي")
    for seat, other in (("ؤ", "ء"), ("ئ", "ي"), ("أ", "ا")):
        i = word.find(seat, 1)
        if i > 0:
            out.append(word[:i] + other + word[i + 1 :])
    if len(word) > 4:
        i = rng.randrange(1, len(word) - 1)
        out.append(word[:i] + word[i + 1 :])  # dropped letter
        j = rng.randrange(1, len(word) - 2)
        out.append(word[:j] + word[j + 1] + word[j] + word[j + 2 :])  # swapped neighbours
    return out


def misspellings(checker: SpellChecker, count: int = 200) -> list[tuple[str, str]]:
    seed_words = re.findall("[\u0621-\u064a]+", (ROOT / "tests/fixtures/seed-article.txt").read_text("utf-8"))
    words = list(dict.fromkeys(NEWS_WORDS + [w for w in seed_words if len(w) > 3]))
    rng = random.Random(11)
    pairs: list[tuple[str, str]] = []
    seen: set[str] = set()
    rng.shuffle(words)
    for word in words:
        if not checker.known(word):
            continue
        for wrong in _slips(word, rng):
            if wrong not in seen and wrong != word and not checker.known(wrong):
                seen.add(wrong)
                pairs.append((wrong, word))
                break
        if len(pairs) >= count:
            break
    return pairs


def main() -> None:
    checker = SpellChecker()
    start = time.perf_counter()
    checker.known("المغرب")
    load = time.perf_counter() - start
    pairs = misspellings(checker)
    first = top5 = 0
    misses = []
    timings = []
    for wrong, right in pairs:
        t = time.perf_counter()
        suggestions = checker.suggest(wrong)
        timings.append(time.perf_counter() - t)
        first += bool(suggestions) and suggestions[0] == right
        top5 += right in suggestions
        if not suggestions or suggestions[0] != right:
            misses.append((wrong, right, suggestions[:3]))
    n = len(pairs)
    timings.sort()
    print(f"dictionary load: {load:.2f} s; misspellings: {n}")
    print(
        f"right suggestion first: {first}/{n} = {first / n:.0%}; in the first five: {top5}/{n} = {top5 / n:.0%}"
    )
    print(f"suggest time per word: median {timings[n // 2] * 1000:.0f} ms, worst {timings[-1] * 1000:.0f} ms")
    if "--show-misses" in sys.argv:
        for wrong, right, got in misses:
            print(f"  {wrong} → {right}: {got}")


if __name__ == "__main__":
    main()
