"""Indicator values stated in sentences, for packs whose charts are pictures.

Only statements that say which month each number belongs to are read:

    "… decreased from 86% in January to 84% in February"        two values, two months
    "… decreased from 553 to 545 in February"                   the first is the month before
    "… remained similar (343 in January and 330 in February)"    two values, two months
    "… the care leaver supervision timeliness figure of 86% which has improved … from 45% in
     January"                                                    the first is the reporting month

Months become periods against the report's reporting month ("up to the end of February 2023",
"Overview highlighting February ‘23"), else the meeting date. The indicator is named as the
sentence names it. A target ("our local target of 90%") or a statistical-neighbour average in
the same sentence, or in the next one when it begins "This …", belongs to the indicator just
read. Changes ("down 7%", "a 12 percentage point improvement"), counts without a month, and
anything whose subject cannot be found are not values: they are left out.
"""

from __future__ import annotations

import re

from .columns import unit_from_name
from .periods import MONTH, month_before, reporting_month

NOT_A_LEVEL = (
    r"(?!\s*(?:percentage points?|pp\b|points?\b|per cent(?:age)? points?|times\b|fold\b))"
)
MONTH_NAMES = MONTH.replace("(", "(?:", 1)  # the same alternatives, without capturing


def value(tag: str) -> str:
    """A printed number (and % sign) that is a level, not a change."""
    return rf"(?P<{tag}>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)\s*(?P<{tag}_pct>%?){NOT_A_LEVEL}"


def when(tag: str) -> str:
    """A month, with its year when the sentence gives one ("in December 2022")."""
    return rf"(?P<{tag}_month>{MONTH_NAMES})(?:\s+(?P<{tag}_year>20\d\d))?"


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
TARGET = re.compile(
    r"\btarget\s+(?:of|is|at)\s+([<>≤≥]?)\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%?)",
    re.IGNORECASE,
)
NEIGHBOURS = re.compile(
    r"\bstatistical\s+neighbours?'?\s*(?:average|mean|figure)?\s+(?:of|is|at)\s+(\d+(?:\.\d+)?)\s*(%?)",
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
    r"(?:however|whilst|while|although|despite\s+this|also|overall|in\s+addition),?\s+|this\s+could\s+be\s+a\s+result\s+of\s+|our\s+|the\s+)+",
    re.IGNORECASE,
)
RELATIVE = re.compile(r"\s+(?:that|who|which)\s+(?:are|is|were|was)\s+", re.IGNORECASE)
ANOTHER_SUBJECT = re.compile(
    r"\b(?:also\s+)?highlight(?:ed|ing)?\b|\bcompar(?:ing|ed)\b", re.IGNORECASE
)
# "This figure decreased from …", "Performance improved from …": the sentence does not say which
# indicator; a value read without its indicator would be a guess.
NOT_A_NAME = re.compile(
    r"^(?:this|that|these|those|it|its|which|there|performance|the figure|figures?|data|overall|we|our)\b",
    re.IGNORECASE,
)
SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])\s+(?=[A-Z(‘'\"“])|(?<=[a-z]\.)(?=[A-Z][a-z])|\s+(?=Analysis\s*:)"
)


def read(pages, meeting_date=None, warnings=None) -> list[dict]:
    if not pages:
        return []
    month = reporting_month(" ".join(p.text for p in pages)) or month_of_meeting(meeting_date)
    if month is None:
        return []
    found: dict[str, dict] = {}
    last = None
    for page in pages:
        for sentence in sentences(page.text):
            statements = read_sentence(sentence, month)
            for name, values, percent in statements:
                item = found.setdefault(name.lower(), new_indicator(name, percent, page.number))
                known = {v["period"] for v in item["values"]}
                item["values"] += [
                    {"period": p, "value": v, "page": page.number}
                    for p, v in values
                    if p not in known
                ]
                last = item
            holder = (
                last
                if statements or re.match(r"^(?:this|it|which)\b", sentence, re.IGNORECASE)
                else None
            )
            if holder is not None:
                attach_comparators(sentence, holder)
            else:
                last = None
    for item in found.values():
        item["values"].sort(key=lambda v: v["period"])
    return list(found.values())


def month_of_meeting(meeting_date):
    if not meeting_date:
        return None
    year, month = int(meeting_date[:4]), int(meeting_date[5:7])
    month -= 1
    if month == 0:
        year, month = year - 1, 12
    return f"{year:04d}-{month:02d}"


def sentences(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [s.strip() for s in SENTENCE_BREAK.split(flat) if s.strip()]


def number(text: str) -> float:
    return float(text.replace(",", ""))


def read_sentence(sentence: str, month: str) -> list[tuple[str, list, bool]]:
    """-> [(indicator name, [(period, value), …], is a percentage)] stated in one sentence."""
    out = []
    taken = []  # spans already read, so one statement is not read twice
    for pattern in [FIGURE_SINCE, *STATEMENTS]:
        for match in pattern.finditer(sentence):
            if any(start <= match.start() < end for start, end in taken):
                continue
            values = statement_values(match, month)
            if values is None:
                continue
            named = match.groupdict().get("name")
            name = clean_name(named) if named else subject_before(sentence, match.start(), taken)
            if name:
                out.append((name, values[0], values[1]))
                taken.append(match.span())
    return out


def statement_values(match, month):
    """The (period, value) pairs a statement gives, or None unless its months run forward."""
    found = match.groupdict()
    later = (
        resolve(found.get("b_month"), found.get("b_year"), month) if found.get("b_month") else month
    )
    earlier = (
        resolve(found.get("a_month"), found.get("a_year"), month) if found.get("a_month") else None
    )
    if earlier is None and later:
        earlier = previous_period(later)  # "from 553 to 545 in February": the month before
    if found["a_pct"] != found["b_pct"] or not (earlier and later and earlier < later <= month):
        return None
    return [(earlier, number(found["a"])), (later, number(found["b"]))], bool(found["b_pct"])


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
    clause = re.split(
        r"[;,]\s+(?=(?:the|whilst|while|however|and|but|although|our)\b)",
        clause,
        flags=re.IGNORECASE,
    )[-1]
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
    unit = "percent" if percent else unit_from_name(name) or "count"
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


def attach_comparators(sentence: str, item: dict):
    percent = item["unit"] == "percent"
    target = TARGET.search(sentence)
    if target and ANOTHER_SUBJECT.search(sentence[: target.start()]):
        target = (
            None  # "… we have also highlighted the CLA supervision which remains below our target"
        )
    if target and item["target"] is None and bool(target.group(3)) == percent:
        item["target"] = number(target.group(2))
    neighbours = NEIGHBOURS.search(sentence)
    if (
        neighbours
        and bool(neighbours.group(2)) == percent
        and not any(b["kind"] == "statistical_neighbours" for b in item["benchmarks"])
    ):
        item["benchmarks"].append(
            {
                "label": "statistical neighbours average",
                "kind": "statistical_neighbours",
                "period": None,
                "value": number(neighbours.group(1)),
            }
        )
