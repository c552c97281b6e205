"""Is this printed indicator the same measure as that one? Pure Python, no Django.

Packs word one measure differently from year to year: "Percentage of C&F assessments completed
within 45 working days" (2022) is "… completed in 45 working days" (2023); "Number of CLA at the
end of the month" is "Number of children in care at month end". `describe()` turns a printed
name into what defines the measure — its concepts (acronyms expanded with the pack's glossary and
what the panel learned, wording variants folded), the numbers that define it (45 working days,
6 weeks, 12 months, aged 13+, 3 or more, per 10,000) and its unit — and `compare()` says:

- SAME: certain. Same unit, same concepts, the same defining numbers. Joined without asking.
- MAYBE: looks like the same measure; an officer decides (a suggestion).
- DIFFERENT: never offered — units cross, a defining number disagrees ("10 working days" is not
  "20 working days"), one is a sub-group of the other ("… who are UASC"), or the things counted
  differ (open cases are not active plans).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from .acronyms import acronyms_between, acronyms_in  # noqa: F401 (part of the API)
from .numbers import numbers_in, words_for_numbers
from .vocabulary import (
    ACRONYMS,
    LIGHT,
    PHRASES,
    READABLE,
    SOFT_SUBGROUPS,
    STOPWORDS,
    SUBGROUPS,
    THINGS,
    unit_in_words,
)

# "C&F" must survive punctuation: join it before anything else.
_AMPERSAND_ACRONYM = re.compile(r"\b([A-Za-z])\s*&\s*([A-Za-z])\b")


class Verdict(StrEnum):
    SAME = "same"
    MAYBE = "maybe"
    DIFFERENT = "different"


@dataclass(frozen=True)
class Measure:
    name: str
    unit: str
    concepts: frozenset[str]
    numbers: frozenset[tuple[str, float | str]] = field(default_factory=frozenset)

    @property
    def things(self) -> frozenset[str]:
        return self.concepts & THINGS

    def dimensions(self) -> dict[str, set]:
        found: dict[str, set] = {}
        for kind, value in self.numbers:
            found.setdefault(kind, set()).add(value)
        return found


@dataclass(frozen=True)
class Match:
    verdict: Verdict
    score: float
    reason: str
    hard: bool = False  # a defining difference (unit, number, sub-group, thing counted)


# --- describing one printed name ------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case ASCII words and numbers, '&' acronyms joined ('C&F' → 'c&f'), '%' and '+' kept."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    text = _AMPERSAND_ACRONYM.sub(r"\1&\2", text)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # 10,000
    text = text.lower().replace("'s", "s").replace("’s", "s")
    text = re.sub(r"[^a-z0-9&%+.]+", " ", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    return " ".join(text.split())


def expand_acronyms(text: str, acronyms: dict[str, str]) -> str:
    def replace(match):
        word = match.group(0)
        bare = word[:-1] if word.endswith("s") and word[:-1] in acronyms else word
        return f" {acronyms[bare]} " if bare in acronyms else word

    return re.sub(r"[a-z0-9&]+", replace, text)


def singular(word: str) -> str:
    if word.startswith("z") or len(word) <= 3 or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("us"):
        return word[:-1]
    return word


def describe(name: str, unit: str = "", acronyms: dict[str, str] | None = None) -> Measure:
    """What defines the measure printed as `name`. `acronyms`: the pack's and panel's own."""
    known = {**ACRONYMS, **{k.lower(): v for k, v in (acronyms or {}).items()}}
    text = fold(name)
    text = expand_acronyms(text, {k: fold(v) for k, v in known.items()})
    text = " ".join(text.replace("%", " ").replace("&", " and ").split())
    text = words_for_numbers(text)
    text = re.sub(r"\bsection (\d+)", r"section \1", text)
    text = f" {text} "
    for pattern, replacement in PHRASES:
        text = re.sub(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])", replacement, text)
    numbers, text = numbers_in(text)
    words = {singular(w) for w in text.split() if w not in STOPWORDS and len(w) > 1}
    words -= STOPWORDS
    if any(kind == "duration" for kind, _ in numbers):
        words.discard("ztimely")  # "within 6 weeks" says what "within timescale" means
    if unit == "rate" and ("per", 10000) in numbers:
        unit = "rate_per_10k"  # "Rate of CLA per 10,000" read as a rate of unstated base
    return Measure(
        name=name, unit=unit or "", concepts=frozenset(words), numbers=frozenset(numbers)
    )


# --- comparing two ---------------------------------------------------------------------------


def weight(word: str) -> float:
    if word in SOFT_SUBGROUPS or word in LIGHT:
        return 0.5
    if word.startswith("z"):
        return 2.0
    if word in THINGS:
        return 1.5
    return 1.0


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    if not union:
        return 0.0
    return sum(weight(w) for w in a & b) / sum(weight(w) for w in union)


# A number only one side states: a sub-group ("aged 13+", "3 or more", "for 2 years or more")
# is a different measure; a time limit or a window only one states may be the same one.
ONE_SIDED_SUBGROUP = {"age", "at_least", "longer"}


def number_conflict(a: Measure, b: Measure) -> tuple[str | None, bool, str | None]:
    """(why they disagree, whether both state the same numbers, a limit only one states)."""
    da, db = a.dimensions(), b.dimensions()
    loose, one_sided = False, None
    for kind in da.keys() & db.keys():
        if kind in ("clock", "days_printed"):
            continue
        if (
            kind == "duration"
            and da.get("days_printed", set()) & db.get("days_printed", set())
            and not any(close(x, y) for x in da[kind] for y in db[kind])
        ):
            loose = True  # "within 45 days" and "within 45 working days": an officer decides
            continue
        if kind in ("duration", "longer"):
            if not any(close(x, y) for x in da[kind] for y in db[kind]):
                return (
                    f"different time limits ({describe_numbers(da[kind])} vs "
                    f"{describe_numbers(db[kind])} days)",
                    False,
                    None,
                )
        elif not da[kind] & db[kind]:
            return (
                f"different {kind.replace('_', ' ')} ({describe_numbers(da[kind])} vs "
                f"{describe_numbers(db[kind])})",
                False,
                None,
            )
    for kind in (da.keys() ^ db.keys()) & ONE_SIDED_SUBGROUP:
        values = da.get(kind) or db.get(kind)
        other = db if kind in da else da
        if kind == "longer" and any(close(x, y) for x in values for y in other.get("duration", ())):
            # "for at least 12 months" and "in the last 12 months": the same year, worded twice
            loose = True
            continue
        one_sided = f"only one is limited to {kind.replace('_', ' ')} {describe_numbers(values)}"
        loose = True
    ignored = ("clock", "days_printed")
    agree = not loose and {k: v for k, v in da.items() if k not in ignored} == {
        k: v for k, v in db.items() if k not in ignored
    }
    if "clock" in da and "clock" in db and not da["clock"] & db["clock"]:
        agree = False  # 20 working days and 28 days: equal in length, not certainly the same rule
    return None, agree, one_sided


def close(x, y) -> bool:
    return abs(x - y) <= max(1, 0.05 * max(x, y))


def describe_numbers(values) -> str:
    return ", ".join(
        str(int(v) if isinstance(v, float) and v.is_integer() else v)
        for v in sorted(values, key=str)
    )


def hard_difference(reason: str) -> Match:
    return Match(Verdict.DIFFERENT, 0.0, reason, hard=True)


def compare(a: Measure, b: Measure, suggest_at: float = 0.45) -> Match:
    if a.unit != b.unit:
        return hard_difference(f"units differ ({a.unit or '?'} vs {b.unit or '?'})")
    conflict, numbers_agree, one_sided = number_conflict(a, b)
    if conflict:
        return hard_difference(conflict)
    only = a.concepts ^ b.concepts
    groups = (only & SUBGROUPS) - SOFT_SUBGROUPS
    if groups:
        return hard_difference("one is a sub-group: " + ", ".join(sorted(plain(groups))))
    if a.things and b.things and not a.things & b.things:
        return hard_difference(
            f"counts different things ({', '.join(plain(a.things))} vs {', '.join(plain(b.things))})",
        )
    score = similarity(a.concepts, b.concepts)
    if one_sided:
        # "Number of CLA" and "Number of CLA aged 13+": most likely a sub-group, maybe only a
        # shorter wording of one measure. Never joined; offered when the rest agrees.
        if score >= 0.7:
            return Match(Verdict.MAYBE, 0.5, one_sided)
        return Match(Verdict.DIFFERENT, round(score, 2), one_sided)
    worded_a, worded_b = unit_in_words(a.name), unit_in_words(b.name)
    if worded_a and worded_b and worded_a != worded_b:
        # "Number of … with 3+ moves" read as a percentage: the unit field and the words disagree
        return Match(Verdict.MAYBE, min(score, 0.6), f"one says {worded_a}, the other {worded_b}")
    if a.concepts == b.concepts and a.concepts and numbers_agree:
        return Match(Verdict.SAME, 1.0, "the same measure worded differently")
    if a.concepts == b.concepts and a.concepts:
        return Match(Verdict.MAYBE, 0.9, "same wording; only one states its time limit or age")
    if score >= suggest_at:
        return Match(Verdict.MAYBE, round(score, 2), "similar wording: " + differences(a, b))
    return Match(Verdict.DIFFERENT, round(score, 2), "wording too different")


def plain(words) -> list[str]:
    return sorted(READABLE.get(w, w[1:] if w.startswith("z") else w) for w in words)


def differences(a: Measure, b: Measure) -> str:
    parts = []
    if a.concepts - b.concepts:
        parts.append("only the first says " + ", ".join(plain(a.concepts - b.concepts)))
    if b.concepts - a.concepts:
        parts.append("only the second says " + ", ".join(plain(b.concepts - a.concepts)))
    return "; ".join(parts) or "numbers stated by one only"


def match(
    name_a: str, unit_a: str, name_b: str, unit_b: str, acronyms: dict[str, str] | None = None
) -> Match:
    return compare(describe(name_a, unit_a, acronyms), describe(name_b, unit_b, acronyms))


# --- priority areas -----------------------------------------------------------------------------


def section_key(section: str) -> str:
    """'Right Service at the Right Time' and 'Right Service, Right Time' are one priority area."""
    words = [singular(w) for w in fold(section).replace("&", " and ").split()]
    return " ".join(
        w for w in words if w not in {"at", "the", "and", "of", "for", "a", "an", "in", "to"}
    )
