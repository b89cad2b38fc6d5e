"""An article put in the editor before its `Document` exists (the GUI start's first frame).

`show_in_editor(editor, loaded)` shows the body exactly as `Document.load` would; the `ShownArticle`
it returns lets `Document.load(path, shown)` take the article over later without showing it again.
Kept apart from `document` so the first frame does not import the document's machinery.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor.core.article.files import LoadedArticle
from editor.core.article.model import Article
from editor.core.text.direction import article_direction

if TYPE_CHECKING:
    from editor.ui.editor.markdown_edit import MarkdownEdit


def editor_body(article: Article, decide: int = 20_000) -> tuple[str, str]:
    """`(body, direction)`: the article's body as the editor holds it (newlines `\\n`), and its direction
    from its first `decide` characters (the pause's whole-text check follows; 100,000 characters of
    short words took 60-90 ms on the GUI thread: a file read in the background decides from 100,000)."""
    body = article.body.replace("\r\n", "\n").replace("\r", "\n") if "\r" in article.body else article.body
    return body, article_direction(article.meta, body[:decide])


@dataclass(frozen=True)
class ShownArticle:
    """An article an editor already shows (put there at the GUI start, before its `Document` existed)."""

    loaded: LoadedArticle
    body_at_load: str  # the editor's text right after it was shown


def show_in_editor(editor: MarkdownEdit, loaded: LoadedArticle) -> ShownArticle:
    """Show `loaded`'s body in `editor` exactly as `Document.load` does."""
    editor.set_body(*editor_body(loaded.article))
    return ShownArticle(loaded, editor.body_text())
