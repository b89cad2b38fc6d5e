"""Import (web text, HTML paste, Word) and export (Word) of articles; Qt-free. See docs/convert.md."""
