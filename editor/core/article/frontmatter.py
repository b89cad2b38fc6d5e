"""YAML front matter between `---` lines: split it off, parse it safely, edit one field's lines.

The front matter's text is never re-serialised from parsed values (YAML would turn `no` into
false and dates into objects): edits replace only the lines of the field that changed.

Parsing (safe, alias-free YAML) lives in `front_matter_yaml`; its names are re-exported here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor.core.article import other_front
from editor.core.article.safe_yaml import (  # noqa: F401 - re-exported: callers use `fm.parse_yaml` etc.
    FrontMatterError,
    duplicate_keys,
    loaders,
    parse_yaml,
)

if TYPE_CHECKING:
    import yaml  # imported where front matter is parsed (see `safe_yaml`)

_OPEN_RE = re.compile(r"\A(\ufeff?)---[ \t]*(\r\n|\n|\r)")
_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|\Z)", re.MULTILINE)
_KEY_LINE_RE = r"^(?:{q}){key}(?:{q})[ \t]*:(?=[ \t]|\r|\n|$)"


@dataclass(frozen=True)
class FrontMatterSplit:
    """`text == opening + yaml_text + closing + body`; line numbers are 1-based in the file."""

    opening: str
    yaml_text: str  # the block's text between the fences (TOML and JSON too: see `kind`)
    closing: str
    body: str
    kind: str = "yaml"  # "yaml" (`---`), "toml" (`+++`) or "json" (`{ … }`, braces in `yaml_text`)

    @property
    def first_yaml_line(self) -> int:
        return 1 if self.kind == "json" else 2

    @property
    def block(self) -> str:
        return self.opening + self.yaml_text + self.closing


_LONE_CR_RE = re.compile(r"\r(?!\n)")


def lf_lines(text: str) -> str:
    """`text` with lone CR line ends (classic Mac files) read as LF; same length, so offsets hold."""
    return _LONE_CR_RE.sub("\n", text) if "\r" in text else text


def split_front_matter(text: str) -> FrontMatterSplit | None:
    """Split `text` into front matter and body, or None when it has no (closed) front matter."""
    probe = lf_lines(text)
    opening = _OPEN_RE.match(probe)
    if not opening:
        other = other_front.split_other(probe, text)
        return FrontMatterSplit(*other) if other else None
    start = opening.end()
    close = _CLOSE_RE.search(probe, start)
    if not close:
        return None
    return FrontMatterSplit(
        opening=text[:start],
        yaml_text=text[start : close.start()],
        closing=text[close.start() : close.end()],
        body=text[close.end() :],
    )


def has_unclosed_front_matter(text: str) -> bool:
    """True when the text opens a front matter block with `---` (or `+++`) that is never closed."""
    if other_front.opens_unclosed(lf_lines(text)):
        return True
    return bool(_OPEN_RE.match(text)) and split_front_matter(text) is None


# --- locating and editing fields --------------------------------------------------------------


def _key_pattern(key: str) -> re.Pattern[str]:
    return re.compile(_KEY_LINE_RE.format(key=re.escape(key), q="\"|'|"), re.MULTILINE)


def _lines_with_ends(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _last_key_match(yaml_text: str, key: str) -> re.Match[str] | None:
    """The last top-level line of `key`: with duplicate keys YAML keeps the last value, so edit that one."""
    match = None
    for match in _key_pattern(key).finditer(yaml_text):  # noqa: B007 - keep the last
        pass
    return match


def field_line(yaml_text: str, key: str) -> int | None:
    """1-based line (within the YAML text) where top-level `key` starts (its last occurrence), or None."""
    match = _last_key_match(yaml_text, key)
    return yaml_text.count("\n", 0, match.start()) + 1 if match else None


def _field_extent(lines: list[str], first: int) -> int:
    """Index one past the last line belonging to the field starting at `lines[first]`."""
    end = first + 1
    last_content = first + 1
    while end < len(lines):
        line = lines[end]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            end += 1
            continue
        if line[0] in " \t" or line.startswith("- ") or stripped == "-":
            end += 1
            last_content = end
            continue
        break
    return last_content


def _trailing_comment(value_part: str) -> str:
    """A `  # comment` after a one-line scalar value, or ''."""
    text = value_part.rstrip("\r\n")
    stripped = text.lstrip()
    if stripped[:1] in ("'", '"'):
        quote = stripped[0]
        i = 1
        while i < len(stripped):
            if stripped[i] == quote:
                if quote == "'" and stripped[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                break
            if quote == '"' and stripped[i] == "\\":
                i += 1
            i += 1
        rest = stripped[i + 1 :]
    else:
        rest = stripped
    match = re.search(r"([ \t]+#.*)$", rest) if not stripped.startswith("#") else None
    return match.group(1) if match else ""


# Plain scalars some YAML 1.2 reader (ruamel, js-yaml 4, Hugo's go-yaml) may not read as a string: the
# core schema's null, bool and special floats (YAML 1.2.2, 10.3.2), and, conservatively, anything that
# starts like a number (`081`, `0o17`, `1e3`, `-.5`, `._`, `1_000`, `12:30`): quoting those costs nothing.
YAML12_NOT_A_STRING_RE = re.compile(
    r"~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    r"|[-+]?[0-9._][0-9A-Za-z_.:+-]*"
)
_ISO_DATE_START_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _needs_quotes(value: str, key: str, flow: bool) -> bool:
    if value == "" or value != value.strip() or "\n" in value or "\r" in value:
        return True
    if YAML12_NOT_A_STRING_RE.fullmatch(value) and not (key == "date" and _ISO_DATE_START_RE.match(value)):
        return True  # `081`, `0612345678`, `0o17`, `1e3`, `-.5`: numbers for YAML 1.2 readers
    if flow and any(ch in value for ch in ",[]{}"):
        return True
    import yaml

    typed_loader, text_loader, _fast = loaders()
    try:
        typed = yaml.load(f"k: {value}\n", Loader=typed_loader)  # noqa: S506
        text = yaml.load(f"k: {value}\n", Loader=text_loader)  # noqa: S506
    except (yaml.YAMLError, RecursionError):
        return True
    if not isinstance(text, dict) or text.get("k") != value:
        return True
    if key == "date":
        return False
    return not isinstance(typed, dict) or not isinstance(typed.get("k"), str)


def _escape_double(value: str) -> str:
    out = json.dumps(value, ensure_ascii=False)
    return "".join(
        ch
        if ch.isprintable() or ch == " "
        else f"\\u{ord(ch):04x}"
        if ord(ch) <= 0xFFFF
        else f"\\U{ord(ch):08x}"
        for ch in out
    )


def format_scalar(value: str, key: str = "", style: str = "", flow: bool = False) -> str:
    """YAML text for a string: `style` is the old quoting (`'`, `"` or '' for plain) to keep when possible."""
    if style == "'" and "\n" not in value and all(ch.isprintable() for ch in value):
        return "'" + value.replace("'", "''") + "'"
    if style == '"' or _needs_quotes(value, key, flow):
        return _escape_double(value)
    return value


def _old_style(value_part: str) -> str:
    stripped = value_part.strip()
    return stripped[0] if stripped[:1] in ("'", '"') else ""


def _format_field(key_text: str, value: str | int | list[str], old_lines: list[str], newline: str) -> str:
    first_value = old_lines[0].split(":", 1)[1] if old_lines else ""
    if isinstance(value, int):  # a YAML 1.2 integer: plain decimal digits, whatever the old quoting
        comment = _trailing_comment(first_value) if len(old_lines) == 1 else ""
        return f"{key_text}: {int(value)}{comment}{newline}"
    if isinstance(value, list):
        old_block = [line for line in old_lines[1:] if line.strip().startswith("-")]
        if len(old_lines) == 1 and first_value.strip() and not first_value.strip().startswith(("[", "#")):
            # one string another tool wrote (`tags: أمن, الرباط`): a flow list in its place
            items = ", ".join(format_scalar(v, flow=True) for v in value)
            return f"{key_text}: [{items}]{_trailing_comment(first_value)}{newline}"
        if old_lines and first_value.strip().startswith("["):
            inner = first_value.strip()[1:]
            style = _old_style(inner)
            items = ", ".join(format_scalar(v, style=style, flow=True) for v in value)
            return f"{key_text}: [{items}]{newline}"
        if old_block:
            indent = old_block[0][: len(old_block[0]) - len(old_block[0].lstrip())]
            style = _old_style(old_block[0].lstrip()[1:])
        else:
            indent, style = "  ", ""
        if not value:
            return f"{key_text}: []{newline}"
        items = "".join(f"{indent}- {format_scalar(v, style=style)}{newline}" for v in value)
        return f"{key_text}:{newline}{items}"
    style = _old_style(first_value) if len(old_lines) == 1 else ""
    comment = _trailing_comment(first_value) if len(old_lines) == 1 else ""
    return f"{key_text}: {format_scalar(value, key_text, style)}{comment}{newline}"


def _sequence_node(yaml_text: str, key: str) -> yaml.SequenceNode | None:
    """The list value of top-level `key` when every item is a plain one-line scalar, else None."""
    import yaml

    try:
        root = yaml.compose(yaml_text, Loader=loaders()[1])  # noqa: S506 - alias-free, positions in characters
    except (yaml.YAMLError, RecursionError):
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    found = None
    for key_node, value_node in root.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            found = value_node
    if not isinstance(found, yaml.SequenceNode):
        return None
    if any(
        not isinstance(item, yaml.ScalarNode) or item.start_mark.line != item.end_mark.line
        for item in found.value
    ):
        return None
    return found


_DROP = object()


def _list_plan(old: list[str], values: list[str]) -> tuple[list[object], int]:
    """For each old item: None (kept as written), a new value (replaced in place) or _DROP; and how
    many of `values` are placed. A renamed item keeps its place, quoting and trailing comment."""
    plan: list[object] = []
    i = 0
    for k, value in enumerate(old):
        if i < len(values) and values[i] == value:
            plan.append(None)
            i += 1
        elif i < len(values) and values[i] not in old[k + 1 :] and value not in values[i:]:
            plan.append(values[i])  # one value became another: edit it where it is
            i += 1
        else:
            plan.append(_DROP)
    return plan, i


def _edit_list_in_place(yaml_text: str, key: str, values: list[str], newline: str) -> str | None:
    """Change a list field item by item, keeping the other items' text, comments and style.

    Old items are kept while they match the new list in order; an item replaced by a new value
    (a renamed tag) is edited where it stands, keeping its quoting and its `# comment`; other old
    items are dropped and the rest of the new list is appended. None when the field is not such a
    list (then it is rewritten).
    """
    node = _sequence_node(yaml_text, key)
    if node is None or not values:
        return None
    items = node.value
    plan, placed = _list_plan([item.value for item in items], values)
    if node.flow_style:
        return _edit_flow_list(yaml_text, node, plan, values[placed:])
    lines = _lines_with_ends(yaml_text)
    item_lines = [item.start_mark.line for item in items]
    if len(set(item_lines)) != len(item_lines):
        return None
    first_item = lines[item_lines[0]]
    dash = first_item.index("-")
    prefix = (
        first_item[: dash + 1]
        + first_item[dash + 1 : len(first_item) - len(first_item[dash + 1 :].lstrip(" "))]
    )
    style = _old_style(first_item[dash + 1 :])
    edits: dict[int, str] = {}
    drop = set()
    for item, line, step in zip(items, item_lines, plan, strict=True):
        if step is _DROP:
            drop.add(line)
        elif step is not None:
            text = lines[line]
            start, end = item.start_mark.column, item.end_mark.column
            written = text[start:end]
            if written != item.value and written[:1] not in ("'", '"'):
                return None  # the item is not written as it reads (odd characters): rewrite the list
            edits[line] = text[:start] + format_scalar(str(step), style=_old_style(written)) + text[end:]
    last = item_lines[-1]
    added = "".join(f"{prefix}{format_scalar(v, style=style)}{newline}" for v in values[placed:])
    out = []
    for number, line in enumerate(lines):
        if number not in drop:
            out.append(edits.get(number, line))
        if number == last and added:
            if out and not out[-1].endswith(("\n", "\r")):
                out.append(newline)
            out.append(added)
    return "".join(out)


def _edit_flow_list(yaml_text: str, node: yaml.SequenceNode, plan: list[object], added: list[str]) -> str:
    """A `[a, b]` list (one line or several) edited item by item (`plan`, see `_list_plan`): the text
    between the items that stay (commas, line breaks, comments) and after the list is kept; a renamed
    item keeps its place and quoting; `added` items go after the last one."""
    items = node.value
    start, end = node.start_mark.index, node.end_mark.index  # `[` … `]` inclusive
    style = _old_style(yaml_text[items[0].start_mark.index :]) if items else ""
    bounds = [(item.start_mark.index, item.end_mark.index) for item in items]
    # gaps[k]: the text before item k (gaps[0] after `[`); gaps[-1]: after the last item, before `]`
    edges = [start + 1, *[e for _s, e in bounds]]
    nexts = [*[s for s, _e in bounds], end - 1]
    gaps = [yaml_text[a:b] for a, b in zip(edges, nexts, strict=True)]
    out: list[str] = []
    kept = 0
    for k, ((a, b), step) in enumerate(zip(bounds, plan, strict=True)):
        if step is _DROP:
            continue
        written = yaml_text[a:b]
        if step is not None:
            written = format_scalar(str(step), style=_old_style(written), flow=True)
        out.append((gaps[0] if kept == 0 else gaps[k]) + written)
        kept += 1
    new = [format_scalar(v, style=style, flow=True) for v in added]
    if new:
        out.append((", " if kept else gaps[0]) + ", ".join(new))
    tail = gaps[-1] if kept or new else ""
    return yaml_text[:start] + "[" + "".join(out) + tail + "]" + yaml_text[end:]


def set_field(yaml_text: str, key: str, value: str | int | list[str] | None, newline: str = "\n") -> str:
    """Return `yaml_text` with top-level `key` set to `value` (None removes it); other lines untouched.

    An `int` is written as a plain YAML 1.2 integer (`words_goal: 800`), a string as a string.
    A list keeps the text, comments and quoting of the items that stay (see `_edit_list_in_place`).
    `newline="\r"` (a file whose lines end in CR alone) edits with LF and gives CR back.
    """
    if newline == "\r":
        return set_field(yaml_text.replace("\r", "\n"), key, value, "\n").replace("\n", "\r")
    if isinstance(value, list):
        edited = _edit_list_in_place(yaml_text, key, value, newline)
        if edited is not None:
            return edited
    match = _last_key_match(yaml_text, key)
    lines = _lines_with_ends(yaml_text)
    if match is None:
        if value is None:
            return yaml_text
        prefix = yaml_text
        if prefix and not prefix.endswith(("\n", "\r")):
            prefix += newline
        return prefix + _format_field(key, value, [], newline)
    first = yaml_text.count("\n", 0, match.start())
    end = _field_extent(lines, first)
    old = lines[first:end]
    if value is None:
        replacement = ""
    else:
        line_end = re.search(r"(\r\n|\n|\r)$", old[-1])
        ending = line_end.group(1) if line_end else ""
        key_text = old[0][: old[0].index(":")].rstrip()
        replacement = _format_field(key_text, value, old, newline)
        if not ending:
            replacement = replacement[: -len(newline)]
    return "".join(lines[:first]) + replacement + "".join(lines[end:])
