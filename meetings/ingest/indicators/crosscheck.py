"""What else a table row prints about its values must agree with them, or they are not kept.

A row may restate its figures: a % change ("+4%", "-0.5pp"), a direction of travel ("Up",
"↓"), an average, a maximum, a total. Each is compared with the values read, allowing for the
rounding of what is printed (a "23%" is anything from 22.5 to 23.5). Where they disagree, the
values the check is about are left out and the warning says which check failed: a misread or
misprinted figure is better missing than wrong. A spike that the row's own maximum, average or
% change confirms is genuine and is kept, however far it is from the row's other values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import product

from meetings.ingest.indicators.values import parse_value
from meetings.ingest.schema import warning

UP = {"up", "higher", "increase", "increased", "increasing", "rising", "↑", "▲", "⬆", "⇧", "+"}
DOWN = {"down", "lower", "decrease", "decreased", "decreasing", "falling", "↓", "▼", "⬇", "⇩"}
SAME = {"same", "no change", "unchanged", "stable", "static", "↔", "→", "=", "◄►", "-", "–"}
SIGNED = re.compile(r"^([+\-−–]?)\s*(\d+(?:\.\d+)?)\s*(%|pp|ppts?|points?)?$", re.IGNORECASE)


@dataclass
class Checked:
    refused: set = field(default_factory=set)  # periods left out
    confirmed: set = field(default_factory=set)  # periods a check vouches for (a spike)
    warnings: list = field(default_factory=list)


def half_step(text: str) -> float:
    """Half the last printed digit: '23%' -> 0.5, '54.2' -> 0.05, '1,402' -> 0.5."""
    digits = re.sub(r"[^\d.]", "", text or "")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1])
    return 0.5


def signed(text: str) -> tuple[float, float] | None:
    """A printed change as (value, half its printed step), or None."""
    match = SIGNED.match(" ".join((text or "").split()))
    if not match:
        return None
    value = float(match.group(2)) * (-1 if match.group(1) in ("-", "−", "–") else 1)
    return value, half_step(match.group(2))


def span(low_high_pairs, op) -> tuple[float, float]:
    """The range of op over the corners of the inputs' rounding ranges."""
    results = [op(*corner) for corner in product(*low_high_pairs)]
    return min(results), max(results)


# one branch per kind of printed check (% change, direction, average, maximum, total)
def check_row(name: str, page: int, series: list, checks: dict) -> Checked:  # noqa: C901
    """series: [(period, value or None, printed text)] in period order; checks: role -> printed
    text of the row's check columns. -> what to leave out, what is vouched for, and why."""
    out = Checked()
    read = [(p, v, t) for p, v, t in series if v is not None]
    if not read:
        return out
    ranges = {p: (v - half_step(t), v + half_step(t)) for p, v, t in read}
    complete = all(v is not None for _, v, _ in series)
    last = series[-1] if series[-1][1] is not None else None
    previous = series[-2] if len(series) >= 2 and series[-2][1] is not None else None

    def refuse(periods, why):
        out.refused |= set(periods)
        out.warnings.append(warning(page, f"'{name[:60]}': {why}: not read"))

    text = (checks.get("change") or "").strip()
    change = signed(text)
    if change and last and previous:
        agrees = False
        pairs = [(previous, last)]
        if len(series) >= 13 and series[-13][1] is not None:
            pairs.append((series[-13], last))  # a change on the same month last year
        for before, after in pairs:
            a, b = ranges[before[0]], ranges[after[0]]
            relative = span([a, b], lambda x, y: (y - x) / x * 100 if x else 0.0)
            points = span([a, b], lambda x, y: y - x)
            for low, high in (relative, points):
                if low - change[1] - 1e-9 <= change[0] <= high + change[1] + 1e-9:
                    agrees = True
        if agrees:
            out.confirmed |= {last[0], previous[0]}
        else:
            refuse(
                [last[0]],
                f"the printed change ({text}) does not agree with {previous[2]} then {last[2]}",
            )
    arrow = (checks.get("direction") or "").strip().lower()
    if arrow and last and previous and last[0] not in out.refused:
        (a0, a1), (b0, b1) = ranges[previous[0]], ranges[last[0]]
        wrong = (
            (arrow in UP and b1 <= a0)
            or (arrow in DOWN and b0 >= a1)
            or (arrow in SAME and (b0 > a1 or b1 < a0))
        )
        if wrong:
            refuse(
                [last[0]],
                f"the direction of travel ({checks['direction']}) does not agree with "
                f"{previous[2]} then {last[2]}",
            )
    for role in ("average", "maximum", "total"):
        text = (checks.get(role) or "").strip()
        printed, _ = parse_value(text)
        if printed is None or not complete:
            continue  # over a month that is missing, the check cannot be made
        tolerance = half_step(text) + 1e-9
        values = [ranges[p] for p, _, _ in series]
        windows = [values] + ([values[-12:], values[:12]] if len(values) > 12 else [])
        if role == "maximum":
            too_big = [p for p, v, t in series if v - half_step(t) > printed + tolerance]
            if too_big:
                refuse(too_big, f"above the printed maximum ({text})")
            else:
                out.confirmed |= {p for p, v, t in series if abs(v - printed) <= tolerance}
            continue
        if role == "average":
            found = [average_range(w) for w in windows]
        else:
            found = [(sum(lo for lo, _ in w), sum(hi for _, hi in w)) for w in windows[:1]]
        if any(low - tolerance <= printed <= high + tolerance for low, high in found):
            out.confirmed |= {p for p, _, _ in series}
        else:
            refuse(
                [p for p, _, _ in series],
                f"the values do not agree with the printed {role} ({text})",
            )
    return out


def average_range(ranges) -> tuple[float, float]:
    return sum(lo for lo, _ in ranges) / len(ranges), sum(hi for _, hi in ranges) / len(ranges)
