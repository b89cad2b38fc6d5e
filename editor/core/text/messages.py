"""User-facing sentences from the core, in English, that the UI can show translated.

`msg("{name} does not exist", name=path)` returns a `Text`: an ordinary `str` (the CLI prints it
as is) that also remembers its template and values, so the Qt layer can translate the template
(`editor.ui.common.i18n.localize`) and fill in the same values. The core stays free of Qt.
"""

from __future__ import annotations

import json


class Text(str):
    """A str that remembers the English template and values it was made from."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, params: dict[str, object]) -> Text:
        self = super().__new__(cls, template.format(**params))
        self.template = template
        self.params = params
        return self

    def __getnewargs__(self) -> tuple[str, dict[str, object]]:  # pickling (results of worker processes)
        return (self.template, self.params)


def msg(template: str, **params: object) -> Text:
    """A translatable sentence: `template` is English with `{name}` fields filled from `params`."""
    return Text(template, params)


def join_texts(parts: list[object]) -> Text | None:
    """Several sentences as one translatable `Text` ("a; b; c"), or None when there are none."""
    texts = [p if isinstance(p, Text) else msg("{message}", message=str(p)) for p in parts if p]
    if not texts:
        return None
    joined = texts[-1]
    for text in reversed(texts[:-1]):
        joined = msg("{first}; {rest}", first=text, rest=joined)
    return joined


_MAX_DEPTH = 64  # a stored message is Midad's own, but the cache file could be damaged


def _as_data(value: object, depth: int = 0) -> object:
    if isinstance(value, Text) and depth < _MAX_DEPTH:
        return {"t": value.template, "p": {k: _as_data(v, depth + 1) for k, v in value.params.items()}}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return str(value)


def _from_data(data: object, depth: int = 0) -> object:
    if isinstance(data, dict) and depth < _MAX_DEPTH:
        params = data.get("p")
        if not isinstance(data.get("t"), str) or not isinstance(params, dict):
            raise ValueError("not a stored message")
        return Text(data["t"], {str(k): _from_data(v, depth + 1) for k, v in params.items()})
    if isinstance(data, int | float | str) and not isinstance(data, bool):
        return data
    raise ValueError("not a stored message")


def dump_text(text: str | None) -> str | None:
    """A sentence as JSON text that keeps its template and values (for a cache or index), None as None."""
    if text is None:
        return None
    return json.dumps(_as_data(text), ensure_ascii=False)


def load_text(stored: str | None) -> str | None:
    """The sentence `dump_text` stored, a `Text` again; text that is not such JSON is returned as it is."""
    if stored is None:
        return None
    try:
        value = _from_data(json.loads(stored))
    except (ValueError, KeyError, IndexError, RecursionError):
        return stored
    return value if isinstance(value, str) else stored
