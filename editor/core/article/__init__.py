"""The article file format: front matter, the Article model with lossless edits, storage (atomic, verified), slugs."""
