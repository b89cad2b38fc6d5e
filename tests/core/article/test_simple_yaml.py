"""The fast reading of simple front matter equals the YAML parser's, or steps aside."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.article import safe_yaml, simple_yaml
from editor.core.article.model import TEXT_KEYS
from editor.core.article.simple_yaml import parse_simple

KEYS = TEXT_KEYS | {"tags"}

_VALUES = [
    "", "نص عربي", "الأمن: الوطني", "abc", "Beta test", "yes", "no", "on", "off", "Off", "y", "n", "true",
    "null", "Null", "~", "12", "-3", "+4", "1.5", ".5", "1e3", "0x1f", "0o17", "1_000", "12:30", "1:20:03",
    ".inf", ".nan", "2024-05-01", "2024-13-45", "2024-02-30", "2024-5-1", "2024-05-01T10:00:00",
    "2024-05-01 10:00", '"quoted"', '"with \\"escape"', '"a: b # c"', "'single'", "'it''s'", "'a'b'",
    "[]", "[ ]", "[a, b]", "[الأمن, رياضة]", "[a,b]", "[ a , b ]", "[1, 2]", "[a, ]", "[yes, x]",
    '["a", \'b\']', '["a, b"]', "[a, [b]]", "[a", "a]", "{a: b}", "a #comment", "a#b", "#c", "&anchor x",
    "*alias", "!tag x", "|", ">", "- item", "-x", "?x", ":x", "%x", "@x", "`x`", "<<", "=", "it's",
    'say "hi"', "a, b", "x\u00a0", "\u00a0x", "a\u2028b", "a\x85b", "\ufeffa", "a\tb", "😀 emoji",
    "a - b", "a: ", "https://x.com/a#b", "C:\\path", "'", '"', "''", '""', "a  ", "  a",
]  # fmt: skip
_SIMPLE = ["", "نص عربي", "abc", '"quoted: yes"', "'single'", "[a, b]", "[]", "2024-05-01", "ready", "x y"]
_GOOD_KEYS = ["title", "date", "status", "tags", "author", "slug", "custom", "_x", "Title", "key2"]
_KEYS = ["title", "date", "status", "tags", "author", "slug", "custom", "yes", "on", "null", "1x", "_x",
         "x-y", "Title", "n", "key2", "title"]  # fmt: skip


def _reference(text: str, keys: frozenset[str]) -> object:
    """What the YAML parser gives (or the error it raises), without the fast reading."""
    try:
        return safe_yaml._parse_yaml_full(text, keys)
    except safe_yaml.FrontMatterError as exc:
        return ("error", str(exc))


def _same(fast: object, reference: object) -> bool:
    return repr(fast) == repr(reference)  # (types too: True is not 1, a date is not a string)


def _check(text: str, keys: frozenset[str] = KEYS) -> bool:
    """True when the fast reading answered (and then equalled the parser)."""
    fast = parse_simple(text, keys)
    if fast is None:
        return False
    assert _same(fast, _reference(text, keys)), repr(text)
    return True


def test_hostile_values_one_by_one() -> None:
    answered = 0
    for key in _KEYS:
        for value in _VALUES:
            for text in (f"{key}: {value}", f"title: أ\n{key}: {value}\n", f"{key}:{value}"):
                answered += _check(text)
                answered += _check(text, frozenset())
    assert answered > 300  # the simple cases are answered, not all left to the parser


def test_random_front_matter() -> None:
    rng = random.Random(13)
    answered = 0
    for _ in range(3000):
        keys = rng.sample(sorted(set(_KEYS) if rng.random() < 0.2 else _GOOD_KEYS), 4)
        keys += ["title"] if rng.random() < 0.1 else []  # sometimes twice
        values = [rng.choice(_VALUES if rng.random() < 0.3 else _SIMPLE) for _ in keys]
        lines = [f"{k}:{rng.choice(['', ' ', ' ', ' ', '  '])}{v}" for k, v in zip(keys, values, strict=True)]
        if rng.random() < 0.3:
            lines.insert(rng.randrange(6), rng.choice(["", "# comment", "  indented: x", "- item", "---"]))
        answered += _check("\n".join(lines) + rng.choice(["", "\n"]), rng.choice([KEYS, frozenset()]))
    assert answered > 200


def test_generated_library_front_matter(tmp_path) -> None:
    from benchmarks.generate_library import generate_library
    from editor.core.article import frontmatter

    generate_library(tmp_path, 80, 20, seed=3)
    answered = 0
    for path in tmp_path.rglob("*.md"):
        split = frontmatter.split_front_matter(path.read_text(encoding="utf-8"))
        if split is not None and split.kind == "yaml":
            answered += _check(split.yaml_text)
    assert answered >= 60


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_KEYS),
            st.text(st.sampled_from(list("ab: #,[]'\"-\n\t?{}!&*yn01.~")), max_size=12),
        ),
        max_size=4,
    )
)
def test_any_small_front_matter(pairs: list[tuple[str, str]]) -> None:
    _check("\n".join(f"{k}: {v}" for k, v in pairs))


def test_parse_yaml_uses_it_and_gives_the_same() -> None:
    text = 'title: "عنوان: فرعي"\ndate: 2024-05-01\nstatus: draft\ntags: [الأمن, رياضة]\ncustom: x\n'
    assert safe_yaml.parse_yaml(text, KEYS) == safe_yaml._parse_yaml_full(text, KEYS)
    typed, textual = safe_yaml.parse_yaml(text, KEYS)
    assert typed["date"].isoformat() == "2024-05-01" and textual["date"] == "2024-05-01"
    assert typed["tags"] == ["الأمن", "رياضة"] and typed["title"] == "عنوان: فرعي"


def test_cached_plain_values_give_fresh_results() -> None:
    """Plain values are cached (they recur across a library); what a parse returns is its own."""
    text = "status: draft\ntags: [a, b]\ndate: 2024-05-01\nauthor: مراسل\n"
    first = simple_yaml.parse_simple(text, frozenset())
    hits = simple_yaml._plain.cache_info().hits
    first[0]["tags"].append("x")
    first[1]["tags"].append("x")
    second = simple_yaml.parse_simple(text, frozenset())
    assert simple_yaml._plain.cache_info().hits > hits  # the second reading used the cache
    assert second == safe_yaml._parse_yaml_full(text, frozenset())  # not changed by the edit above
