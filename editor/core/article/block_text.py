"""The front matter as plain text: what *Edit front matter as text* shows, and applying an edit to it.

An edit is checked before it is applied: the block must still be a block of the same kind that the
parser reads without an error, and the body must not move (a `---` line typed inside the YAML would
end the block early and turn the rest into body text).
"""

from __future__ import annotations

from editor.core.article.model import Article
from editor.core.text.messages import msg

__all__ = ["front_matter_text", "with_front_matter_text"]


def front_matter_text(article: Article) -> str:
    """The block's text between its fences (`\\n` line ends), or '' when there is none."""
    if article.split is None:
        return ""
    return article.split.yaml_text.replace("\r\n", "\n").replace("\r", "\n")


def with_front_matter_text(article: Article, text: str) -> Article:
    """`article` with the block's text replaced by `text` (same fences, body and line ends).

    Raises ValueError with a one-line reason when the new text does not read (bad YAML, TOML or
    JSON) or would change where the body starts.
    """
    newline = article.newline
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text and not text.endswith("\n"):
        text += "\n"
    if newline != "\n":
        text = text.replace("\n", newline)
    split = article.split
    if split is None:
        if not text.strip():
            return article
        new_text = f"---{newline}{text}---{newline}{article.text}"
        kind = "yaml"
    else:
        if split.kind == "json":
            text = text.rstrip("\r\n")  # the closing `}` line ends the block; its line end is the closing
        new_text = split.opening + text + split.closing + split.body
        kind = split.kind
    edited = Article.from_text(new_text)
    if edited.split is None or edited.split.kind != kind or edited.body != article.body:
        raise ValueError(
            msg("this text would end the front matter early (a `---` line inside?); nothing changed")
        )
    blocking = next((p for p in edited.problems if p.blocks_field_edits), None)
    if blocking is not None:
        raise ValueError(blocking.describe())
    return edited
