"""Make rendered HTML safe to show and to paste: nh3 with Midad's allow-list, no remote resources.

Kept: the structural and inline tags an article needs, with `dir`, `lang`, `id`, `class` and
`title` everywhere (nh3's default allow-list drops them and would undo the direction model and
the table of contents). Dropped: `<script>`, `<style>`, `<iframe>`, forms, media and embeds
(with their content for script/style), every event handler and `style` attribute, comments,
and link targets other than relative, `http(s):`, `mailto:` and `tel:` (so no `javascript:` or
`data:`). Images are kept only when their source is local (relative to the article, or an
absolute path): a remote image (`http(s)://`, `//host/…`, any other scheme) becomes a plain
link `<a class="remote-image" href="…">alt</a>` (a `<span>` with the alt text when the
source was not http(s)), so nothing in the output fetches from the
network.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = frozenset(
    "a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em "
    "figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp section small span "
    "strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr".split()
)
GENERIC_ATTRIBUTES = frozenset({"dir", "lang", "id", "class", "title"})
TAG_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "span": {"data-tag"},
    "details": {"open"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
CLEAN_CONTENT_TAGS = frozenset({"script", "style", "iframe", "object", "embed", "template", "noscript"})

# nh3's output escapes `>` in attribute values, so `[^>]*` reaches the end of the tag
_IMG_OR_LINK_RE = re.compile(r"<(/?)(a|img)\b[^>]*>", re.IGNORECASE)
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class _AttrReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = {k: v or "" for k, v in attrs}

    handle_startendtag = handle_starttag


def _attributes(tag_html: str) -> dict[str, str]:
    reader = _AttrReader()
    reader.feed(tag_html)
    reader.close()
    return reader.attrs


def is_remote_url(url: str) -> bool:
    """True when loading `url` would leave the machine (any scheme, or `//host`)."""
    # browsers read `\` as `/` in URLs: `/\host/a.png` and `\/host` are `//host` too
    url = url.strip().replace("\\", "/")
    return url.startswith("//") or bool(_SCHEME_RE.match(url))


def _replace_remote_image(match: re.Match[str], inside_link: bool = False) -> str:
    attrs = _attributes(match.group(0))
    src = attrs.get("src", "")
    if src and not is_remote_url(src):
        return match.group(0)
    label = attrs.get("alt") or attrs.get("title") or src
    extra = "".join(f' {k}="{html.escape(attrs[k])}"' for k in ("dir", "lang") if k in attrs)
    if not src or inside_link:  # a disallowed source (ftp:, data:, javascript:), or a link already
        return f'<span class="remote-image"{extra}>{html.escape(label)}</span>' if label else ""
    href = html.escape(src) if src.lower().startswith(("http://", "https://")) else "#"
    return f'<a class="remote-image" href="{href}"{extra} rel="noopener noreferrer">{html.escape(label)}</a>'


# nh3 (html5ever's serializer) writes `&amp;` and `&nbsp;` in time quadratic in their number within
# one text node: 400,000 ampersands in one paragraph took 2.9 s, 400,000 no-break spaces 5.3 s.
# Above this many, each such character goes through nh3 as a stand-in character the fragment does
# not contain, and the stand-ins are turned back into the entities nh3 would have written.
_SLOW_ESCAPES_FROM = 2_000
_AMPERSAND_RE = re.compile(r"&(?:amp|#0*38|#[xX]0*26);")
_NBSP_RE = re.compile(r"\xa0|&(?:nbsp|#0*160|#[xX]0*[aA]0);")
# raw-text elements keep entities undecoded: there a stand-in would not give nh3's own output back
_RAW_TEXT_RE = re.compile(
    r"<(?:xmp|iframe|noembed|noframes|noscript|plaintext|textarea|title|style|script)\b", re.I
)
_STAND_IN_FIRST = 0xE000  # private use: nh3 keeps these characters as they are


def _stand_ins(fragment: str) -> tuple[str, str]:
    """Two private-use characters that do not occur in the fragment."""
    present = set(fragment)
    free = (chr(code) for code in range(_STAND_IN_FIRST, 0xF900) if chr(code) not in present)
    return next(free), next(free)


def sanitize_html(fragment: str) -> str:
    """The safe version of an HTML fragment (see the module docstring for what survives)."""
    if fragment.count("&") + fragment.count("\xa0") < _SLOW_ESCAPES_FROM or _RAW_TEXT_RE.search(fragment):
        return _clean(fragment)
    ampersand, nbsp = _stand_ins(fragment)
    protected = _NBSP_RE.sub(nbsp, _AMPERSAND_RE.sub(ampersand, fragment))
    return _clean(protected).replace(ampersand, "&amp;").replace(nbsp, "&nbsp;")


def _clean(fragment: str) -> str:
    attributes = {tag: set(attrs) for tag, attrs in TAG_ATTRIBUTES.items()}
    attributes["*"] = set(GENERIC_ATTRIBUTES)
    cleaned = nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes=attributes,
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        link_rel="noopener noreferrer",
    )
    return _replace_remote_images(cleaned)


def _replace_remote_images(cleaned: str) -> str:
    """Remote images become links, or text inside a link (a link in a link would be split)."""
    if "<img" not in cleaned and "<IMG" not in cleaned:
        return cleaned
    pieces: list[str] = []
    last = 0
    link_depth = 0
    for match in _IMG_OR_LINK_RE.finditer(cleaned):
        if match.group(2).lower() == "a":
            link_depth = max(0, link_depth + (-1 if match.group(1) else 1))
            continue
        pieces.append(cleaned[last : match.start()])
        pieces.append(_replace_remote_image(match, inside_link=link_depth > 0))
        last = match.end()
    pieces.append(cleaned[last:])
    return "".join(pieces)
