"""A fast reading of simple front matter, giving exactly what the YAML parser gives, or nothing.

Indexing a library parses every article's front matter; most are a few `key: value` lines. This
module reads those directly: one `key: value` per line, the value empty, plain text, a quoted
string without escapes, or a one-line list `[a, b]` of such items. Anything else (comments,
indentation, block lists, multi-line values, escapes, anchors, tabs, unusual characters, duplicate
keys, values YAML would read as numbers, booleans or null) returns None, and `safe_yaml` parses the
text with the YAML parser as before. Plain values are typed with PyYAML's own resolver, so `yes`,
`12` or `2024-13-45` are never guessed here. A test compares both readings on generated and
hostile front matter.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

# every character allowed in the text: printable, no tab, no line break other than \n (YAML 1.1
# also breaks lines at NEL, LS and PS), no byte-order mark
_UNUSUAL_RE = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_LINE_RE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?:[ ]+(.*?))?[ ]*")
# characters that start something other than plain text, or end it, or make it more than text
_PLAIN_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@`<= ")
_FLOW_BAD = frozenset(",[]{}:#")
_BLOCK_BAD = frozenset("[]{}:#")
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FAIL = object()


@lru_cache(maxsize=1)
def _resolver():  # noqa: ANN202 - a yaml Resolver (imported when first needed)
    import yaml

    return yaml.resolver.Resolver(), yaml.ScalarNode


@lru_cache(maxsize=4096)  # keys and many values recur across a library (`status: draft`, authors)
def _plain(value: str, bad: frozenset[str]) -> tuple[str, object] | object:
    """`(text, typed)` of a plain scalar, or _FAIL when it is not simple text or a date.

    Its answers are cached: they depend on the value only, and are immutable (str, date, tuple)."""
    if not value or value[0] in _PLAIN_FIRST or value[-1] == " " or not bad.isdisjoint(value):
        return _FAIL
    resolver, node = _resolver()
    tag = resolver.resolve(node, value, (True, False))
    if tag == _STR:
        return value, value
    if tag == _TIMESTAMP and _DATE_RE.fullmatch(value):
        try:
            return value, dt.date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:
            return _FAIL
    return _FAIL


def _quoted(value: str) -> str | None:
    """The text of a one-line quoted string without escapes, or None."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        if value[0] not in inner and "\\" not in inner:
            return inner
    return None


def _item(value: str) -> tuple[str, object] | object:
    quoted = _quoted(value)
    if quoted is not None:
        return quoted, quoted
    return _plain(value, _FLOW_BAD)


def _value(value: str | None) -> tuple[object, object] | object:
    """`(textual, typed)` of one value, or _FAIL."""
    if not value:
        return "", None
    quoted = _quoted(value)
    if quoted is not None:
        return quoted, quoted
    if value[0] == "[":
        if value[-1] != "]":
            return _FAIL
        inner = value[1:-1].strip(" ")
        if not inner:
            return [], []
        textual, typed = [], []
        for raw in inner.split(","):
            item = _item(raw.strip(" "))
            if item is _FAIL:
                return _FAIL
            textual.append(item[0])  # type: ignore[index]
            typed.append(item[1])  # type: ignore[index]
        return textual, typed
    return _plain(value, _BLOCK_BAD)


def parse_simple(yaml_text: str, text_keys: frozenset[str] = frozenset()) -> tuple[dict, dict] | None:
    """`safe_yaml.parse_yaml(yaml_text, text_keys)` for simple front matter, else None."""
    if _UNUSUAL_RE.search(yaml_text):
        return None
    textual: dict = {}
    typed: dict = {}
    for line in yaml_text.split("\n"):
        if not line:
            continue
        match = _LINE_RE.fullmatch(line)
        if match is None:
            return None
        key, raw = match.groups()
        if key in textual or _plain(key, _BLOCK_BAD) is _FAIL:
            return None
        value = _value(raw)
        if value is _FAIL:
            return None
        textual[key], typed[key] = value  # type: ignore[misc]
    if not textual:
        return None
    if all(key in text_keys for key in textual):
        return textual, textual
    return typed, textual
