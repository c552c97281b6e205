"""Targets and benchmarks stated in sentences, for the indicator whose values the sentence gives.

"… decreased from 95% in January to 93% in February, exceeding our local target of 90%": the
target is the one of the statement just before it. "This remains lower than our statistical
neighbours average of 21.": a sentence that opens with "This"/"It"/"Which" speaks of the last
statement read. A comparator is left alone when another subject comes between the statement and
it ("…, while CLA visits remain below the target of 100%"), or when it is not of the same kind
(a percentage target for a count).
"""

from __future__ import annotations

import re

NUMBER = r"(?!(?:19|20)\d\d\b(?!\s*%))(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%?)"
# "of 21", "is 21", "(21)", ": 21", or the figure straight after the name ("England 88%")
OF = (
    r"\s*(?:(?:of|is|at|was|stands\s+at|sits\s+at)\s+|\(|:\s*|(?<=\S)\s+(?=[<>]?\d))"
    r"(?:around\s+|about\s+)?"
)
TARGET = re.compile(
    rf"\btarget\s*(?:(?:of|is|at|was)\s+|\(|:\s*|\s(?=[<>≤≥]?\s*\d))(?:[<>≤≥]\s*)?{NUMBER}"
    rf"|\b(?:the|our|a)\s+(?:local\s+)?{NUMBER}\s+(?:local\s+)?target\b",  # "exceeding the 85% target"
    re.IGNORECASE,
)
AVERAGE = r"(?:\s+(?:average|mean|figure|rate|level))?"
BENCHMARKS = [
    (
        "statistical_neighbours",
        "statistical neighbours average",
        re.compile(
            rf"\bstatistical\s+neighbours?[’']?{AVERAGE}{OF}{NUMBER}",
            re.IGNORECASE,
        ),
    ),
    (
        "england",
        "national average",
        re.compile(
            rf"\b(?:national|england)(?:\s+average|\s+figure|\s+rate){OF}{NUMBER}", re.IGNORECASE
        ),
    ),
    (
        "england",
        "England",
        re.compile(rf"\bEngland{OF}{NUMBER}", re.IGNORECASE),
    ),
    (
        "statistical_neighbours",
        "statistical neighbours average",
        re.compile(rf"\b(?:SN|stat\s+neighbours?)(?:\s+average)?{OF}{NUMBER}"),
    ),
    (
        "statistical_neighbours",
        "statistical neighbours average",
        re.compile(
            rf"\b{NUMBER}\s+(?:for|among|amongst|across)\s+(?:our\s+)?statistical\s+neighbours?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "england",
        "England",
        re.compile(rf"\b{NUMBER}\s+(?:nationally|in\s+England|for\s+England)\b", re.IGNORECASE),
    ),
    (
        "region",
        "South East",
        re.compile(
            rf"\b{NUMBER}\s+(?:regionally|in\s+the\s+(?:south\s+east|region)|across\s+the\s+region)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "region",
        "South East",
        re.compile(
            rf"\b(?:the\s+)?(?:south\s+east|regional|region)[’']?{AVERAGE}{OF}{NUMBER}",
            re.IGNORECASE,
        ),
    ),
]
# Words between a statement and a comparator that bring in another subject.
ANOTHER_SUBJECT = re.compile(
    r"\b(?:the\s+|a\s+|our\s+)?(?:total\s+)?(?:number|percentage|proportion|rate|count)\s+of\b"
    r"|\b(?:also\s+)?highlight(?:ed|ing)?\b|\bcompar(?:ing|ed)\s+(?!to\b|with\b)"
    r"|\b(?:while|whilst|whereas|but|and|although)\s+(?![<>]?\d)(?!(?:(?:the|our)\s+(?:local\s+)?(?:statistical|"
    r"national|regional|england|south|target|region|average)|this|it|which|that|is|are|was|were|"
    r"remains?|still|has|have|we|our|falls?|falling|exceed\w*|below|above|lower|higher|in|"
    r"against|compared|just|slightly|well|significantly)\b)",
    re.IGNORECASE,
)
CARRIES_ON = re.compile(r"^(?:this|it|which)\b", re.IGNORECASE)


def attach(sentence: str, statements: list[tuple[tuple[int, int], dict]], carried: dict | None):
    """Give each target or benchmark in the sentence to the statement just before it, or to
    `carried` (the last statement of the sentence before) when the sentence opens with 'This'."""
    found = [("target", None, m) for m in TARGET.finditer(sentence)]
    for kind, label, pattern in BENCHMARKS:
        found += [(kind, label, m) for m in pattern.finditer(sentence)]
    for kind, label, match in found:
        before = [(span, item) for span, item in statements if span[0] < match.start()]
        if before:
            (_, end), item = before[-1]
            end = min(end, match.start())  # "… 23% compared to 19% nationally": inside it
        elif carried is not None and not statements and CARRIES_ON.match(sentence):
            end, item = 0, carried
        else:
            continue
        if ANOTHER_SUBJECT.search(sentence[end : match.end()]):
            continue
        # TARGET has two forms: "target of 90%" (groups 1-2) or "the 85% target" (groups 3-4)
        number, sign = match.group(1, 2) if match.group(1) is not None else match.group(3, 4)
        value = float(number.replace(",", ""))
        if bool(sign) != (item["unit"] == "percent"):
            continue  # a percentage for a count, or the other way round
        if kind == "target":
            if item["target"] is None:
                item["target"] = value
        elif not any(b["kind"] == kind for b in item["benchmarks"]):
            item["benchmarks"].append(
                {"label": label, "kind": kind, "period": None, "value": value}
            )
