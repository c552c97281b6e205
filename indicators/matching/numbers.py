"""The numbers that define a measure: time limits, windows, ages, thresholds, a rate's base."""

from __future__ import annotations

import re

from .vocabulary import NUMBER_WORDS, TENS

_DAYS_PER = {"working": 7 / 5, "day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}

_TIME_UNITS = r"working days?|work days?|business days?|wd|calendar days?|days?|weeks?|wks?|months?|years?|yrs?"
DURATION = re.compile(
    rf"\b(?:(at least|more than|over|longer than|under|less than) )?(\d+(?:\.\d+)?) ?({_TIME_UNITS})\b"
    r"( ?(?:\+|or more|or longer|and over|plus))?"
)
AGE_OVER = re.compile(
    r"\b(?:aged? )?(\d{1,2}) ?(?:\+|plus|and over|or over|and above|or above|or older|and older)"
    r"(?: years?)?(?: olds?)?"
)
AGE_RANGE = re.compile(r"\baged? (\d{1,2}) (?:(?:to|and) )?(\d{1,2})\b")
AGE_YEAR_OLDS = re.compile(r"\b(\d{1,2}) (?:(?:to|and) )?(\d{1,2}) years? olds?\b")
AGE_PAIR = re.compile(r"\b(1[0-9]|2[0-5]) (1[0-9]|2[0-5])\b")
AGE_UNDER = re.compile(r"\b(?:aged? )?under (\d{1,2})s?\b")
AT_LEAST = re.compile(r"\b(\d+) ?(?:\+|or more|and more|plus|or over|and over)")
MORE_THAN = re.compile(r"\b(?:more than|over|greater than) (\d+)\b")
PER = re.compile(r"\bper ?(\d[\d,]*) ?(k\b)?")
YEARS = re.compile(r"\b(?:19|20)\d\d(?: ?[/-] ?\d{2,4})?\b")
BARE_NUMBER = re.compile(r"\b\d+(?:\.\d+)?\b")


def words_for_numbers(text: str) -> str:
    def tens(match):
        return str(NUMBER_WORDS[match.group(1)] + NUMBER_WORDS[match.group(2)])

    text = re.sub(
        rf"\b({'|'.join(TENS)})[ -]?(one|two|three|four|five|six|seven|eight|nine)\b", tens, text
    )
    return re.sub(rf"\b({'|'.join(NUMBER_WORDS)})\b", lambda m: str(NUMBER_WORDS[m.group(1)]), text)


def numbers_in(text: str) -> tuple[set[tuple[str, float | str]], str]:
    """The numbers that define a measure, and the text with them taken out.

    Kinds: duration (in days: "45 working days" = 63), clock (working / calendar / weeks …, so
    that "20 working days" and "28 days" are not taken as certainly equal), longer (a threshold:
    "for 2 years or more"), age ("13+", "16-17", "<5"), at_least ("3 or more"), per (a rate's
    base) and n (any other number: "key stage 2").
    """
    found: set[tuple[str, float | str]] = set()
    text = YEARS.sub(" ", text)

    def per(match):
        base = int(match.group(1).replace(",", ""))
        found.add(("per", base * (1000 if match.group(2) else 1)))
        return " "

    text = PER.sub(per, text)

    def duration(match):
        before, value, unit, after = match.groups()
        clock = (
            "working"
            if unit.startswith(("working", "work", "business")) or unit == "wd"
            else "day"
            if unit.startswith(("day", "calendar"))
            else "week"
            if unit.startswith("w")
            else "month"
            if unit.startswith("month")
            else "year"
        )
        days = round(float(value) * _DAYS_PER[clock])
        if after or before in ("at least", "more than", "over", "longer than"):
            found.add(("longer", days))
        else:
            found.add(("duration", days))
            found.add(("clock", "month" if clock == "year" else clock))
            if clock in ("working", "day"):
                found.add(("days_printed", float(value)))  # "45 days" is often 45 working days
        return " "

    text = DURATION.sub(duration, text)

    def age(kind):
        def add(match):
            groups = [int(g) for g in match.groups()]
            if kind == "range" and not groups[0] < groups[1] <= 25:
                return match.group(0)
            found.add(
                ("age", f"{groups[0]}-{groups[1]}" if kind == "range" else f"{groups[0]}{kind}")
            )
            return " "

        return add

    text = AGE_RANGE.sub(age("range"), text)
    text = AGE_YEAR_OLDS.sub(age("range"), text)
    text = re.sub(
        r"\baged? (\d{1,2}) ?(?:\+|plus|and over|or over|and above|or older)", age("+"), text
    )
    text = AGE_PAIR.sub(age("range"), text)  # "(19-21)", folded to "19 21"
    text = AGE_UNDER.sub(lambda m: found.add(("age", f"<{m.group(1)}")) or " ", text)

    def at_least(match):
        found.add(("at_least", int(match.group(1))))
        return " "

    text = AT_LEAST.sub(at_least, text)
    text = MORE_THAN.sub(lambda m: found.add(("at_least", int(m.group(1)) + 1)) or " ", text)
    text = AGE_OVER.sub(age("+"), text)
    for number in BARE_NUMBER.findall(text):
        found.add(("n", float(number)))
    text = BARE_NUMBER.sub(" ", text)
    return found, text
