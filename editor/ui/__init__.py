"""Midad's thin Qt layer: windows, widgets and dialogs over the core."""
