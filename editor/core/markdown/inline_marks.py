"""Inline fixes of Midad's renderer that need a leaf block's text as a whole.

- `isolate_numbers`: the LEFT-TO-RIGHT MARKs of `direction.isolate_number_runs`, decided on the
  block's whole text (what the bidi algorithm sees), then put into the prose texts it came from.
- `HashtagTailGuard`: keeps Python-Markdown's attr_list from taking a `{…}` glued to a hashtag.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from editor.core.text import direction as dirmod

NO_VOTE_TAGS = frozenset({"code", "pre", "kbd", "samp", "script", "style"})
_STASH_RE = re.compile("\x02[^\x03]*\x03")


def _text_slots(el: etree.Element) -> list[tuple[etree.Element, str, bool]]:
    """`(node, "text" | "tail", inside code)` for every text of `el`, in reading order (no recursion)."""
    slots: list[tuple[etree.Element, str, bool]] = []
    stack: list[tuple[etree.Element, str, bool]] = [(el, "text", False)]
    while stack:
        node, attr, in_code = stack.pop()
        slots.append((node, attr, in_code))
        if attr == "text":
            for child in reversed(node):
                stack.append((child, "tail", in_code))
                stack.append((child, "text", in_code or child.tag in NO_VOTE_TAGS))
    return slots


def isolate_numbers(el: etree.Element, paragraph_dir: str) -> None:
    """Add the marks of `direction.isolate_number_runs` to the texts of a leaf block.

    The runs are found in the block's text as a whole (what the bidi algorithm sees), so a run
    after an inline element (`**الوزير** 03-73`, a tag, a link, code) is judged by the Arabic
    word inside that element. Marks go into prose texts only, never inside code.
    """
    if not dirmod.may_have_number_runs("".join(el.itertext())):
        return
    slots = _text_slots(el) if len(el) else [(el, "text", False)]
    texts = [getattr(node, attr) or "" for node, attr, _code in slots]
    whole = "".join(texts)
    if "\x02" in whole:  # raw-HTML placeholders are neutral, whatever letters their names hold
        whole = _STASH_RE.sub(lambda m: " " * len(m.group(0)), whole)
    # marks[i]: what goes before (and, for a separator of Arabic-Indic digits, after) whole[i]
    marks: dict[int, str] = {}
    for start, end in dirmod.number_runs(whole, paragraph_dir):
        if any(unicodedata.bidirectional(ch) == "AN" for ch in whole[start:end]):
            for i in range(start, end):
                if whole[i] in dirmod.REVERSING_SEPARATORS:
                    marks[i] = "both"
        elif not whole[:start].endswith(dirmod.LRM):
            marks[start] = "before"
    if not marks:
        return
    offset = 0
    for (node, attr, in_code), text in zip(slots, texts, strict=True):
        end = offset + len(text)
        here = [i - offset for i in marks if offset <= i < end]
        if here and not in_code:
            pieces: list[str] = []
            last = 0
            for i in sorted(here):
                pieces.append(text[last:i])
                if marks[i + offset] == "both":
                    pieces.append(f"{dirmod.LRM}{text[i]}{dirmod.LRM}")
                    last = i + 1
                else:
                    pieces.append(dirmod.LRM)
                    last = i
            pieces.append(text[last:])
            setattr(node, attr, "".join(pieces))
        offset = end


_HIDDEN_TAIL = "data-midad-tail"


class HashtagTailGuard(Treeprocessor):
    """Keep attr_list away from hashtags: `#ن{ا}` keeps its `{ا}` as text, `#وسم{.}` stays a tag.

    A tag is not an element a writer styles: a `{…}` glued to it is text (a trailing `{dir=ltr}`
    is then the paragraph's override). Runs twice: before attr_list it parks the tail of every tag
    that starts with `{` in an attribute (`hide`), after attr_list it puts it back.
    """

    def __init__(self, md: Markdown, hide: bool) -> None:
        super().__init__(md)
        self.hide = hide

    def run(self, root: etree.Element) -> None:
        for span in root.iter("span"):
            if span.get("class") != "hashtag":
                continue
            if self.hide and span.tail and span.tail.startswith("{"):
                span.set(_HIDDEN_TAIL, span.tail)
                span.tail = None
            elif not self.hide and _HIDDEN_TAIL in span.attrib:
                span.tail = span.attrib.pop(_HIDDEN_TAIL) + (span.tail or "")
