"""User-facing sentences from the core, in English, that the UI can show translated.

`msg("{name} does not exist", name=path)` returns a `Text`: an ordinary `str` (the CLI prints it
as is) that also remembers its template and values, so the Qt layer can translate the template
(`editor.ui.common.i18n.localize`) and fill in the same values. The core stays free of Qt.
"""

from __future__ import annotations


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
