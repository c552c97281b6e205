"""The months, once: their names as packs print them ("March", "Mar", "Sept"), the pattern that
finds them in text, and their numbers. Dates (dates.py), periods (indicators/periods.py) and the
app's own labels (indicators/periods.py on the Django side) all read them from here."""

from __future__ import annotations

NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ABBREVIATIONS = tuple(name[:3] for name in NAMES)  # "Jan" … "Dec", as the app shows a month

# name (lower case) -> number: "march", "mar", and the "sept" some packs print
MONTHS: dict[str, int] = {
    **{name.lower(): n for n, name in enumerate(NAMES, start=1)},
    **{name.lower(): n for n, name in enumerate(ABBREVIATIONS, start=1)},
    "sept": 9,
}

# A month's name or abbreviation in text (no group); MONTH is the same as one capturing group.
MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
MONTH = f"({MONTH_WORD})"


def month_number(word: str) -> int | None:
    """'March', 'mar.', 'Sept' -> 3, 3, 9; None for a word that is no month."""
    word = (word or "").lower().rstrip(".")
    return MONTHS.get(word) or MONTHS.get(word[:3])
