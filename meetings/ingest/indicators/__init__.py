"""Indicator values: ruled and unruled tables, sentences, scans, and the officers' commentary.

pipeline.py runs them in order; each module beside it reads one form."""

from .pipeline import extract_indicators, read_tables

__all__ = ["extract_indicators", "read_tables"]
