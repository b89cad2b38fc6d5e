"""Generate a realistic Arabic article library for tests and benchmarks.

Articles have YAML front matter (title, date, status, tags), body paragraphs built from the words
of the seed article (real Arabic news copy), body hashtags, and tag spellings that vary the way
writers vary them (with or without hamza, tashkeel, tatweel). Files go into year/month sub-folders;
some have no front matter. The returned manifest knows each article's canonical tags, so tests can
check counts without using the code under test.

    python benchmarks/generate_library.py OUT_DIR [COUNT] [--words N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_ARTICLE = ROOT / "tests" / "fixtures" / "seed-article.txt"

# canonical tag -> spellings a writer might use for it (the first is the usual one)
TAG_VARIANTS: dict[str, list[str]] = {
    "الأمن": ["الأمن", "الامن", "الأَمن", "الأمـن"],
    "المغرب": ["المغرب", "المَغرب"],
    "الإمارات": ["الإمارات", "الامارات"],
    "الاقتصاد": ["الاقتصاد", "الإقتصاد"],
    "الرياضة": ["الرياضة", "الرياضه"],
    "الثقافة": ["الثقافة"],
    "السياسة": ["السياسة", "السياسه"],
    "التعليم": ["التعليم"],
    "الصحة": ["الصحة", "الصّحة"],
    "فلسطين": ["فلسطين"],
    "مصر": ["مصر"],
    "الطاقة": ["الطاقة"],
    "المناخ": ["المناخ"],
    "الانتخابات": ["الانتخابات", "الإنتخابات"],
    "الذكاء_الاصطناعي": ["الذكاء_الاصطناعي", "الذكاء الاصطناعي"],
    "كرة_القدم": ["كرة_القدم", "كرة القدم"],
}
STATUSES = ("draft", "review", "ready", "published")
_FALLBACK_WORDS = (
    "استقبل المدير العام لمديرية الأمن الوطني وفدا رفيع المستوى لتعزيز التعاون بين البلدين".split()
)


@dataclass
class GeneratedArticle:
    """One generated file and the truth about it."""

    rel_path: str
    title: str
    date: str
    status: str
    fm_tags: list[str] = field(default_factory=list)  # spellings as written in the front matter
    hashtags: list[str] = field(default_factory=list)  # spellings as written in the body
    canonical_tags: set[str] = field(default_factory=set)
    has_front_matter: bool = True


def seed_words() -> list[str]:
    """Arabic words of the seed article (punctuation and hashtags removed)."""
    try:
        text = SEED_ARTICLE.read_text(encoding="utf-8")
    except OSError:
        return list(_FALLBACK_WORDS)
    words = [w for w in re.findall(r"[\u0621-\u064a\u0640\u064b-\u0652]+", text) if len(w) > 1]
    return words or list(_FALLBACK_WORDS)


def _decorate(word: str, rng: random.Random) -> str:
    """Sometimes add tashkeel or tatweel to a word, as writers do."""
    roll = rng.random()
    if roll < 0.03 and len(word) > 2:
        return word[:2] + "\u064e" + word[2:]  # fatha
    if roll < 0.05 and len(word) > 3:
        return word[:2] + "\u0640" + word[2:]  # tatweel
    return word


def _sentence(words: list[str], rng: random.Random, length: int) -> str:
    return " ".join(_decorate(rng.choice(words), rng) for _ in range(length)) + "."


def _body(words: list[str], rng: random.Random, total: int, hashtags: list[str]) -> str:
    paragraphs: list[str] = []
    remaining = total
    tag_slots = list(hashtags)
    while remaining > 0:
        size = min(remaining, rng.randint(40, 90))
        sentences = []
        left = size
        while left > 0:
            n = min(left, rng.randint(8, 20))
            sentences.append(_sentence(words, rng, n))
            left -= n
        paragraph = " ".join(sentences)
        if tag_slots and rng.random() < 0.6:
            paragraph = f"#{tag_slots.pop()} {paragraph}"
        paragraphs.append(paragraph)
        remaining -= size
    paragraphs.extend(f"#{tag}" for tag in tag_slots)
    return "\n\n".join(paragraphs) + "\n"


def _yaml_list(tags: list[str]) -> str:
    return "[" + ", ".join(f'"{t}"' if " " in t else t for t in tags) + "]"


def _spelling(canonical: str, rng: random.Random) -> str:
    """A spelling of a tag: the usual one most of the time, a variant otherwise."""
    variants = TAG_VARIANTS[canonical]
    if len(variants) == 1 or rng.random() < 0.7:
        return variants[0]
    return rng.choice(variants[1:])


def make_article(
    index: int, rng: random.Random, words: list[str], words_per_article: int
) -> tuple[str, GeneratedArticle]:
    """Text and truth of article number `index`."""
    year = rng.randint(2015, 2026)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    date = f"{year:04d}-{month:02d}-{day:02d}"
    status = rng.choice(STATUSES)
    title = " ".join(rng.choice(words) for _ in range(rng.randint(4, 9))) + f" {index}"
    canon = rng.sample(sorted(TAG_VARIANTS), rng.randint(1, 4))
    fm_count = rng.randint(0, len(canon))
    fm_tags = [_spelling(c, rng) for c in canon[:fm_count]]
    hashtags = [_spelling(c, rng).replace(" ", "_") for c in canon[fm_count:]]
    if fm_tags and rng.random() < 0.3:  # the same tag again as a hashtag, maybe spelt differently
        hashtags.append(_spelling(canon[0], rng).replace(" ", "_"))
    has_fm = rng.random() > 0.05
    if not has_fm:  # no front matter: every tag goes into the body
        hashtags = [t.replace(" ", "_") for t in fm_tags] + hashtags
        fm_tags = []
    body = _body(words, rng, words_per_article, hashtags)
    if has_fm:
        text = (
            f'---\ntitle: "{title}"\ndate: {date}\nstatus: {status}\ntags: {_yaml_list(fm_tags)}\n'
            f"author: مراسل {index % 17}\n---\n\n{body}"
        )
    else:
        text = f"# {title}\n\n{body}"
    rel = f"{year:04d}/{month:02d}/article-{index:05d}.md"
    truth = GeneratedArticle(
        rel_path=rel,
        title=title,
        date=date if has_fm else "",
        status=status if has_fm else "",
        fm_tags=fm_tags,
        hashtags=hashtags,
        canonical_tags=set(canon),
        has_front_matter=has_fm,
    )
    return text, truth


def generate_library(
    root: str | Path, count: int, words_per_article: int = 600, seed: int = 1
) -> list[GeneratedArticle]:
    """Write `count` articles under `root`; return what each one holds."""
    rng = random.Random(seed)
    words = seed_words()
    root = Path(root)
    manifest: list[GeneratedArticle] = []
    for i in range(count):
        text, truth = make_article(i, rng, words, words_per_article)
        path = root / truth.rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        manifest.append(truth)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    manifest = generate_library(args.out, args.count, args.words, args.seed)
    print(f"wrote {len(manifest)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
