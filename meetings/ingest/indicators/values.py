"""Reading one printed value: '21%', '1,828', '£1.2m', '<36%', 'TBC', 'N/A', '-', blank.

A value that is not plainly a number is not a value: better missing than wrong.
"""

from __future__ import annotations

import re
from functools import lru_cache

NO_VALUE = {
    "",
    "tbc",
    "tba",
    "n/a",
    "na",
    "n.a.",
    "-",
    "–",
    "—",
    "..",
    "...",
    "x",
    "*",
    "nil",
    "none",
    "ns",
    "nd",
    "no data",
    "not available",
    "c",
    "s",
}
UNALIGNED = "\u2047"  # the text of a cell whose figure sits between two columns (aligned.py)
NUMBER = re.compile(
    r"^(?P<cmp>[<>≤≥]=?)?\s*(?P<cur>£)?\s*(?P<num>-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(?P<pct>%)?\s*(?P<mult>[km])?$",
    re.IGNORECASE,
)


@lru_cache(
    maxsize=1 << 16
)  # pure, and called for every cell of every table: the same texts come back
def parse_value(text: str, *, allow_comparison: bool = False) -> tuple[float | None, bool]:
    """-> (value or None, whether it carried a % sign).

    '<36%' is a value only where a comparison makes sense (targets: "below 36%"); elsewhere a
    '<5' is a suppressed small number and is no value.
    """
    raw = " ".join((text or "").split()).strip()
    if raw.lower() in NO_VALUE:
        return None, False
    match = NUMBER.match(raw)
    if not match:
        return None, False
    if match.group("cmp") and not allow_comparison:
        return None, False
    value = float(match.group("num").replace(",", ""))
    if match.group("mult"):
        value *= 1000 if match.group("mult").lower() == "k" else 1_000_000
    return value, bool(match.group("pct"))


@lru_cache(maxsize=1 << 16)
def looks_like_value(text: str) -> bool:
    raw = " ".join((text or "").split()).strip()
    return raw.lower() in NO_VALUE or bool(NUMBER.match(raw))


def implausible(values: list[float | None], unit: str | None) -> set[int]:
    """Positions of values that cannot be right for their row: a percentage over 100, or a
    number ten times every other in the row (a footnote digit glued on: "2021" + "1")."""
    out = set()
    for i, value in enumerate(values):
        if value is None:
            continue
        if unit == "percent" and not 0 <= value <= 100:
            out.add(i)
            continue
        others = sorted(abs(v) for j, v in enumerate(values) if v is not None and j != i)
        if len(others) >= 3:
            median = others[len(others) // 2]
            if median > 0 and abs(value) > 10 * median and abs(value) > 50:
                out.add(i)
    return out
