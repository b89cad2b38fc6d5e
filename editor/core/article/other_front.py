"""TOML (`+++ … +++`) and JSON (`{ … }`) front matter, as Hugo writes them: found, read, edited.

TOML fields are edited line by line like the YAML ones (`key = value` of the top-level table; the
other lines, comments and tables are kept byte for byte). A value written over several lines is not
rewritten: the edit is refused with a message. JSON front matter is read but never edited (it has
no comments to keep, but re-serialising it would still reorder and reformat the user's text).
"""

from __future__ import annotations

import datetime as dt
import json
import re

from editor.core.article.safe_yaml import FrontMatterError
from editor.core.text.messages import msg

__all__ = ["field_line", "parse", "set_toml_field", "split_other"]

_TOML_OPEN_RE = re.compile(r"\A(\ufeff?)\+\+\+[ \t]*(\r\n|\n|\r)")
_TOML_CLOSE_RE = re.compile(r"^\+\+\+[ \t]*(?:\r\n|\n|\r|\Z)", re.MULTILINE)
_JSON_OPEN_RE = re.compile(r"\A(\ufeff?)(?=\{[ \t]*(?:\r\n|\n|\r))")
_JSON_CLOSE_RE = re.compile(r"^\}[ \t]*", re.MULTILINE)
_NEWLINE_RE = re.compile(r"\r\n|\n|\r")
_TABLE_RE = re.compile(r"^[ \t]*\[", re.MULTILINE)
_BARE_KEY_RE = re.compile(r"^[A-Za-z0-9_-]+$")


def split_other(probe: str, text: str) -> tuple[str, str, str, str, str] | None:
    """`(opening, inner, closing, body, kind)` for TOML or JSON front matter, else None.

    `probe` is `text` with lone CRs read as LF (same length). For JSON the inner text is the whole
    object, braces included, and the opening is only a BOM.
    """
    opening = _TOML_OPEN_RE.match(probe)
    if opening:
        close = _TOML_CLOSE_RE.search(probe, opening.end())
        if not close:
            return None
        start = opening.end()
        return (
            text[:start],
            text[start : close.start()],
            text[close.start() : close.end()],
            text[close.end() :],
            "toml",
        )
    opening = _JSON_OPEN_RE.match(probe)
    if opening:
        close = _JSON_CLOSE_RE.search(probe, opening.end())
        if not close:
            return None
        line_end = _NEWLINE_RE.match(probe, close.end())
        end = line_end.end() if line_end else close.end()
        if not line_end and close.end() != len(probe):
            return None  # `}` followed by more text on its line: not a front matter block
        start = opening.end()
        return text[:start], text[start : close.end()], text[close.end() : end], text[end:], "json"
    return None


def opens_unclosed(probe: str) -> bool:
    """True when `probe` opens a TOML block (`+++`) that is never closed."""
    opening = _TOML_OPEN_RE.match(probe)
    return bool(opening) and not _TOML_CLOSE_RE.search(probe, opening.end())


def _as_text(value: object) -> object:
    """The text reading of a parsed value: strings as they are, dates in ISO form, lists item by item."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return [_as_text(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_text(v) for k, v in value.items()}
    return "" if value is None else str(value)


def parse(inner: str, kind: str) -> tuple[dict, dict]:
    """`(typed, textual)` values of TOML or JSON front matter (see `safe_yaml.parse_yaml`)."""
    if kind == "toml":
        import tomllib  # TOML front matter is rare: not imported on the window's start path

        try:
            typed = tomllib.loads(inner.replace("\r\n", "\n").replace("\r", "\n"))
        except tomllib.TOMLDecodeError as exc:
            line = re.search(r"line (\d+)", str(exc))
            raise FrontMatterError(
                msg("invalid TOML: {problem}", problem=str(exc)), int(line.group(1)) if line else None
            ) from exc
        except RecursionError as exc:
            raise FrontMatterError(msg("invalid TOML: nested too deeply")) from exc
    else:
        try:
            typed = json.loads(inner)
        except json.JSONDecodeError as exc:
            raise FrontMatterError(msg("invalid JSON: {problem}", problem=exc.msg), exc.lineno) from exc
        except RecursionError as exc:
            raise FrontMatterError(msg("invalid JSON: nested too deeply")) from exc
        if not isinstance(typed, dict):
            raise FrontMatterError(msg("front matter must be a set of `key: value` lines"), 1)
    return typed, _as_text(typed)  # type: ignore[return-value]


def _key_re(key: str, kind: str) -> re.Pattern[str]:
    name = re.escape(key)
    if kind == "json":
        return re.compile(rf'^[ \t]*"{name}"[ \t]*:', re.MULTILINE)
    return re.compile(rf"""^[ \t]*(?:{name}|"{name}"|'{name}')[ \t]*=""", re.MULTILINE)


def _top_level_end(inner: str) -> int:
    """Offset where the TOML top-level table ends (the first `[table]` header), or the end."""
    table = _TABLE_RE.search(inner)
    return table.start() if table else len(inner)


def field_line(inner: str, key: str, kind: str) -> int | None:
    """1-based line (within the block) of top-level `key`, or None."""
    limit = _top_level_end(inner) if kind == "toml" else len(inner)
    match = _key_re(key, kind).search(inner, 0, limit)
    return inner.count("\n", 0, match.start()) + 1 if match else None


def _toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, `\\u` included)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_value(key: str, value: str | int | list[str]) -> str:
    """TOML text for a value Midad writes: strings quoted, lists of strings, an ISO date and integers bare."""
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, list):
        return "[" + ", ".join(_toml_string(v) for v in value) + "]"
    if key == "date":
        import tomllib

        try:
            parsed = tomllib.loads(f"d = {value}")["d"]
        except (tomllib.TOMLDecodeError, ValueError):
            parsed = None
        if isinstance(parsed, dt.date | dt.datetime) and parsed.isoformat() == value:
            return value
    return _toml_string(value)


def _comment_after_value(line: str) -> str:
    """A trailing `  # comment` after a one-line TOML value (strings skipped), or ''."""
    quote = ""
    i = line.index("=") + 1
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            start = i
            while start > 0 and line[start - 1] in " \t":
                start -= 1
            return line[start:].rstrip("\r\n")
        i += 1
    return ""


def set_toml_field(inner: str, key: str, value: str | int | list[str] | None, newline: str) -> str:
    """`inner` (TOML) with top-level `key` set to `value` (None removes it); other lines untouched.

    Raises ValueError when the key's value spans several lines (it is left for the user to edit).
    """
    key_text = key if _BARE_KEY_RE.match(key) else _toml_string(key)
    limit = _top_level_end(inner)
    match = _key_re(key, "toml").search(inner, 0, limit)
    if match is None:
        if value is None:
            return inner
        head, tail = inner[:limit], inner[limit:]
        if head and not head.endswith(("\n", "\r")):
            head += newline
        if tail:  # before the first table, after the last top-level line
            stripped = head.rstrip("\r\n")
            gap = head[len(stripped) :]
            return (
                stripped
                + (newline if stripped else "")
                + f"{key_text} = {toml_value(key, value)}"
                + gap
                + tail
            )
        return head + f"{key_text} = {toml_value(key, value)}{newline}"
    start = match.start()
    line_end = _NEWLINE_RE.search(inner, start)
    end = line_end.end() if line_end else len(inner)
    line = inner[start:end]
    import tomllib

    try:
        tomllib.loads(line.strip())
    except tomllib.TOMLDecodeError:
        raise ValueError(
            msg(
                "`{key}` is written over several lines in this TOML front matter; edit it in the text",
                key=key,
            )
        ) from None
    if value is None:
        return inner[:start] + inner[end:]
    ending = line_end.group(0) if line_end else ""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    written = line[len(indent) : line.index("=")].rstrip()
    new_line = f"{indent}{written} = {toml_value(key, value)}{_comment_after_value(line)}{ending}"
    return inner[:start] + new_line + inner[end:]
