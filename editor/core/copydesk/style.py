"""House style: the copy desk's choices, kept in `.midad/house-style.json` in the library folder.

The file is small JSON so the whole desk (everyone who opens the library) shares it. Missing file,
unreadable JSON or unknown values give the defaults (Moroccan press: «…» quotes, Western digits,
an en dash after the dateline); a broken file never stops a check.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

STYLE_FILE = Path(".midad") / "house-style.json"

# quotes: outer opening, outer closing, inner opening, inner closing
QUOTE_STYLES = {
    "«»": ("«", "»", "“", "”"),
    "”“": ("”", "“", "’", "‘"),
    "“”": ("“", "”", "‘", "’"),
}
DIGIT_STYLES = ("western", "arabic-indic", "any")
DASHES = {"en": "\u2013", "em": "\u2014", "hyphen": "-"}


@dataclass(frozen=True)
class HouseStyle:
    """The desk's choices. Unknown or bad values in the file fall back to these defaults."""

    quotes: str = "«»"
    digits: str = "western"
    dateline_dash: str = "en"
    news: bool = False  # every article is a news article (needs a dateline)

    @property
    def quote_marks(self) -> tuple[str, str, str, str]:
        return QUOTE_STYLES[self.quotes]

    @property
    def dash(self) -> str:
        return DASHES[self.dateline_dash]


_CHOICES = {"quotes": tuple(QUOTE_STYLES), "digits": DIGIT_STYLES, "dateline_dash": tuple(DASHES)}


def style_from_dict(data: object) -> HouseStyle:
    """A HouseStyle from parsed JSON, keeping only valid values."""
    if not isinstance(data, dict):
        return HouseStyle()
    values: dict[str, object] = {}
    for f in fields(HouseStyle):
        value = data.get(f.name)
        if f.name in _CHOICES and value in _CHOICES[f.name]:
            values[f.name] = value
        elif f.name == "news" and isinstance(value, bool):
            values[f.name] = value
    return HouseStyle(**values)


def style_path(library: Path) -> Path:
    return Path(library) / STYLE_FILE


def load_style(library: Path | None) -> HouseStyle:
    """The library's house style, or the defaults when there is no readable file."""
    if library is None:
        return HouseStyle()
    try:
        raw = style_path(library).read_bytes()
        if len(raw) > 64_000:
            return HouseStyle()
        return style_from_dict(json.loads(raw.decode("utf-8")))
    except (OSError, ValueError):
        return HouseStyle()


def save_style(library: Path, style: HouseStyle) -> None:
    """Write the house style atomically (a temporary file renamed over the old one)."""
    path = style_path(library)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(asdict(style), ensure_ascii=False, indent=2) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".house-style.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def find_library(path: Path) -> Path:
    """The folder whose house style applies to the article at `path`: the nearest folder upwards
    holding `.midad/house-style.json`, else the article's own folder."""
    folder = Path(path).resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / STYLE_FILE).is_file():
            return candidate
    return folder
