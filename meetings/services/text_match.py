"""Comparing wordings: the same thing printed differently in two packs."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9%]+")


def normalised(text: str) -> str:
    """Lower case, accents and punctuation gone, single spaces: for matching, never for display."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return _NON_WORD.sub(" ", text.lower()).strip()
