"""Hashtags in a Markdown body: `#الرباط` (no space) is a tag, `# Title` is a heading.

One rule, shared by the tag panel (`extract_hashtags`), the editor highlighter
(`hashtag_spans`) and the renderer (`HASHTAG_RE` + `clean_tag`):

- A tag is `#` followed by tag characters: letters of any script, Arabic tashkeel and
  tatweel, Latin combining accents, digits (Western, Arabic-Indic, Persian), `_`, `-` and the
  zero-width non-joiner used in Persian/Urdu spelling.
- It ends at anything else: spaces and punctuation (، ؛ ؟ . : … ” » ) ( etc.). Trailing
  hyphens are not part of the tag (`#الرباط-` is `الرباط`).
- It needs at least one letter: `#1`, `#2024` or `#03-73` are numbers, not tags (Obsidian's rule).
- The `#` must not follow a word character (except a lone Arabic proclitic و ف ب ك ل written
  attached: `و#تونس` and `ل#غزة` are tags, `كلمة#ليست` is not), `&` (HTML entities such as `&#1571;`), `/` or
  `#` (URL fragments, `##`), or a backslash (`\\#` is an escaped, literal `#`).
- Never a tag inside code (spans, fenced or indented blocks), link or image text and targets,
  autolinks and bare URLs, raw HTML tags and blocks, reference definitions or attribute lists
  (`{: #id}`). Tags inside headings, emphasis, lists, quotes, tables and footnotes count.

Tags are returned without `#`, in order of first appearance, de-duplicated exactly (as
written: `الرباط` and `الرّباط` are two entries; comparing tags is `normalize_for_match`'s job).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Characters a tag may contain (besides \w, i.e. letters, digits and `_`).
_MARKS = (
    "\u0300-\u036f"  # Latin combining accents
    "\u0610-\u061a"  # Arabic honorifics / small signs
    "\u064b-\u065f"  # harakat, tanween, shadda, sukun
    "\u0670"  # superscript alef
    "\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"  # Quranic marks
    "\u0640"  # tatweel
    "\u200c"  # zero-width non-joiner
)
TAG_CHARS = rf"\w{_MARKS}\-"

# Arabic one-letter proclitics written attached to a tag: `و#تونس` ("and #Tunisia").
PROCLITICS = "وفبكل"

# `#` + tag characters, not after a word character, `&`, `/`, `#` or `\` — except a lone proclitic.
# (The lookbehinds come after the `#` so the regex starts with a literal and scans fast.)
HASHTAG_RE = re.compile(
    rf"#(?:(?<![{TAG_CHARS}&/#\\]#)|(?<=[{PROCLITICS}]#)(?<![{TAG_CHARS}][{PROCLITICS}]#))(?P<tag>[{TAG_CHARS}]+)"
)

# Python-Markdown attribute lists (`{: #id .class}`, `{dir=ltr}`): never tags inside.
ATTR_LIST_RE = re.compile(r"\{:?[ \t]*[#.\w][^{}\n]*\}")


def clean_tag(raw: str) -> str | None:
    """The tag for the characters matched after `#`, or None if they are not a tag (no letter)."""
    tag = raw.rstrip("-")
    if any(ch.isalpha() and ch != "\u0640" for ch in tag):
        return tag
    return None


def hashtag_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """`(start, end, tag)` for every tag in plain `text`; `text[start:end]` is `#` + tag.

    No Markdown awareness: use `markdown_hashtag_spans` for a Markdown body.
    """
    for match in HASHTAG_RE.finditer(text):
        tag = clean_tag(match.group("tag"))
        if tag is not None:
            yield match.start(), match.start() + 1 + len(tag), tag


# --- masking the Markdown that can never hold a tag ---------------------------------------------

_FENCE_OPEN_RE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_LIST_ITEM_RE = re.compile(r"^[ ]{0,3}(?:[-*+]|\d+[.)])[ \t]")
_HTML_BLOCK_RE = re.compile(
    r"^[ ]{0,3}<(?:!--|/?(?:address|article|aside|blockquote|body|canvas|center|dd|details|dialog|dir|div|dl|"
    r"dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|html|iframe|legend|li|main|math|"
    r"menu|nav|noscript|ol|p|pre|script|section|style|summary|table|tbody|td|tfoot|th|thead|tr|ul|video)\b)",
    re.IGNORECASE,
)
_INLINE_MASKS = (
    # code spans (may cross single line breaks, never a blank line)
    re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL),
    re.compile(r"<!--.*?-->", re.DOTALL),  # HTML comments
    re.compile(r"<(?:https?|ftp|mailto):[^<>\s]*>|<[^<>\s@]+@[^<>\s]+>"),  # autolinks
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),  # raw inline HTML tags
    # links and images: [text](target) and [text][ref] — text and target alike
    re.compile(r"!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\](?:\([^)\n]*\)|\[[^\]\n]*\])"),
    re.compile(r"^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE),  # reference definitions
    ATTR_LIST_RE,
    re.compile(r"(?:https?|ftp)://\S+|www\.\S+"),  # bare URLs
)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _mask_blocks(lines: list[str]) -> list[str]:
    """Blank out fenced code, indented code and raw HTML blocks, keeping line lengths."""
    out: list[str] = []
    fence: str | None = None
    in_list = False
    prev_blank = True
    in_indented_code = False
    in_html_block = False
    for line in lines:
        stripped = line.strip()
        if fence is not None:
            out.append(" " * len(line))
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                fence = None
            continue
        opener = _FENCE_OPEN_RE.match(line)
        if opener:
            fence = opener.group(1)
            out.append(" " * len(line))
            prev_blank = False
            continue
        if not stripped:
            out.append(line)
            prev_blank = True
            in_html_block = False
            continue
        expanded = line.expandtabs(4)
        indented = len(expanded) - len(expanded.lstrip(" ")) >= 4
        if indented and (in_indented_code or (prev_blank and not in_list)):
            in_indented_code = True
            out.append(" " * len(line))
            prev_blank = False
            continue
        in_indented_code = False
        if in_html_block or (prev_blank and _HTML_BLOCK_RE.match(line)):
            in_html_block = True
            out.append(" " * len(line))
            prev_blank = False
            continue
        if _LIST_ITEM_RE.match(line):
            in_list = True
        elif not indented and prev_blank:
            in_list = False
        out.append(line)
        prev_blank = False
    return out


def mask_non_prose(markdown: str) -> str:
    """`markdown` with code, links, URLs, raw HTML and attribute lists replaced by spaces.

    Same length and line breaks as the input, so offsets stay valid.
    """
    text = "\n".join(_mask_blocks(markdown.split("\n")))
    for pattern in _INLINE_MASKS:
        text = pattern.sub(_blank, text)
    return text


def markdown_hashtag_spans(markdown: str) -> Iterator[tuple[int, int, str]]:
    """`(start, end, tag)` for every tag of a Markdown body (offsets into `markdown`)."""
    return hashtag_spans(mask_non_prose(markdown))


def extract_hashtags(markdown: str) -> list[str]:
    """Tags of a Markdown body without `#`, in order of first appearance, de-duplicated exactly."""
    seen: dict[str, None] = {}
    for _start, _end, tag in markdown_hashtag_spans(markdown):
        seen.setdefault(tag, None)
    return list(seen)
