"""One sentence's value statements: which indicator, which months, and whether the sentence
agrees with itself (narrative.py reads the pages; narrative_forms.py holds the patterns)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from meetings.ingest.indicators import narrative_checks as checks
from meetings.ingest.indicators.columns import unit_from_name
from meetings.ingest.indicators.narrative_forms import MONTH_NAMES, PATTERNS
from meetings.ingest.indicators.narrative_months import (
    OTHER_TIME_AFTER,
    YEAR_CONTEXT,
    from_to_values,
    has_year,
    month_before_the_subject,
    month_in_name,
    month_unknown,
    number,
    slot_period,
)
from meetings.ingest.schema import warning

SUBJECT_START = re.compile(
    r"\b(?:the\s+|a\s+|our\s+)?((?:total\s+)?(?:number|percentage|proportion|rate|total|count|amount)\s+of\b)",
    re.IGNORECASE,
)
VERB = re.compile(
    r"\s+(?:has|have|had|is|was|were|are|remains?|remained|decreased|increased|reduced|rose|fell|dropped|declined|improved|"
    r"went|changed|saw|shows?|showed|increasing|decreasing|reducing|falling|rising|continues?|stayed|stays|stands?|"
    r"stood|sits?|sat|reached|totalled|numbered|amounted|grew|climbed|peaked|dipped|ended|jumped|slipped|moved|settled|recovered|came)\b",
    re.IGNORECASE,
)
LEAD_IN = re.compile(
    r"^(?:analysis\s*:\s*|there\s+(?:was|has\s+been)\s+an?\s+(?:\w+\s+)?(?:decrease|increase|reduction|rise|fall|drop)\s+in\s+|"
    r"(?:however|whilst|while|although|despite\s+this|also|overall|in\s+addition|and|but|or|as\s+well\s+as|"
    r"meanwhile|similarly|likewise|encouragingly|positively|pleasingly|notably|currently|at\s+present|"
    r"this\s+month|in\s+(?:"
    + MONTH_NAMES
    + r")(?:\s+20\d\d)?),?\s+|this\s+could\s+be\s+a\s+result\s+of\s+|our\s+|the\s+)+",
    re.IGNORECASE,
)
RELATIVE = re.compile(r"\s+(?:that|who|which)\s+(?:are|is|were|was)\s+", re.IGNORECASE)
# "This figure decreased from …", "Performance improved from …": the sentence does not say which
# indicator; a value read without its indicator would be a guess.
NOT_A_NAME = re.compile(
    r"^(?:this|that|these|those|it|its|which|there|performance|the figure|figures?|data|overall|we|our|"
    r"analysis|summary|note|key|overview|update|actions?|next\s+steps|comment(?:ary)?|context|"
    r"they|he|she)\b|^(?:the\s+)?(?:rates?|numbers?|percentages?|levels?|totals?|figures?)$"
    r"|^(?:an?\s+)?\d|\bpercentage points?\b"  # "a 12 percentage point improvement": a change
    r"|^(?:an?\s+)?(?:\w+\s+)?(?:improvement|increase|decrease|reduction|rise|fall|drop|change)\b",
    re.IGNORECASE,
)
NOT_A_NAME_ANYWHERE = re.compile(
    r"\b(?:target|benchmark|statistical\s+neighbours?|neighbours?|comparators?|SN|national|england|"
    r"regional|south\s+east|average\s+of|mean|members?|quorum|councillors?)\b"
    r"|\b(?:19|20)\d\d\b|\b\d\d\s*/\s*\d\d\b"  # a year in a name: "… in 2021/22"
    r"|^(?:of|to|were|was|will|would|have|has|had|are|is|be|been|being|for|from|in|on|at|by|as|with)\b",
    re.IGNORECASE,
)
# Counts of something that is not a service's performance: staff, time, meetings.
NOT_AN_INDICATOR = re.compile(
    r"\b(?:staff|social\s+workers?|workers?|employees|officers?|managers?|practitioners?|vacanc\w*|agency|"
    r"posts?|fte|teams?|days?|weeks?|months?|years?|hours?|minutes?|meetings?|sessions?|training|courses?|"
    r"events?|members?|councillors?|panels?|schools?|nurser\w+|settings?|pages?|slides?|times?|people\s+attended)\b",
    re.IGNORECASE,
)
DIGIT = re.compile(r"\d")
STAFF = re.compile(
    r"\b(?:staff|social\s+workers?|workers|employees|vacanc\w*|agency|fte|posts|headcount)\b", re.I
)
YEARLY = re.compile(
    r"\b(?:attainment|KS\d|key\s+stage|GCSE|progress\s+8|academic\s+year|outturn)\b", re.I
)
# One word names an indicator only as a term: "Re-referrals", "EHCPs", "NEET".
TERM = re.compile(r"[A-Za-z]+-[\w\-]+|[A-Z]{2,}[\w\-]*")
WORD = re.compile(r"[a-z0-9+]+(?:-[a-z0-9]+)*", re.IGNORECASE)
NOT_CONTENT = {
    "the", "of", "in", "a", "an", "number", "total", "count", "our", "at", "to", "for", "and", "on",
    "percentage", "proportion", "all", "with", "by",
}  # fmt: skip


class Reading(NamedTuple):
    name: str
    values: list  # [(period, value), …]
    unit: str | None
    span: tuple[int, int]


@dataclass(frozen=True)
class Months:
    """The months a sentence is read against: the latest any page reports on (to place month
    names) and the one its own page states (for a month only implied), if any."""

    latest: str
    stated: str | None = None


# the phrasing families are tried in order; splitting them would hide that order
def read_sentence(  # noqa: C901
    sentence: str, months: Months | str, page=None, warnings=None, heading=None
) -> list[Reading]:
    """The value statements of one sentence, in the order they are written."""
    if isinstance(months, str):
        months = Months(months, months)
    warnings = warnings if warnings is not None else []
    if not DIGIT.search(sentence):
        return []  # most of a report's prose: no figure to read, and no pattern to try
    out, taken = [], []  # spans already read, so one statement is not read twice
    for family, pattern in PATTERNS:
        for match in pattern.finditer(sentence):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            if YEAR_CONTEXT.search(sentence[: match.start()]) and not has_year(match):
                continue  # "In 2021/22 referrals fell from 20 in January …": not this year's months
            found = match.groupdict()
            if family == "loose" and (found.get("b_month") or found.get("a_month")):
                continue  # printed months are the strict forms' to judge ("from 86% to 83% in January")
            if family == "colon" and paragraph_number(found, sentence[match.end() :]):
                continue
            if family == "level" and found.get("verb") and is_a_change(match):
                continue  # "increased 12% since April": by how much, not to what
            if family == "number_first":
                found = number_first(found)
                if NOT_AN_INDICATOR.search(found["noun"]) or A_DIFFERENCE.match(found["noun"]):
                    continue
            named = found.get("name")
            if named:
                name = clean_name(named)
                if family == "subject_after" and (
                    NOT_AN_INDICATOR.search(" ".join(name.split()[:3])) or A_DIFFERENCE.match(name)
                ):
                    continue  # "There were 12 more referrals than in April": a difference
                name = name if acceptable(name) else None
            else:
                name = subject_before(sentence, match.start(), taken)
            if not name:
                continue
            name, found = month_in_name(name, found, family)
            if family not in ("from_to", "since"):
                if OTHER_TIME_AFTER.match(sentence[match.end() :]):
                    continue  # "… rose from 20 to 25 in 2021/22": not a month of this report
                found = month_before_the_subject(sentence[: match.start()], found)
            if family not in ("from_to", "since") and month_unknown(found, months):
                warnings.append(
                    warning(page, f"'{name[:60]}': {found['b']} is of no stated month: not read")
                )
                taken.append(span)
                continue
            readings = [
                with_heading(reading, heading)
                for reading in statement(found, months, family, name, span)
            ]
            # "Children were …": one plain word is not an indicator's name, unless the heading's.
            readings = [
                r
                for r in readings
                if len(r.name.split()) > 1 or TERM.fullmatch(r.name) or r.name == heading
            ]
            if not readings:
                continue
            problem = disagreement(sentence, match, taken, found, readings[0])
            taken.append(span)
            if problem:
                said = readings[0].name[:60]
                warnings.append(warning(page, f"'{said}': {problem}: values not read"))
                continue
            out += readings
    return sorted(out, key=lambda reading: reading.span)


def statement(found, months, family, name, span) -> list[Reading]:
    if family in ("from_to", "since"):
        values = from_to_values(found, months)
        if values is None:
            return []
        return [Reading(name, values, "percent" if found["b_pct"] else unit_from_name(name), span)]
    later = slot_period(found, "b", months, None)
    if later is None or later > months.latest:
        return []
    if not found.get("b_month") and YEARLY.search(name):
        return []  # "attainment at KS2 has increased to 8%": a school year's, not this month's
    values = [(later, number(found["b"]))]
    if found.get("a") is not None:
        earlier = slot_period(found, "a", months, later)
        if bool(found["a_pct"]) != bool(found["b_pct"]):
            return []
        if earlier is not None:
            if earlier >= later:
                return []  # "80% in January, compared with 85% in February": runs backwards
            values.insert(0, (earlier, number(found["a"])))
    unit = slot_unit(found, "b", name)
    if family == "rate_of" and found["kind"].lower() == "rate":
        unit = unit if unit in ("rate_per_10k", "percent") else "rate"
        name = rate_name(name)
    out = [Reading(name, values, unit, span)]
    if found.get("rate") is not None and not found.get("rate_pct"):
        rate_unit = "rate_per_10k" if found.get("rate_per") else "rate"
        out.append(Reading(rate_name(name), [(later, number(found["rate"]))], rate_unit, span))
    return out


LIST_TAIL = re.compile(
    r"^[a-z][\w\-']*(?:\s+[a-z][\w\-']*){0,2}\s+(?:or|and)\s+[a-z][\w\-']*(?:\s+[a-z][\w\-']*)?\s*(?:is|are|was|were|has|have|remains?|stands?)?\s*$"
)


# "12 more referrals", "3 fewer children", "22% progressed to a referral": not a level of a noun
A_DIFFERENCE = re.compile(
    r"(?:more|fewer|less|additional|extra|further|other|new|of|[a-z]+ed)\b", re.IGNORECASE
)
MOVED = re.compile(
    r"(?:increas|decreas|r[io]s|fell|fall|reduc|dropp|declin|grew|grow|climb|jump|dipp|slipp|went|gone)",
    re.IGNORECASE,
)
TO_A_LEVEL = re.compile(
    r"\b(?:to|at|of|around|about|approximately|nearly|almost|over|under)\s*$", re.IGNORECASE
)


def is_a_change(match) -> bool:
    """A direction verb with its figure straight after it ("rose 12%", "fell 5 in May") says by
    how much; only "rose to 12%" or "fell to 5" says the level."""
    if not MOVED.search(match["verb"]):
        return False
    between = match.string[match.end("verb") : match.start("b")]
    return not TO_A_LEVEL.search(between)


def paragraph_number(found: dict, after: str) -> bool:
    """ "Statutory power to undertake proposals in the report: 26." — the number of the next
    paragraph, not a figure: a bare whole number closing a label's line with a full stop."""
    bare = not (found.get("b_pct") or found.get("b_per") or found.get("a"))
    return bare and re.fullmatch(r"\d{1,3}", found["b"]) is not None and after.startswith(".")


def number_first(found: dict) -> dict:
    """ "312 families were supported by Early Help": the indicator is "families supported by
    Early Help"; its month printed before the number or after the phrase, not both."""
    out = {**found, "name": f"{found['noun']} {found['rest']}"}
    if found.get("b2_month"):
        if found.get("b_month"):
            return {**out, "name": None}
        out.update(b_month=found["b2_month"], b_year=found["b2_year"])
    return out


def slot_unit(found, tag, name) -> str | None:
    if found.get(f"{tag}_pct"):
        return "percent"
    if found.get(f"{tag}_per"):
        return "rate_per_10k"
    unit = unit_from_name(name)
    return None if unit == "percent" else unit  # "the percentage of …" printed without "%"


def disagreement(sentence, match, taken, found, reading) -> str | None:
    """What the sentence says about its two figures that they do not bear out, if anything."""
    if len(reading.values) < 2:
        return None
    earlier, later = reading.values[0][1], reading.values[1][1]
    if (found.get("a_month") or found.get("a_rel")) and reading.values[0][0] > reading.values[1][0]:
        earlier, later = later, earlier
    start = max([e for _, e in taken if e <= match.start()], default=0)
    clause = re.split(r"[;:]\s+|\s+[–—]\s+", sentence[start : match.start()])[-1]
    before = clause + match.group(0)
    after = re.split(r"[;]|\s+(?:and|but|while|whilst|whereas)\s+", sentence[match.end() :])[0]
    return checks.direction_disagrees(before, earlier, later) or checks.change_disagrees(
        before, after, earlier, later, reading.unit == "percent"
    )


def with_heading(reading: Reading, heading: str | None) -> Reading:
    name = by_heading(reading.name, heading)
    if name == reading.name:
        return reading
    unit = reading.unit
    if unit in (None, "rate") and unit_from_name(name) == "rate_per_10k":
        unit = "rate_per_10k"  # "The rate of assessments, 512" under "… per 10,000"
    return reading._replace(name=name, unit=unit)


def by_heading(name: str, heading: str | None) -> str:
    """ "Contacts" under the heading "Contacts to the front door" is that indicator."""
    if not heading:
        return name
    words = content_words(name)
    return heading if words and words <= content_words(heading) else name


def content_words(text: str) -> set[str]:
    words = {w.lower() for w in WORD.findall(text)} - NOT_CONTENT
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words}


def rate_name(name: str) -> str:
    """ "Number of children in care" with a rate of 91 -> "Rate of children in care"."""
    if re.match(r"rates?\b", name, re.IGNORECASE):
        return name
    core = re.sub(
        r"^(?:the\s+)?(?:total\s+)?(?:number|count|total|percentage|proportion)\s+of\s+",
        "",
        name,
        flags=re.IGNORECASE,
    )
    if not core[:2].isupper():
        core = core[:1].lower() + core[1:]
    return f"Rate of {core}"


def acceptable(name: str) -> bool:
    words = name.split()
    return (
        1 <= len(words) <= 16
        and bool(re.search(r"[A-Za-z]{3}", name))
        and not NOT_A_NAME.match(name)
        and not STAFF.search(name)
        and not NOT_A_NAME_ANYWHERE.search(name)
    )


def subject_before(sentence: str, end: int, taken) -> str | None:
    """The indicator the statement is about: the noun phrase before its verb."""
    start = max([e for _, e in taken if e <= end], default=0)
    clause = sentence[start:end]
    # Only the clause the statement is in: after the last comma or semicolon that ends a clause.
    parts = re.split(r"[;,:]\s+|\s+[–—-]\s+|\((?![^()]*\))", clause)
    clause = parts[-1]
    # "The percentage of care leavers in employment, education or training is 61%": a list in
    # the name, not a new clause.
    if len(parts) > 1 and LIST_TAIL.match(clause) and SUBJECT_START.search(parts[-2]):
        clause = f"{parts[-2]}, {clause}"
    subject = SUBJECT_START.search(clause)
    clause = clause[subject.start(1) :] if subject else LEAD_IN.sub("", clause.strip())
    clause = RELATIVE.sub(
        " ", clause
    )  # "children looked after that are placed" -> "… after placed"
    verb = VERB.search(clause)
    if verb:
        clause = clause[: verb.start()]
    clause = re.sub(
        r"\s+(?:with\s+an?\s+\w+|by|now|currently|still|also|again)$", "", clause.strip()
    )
    name = clean_name(clause)
    return name if acceptable(name) else None


def clean_name(text: str) -> str:
    text = LEAD_IN.sub("", " ".join(text.split()).strip(" ,;:"))
    text = RELATIVE.sub(" ", text)
    text = re.sub(r"\s+\+\s+", "+ ", text)  # "3 + moves" -> "3+ moves"
    text = re.sub(r"^(?:there\s+was\s+)?", "", text, flags=re.IGNORECASE).strip()
    return text[:1].upper() + text[1:]
