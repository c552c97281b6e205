"""Indicator values stated in sentences, for packs whose charts are pictures.

Only statements that say which month each number belongs to are read:

    "… decreased from 86% in January to 84% in February"        two values, two months
    "… decreased from 553 to 545 in February"                   the first is the month before
    "… remained similar (343 in January and 330 in February)"    two values, two months
    "… the care leaver supervision timeliness figure of 86% which has improved … from 45% in
     January"                                                    the first is the reporting month

Month names become periods against the latest month the report says it covers ("up to the end
of February 2023", "Overview highlighting February ‘23") or the month before the meeting; a month
only implied (the second and fourth forms) needs the reporting month stated on the page itself,
and "from 553 to 545 in January" when February is reported is left out (January and December,
or January and an earlier figure?). The indicator is named as the sentence names it. A target
("our local target of 90%") or a benchmark average belongs to the statement just before it in
the sentence, or to the last one read when the sentence begins "This …" (comparators.py).
Changes ("down 7%", "a 12 percentage point improvement"), counts without a month, months placed
in another year by words ("January last year", "In 2021/22 …"), values of one indicator that
two sentences give differently, and anything whose subject cannot be found are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from meetings.ingest.dates import month_number

from . import comparators
from .columns import unit_from_name
from .periods import MONTH, month_before, reporting_months

NOT_A_LEVEL = (
    r"(?!\s*(?:percentage points?|pp\b|points?\b|per cent(?:age)? points?|times\b|fold\b))"
)
MONTH_NAMES = MONTH.replace("(", "(?:", 1)  # the same alternatives, without capturing


def value(tag: str) -> str:
    """A printed number (and % sign) that is a level, not a change."""
    return rf"(?P<{tag}>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)\s*(?P<{tag}_pct>%?){NOT_A_LEVEL}"


def when(tag: str) -> str:
    """A month, with its year when the sentence gives one ("in December 2022"), and not one
    placed in another year by words we do not resolve ("in January last year")."""
    return (
        rf"(?P<{tag}_month>{MONTH_NAMES})(?:\s+(?P<{tag}_year>20\d\d)|\s*[‘'’](?P<{tag}_yy>\d\d))?\b"
        rf"(?!\s*[‘'’]?\d\d\b|\s+(?:of\s+)?(?:last|the\s+(?:previous|last|prior|same)|previous|prior)\b)"
    )


# Each statement names an earlier value (a) and a later one (b); the later may come first.
STATEMENTS = [
    re.compile(
        rf"\bfrom\s+{value('a')}\s+in\s+{when('a')}\s+to\s+{value('b')}\s+in\s+{when('b')}\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:to\s+)?{value('b')}\s+in\s+{when('b')},?\s+(?:from|compared\s+(?:to|with)|up\s+from|down\s+from)\s+{value('a')}\s+in\s+{when('a')}\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\(?\b{value('a')}\s+in\s+{when('a')}\s+and\s+{value('b')}\s+in\s+{when('b')}\b\)?",
        re.IGNORECASE,
    ),
    re.compile(rf"\bfrom\s+{value('a')}\s+to\s+{value('b')}\s+in\s+{when('b')}\b", re.IGNORECASE),
]
# "the care leaver supervision timeliness figure of 86% which has improved … from 45% in January":
# the later value is the reporting month's.
FIGURE_SINCE = re.compile(
    rf"\bthe\s+(?P<name>[\w\s&'’\-+/()]+?)\s+figure\s+of\s+{value('b')}\s+which\s+has\s+\w+(?:\s+\w+)?\s+from\s+{value('a')}\s+in\s+{when('a')}\b",
    re.IGNORECASE,
)
SUBJECT_START = re.compile(
    r"\b(?:the\s+|a\s+|our\s+)?((?:total\s+)?(?:number|percentage|proportion|rate|total|count|amount)\s+of\b)",
    re.IGNORECASE,
)
VERB = re.compile(
    r"\s+(?:has|have|had|is|was|were|are|remains?|remained|decreased|increased|reduced|rose|fell|dropped|declined|improved|"
    r"went|changed|saw|shows?|showed|increasing|decreasing|reducing|falling|rising|continues?|stayed|stays)\b",
    re.IGNORECASE,
)
LEAD_IN = re.compile(
    r"^(?:analysis\s*:\s*|there\s+(?:was|has\s+been)\s+an?\s+(?:\w+\s+)?(?:decrease|increase|reduction|rise|fall|drop)\s+in\s+|"
    r"(?:however|whilst|while|although|despite\s+this|also|overall|in\s+addition|and|but|or|as\s+well\s+as),?\s+|this\s+could\s+be\s+a\s+result\s+of\s+|our\s+|the\s+)+",
    re.IGNORECASE,
)
RELATIVE = re.compile(r"\s+(?:that|who|which)\s+(?:are|is|were|was)\s+", re.IGNORECASE)
# "This figure decreased from …", "Performance improved from …": the sentence does not say which
# indicator; a value read without its indicator would be a guess.
NOT_A_NAME = re.compile(
    r"^(?:this|that|these|those|it|its|which|there|performance|the figure|figures?|data|overall|we|our)\b"
    r"|^(?:an?\s+)?\d|\bpercentage points?\b"  # "a 12 percentage point improvement": a change
    r"|^(?:an?\s+)?(?:\w+\s+)?(?:improvement|increase|decrease|reduction|rise|fall|drop|change)\b",
    re.IGNORECASE,
)
YEAR_CONTEXT = re.compile(
    r"\b20\d\d\b|\b\d\d/\d\d\b|\b(?:last|previous|prior|that)\s+year\b",
    re.IGNORECASE,
)
SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])\s+(?=[A-Z(‘'\"“])|(?<=[a-z]\.)(?=[A-Z][a-z])|\s+(?=Analysis\s*:)"
)


def read(pages, meeting_date=None, warnings=None) -> list[dict]:
    if not pages:
        return []
    warnings = warnings if warnings is not None else []
    latest, stated = reporting_months(pages, meeting_date)
    if latest is None:
        return []
    found: dict[str, dict] = {}
    disputed: set[tuple[str, str]] = set()
    last = None
    for page in pages:
        for sentence in sentences(page.text):
            statements = []
            months = Months(latest, stated.get(page.number))
            for name, values, percent, span in read_sentence(sentence, months):
                item = found.setdefault(name.lower(), new_indicator(name, percent, page.number))
                for period, value in values:
                    add_value(item, period, value, page.number, disputed, warnings)
                statements.append((span, item))
            comparators.attach(sentence, statements, last)
            if statements:
                last = statements[-1][1]
            elif not comparators.CARRIES_ON.match(sentence):
                last = None
    out = []
    for item in found.values():
        item["values"].sort(key=lambda v: v["period"])
        if item["values"]:
            if item["unit"] is None and all(v["value"].is_integer() for v in item["values"]):
                item["unit"] = "count"
            out.append(item)
    return out


def add_value(item, period, value, page, disputed, warnings):
    """A value for a period the indicator already has with another figure is not kept: which of
    the two sentences meant what cannot be told."""
    key = (item["name"].lower(), period)
    if key in disputed:
        return
    same = [v for v in item["values"] if v["period"] == period]
    if not same:
        item["values"].append({"period": period, "value": value, "page": page})
    elif same[0]["value"] != value:
        disputed.add(key)
        item["values"].remove(same[0])
        warnings.append(
            {
                "page": page,
                "message": f"'{item['name'][:60]}' {period}: {value:g} here but "
                f"{same[0]['value']:g} on page {same[0]['page']}; neither was read",
            }
        )


def sentences(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [s.strip() for s in SENTENCE_BREAK.split(flat) if s.strip()]


def number(text: str) -> float:
    return float(text.replace(",", ""))


@dataclass(frozen=True)
class Months:
    """The months a sentence is read against: the latest any page reports on (to place month
    names) and the one its own page states (for a month only implied), if any."""

    latest: str
    stated: str | None = None


def read_sentence(sentence: str, months: Months | str) -> list[tuple[str, list, bool, tuple]]:
    """-> [(indicator name, [(period, value), …], is a percentage, span)] stated in one sentence,
    in the order they are written."""
    if isinstance(months, str):
        months = Months(months, months)
    out = []
    taken = []  # spans already read, so one statement is not read twice
    for pattern in [FIGURE_SINCE, *STATEMENTS]:
        for match in pattern.finditer(sentence):
            if any(start <= match.start() < end for start, end in taken):
                continue
            if YEAR_CONTEXT.search(sentence[: match.start()]) and not has_year(match):
                continue  # "In 2021/22 referrals fell from 20 in January …": not this year's months
            values = statement_values(match, months)
            if values is None:
                continue
            named = match.groupdict().get("name")
            name = clean_name(named) if named else subject_before(sentence, match.start(), taken)
            if name:
                out.append((name, values[0], values[1], match.span()))
                taken.append(match.span())
    return sorted(out, key=lambda statement: statement[3])


def has_year(match) -> bool:
    return any(value for key, value in match.groupdict().items() if key.endswith(("_year", "_yy")))


def statement_values(match, months: Months):
    """The (period, value) pairs a statement gives, or None unless its months run forward."""
    found = match.groupdict()
    month = months.latest
    later = resolve_slot(found, "b", month) if found.get("b_month") else months.stated
    earlier = resolve_slot(found, "a", month) if found.get("a_month") else None
    if later and earlier and slot_year(found, "b") and not slot_year(found, "a"):
        # "from 220 in January to 172 in February 2022": the January before that February.
        earlier = month_before(previous_period(later), found["a_month"])
    if earlier is None and later and later == months.stated:
        # "from 553 to 545 in February", February being the month reported on: the month before.
        # Of another month ("from 86% to 83% in January") it is not certain: left out.
        earlier = previous_period(later)
    if found["a_pct"] != found["b_pct"] or not (earlier and later and earlier < later <= month):
        return None
    # "from 540 in January 2022 to 545 in February" may mean February 2022 or 2023: read it only
    # if both readings agree.
    one_year = found.get("b_month") and slot_year(found, "a") and not slot_year(found, "b")
    if one_year and first_after(earlier, found["b_month"]) != later:
        return None
    return [(earlier, number(found["a"])), (later, number(found["b"]))], bool(found["b_pct"])


def slot_year(found: dict, tag: str) -> str | None:
    return found.get(f"{tag}_year") or (
        f"20{found[f'{tag}_yy']}" if found.get(f"{tag}_yy") else None
    )


def first_after(period: str, month_name: str) -> str | None:
    """The first month called `month_name` after `period` ('2022-01', 'February' -> '2022-02')."""
    year = int(period[:4])
    for candidate in (
        f"{year:04d}-{month_number(month_name) or 0:02d}",
        f"{year + 1:04d}-{month_number(month_name) or 0:02d}",
    ):
        if candidate > period:
            return candidate
    return None


def resolve_slot(found: dict, tag: str, reporting: str) -> str | None:
    return resolve(found[f"{tag}_month"], slot_year(found, tag), reporting)


def resolve(month_name: str, year: str | None, reporting: str) -> str | None:
    """A month named in a sentence, as a period: its own year if printed, else the latest such
    month on or before the reporting month."""
    return month_before(f"{year}-12" if year else reporting, month_name)


def previous_period(period: str) -> str:
    year, month = int(period[:4]), int(period[5:7]) - 1
    return f"{year - 1:04d}-12" if month == 0 else f"{year:04d}-{month:02d}"


def subject_before(sentence: str, end: int, taken) -> str | None:
    """The indicator the statement is about: the noun phrase before its verb."""
    start = max([e for _, e in taken if e <= end], default=0)
    clause = sentence[start:end]
    # Only the clause the statement is in: after the last comma or semicolon that ends a clause.
    clause = re.split(r"[;,:]\s+|\s+[–—-]\s+|\(", clause)[-1]
    subject = SUBJECT_START.search(clause)
    clause = clause[subject.start(1) :] if subject else LEAD_IN.sub("", clause.strip())
    clause = RELATIVE.sub(
        " ", clause
    )  # "children looked after that are placed" -> "… after placed"
    verb = VERB.search(clause)
    if verb:
        clause = clause[: verb.start()]
    clause = re.sub(r"\s+(?:with\s+an?\s+\w+|by)$", "", clause.strip())
    name = clean_name(clause)
    words = name.split()
    if (
        len(words) < 2
        or len(words) > 16
        or not re.search(r"[A-Za-z]{3}", name)
        or NOT_A_NAME.match(name)
    ):
        return None
    return name


def clean_name(text: str) -> str:
    text = LEAD_IN.sub("", " ".join(text.split()).strip(" ,;:"))
    text = RELATIVE.sub(" ", text)
    text = re.sub(r"\s+\+\s+", "+ ", text)  # "3 + moves" -> "3+ moves"
    text = re.sub(r"^(?:there\s+was\s+)?", "", text, flags=re.IGNORECASE).strip()
    return text[:1].upper() + text[1:]


def new_indicator(name: str, percent: bool, page: int) -> dict:
    unit = "percent" if percent else unit_from_name(name)
    return {
        "name": name,
        "ref": None,
        "unit": unit,
        "section": None,
        "values": [],
        "target": None,
        "benchmarks": [],
        "source": "narrative",
        "page": page,
    }
