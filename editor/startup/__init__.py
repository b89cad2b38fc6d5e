"""Getting Midad started everywhere: can Qt open a window here, `midad --check`, the desktop entry."""
