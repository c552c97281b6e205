"""What each column of a performance table holds, read from its header.

A column is one of: the indicator's name, its reference code, its unit ("Outturn type"), a
period of values, a target, a benchmark (statistical neighbours, region, England, core cities,
the council's own earlier outturn with its own period), or something that is not a value at all
(RAG, commentary) and must never become one. Some of those print what a row's values must agree
with: a % change, a direction of travel, an average or a maximum ("check" roles, never values
themselves: crosscheck.py compares them with the values read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from meetings.ingest.indicators.periods import MONTH, parse_period, squash

REGIONS = r"se(?:\s*avg|\s*average)?|south[\s-]?east|south[\s-]?west|north[\s-]?east|north[\s-]?west|east midlands|west midlands|yorkshire|london|eastern|east of england|inner london|outer london|region(?:al)?"


CHECK_ROLES = ("change", "direction", "average", "maximum", "total")

# "Comparators updated Mar-19, using 17-18 data", "(based on 2022/23 data)": the period of the
# comparators printed once in a banner over them, not in each header.
DATA_PERIOD = re.compile(
    r"\b(?:using|uses|based on|from)\s+(?:the\s+)?(\S+(?:\s+\S+)?)\s+(?:data|figures|outturns?)\b",
    re.IGNORECASE,
)


def data_period(text: str) -> str | None:
    """The period a banner says the comparators are for, or None."""
    for match in DATA_PERIOD.finditer(text or ""):
        for candidate in (match.group(1), match.group(1).split()[-1]):
            period = parse_period(candidate)
            if period:
                return period
    return None


@dataclass(frozen=True)
class Column:
    role: str  # name, ref, unit, value, target, benchmark, ignore, or a CHECK_ROLES one
    period: str | None = None
    kind: str | None = None  # benchmark kind
    label: str = ""


def header_label(text: str) -> str:
    """Header text with its wrapping undone: 'Statistic\\nal Neigh\\nbours' -> 'Statistical Neighbours'."""
    out = ""
    for part in (text or "").split("\n"):
        part = part.strip()
        if not part:
            continue
        if not out:
            out = part
        elif (
            (out[-1].isalpha() and part[:1].islower())
            or (out[-1].isdigit() and part[:1].isdigit())
            or out.endswith("-")
        ):
            out += part
        elif out[-1].isupper() and part.isupper() and len(part) <= 4 and part.isalpha():
            out += part  # "PERCENTA" + "GE"
        else:
            out += " " + part
    return out


# Comparators that are not the council itself: a column "<one of these> 20/21" is not an own outturn.
COMPARATOR_WORDS = re.compile(
    r"neighbo|comparator|benchmark|national|england|region|average|\bavg\b|median|quartile|"
    r"similar|family|dfe|ofsted|unitary|county|shire|core|cit(?:y|ies)|all\b|\bla\b|las\b|"
    r"authorit|\bsn\b|\bsns\b|\bse\b|\beng\b|\buk\b|\bgb\b|wales|scotland|peer|group",
    re.IGNORECASE,
)
OWN_WORDS = re.compile(r"\boutturns?\b|\bactuals?\b|\byear[\s-]*end\b|\bour\b|\bown\b|\bcouncil\b")
NOT_A_VALUE = re.compile(
    r"%\s*change|change|direction|\bdot\b|trend|\brag\b|^status|commentary|comments?|notes?|"
    r"polarity|good is|is better|better is|rank|quartile|year to date|\bytd\b|rolling|cumulative|"
    r"to date|forecast|projected|projection|variance|difference|\+/-|as at|last year|previous|"
    r"prior month|last month|\bvs\b|compared",
)


# one decision over a header's words: each branch is a form councils print ("Outturn type", "SN", "19/20")
def classify(text: str, own: frozenset[str] | set[str] = frozenset()) -> Column:  # noqa: C901
    """What a header cell says its column holds. `own` holds the council's names ("southampton"):
    "Southampton 19/20" is the council's own earlier outturn, "Hampshire 19/20" is not."""
    banner = None
    if DATA_PERIOD.search(text or ""):
        # A banner written over the header ("… using 17-18 data"): its period is the column's,
        # the rest of its words are not part of the label.
        banner = data_period(text)
        text = "\n".join(line for line in text.split("\n") if not DATA_PERIOD.search(line))
        found = classify(text, own)
        if found.role == "benchmark" and found.period is None and banner:
            return Column("benchmark", kind=found.kind, period=banner, label=found.label)
        return found
    label = header_label(text)
    flat = squash(text).lower().replace(" ", "")
    words = label.lower()
    if not flat:
        return Column("ignore")
    if re.fullmatch(
        r"(?:ref(?:erence)?|code|no|kpi (?:ref|no|code)|id|pi (?:ref|no|code)|measure (?:ref|code))\.?",
        words.strip(),
    ):
        return Column("ref", label=label)
    if re.search(r"outturn\s*type|^units?\b|measure type|type of measure|^format", words):
        return Column("unit", label=label)
    check = check_role(words)
    if check:
        return Column(check, label=label)
    if NOT_A_VALUE.search(words):
        return Column("ignore", label=label)
    period = parse_period(text)
    if period:
        return Column("value", period=period, label=label)
    if re.search(r"indicator|measure|description|\bkpi\b|^pi\b|metric", words):
        return Column("name", label=label)
    period = trailing_period(label)
    if period == AMBIGUOUS:
        return Column("ignore", label=label)
    if "target" in flat:
        return Column("target", period=period, label=label)
    if (
        "neighbour" in flat
        or "neighbor" in flat
        or re.search(r"\bsns?\b(?:\s*(?:avg|average))?", words)
        or "statneigh" in flat
    ):
        return Column("benchmark", kind="statistical_neighbours", period=period, label=label)
    if "corecit" in flat:
        return Column("benchmark", kind="core_cities", period=period, label=label)
    if re.search(r"\b(?:england|national|eng|nat)\b", words):
        return Column("benchmark", kind="england", period=period, label=label)
    if re.search(rf"\b(?:{REGIONS})\b", words):
        return Column("benchmark", kind="region", period=period, label=label)
    if re.search(r"average|\bavg\b|\bmean\b", words):
        return Column("average", label=label)  # "12 month average": derived, not a value
    if period and is_own_outturn(label, own):
        return Column("benchmark", kind="own_outturn", period=period, label=label)
    if period and re.search(r"[a-z]", words):
        # Another council or group named with a year ("Hampshire 19/20"): kept by its label.
        return Column("benchmark", kind="other", period=period, label=label)
    return Column("ignore", label=label)


def check_role(words: str) -> str | None:
    """'% change', 'DoT', 'Maximum': columns that restate what the values must show."""
    if re.fullmatch(r"%?\s*change(?: on (?:last|previous) (?:month|quarter|year|period))?", words):
        return "change"
    if re.fullmatch(r"dot|direction(?: of travel)?|trend|↑↓|arrow", words.strip()):
        return "direction"
    if re.fullmatch(r"(?:max(?:imum)?|highest|peak)(?: value)?", words.strip()):
        return "maximum"
    if re.fullmatch(r"(?:year |annual )?total(?: for the year)?", words.strip()):
        return "total"
    return None


def is_own_outturn(label: str, own) -> bool:
    """'Southampton 19/20', 'Outturn 2020-21', '2020/21 actual': the council's own earlier year."""
    rest = re.sub(
        rf"\b\d{{2,4}}\s*[/\-–]\s*\d{{2,4}}\b|\b{MONTH}[\s\-'’]*\d{{2,4}}\b",
        " ",
        label,
        flags=re.IGNORECASE,
    )
    rest = " ".join(re.sub(r"[()\[\],:]", " ", rest).split()).lower()
    for name in own:
        if rest == name or rest.startswith(name + " "):
            rest = rest[len(name) :].strip()
            if not rest or re.fullmatch(r"(?:city|county|borough)?\s*(?:council)?", rest):
                return True
            break
    # "Outturn", "2020/21 actual", "Our 20/21": nothing but words for the council's own figure.
    return bool(rest) and not re.sub(rf"{OWN_WORDS.pattern}|\bfinal\b|\bthe\b", "", rest).strip()


AMBIGUOUS = "ambiguous"


def trailing_period(label: str) -> str | None:
    """A period written in a header with other words: 'Southampton 19/20' -> '2019-20'; AMBIGUOUS
    when the label names two different periods ('Feb-21 to Feb-22')."""
    found = set()
    for pattern in (
        r"\b\d{2,4}\s*[/\-–]\s*\d{2,4}\b",
        r"\bQ[1-4]\s*\d{2,4}\b",
        r"\b[A-Za-z]{3,9}[\s\-']*\d{2,4}\b",
    ):
        for candidate in re.findall(pattern, label):
            period = parse_period(candidate)
            if period:
                found.add(period)
    if len(found) > 1:
        return AMBIGUOUS
    return found.pop() if found else None


def unit_from(text: str) -> str | None:
    """The unit an 'Outturn type' cell, a value or a name implies."""
    flat = squash(text).lower().replace(" ", "")
    words = (text or "").lower()
    if not flat:
        return None
    if re.search(r"per\s*10,?000|per10k|per10,?000", words + " " + flat):
        return "rate_per_10k"
    if (
        flat.startswith("percent")
        or flat in ("%", "pct")
        or (flat.endswith("%") and not flat.startswith("<"))
    ):
        return "percent"
    if flat.startswith("rate"):
        return "rate"
    if flat.startswith(("number", "count", "no.", "volume")):
        return "count"
    if flat.startswith(("average", "mean")):
        return "average"
    if flat.startswith(("days", "day")):
        return "days"
    if flat.startswith(("weeks", "week")):
        return "weeks"
    if flat.startswith(("£", "cost", "spend")):
        return "currency"
    if re.fullmatch(r"\d+/\d+|xofn|ratio", flat):
        return "ratio"
    return None


def unit_from_name(name: str) -> str | None:
    words = name.lower()
    if re.search(r"per\s*10,?000|per 10k", words):
        return "rate_per_10k"
    if re.search(r"^(?:percentage|proportion|%)|\bpercentage of\b|\(%\)", words):
        return "percent"
    if re.search(r"^(?:rates?)\b", words):
        return "rate"
    if re.search(r"^(?:number|no\.|count|total number)\b", words):
        return "count"
    if re.search(r"^average\b", words):
        return "average"
    return None
