"""Midad's Python-Markdown extension: hashtags, CommonMark-style `# ` headings, `dir` on every block.

- `#الرباط` (no space) is a hashtag, rendered `<span class="hashtag" data-tag="…">#…</span>`;
  `# Title` (with a space, or `#` alone) is a heading. Same rule as `editor.core.markdown.hashtags`.
- A treeprocessor, run after the inline patterns and `attr_list`, gives every block element an
  explicit `dir` decided by `editor.core.text.direction` (raw-HTML placeholders and code excluded);
  number runs the bidi algorithm would reverse get LEFT-TO-RIGHT MARKs.
- A postprocessor gives raw HTML blocks written in the Markdown the same treatment.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Markdown, util
from markdown.blockprocessors import HashHeaderProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from editor.core.markdown.fast_inline import register_required_chars, use_skipping_inline
from editor.core.markdown.hashtags import (
    ATTR_LIST_RE,
    BARE_URL_RE,
    GLUE_CHARS,
    HASHTAG_RE,
    TAG_CHARS,
    clean_tag,
)
from editor.core.markdown.inline_marks import NO_VOTE_TAGS, HashtagTailGuard, isolate_numbers
from editor.core.markdown.linear_parsing import make_parsing_linear
from editor.core.markdown.raw_html import add_block_dirs, html_text
from editor.core.markdown.toc import TocTreeprocessor
from editor.core.text import direction as dirmod

BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li ul ol blockquote table thead tbody tfoot tr th td caption pre dl dt dd "
    "div hr section article aside header footer nav figure figcaption details summary address".split()
)
LEAF_BLOCK_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 li td th dt dd caption figcaption summary".split())
# Blocks that hold only inline content in Python-Markdown's output (raw HTML is stashed): the
# direction pass does not walk into them.
INLINE_ONLY_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 th td dt pre hr".split())
_STASH_RE = re.compile("\x02[^\x03]*\x03")


class CommonMarkHashHeaderProcessor(HashHeaderProcessor):
    """`# Title` is a heading only with a space (or nothing) after the hashes, as in CommonMark."""

    RE = re.compile(
        r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:[ \t](?:\\.|[^\\\n])*?)?)(?:[ \t]+#+)?[ \t]*(?:\n|$)"
    )


class HashtagInlineProcessor(InlineProcessor):
    """`#tag` → `<span class="hashtag" data-tag="tag">#tag</span>`; never in links, code or URLs."""

    ANCESTOR_EXCLUDES = ("a", "code", "pre")

    def __init__(self, md: Markdown) -> None:
        super().__init__(HASHTAG_RE.pattern, md)  # starts with `#`: a fast scan
        self.last_chars: dict[int, str] = {}  # id(tag span) -> last source characters it replaced

    def handleMatch(self, m: re.Match[str], data: str):  # noqa: N802 - Python-Markdown API
        if _inside_attribute_list(data, m.start(0)):
            return None, None, None  # attribute lists are attr_list's business
        if _URL_BEFORE_RE.search(data, max(0, m.start(0) - 2048), m.start(0)):
            return None, None, None  # a `#` inside a bare URL (checked here: cheaper than in the regex)
        tag = clean_tag(m.group("tag"))
        if tag is None or self._glued_to_a_tag(data, m.start(0)):
            return None, None, None
        el = etree.Element("span", {"class": "hashtag", "data-tag": tag})
        el.text = util.AtomicString("#" + tag)  # never processed again
        end = m.start(0) + 1 + len(tag)
        glued_end = _glued_end(data, end)  # `#وسم#tag`: the rest is text, not a second tag
        if glued_end > end:  # stashed, so no later pass over this tail can find a tag in it
            el.tail = self.md.htmlStash.store(html.escape(data[end:glued_end], quote=False))
            end = glued_end
        self.last_chars[id(el)] = data[max(m.start(0), end - 2) : end]
        return el, m.start(0), end

    def _glued_to_a_tag(self, data: str, start: int) -> bool:
        """True when `#` follows a placeholder that stands for a word: a tag already replaced
        (`#وسم#tag` is one tag) or an escaped word character (`\\_#tag` is no tag)."""
        if start == 0 or data[start - 1] != "\x03":
            return False
        placeholder = _INLINE_PLACEHOLDER_END_RE.search(data, 0, start)
        if placeholder is None:
            return False
        node = self.md.treeprocessors["inline"].stashed_nodes.get(placeholder.group(1))
        if isinstance(node, str):  # an escaped character, stored as STX + its code point + ETX
            escaped = _ESCAPED_CHAR_RE.fullmatch(node)
            return escaped is not None and _GLUE_RE.match(chr(int(escaped.group(1)))) is not None
        if getattr(node, "tag", None) == "span" and node.get("class") == "hashtag":
            return not _starts_tag(self.last_chars.get(id(node), "a"), data[start : start + 200])
        return False


def _inside_attribute_list(data: str, index: int) -> bool:
    """True when `data[index]` lies inside a `{: …}` attribute list."""
    opening = data.rfind("{", 0, index)
    if opening < 0 or "}" in data[opening:index] or "\n" in data[opening:index]:
        return False
    return ATTR_LIST_RE.match(data, opening) is not None


_URL_BEFORE_RE = re.compile(BARE_URL_RE.pattern.replace("]+", "]*") + "$")
_TAG_CHARS_THEN_HASH_RE = re.compile(rf"[{TAG_CHARS}]*#")
_TAG_CHARS_RE = re.compile(rf"[{TAG_CHARS}]*")


def _starts_tag(before: str, rest: str) -> bool:
    """True when `rest` (starting with `#`) starts a tag after the source characters `before`."""
    match = HASHTAG_RE.match(before + rest, len(before))
    return match is not None and clean_tag(match.group("tag")) is not None


def _glued_end(data: str, end: int) -> int:
    """End of the `#…` pieces glued to a tag ending at `end` (the same rule as HASHTAG_RE's `#`)."""
    position = end
    while (piece := _TAG_CHARS_THEN_HASH_RE.match(data, position)) is not None:
        hash_at = piece.end() - 1
        if _starts_tag(data[max(0, hash_at - 2) : hash_at], data[hash_at : hash_at + 200]):
            break  # e.g. `_#tag`: a tag of its own
        position = _TAG_CHARS_RE.match(data, hash_at + 1).end()
    return position


_ESCAPED_CHAR_RE = re.compile(r"\x02([0-9]+)\x03")
_GLUE_RE = re.compile(rf"[{GLUE_CHARS}]|[^\W_]")
_INLINE_PLACEHOLDER_END_RE = re.compile(util.INLINE_PLACEHOLDER_PREFIX + r"([0-9]+)\x03$")


def _text_stats(text: str | None) -> dirmod.WordStats:
    if not text:
        return (None, 0, 0)
    if "\x02" in text:
        text = _STASH_RE.sub(" ", text)
    if "{" in text:  # an override not yet taken (containers are decided before their children)
        text = dirmod.OVERRIDE_RE.sub(" ", text)
    return dirmod.word_stats(text)


def _vote_stats(el: etree.Element, memo: dict[int, dirmod.WordStats]) -> dirmod.WordStats:
    """Word stats of the text of `el` that votes on its direction: no code, no raw-HTML placeholders.

    Computed once per element (children's stats are memoised and merged), so nested blocks cost
    one pass over the text; an element without code inside is read in one go.
    """
    cached = memo.get(id(el))
    if cached is not None:
        return cached
    if not len(el):
        stats = _text_stats(el.text)
    elif not any(next(el.iter(tag), None) is not None for tag in NO_VOTE_TAGS):
        stats = _text_stats("".join(el.itertext()))
    else:
        stats = _text_stats(el.text)
        for child in el:
            if child.tag not in NO_VOTE_TAGS:
                stats = dirmod.merge_stats(stats, _vote_stats(child, memo))
            stats = dirmod.merge_stats(stats, _text_stats(child.tail))
    memo[id(el)] = stats
    return stats


def _take_override(el: etree.Element) -> None:
    """Move a trailing `{dir=ltr}` left in the text (attr_list only reads it on its own line) to `dir`."""
    last = el[-1] if len(el) else None
    text = (last.tail if last is not None else el.text) or ""
    if "{" not in text:
        return
    match = dirmod.OVERRIDE_RE.search(text)
    if not match:
        return
    stripped = text[: match.start()].rstrip(" \t")
    if last is not None:
        last.tail = stripped
    else:
        el.text = stripped
    el.set("dir", match.group(1).lower())


def _take_table_override(table: etree.Element) -> None:
    """A `{dir=ltr}` line under a table becomes a last row: remove it and set the table's `dir`."""
    rows = list(table.iter("tr"))
    if not rows:
        return
    cells = list(rows[-1])
    texts = ["".join(cell.itertext()).strip() for cell in cells]
    match = dirmod.OVERRIDE_RE.fullmatch(texts[0]) if texts else None
    if not match or any(texts[1:]):
        return
    for section in table.iter():
        if rows[-1] in list(section):
            section.remove(rows[-1])
            break
    table.set("dir", match.group(1).lower())


_LEAKED_RE = re.compile("\x02?" + util.INLINE_PLACEHOLDER_PREFIX.lstrip("\x02") + "([0-9]+)\x03?")


def _repair_leaked_placeholders(root: etree.Element, stashed: dict) -> None:
    """Put back inline nodes whose placeholder Python-Markdown's emphasis broke (upstream bug).

    In Python-Markdown 3.11, `*A**B*C` with A, B, C inline elements (code, links, tags) leaves
    `klzzwxh:0002` as text and drops C; this restores C where its placeholder was.
    """
    for _ in range(100):
        if not _repair_one_leak(root, stashed):
            return


def _repair_one_leak(root: etree.Element, stashed: dict) -> bool:
    for parent in root.iter():
        for child in [None, *list(parent)]:
            text = parent.text if child is None else child.tail
            if not text or "klzzwxh:" not in text:
                continue
            match = _LEAKED_RE.search(text)
            node = stashed.get(match.group(1)) if match else None
            if node is None:
                continue
            before, after = text[: match.start()], text[match.end() :]
            if isinstance(node, str):
                repaired = before + node + after
                if child is None:
                    parent.text = repaired
                else:
                    child.tail = repaired
                return True
            node.tail = after
            if child is None:
                parent.text = before
                parent.insert(0, node)
            else:
                child.tail = before
                parent.insert(list(parent).index(child) + 1, node)
            return True
    return False


class DirectionTreeprocessor(Treeprocessor):
    """Set `dir` on every block element (an explicit `dir`, e.g. from `{dir=ltr}`, is kept)."""

    def __init__(self, md: Markdown, ext: MidadExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        self.ext.hashtags = []
        if "klzzwxh:" in "".join(root.itertext()):
            _repair_leaked_placeholders(root, self.md.treeprocessors["inline"].stashed_nodes)
        self._memo: dict[int, dirmod.WordStats] = {}
        self._assign(root, self.ext.article_dir)
        self._memo = {}
        seen: dict[str, None] = {}
        for span in root.iter("span"):
            if span.get("class") == "hashtag" and span.get("data-tag"):
                seen.setdefault(span.get("data-tag", ""), None)
        self.ext.hashtags = list(seen)

    def _assign(self, parent: etree.Element, inherited: str) -> None:
        for el in parent:
            if el.tag not in BLOCK_TAGS:
                if el.tag not in NO_VOTE_TAGS:
                    self._assign(el, inherited)
                continue
            if el.tag == "p" and len(el) == 0 and _STASH_RE.fullmatch((el.text or "").strip()):
                continue  # a raw HTML block: RawHtmlDirectionPostprocessor's business
            if el.tag in LEAF_BLOCK_TAGS:
                _take_override(el)
            elif el.tag == "table":
                _take_table_override(el)
            explicit = (el.get("dir") or "").lower()
            if explicit in ("rtl", "ltr"):
                chosen = explicit
            elif el.tag == "pre":
                chosen = "ltr"
            elif el.tag in ("thead", "tbody", "tfoot", "tr"):
                chosen = inherited  # a table mirrors as one piece
            else:
                chosen = dirmod.decide(_vote_stats(el, self._memo), inherited)
            el.set("dir", chosen)
            if el.tag in LEAF_BLOCK_TAGS:
                if self.ext.isolate_numbers:
                    isolate_numbers(el, chosen)
            if el.tag not in INLINE_ONLY_TAGS:
                self._assign(el, chosen)


class RawHtmlDirectionPostprocessor(Postprocessor):
    """Give `dir` to the block elements of raw HTML blocks (decided from the block's text)."""

    def __init__(self, md: Markdown, ext: MidadExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, text: str) -> str:
        stash = self.md.htmlStash
        for i, raw in enumerate(stash.rawHtmlBlocks):
            raw = str(raw)
            wrapped = f"<p>{stash.get_placeholder(i)}</p>"
            opening = re.match(r"\s*<([A-Za-z][A-Za-z0-9]*)", raw)
            if wrapped not in text or not opening:
                continue  # inline HTML, comments: nothing to give a `dir` to
            chosen = dirmod.text_direction(html_text(raw), self.ext.article_dir)
            if not self.md.is_block_level(opening.group(1)):
                text = text.replace(wrapped, f'<p dir="{chosen}">{stash.get_placeholder(i)}</p>')
                continue

            def wants_dir(tag: str, chosen: str = chosen) -> str | None:
                if tag not in BLOCK_TAGS:
                    return None
                return "ltr" if tag == "pre" else chosen

            stash.rawHtmlBlocks[i] = add_block_dirs(raw, wants_dir)
        return text


class MidadExtension(Extension):
    """Register Midad's processors on a Markdown instance."""

    def __init__(self, **kwargs) -> None:
        self.article_dir = "rtl"
        self.isolate_numbers = True
        self.hashtags: list[str] = []
        self.toc: TocTreeprocessor | None = None
        self.hashtag_processor: HashtagInlineProcessor | None = None
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown API
        md.parser.blockprocessors.register(CommonMarkHashHeaderProcessor(md.parser), "hashheader", 70)
        self.hashtag_processor = HashtagInlineProcessor(md)
        md.inlinePatterns.register(self.hashtag_processor, "midad_hashtag", 75)
        self.toc = TocTreeprocessor(md)
        md.treeprocessors.register(HashtagTailGuard(md, hide=True), "midad_tag_tail_hide", 9)
        md.treeprocessors.register(HashtagTailGuard(md, hide=False), "midad_tag_tail_show", 7)
        md.treeprocessors.register(self.toc, "midad_toc", 6)  # after attr_list (8): `{#id}` wins
        md.treeprocessors.register(DirectionTreeprocessor(md, self), "midad_direction", 4)
        md.postprocessors.register(RawHtmlDirectionPostprocessor(md, self), "midad_raw_dir", 35)
        make_parsing_linear(md)  # Python-Markdown scans quadratically on bracket and tag floods
        register_required_chars(HASHTAG_RE.pattern, "#")
        use_skipping_inline(md)  # the inline pass asks only the patterns that can match a text
        md.registerExtension(self)

    def reset(self) -> None:
        self.hashtags = []
        if self.hashtag_processor is not None:
            self.hashtag_processor.last_chars.clear()
