"""Midad's core: pure Python, no Qt. Article model, storage, rendering, direction, Arabic helpers."""
