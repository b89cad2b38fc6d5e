"""HTML (a browser, LibreOffice or Word clipboard; a Word file through mammoth) → Midad Markdown.

`markdownify` does the conversion, tuned through its converter class:

- headings `#`, `**bold**`, `*italic*`, links with their addresses (tracking parameters such as
  `utm_*` and `fbclid` removed, `javascript:` links reduced to their text), `-` lists, `>` quotes,
  pipe tables (a `|` in a cell is escaped, a cell's lines joined);
- bold and italic written as styles (`<span style="font-weight:bold">`, Google Docs and LibreOffice)
  count; Google Docs' `<b style="font-weight:normal">` wrapper does not;
- a line break (`<br>`) in a paragraph starts a new paragraph;
- scripts, styles, forms, comments and attributes are dropped; tracking pixels (1×1, hidden, or
  named like one) vanish; another site's image becomes a link to it (the editor loads nothing remote);
- Word's list paragraphs (`MsoListParagraph`, with their `·` / `1.` glyphs) become list items.

Every character of the text is kept (no bidi mark or letter is removed); paragraph direction is
Midad's to decide (`editor.core.text.direction`), so `dir` attributes are not copied.
Input over `MAX_HTML_CHARS` or nested deeper than Python can walk raises `HtmlTooComplex`; callers
fall back to the clipboard's plain text.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction
from markdownify import MarkdownConverter

from editor.core.text.messages import msg

MAX_HTML_CHARS = 8_000_000
MAX_DEPTH = 150  # markdownify recurses a few frames per element; Python allows 1000

_TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ref_src)$"
)
_PIXEL_NAMES = re.compile(r"(?i)(?:pixel|track|beacon|spacer|analytics|/b\.gif|1x1|blank\.gif|/t\.gif)")
_SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.IGNORECASE)
_NORMAL_WEIGHT = re.compile(r"font-weight\s*:\s*(?:normal|[1-4]00)", re.IGNORECASE)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORD_BULLET = re.compile(r"^\s*(?:[·•▪◦§o\-–]|\(?[0-9٠-٩]{1,3}[.)]|[a-zA-Z][.)])[\s\u00a0]+")
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head",
              "form", "button", "input", "select", "textarea", "nav", "video", "audio", "canvas")  # fmt: skip


class HtmlTooComplex(ValueError):
    """The HTML is too large or too deeply nested to convert safely."""


def clean_href(href: str) -> str | None:
    """A link target worth keeping (http(s), mailto, tel), without tracking parameters; else None."""
    href = href.strip()
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES:
        return None
    if parts.query:
        query = [
            (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING_PARAMS.match(k)
        ]
        parts = parts._replace(query=urlencode(query, doseq=True))
    return urlunsplit(parts)


def _is_pixel(el) -> bool:  # noqa: ANN001 - a bs4 Tag
    def small(name: str) -> bool:
        value = str(el.get(name) or "").strip().removesuffix("px")
        return value.isdigit() and int(value) <= 2

    style = str(el.get("style") or "")
    return (
        small("width")
        or small("height")
        or bool(_HIDDEN_STYLE.search(style))
        or bool(_PIXEL_NAMES.search(str(el.get("src") or "")))
    )


class MidadConverter(MarkdownConverter):
    """markdownify's converter with Midad's choices (see the module docstring)."""

    def __init__(self, **options: object) -> None:
        defaults = {
            "heading_style": "ATX",
            "bullets": "-",
            "strong_em_symbol": "*",
            "escape_asterisks": True,
            "escape_underscores": True,
            "escape_misc": False,
            "autolinks": True,
            "table_infer_header": True,
        }
        defaults.update(options)
        super().__init__(**defaults)

    def process_text(self, el, parent_tags=None):  # noqa: ANN001, ANN201
        # a newline in HTML source is a space to the reader (outside <pre>), never a line break
        text = super().process_text(el, parent_tags)
        if "pre" not in (parent_tags or ()):
            text = re.sub(r" *\n[ \n]*", " ", text)
        return text

    def convert_a(self, el, text, parent_tags):  # noqa: ANN001, ANN201 - markdownify's signature
        href = clean_href(str(el.get("href") or ""))
        if href is None:
            return text
        if re.search(r"[\s()<>]", href):
            href = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        el["href"] = href
        for name in list(el.attrs):
            if name != "href":
                del el[name]
        return super().convert_a(el, text, parent_tags)

    def convert_img(self, el, text, parent_tags):  # noqa: ANN001, ANN201
        if _is_pixel(el):
            return ""
        alt = " ".join(str(el.get("alt") or "").split())
        src = clean_href(str(el.get("src") or ""))
        if src is None or not src.startswith(("http://", "https://")):
            return alt
        label = alt or src.rsplit("/", 1)[-1].split("?", 1)[0] or src
        return f"[{label.replace('[', '(').replace(']', ')')}]({src})"

    def convert_b(self, el, text, parent_tags):  # noqa: ANN001, ANN201
        if _NORMAL_WEIGHT.search(str(el.get("style") or "")):
            return text  # Google Docs wraps a whole paste in <b style="font-weight:normal">
        return super().convert_b(el, text, parent_tags)

    convert_strong = convert_b

    def convert_span(self, el, text, parent_tags):  # noqa: ANN001, ANN201
        style = str(el.get("style") or "")
        if _BOLD_STYLE.search(style):
            text = super().convert_b(el, text, parent_tags)
        if _ITALIC_STYLE.search(style):
            text = super().convert_i(el, text, parent_tags)
        return text

    convert_font = convert_span

    def convert_br(self, el, text, parent_tags):  # noqa: ANN001, ANN201
        if (
            "_inline" in parent_tags
            or parent_tags & {"td", "th", "li"}
            or any(h in parent_tags for h in ("h1", "h2", "h3", "h4", "h5", "h6"))
        ):
            return " "
        return "\n\n"

    def convert_li(self, el, text, parent_tags):  # noqa: ANN001, ANN201
        # nested content is indented by four spaces: Python-Markdown's rule for nested lists
        text = (text or "").strip()
        if not text:
            return "\n"
        parent = el.parent
        if parent is not None and parent.name == "ol":
            start = int(parent["start"]) if str(parent.get("start") or "").isdigit() else 1
            bullet = f"{start + len(el.find_previous_siblings('li'))}. "
        else:
            bullet = "- "
        first, *rest = text.split("\n")
        return bullet + "\n".join([first, *("    " + line if line.strip() else "" for line in rest)]) + "\n"

    def convert_td(self, el, text, parent_tags):  # noqa: ANN001, ANN201
        return super().convert_td(el, " ".join(text.replace("|", "\\|").split()), parent_tags)

    convert_th = convert_td

    def convert_p(self, el, text, parent_tags):  # noqa: ANN001, ANN201
        classes = " ".join(el.get("class") or [])
        style = str(el.get("style") or "")
        if "MsoListParagraph" in classes or "mso-list" in style:
            numbered = re.match(r"^\s*\(?[0-9٠-٩]{1,3}[.)]", text)
            item = _WORD_BULLET.sub("", text.strip(), count=1).strip()
            if item:
                return f"\n{'1.' if numbered else '-'} {item}\n"
        return super().convert_p(el, text, parent_tags)


def _prepare(soup: BeautifulSoup) -> None:
    """Drop what never becomes text; unwrap layout tables (a table holding a table)."""
    for node in soup.find_all(
        string=lambda s: isinstance(s, (Comment, Declaration, Doctype, ProcessingInstruction))
    ):
        node.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(style=_HIDDEN_STYLE):
        tag.decompose()
    for table in soup.find_all("table"):
        if table.find("table") is not None:
            for part in [
                table,
                *table.find_all(["tbody", "thead", "tfoot", "tr", "td", "th"], recursive=False),
            ]:
                part.name = "div"
            for part in table.find_all(["tr", "td", "th", "tbody", "thead", "tfoot"]):
                if part.find_parent("table") is None:
                    part.name = "div"


def _tidy(markdown: str) -> str:
    lines = [line.rstrip() for line in markdown.replace("\r\n", "\n").split("\n")]
    lines = [line[1:] if line.startswith(" ") and not line.startswith("  ") else line for line in lines]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    # consecutive list items written as separate paragraphs (Word) make one tight list
    text = re.sub(r"(?m)^(- .*)\n\n(?=- )", r"\1\n", text)
    text = re.sub(r"(?m)^(\d+\. .*)\n\n(?=\d+\. )", r"\1\n", text)
    return text + "\n" if text else ""


def _depth(html: str) -> int:
    depth = best = 0
    for match in re.finditer(r"<(/?)([a-zA-Z][\w:-]*)[^<>]*?(/?)>", html):
        if match.group(1):
            depth = max(0, depth - 1)
        elif not match.group(3) and match.group(2).lower() not in (
            "br", "img", "hr", "meta", "link", "input", "col", "wbr", "source", "area", "base",
        ):  # fmt: skip
            depth += 1
            best = max(best, depth)
    return best


def html_to_markdown(html: str) -> str:
    """Markdown for an HTML document or fragment ('' when it holds no text)."""
    if len(html) > MAX_HTML_CHARS:
        raise HtmlTooComplex(msg("the HTML is too large to convert"))
    if _depth(html) > MAX_DEPTH:
        raise HtmlTooComplex(msg("the HTML is nested too deeply to convert"))
    html = re.sub(r"<!--StartFragment-->|<!--EndFragment-->", "", html)
    try:
        soup = BeautifulSoup(html, "html.parser")
        _prepare(soup)
        markdown = MidadConverter().convert_soup(soup)
    except RecursionError as exc:
        raise HtmlTooComplex(msg("the HTML is nested too deeply to convert")) from exc
    return _tidy(markdown)
