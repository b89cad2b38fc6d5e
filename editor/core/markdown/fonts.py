"""The fonts Midad ships for the page (resources/fonts/, SIL OFL) as CSS `@font-face` rules.

The editor and the preview load the same files with Qt. An exported HTML page names the pair in
its stylesheet (`article.css`: "Noto Serif", then "Noto Naskh Arabic"); `font_face_css(embed=True)`
also carries the font data inline (`data:` URLs, about 2 MB) for a page that must look the same on
a machine without the fonts, such as the page a PDF is printed from.
"""

from __future__ import annotations

import base64
from functools import lru_cache

from editor.resources import resource_path

# (family, weight, file name)
BUNDLED_FONTS = (
    ("Noto Serif", 400, "NotoSerif-Regular.ttf"),
    ("Noto Serif", 700, "NotoSerif-Bold.ttf"),
    ("Noto Naskh Arabic", 400, "NotoNaskhArabic-Regular.ttf"),
    ("Noto Naskh Arabic", 700, "NotoNaskhArabic-Bold.ttf"),
)


@lru_cache(maxsize=2)
def font_face_css(embed: bool = False) -> str:
    """`@font-face` rules for the shipped fonts: the installed face by name, and with `embed` the
    shipped file inline. A missing file is left out (the stack in article.css still applies)."""
    rules = []
    for family, weight, name in BUNDLED_FONTS:
        sources = [f'local("{family}")', f'local("{name.removesuffix(".ttf")}")']
        path = resource_path("fonts", name)
        if embed and path.is_file():
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            sources.append(f'url("data:font/ttf;base64,{data}") format("truetype")')
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: normal; '
            f"src: {', '.join(sources)}; }}"
        )
    return "\n".join(rules)
