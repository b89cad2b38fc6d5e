"""Midad (مِداد): an offline RTL Markdown article editor for journalists who write in Arabic."""

__version__ = "0.1.0"
