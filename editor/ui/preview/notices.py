"""The preview's notices (depth, size and markup limits) in the interface's language.

The render runs in a worker process that has no translations: `preview_html` writes each notice's
sentence as data (`data-midad-msg`, see `editor.core.text.messages.dump_text`) beside its English
text, and the window puts the translated sentence in its place, laid out in the interface's direction.
"""

from __future__ import annotations

import html
import re

from editor.core.text.messages import load_text
from editor.ui.common.i18n import localize

_NOTICE_RE = re.compile(r'<p class="midad-notice" dir="(?:rtl|ltr)" data-midad-msg="([^"<>]*)">[^<]*</p>')


def localize_notices(page: str, right_to_left: bool) -> str:
    """`page` (from `preview_html`) with every notice in the interface's language and direction."""
    if 'data-midad-msg="' not in page:
        return page
    direction = "rtl" if right_to_left else "ltr"

    def one(match: re.Match[str]) -> str:
        sentence = localize(load_text(html.unescape(match.group(1))))
        return f'<p class="midad-notice" dir="{direction}">{html.escape(sentence)}</p>'

    return _NOTICE_RE.sub(one, page)
