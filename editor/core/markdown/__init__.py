"""The Markdown renderer: Midad's extension, masking, toc, sanitizer, hashtags, formatting edits and page outputs."""
