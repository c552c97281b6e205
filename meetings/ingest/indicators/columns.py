"""What each column of a performance table holds, read from its header.

A column is one of: the indicator's name, its reference code, its unit ("Outturn type"), a
period of values, a target, a benchmark (statistical neighbours, region, England, core cities,
the council's own earlier outturn with its own period), or something that is not a value at all
(% change, direction of travel, 12-month average, RAG, commentary) and must never become one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .periods import parse_period, squash

REGIONS = r"se(?:\s*avg|\s*average)?|south[\s-]?east|south[\s-]?west|north[\s-]?east|north[\s-]?west|east midlands|west midlands|yorkshire|london|eastern|east of england|inner london|outer london|region(?:al)?"


@dataclass(frozen=True)
class Column:
    role: str  # name, ref, unit, value, target, benchmark, ignore
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


def classify(text: str) -> Column:
    label = header_label(text)
    flat = squash(text).lower().replace(" ", "")
    words = label.lower()
    if not flat:
        return Column("ignore")
    if re.fullmatch(r"(?:ref(?:erence)?|code|no\.?|kpi ref|id|pi ref|measure ref)", words.strip()):
        return Column("ref", label=label)
    if re.search(r"outturn\s*type|^unit|measure type|type of measure|^format", words):
        return Column("unit", label=label)
    if re.search(
        r"%\s*change|change|direction|\bdot\b|trend|\brag\b|^status|commentary|comments?|notes?|polarity|good is|rank|quartile|year to date|\bytd\b",
        words,
    ):
        return Column("ignore", label=label)
    period = parse_period(text)
    if period:
        return Column("value", period=period, label=label)
    if re.search(r"indicator|measure|description|\bkpi\b|^pi\b|metric", words):
        return Column("name", label=label)
    if "target" in flat:
        return Column("target", period=trailing_period(label), label=label)
    if (
        "neighbour" in flat
        or "neighbor" in flat
        or re.fullmatch(r"sn(?:s|avg|average)?", flat)
        or "statneigh" in flat
    ):
        return Column(
            "benchmark", kind="statistical_neighbours", period=trailing_period(label), label=label
        )
    if "corecit" in flat:
        return Column("benchmark", kind="core_cities", period=trailing_period(label), label=label)
    if re.search(r"\b(?:england|national|eng)\b", words):
        return Column("benchmark", kind="england", period=trailing_period(label), label=label)
    if re.search(rf"\b(?:{REGIONS})\b", words):
        return Column("benchmark", kind="region", period=trailing_period(label), label=label)
    if re.search(r"average|\bavg\b|\bmean\b", words):
        return Column("ignore", label=label)  # "12 month average": derived, not a value
    own = trailing_period(label)
    if own and re.search(r"[a-z]", words):
        # "Southampton 19/20", "Outturn 2020-21", "2020/21 outturn": the council's own earlier year.
        return Column("benchmark", kind="own_outturn", period=own, label=label)
    return Column("ignore", label=label)


def trailing_period(label: str) -> str | None:
    """A period written in a header with other words: 'Southampton 19/20' -> '2019-20'."""
    for pattern in (
        r"\b\d{2,4}\s*[/\-–]\s*\d{2,4}\b",
        r"\bQ[1-4]\s*\d{2,4}\b",
        r"\b[A-Za-z]{3,9}[\s\-']*\d{2,4}\b",
    ):
        for candidate in re.findall(pattern, label):
            period = parse_period(candidate)
            if period:
                return period
    return None


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
