"""Safe YAML for front matter: no object tags, no aliases, two readings (typed and as text).

libyaml's fast loaders are used only where no anchor or alias can exist; the alias-refusing
pure-Python loaders handle the rest, so a tiny "billion laughs" file cannot hang Midad.

PyYAML (about 10 ms to import) is imported when front matter is first parsed, not before: opening
an article without front matter, or starting the window, never loads it. `TEXT_LOADER` and
`TYPED_LOADER` are created then too (module attributes, as before).
"""

from __future__ import annotations

import re
from functools import cache

from editor.core.text.messages import Text, msg

_TOP_KEY_RE = re.compile(r"^[\"']?([^\s#\-\"'][^:\n]*?)[\"']?[ \t]*:(?=[ \t]|$)", re.MULTILINE)


# --- safe parsing -----------------------------------------------------------------------------


class FrontMatterError(ValueError):
    """YAML that cannot be read; `line` is 1-based within the YAML text, when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def _refuse_aliases(loader_cls: type) -> type:
    import yaml

    class NoAliasLoader(loader_cls):  # type: ignore[misc, valid-type]
        def compose_node(self, parent, index):  # noqa: ANN001, ANN202 - PyYAML signature
            if self.check_event(yaml.events.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, msg("YAML aliases (*name) are not allowed in front matter"), event.start_mark
                )
            return super().compose_node(parent, index)

    return NoAliasLoader


@cache
def loaders() -> tuple[type, type, dict[type, type]]:
    """`(TYPED_LOADER, TEXT_LOADER, fast)`: the alias-refusing loaders, made on first use."""
    import yaml

    typed = _refuse_aliases(yaml.SafeLoader)
    text = _refuse_aliases(yaml.BaseLoader)
    # libyaml's loaders are ~10x faster but cannot refuse aliases; they are used only for text that
    # holds no `&` or `*` at all, where no anchor or alias can exist.
    fast = {typed: getattr(yaml, "CSafeLoader", typed), text: getattr(yaml, "CBaseLoader", text)}
    return typed, text, fast


def __getattr__(name: str) -> type:
    """`TYPED_LOADER` and `TEXT_LOADER`, created (with PyYAML's import) when first asked for."""
    if name == "TYPED_LOADER":
        return loaders()[0]
    if name == "TEXT_LOADER":
        return loaders()[1]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _pick_loader(yaml_text: str, loader: type) -> type:
    return loader if "&" in yaml_text or "*" in yaml_text else loaders()[2][loader]


# What the YAML parser reports, in words a writer understands (the parser's English never reaches
# the interface). Matched on the parser's problem text; anything else gets the general sentence.
_PLAIN_PROBLEMS = (
    ("expected ',' or ']'", msg("a list in square brackets [ ] is not closed")),
    ("expected ',' or '}'", msg("a group in curly brackets is not closed")),
    ("unexpected end of stream", msg("a quotation mark is opened but never closed")),
    (
        "mapping values are not allowed",
        msg("a colon (:) where a value was expected: put the value in quotes"),
    ),
    (
        "cannot start any token",
        msg("a character that cannot start a value (a tab, @ or `): use spaces or quotes"),
    ),
    ("could not find expected ':'", msg("a line is missing its colon (write name: value)")),
    ("unknown escape character", msg("a backslash inside double quotes: use single quotes instead")),
    ("expected <block end>", msg("this line is not indented like the lines above it")),
    ("expected <document start>", msg("this line is not indented like the lines above it")),
    ("did not find expected key", msg("this line is not indented like the lines above it")),
    ("did not find expected '-'", msg("this line is not indented like the list above it")),
    (
        "expected alphabetic or numeric character",
        msg("an anchor or alias (& or *) without a name: put the value in quotes"),
    ),
    ("found duplicate anchor", msg("the same anchor (&name) twice")),
)


def plain_problem(problem: str) -> Text:
    """The parser's `problem` said in plain words (a translatable sentence)."""
    for needle, sentence in _PLAIN_PROBLEMS:
        if needle in problem:
            return sentence
    return msg("this line cannot be read as name: value")


def _load(yaml_text: str, loader: type) -> object:
    import yaml

    try:
        return yaml.load(yaml_text, Loader=_pick_loader(yaml_text, loader))  # noqa: S506 - safe, alias-free
    except yaml.MarkedYAMLError as exc:
        # an unclosed bracket or quote is reported where the parser gave up (the end); the writer
        # needs the line where it was opened
        unclosed = any(n in str(exc.problem) for n in ("expected ',' or", "unexpected end of stream"))
        mark = (exc.context_mark if unclosed else None) or exc.problem_mark or exc.context_mark
        problem = (
            exc.problem if isinstance(exc.problem, Text) else plain_problem(str(exc.problem or exc.context))
        )
        raise FrontMatterError(
            msg("the front matter cannot be read: {problem}", problem=problem),
            mark.line + 1 if mark else None,
        ) from exc
    except yaml.YAMLError as exc:
        raise FrontMatterError(
            msg("the front matter cannot be read: {problem}", problem=plain_problem(str(exc)))
        ) from exc
    except RecursionError as exc:
        raise FrontMatterError(msg("the front matter cannot be read: it is nested too deeply")) from exc
    except Exception as exc:  # noqa: BLE001 - a constructor's ValueError etc. (`!!int abc`, `2024-13-45`)
        raise FrontMatterError(
            msg("a value in the front matter cannot be read: check dates and numbers")
        ) from exc


def parse_yaml(yaml_text: str, text_keys: frozenset[str] = frozenset()) -> tuple[dict, dict]:
    """Parse front matter YAML two ways: typed values and every scalar as its text.

    Simple front matter (`key: value` lines) is read by `simple_yaml.parse_simple`, which gives
    exactly what the parser gives; the rest by `_parse_yaml_full`. Returns `(typed, textual)`.
    """
    from editor.core.article.simple_yaml import parse_simple

    return parse_simple(yaml_text, text_keys) or _parse_yaml_full(yaml_text, text_keys)


def _parse_yaml_full(yaml_text: str, text_keys: frozenset[str] = frozenset()) -> tuple[dict, dict]:
    """Parse front matter YAML two ways: typed values and every scalar as its text.

    Returns `(typed, textual)`; both are `{}` for an empty block. Keys in `text_keys` are read as
    text only: when every key is one of them, the typed parse is skipped and `typed` is `textual`.
    A value YAML cannot type (`!!int abc`) falls back to its text. Raises FrontMatterError for
    bad YAML, aliases, or a top level that is not a mapping.
    """
    if not yaml_text.strip():
        return {}, {}
    typed_loader, text_loader, _fast = loaders()
    textual = _load(yaml_text, text_loader)
    if textual is None:  # only comments
        return {}, {}
    if not isinstance(textual, dict):
        raise FrontMatterError(msg("front matter must be a set of `key: value` lines"), 1)
    if all(key in text_keys for key in textual):
        return textual, textual
    try:
        typed = _load(yaml_text, typed_loader)
    except FrontMatterError:
        return textual, textual
    return (typed if isinstance(typed, dict) else textual), textual


def duplicate_keys(yaml_text: str) -> dict[str, list[int]]:
    """Top-level keys written more than once, with their 1-based lines (valid YAML assumed)."""
    names = _TOP_KEY_RE.findall(yaml_text)
    if len(names) == len(set(names)) and "{" not in yaml_text and "?" not in yaml_text:
        return {}
    import yaml

    try:
        node = yaml.compose(yaml_text, Loader=_pick_loader(yaml_text, loaders()[1]))  # noqa: S506
    except (yaml.YAMLError, RecursionError):
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    lines: dict[str, list[int]] = {}
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            lines.setdefault(str(key_node.value), []).append(key_node.start_mark.line + 1)
    return {key: found for key, found in lines.items() if len(found) > 1}
