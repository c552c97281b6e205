"""The glossary of terms and the list of acronyms."""

from .parse import parse_glossary

__all__ = ["parse_glossary"]
