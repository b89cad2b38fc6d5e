"""The Outline panel: the article's headings in the side panel, click to jump, following the caret."""
