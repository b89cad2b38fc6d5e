"""An article: the exact text of its file, its parsed front matter, and lossless edits.

`Article.text` is always the whole file text. Edits return a new Article whose text differs from
the old one only in the lines of the changed field (or only in the body).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from editor.core.article import frontmatter as fm
from editor.core.article import other_front
from editor.core.text.messages import Text, msg

STATUSES = ("draft", "review", "ready", "published")
KNOWN_KEYS = (
    "title", "subtitle", "author", "date", "location", "category", "tags",
    "status", "slug", "summary", "lang", "dir",
)  # fmt: skip
TEXT_KEYS = frozenset(KNOWN_KEYS) - {"tags"}
DEFAULT_LANG = "ar"

_ISO_DATE_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?$"
)
TITLE_MAX = 200  # characters of a title taken from the first line
_FIRST_LINE_RE = re.compile(r"[^\s][^\r\n]*")
_HEADING_MARK_RE = re.compile(r"^\s{0,3}(?:#{1,6}\s+|#(?=\S)|>\s*|[-*+]\s+|\d+[.)]\s+)")


@dataclass(frozen=True)
class Problem:
    """Something wrong in the file that does not stop it from opening."""

    message: str
    line: int | None = None
    blocks_field_edits: bool = False  # the front matter cannot be parsed: editing fields could lose text

    def describe(self) -> Text:
        """The problem as one translatable sentence, with its line."""
        message = self.message if isinstance(self.message, Text) else msg("{message}", message=self.message)
        return msg("line {line}: {message}", line=self.line, message=message) if self.line else message

    def __str__(self) -> str:
        return str(self.describe())


def _json_safe(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_json_safe(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # JSON has no inf/nan
    return value


def is_iso_date(value: str) -> bool:
    """True for an ISO 8601 date or date-time (`2024-05-12`, `2024-05-12T09:30:00+01:00`)."""
    if not _ISO_DATE_RE.match(value):
        return False
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def _detect_newline(text: str) -> str:
    if "\n" not in text and "\r" in text:
        return "\r"  # classic Mac line ends
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


@dataclass(frozen=True)
class Article:
    """One article. Build it with `Article.from_text`."""

    text: str
    split: fm.FrontMatterSplit | None
    meta: dict = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    # --- reading ---------------------------------------------------------------------------
    @classmethod
    def from_text(cls, text: str) -> Article:
        """Parse a whole file text; malformed front matter becomes problems, never an exception."""
        split = fm.split_front_matter(text)
        problems: list[Problem] = []
        if split is None:
            if fm.has_unclosed_front_matter(text):
                problems.append(Problem(msg("front matter starts with `---` but is never closed"), 1, True))
            return cls(text, None, {"tags": []}, tuple(problems))
        meta = _parse_meta(split, problems)
        return cls(text, split, meta, tuple(problems))

    def __str__(self) -> str:
        return self.text

    @property
    def front_matter(self) -> str | None:
        """Raw YAML text between the `---` lines, or None."""
        return self.split.yaml_text if self.split else None

    @property
    def body(self) -> str:
        return self.split.body if self.split else self.text

    @property
    def body_start_line(self) -> int:
        """1-based file line where the body starts."""
        return fm.lf_lines(self.split.block).count("\n") + 1 if self.split else 1

    @property
    def newline(self) -> str:
        return _detect_newline(self.text)

    @property
    def front_matter_ok(self) -> bool:
        """False when the front matter could not be parsed: field edits are refused then."""
        return not any(p.blocks_field_edits for p in self.problems)

    @property
    def title(self) -> str:
        """Front-matter title, else the first heading or first non-empty line of the body."""
        title = self.meta.get("title")
        if isinstance(title, str) and title.strip():
            return title.strip()
        first = _FIRST_LINE_RE.search(self.body)
        if first is None:
            return ""
        title = _HEADING_MARK_RE.sub("", first.group(0)).strip().strip("*_").strip()
        if len(title) > TITLE_MAX:  # a first line can be a whole article: cut at a word
            cut = title.rfind(" ", 0, TITLE_MAX)
            title = title[: cut if cut > TITLE_MAX // 2 else TITLE_MAX].rstrip() + "…"
        return title

    @property
    def tags(self) -> list[str]:
        return list(self.meta.get("tags") or [])

    @property
    def lang(self) -> str:
        return str(self.meta.get("lang") or DEFAULT_LANG)

    def json_meta(self) -> dict:
        """Front-matter values with dates as ISO strings, ready for JSON."""
        return _json_safe(self.meta)  # type: ignore[return-value]

    # --- lossless edits --------------------------------------------------------------------
    def with_body(self, body: str) -> Article:
        """Same front matter text, new body."""
        return Article.from_text((self.split.block if self.split else "") + body)

    def with_field(
        self, key: str, value: str | int | list[str] | None, *, split_tags: bool = False
    ) -> Article:
        """Set one front-matter field (None removes it); only that field's lines change.

        An `int` (not a bool) is written as a YAML 1.2 / TOML integer (`words_goal: 800`).

        Raises ValueError when the front matter is malformed or JSON, or the field holds a map or
        nested lists (replacing it could lose text); `TagsAsTextError` when `tags` is written as
        one string and `split_tags` is False (rewriting it as a list needs the user's consent).
        """
        if not self.front_matter_ok:
            raise ValueError(msg("the front matter has errors; fix them in the text before editing fields"))
        if self.split is not None and self.split.kind == "json":
            raise ValueError(
                msg("this article's front matter is JSON: Midad reads it but does not change it")
            )
        current = _textual(self.split) if self.split else {}
        if value is not None and key in current and _same_value(current[key], value):
            return self  # nothing changes: not a byte is rewritten
        raw = current.get(key) if key == "tags" else None  # tag edits must not wipe a map or nested lists
        if isinstance(raw, dict) or (isinstance(raw, list) and not all(isinstance(t, str) for t in raw)):
            raise ValueError(msg("`tags` holds more than a list of words; fix it in the text first"))
        if isinstance(raw, str) and raw.strip() and not split_tags:
            raise TagsAsTextError(raw)
        newline = self.newline
        if self.split is None:
            if value is None:
                return self
            yaml_text = fm.set_field("", key, value, newline)
            edited = Article.from_text(f"---{newline}{yaml_text}---{newline}{self.text}")
        else:
            if self.split.kind == "toml":
                yaml_text = other_front.set_toml_field(self.split.yaml_text, key, value, newline)
            else:
                yaml_text = fm.set_field(self.split.yaml_text, key, value, newline)
            if yaml_text and not yaml_text.endswith(("\n", "\r")):
                yaml_text += newline
            edited = Article.from_text(self.split.opening + yaml_text + self.split.closing + self.split.body)
        _check_edit(edited, key, value)
        return edited

    def with_tags(self, tags: list[str], *, split_tags: bool = False) -> Article:
        """Replace the front-matter tag list (keeping its style, comments and the items that stay).

        Raises ValueError when `tags` holds a map or nested lists (see `with_field`), and
        `TagsAsTextError` when it is one string and `split_tags` is False.
        """
        return self.with_field("tags", list(tags), split_tags=split_tags)

    @property
    def tags_as_text(self) -> str | None:
        """The `tags` value when another tool wrote it as one string (`أمن, الرباط`), else None."""
        raw = _textual(self.split).get("tags") if self.split and self.front_matter_ok else None
        return raw if isinstance(raw, str) and raw.strip() else None


class TagsAsTextError(ValueError):
    """A tag edit would rewrite a `tags` string (`tags: أمن, الرباط`) as a list: ask first."""

    def __init__(self, raw: str) -> None:
        super().__init__(
            msg(
                "`tags` is written as one string ({value}); a tag edit rewrites it as a list",
                value=raw.strip(),
            )
        )
        self.raw = raw


def _textual(split: fm.FrontMatterSplit) -> dict:
    """Every value of the block as its text (YAML, TOML or JSON)."""
    return _read_block(split)[1]


def _read_block(split: fm.FrontMatterSplit, text_keys: frozenset[str] = frozenset()) -> tuple[dict, dict]:
    if split.kind == "yaml":
        return fm.parse_yaml(split.yaml_text, text_keys)
    return other_front.parse(split.yaml_text, split.kind)


def _same_value(current: object, value: str | int | list[str]) -> bool:
    if isinstance(value, list):
        return isinstance(current, list) and current == value
    if isinstance(value, int):  # the text of the value as written (`800` or `"800"`: kept as it is)
        return current == str(value)
    return current == value


def _check_edit(edited: Article, key: str, value: str | int | list[str] | None) -> None:
    """Refuse an edit whose result YAML would not read back as intended (never write a broken file)."""
    if not edited.front_matter_ok:
        raise ValueError(
            msg("cannot change `{key}` safely in this front matter; edit it in the text", key=key)
        )
    textual = _textual(edited.split) if edited.split else {}
    if value is None:
        ok = key not in textual
    elif isinstance(value, list):
        ok = [str(v) for v in textual.get(key) or []] == [str(v) for v in value]
    elif isinstance(value, int):
        typed = edited.meta.get(key)
        ok = isinstance(typed, int) and not isinstance(typed, bool) and typed == value
    else:
        ok = textual.get(key) == value
    if not ok:
        raise ValueError(
            msg("cannot change `{key}` safely in this front matter; edit it in the text", key=key)
        )


def _parse_meta(split: fm.FrontMatterSplit, problems: list[Problem]) -> dict:
    offset = split.first_yaml_line - 1
    try:
        typed, textual = _read_block(split, TEXT_KEYS | {"tags"})
    except fm.FrontMatterError as exc:
        problems.append(Problem(exc.args[0], exc.line + offset if exc.line else None, True))
        return {"tags": []}

    lf_yaml = fm.lf_lines(split.yaml_text)  # line numbers of CR-only files too

    def line_of(key: str) -> int | None:
        if split.kind == "yaml":
            line = fm.field_line(lf_yaml, key)
        else:
            line = other_front.field_line(lf_yaml, key, split.kind)
        return line + offset if line else None

    duplicates = fm.duplicate_keys(lf_yaml) if split.kind == "yaml" else {}
    for key, found in duplicates.items():
        shown = ", ".join(str(n + offset) for n in found)
        problems.append(
            Problem(
                msg(
                    "`{key}` is written {count} times (lines {lines}); the last one counts",
                    key=key,
                    count=len(found),
                    lines=shown,
                ),
                found[-1] + offset,
            )
        )
    meta: dict = {}
    for key, value in typed.items():
        name = str(key)
        if name in TEXT_KEYS:
            raw = textual.get(name, value)
            if isinstance(raw, str):
                meta[name] = raw
            elif raw is None or raw == "":
                meta[name] = ""
            else:
                problems.append(Problem(msg("`{key}` should be text", key=name), line_of(name)))
                meta[name] = _json_safe(value)
        elif name == "tags":
            meta["tags"] = _parse_tags(textual.get("tags", value), line_of("tags"), problems)
        else:
            meta[name] = value
    meta.setdefault("tags", [])
    status = meta.get("status")
    if isinstance(status, str) and status and status not in STATUSES:
        problems.append(
            Problem(
                msg(
                    "unknown status `{status}` (use one of: {choices})",
                    status=status,
                    choices=msg("draft, review, ready, published"),
                ),
                line_of("status"),
            )
        )
    date = meta.get("date")
    if isinstance(date, str) and date and not is_iso_date(date):
        problems.append(
            Problem(msg("date `{date}` is not an ISO 8601 date (YYYY-MM-DD)", date=date), line_of("date"))
        )
    direction = meta.get("dir")
    if isinstance(direction, str) and direction and direction not in ("rtl", "ltr"):
        problems.append(Problem(msg("dir `{dir}` must be rtl or ltr", dir=direction), line_of("dir")))
    return meta


_TAG_COMMA_RE = re.compile(r"[,،]")


def split_tag_text(raw: str) -> list[str]:
    """Tags of a `tags` string, read the way the tools that write one do: comma separated
    (Obsidian, `أمن, الرباط`), else space separated (Jekyll, `أمن الرباط`); `#` dropped (`#أمن #الرباط`)."""
    pieces = _TAG_COMMA_RE.split(raw) if _TAG_COMMA_RE.search(raw) else raw.split()
    tags: list[str] = []
    for piece in pieces:
        tag = piece.strip().lstrip("#").strip()
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _parse_tags(raw: object, line: int | None, problems: list[Problem]) -> list[str]:
    if raw is None or raw == "":
        return []
    if isinstance(raw, str):
        tags = split_tag_text(raw)
        problems.append(
            Problem(
                msg(
                    "`tags` is one string, read as {count} tag(s): {tags}; a tag edit rewrites it as a list",
                    count=len(tags),
                    tags=", ".join(tags),
                ),
                line,
            )
        )
        return tags
    if not isinstance(raw, list):
        problems.append(Problem(msg("`tags` should be a list of words"), line))
        return []
    tags = [item.strip() for item in raw if isinstance(item, str) and item.strip()]
    if any(not isinstance(item, str) for item in raw):
        problems.append(Problem(msg("`tags` should hold only words, not nested lists or maps"), line))
    return tags
