"""Direction model: the one place that decides article and paragraph direction.

The editor, the live preview and every export call these functions; nothing else decides.
(First version: the renderer issue refines the rule and documents it in docs/direction.md.)
"""

from __future__ import annotations

import re
import unicodedata

RTL_LANGS = frozenset({"ar", "fa", "ur", "he", "yi", "ps", "sd", "ckb", "ug", "dv"})

# A trailing `{dir=ltr}` / `{: dir="rtl"}` on a paragraph's last line is an explicit override.
OVERRIDE_RE = re.compile(r"\{:?[ \t]*dir=[\"']?(rtl|ltr)[\"']?[ \t]*\}[ \t]*$")

_SKIP_RES = (
    re.compile(r"`[^`]*`"),  # code spans
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"<[^<>]+>"),  # HTML tags and autolinks
    re.compile(r"(?:https?|ftp)://\S+|www\.\S+|\S+@\S+\.\w+"),  # bare URLs and e-mail
    re.compile(r"\{:?[^{}\n]*\}\s*$"),  # attribute lists
)


def _strong_counts(text: str) -> tuple[int, int]:
    rtl = ltr = 0
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            rtl += 1
        elif bidi == "L":
            ltr += 1
    return rtl, ltr


def paragraph_override(text: str) -> str | None:
    """The explicit direction written at the end of a paragraph (`{dir=ltr}`), or None."""
    match = OVERRIDE_RE.search(text.rstrip("\r\n"))
    return match.group(1) if match else None


def paragraph_direction(text: str, default: str = "rtl") -> str:
    """`"rtl"` or `"ltr"` for one Markdown paragraph (or heading, list item, table row...).

    An explicit override wins. Otherwise Markdown syntax, URLs and code are skipped and the
    strong letters are weighed: the side with more letters wins, so `Apple تعلن عن …` is RTL and
    `The minister said «نعم».` is LTR. No letters (numbers, punctuation, empty): `default`.
    """
    override = paragraph_override(text)
    if override:
        return override
    for pattern in _SKIP_RES:
        text = pattern.sub(" ", text)
    rtl, ltr = _strong_counts(text)
    if rtl == ltr:
        return default if rtl == 0 else default
    return "rtl" if rtl > ltr else "ltr"


def article_direction(meta: dict, body: str = "") -> str:
    """Front matter `dir`, else from `lang`, else from the text; `rtl` for an empty article."""
    explicit = str(meta.get("dir") or "").strip().lower()
    if explicit in ("rtl", "ltr"):
        return explicit
    lang = str(meta.get("lang") or "").strip().lower().replace("_", "-")
    if lang:
        return "rtl" if lang.split("-")[0] in RTL_LANGS else "ltr"
    return paragraph_direction(body, "rtl")


def line_directions(text: str, article_dir: str = "rtl") -> list[str]:
    """Direction of every line of a Markdown body, for the editor.

    Lines of one paragraph (consecutive non-blank lines) share the paragraph's direction;
    a blank line takes the direction of the paragraph before it (the article's at the top),
    so the caret does not jump sides between paragraphs.
    """
    lines = text.split("\n")
    result: list[str] = []
    current = article_dir
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            result.append(current)
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        current = paragraph_direction("\n".join(lines[i:j]), article_dir)
        result.extend([current] * (j - i))
        i = j
    return result
