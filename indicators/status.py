"""RAG status and direction of travel: computed once, here, from value, target and polarity.

Pure functions over numbers. Templates show the result as words and a shape as well as a colour,
so nothing depends on seeing red from green.
"""

from __future__ import annotations

from dataclasses import dataclass

HIGHER = "higher"
LOWER = "lower"
NEITHER = "neither"

# Within this share of the target (or, for percentages, this many points) a miss is amber.
AMBER_SHARE = 0.05
AMBER_POINTS = 2.0


@dataclass(frozen=True)
class Status:
    key: str  # css-safe: green / amber / red / none
    label: str  # words
    shape: str  # a glyph that differs by status


GREEN = Status("green", "On target", "●")
AMBER = Status("amber", "Just off target", "◆")
RED = Status("red", "Off target", "▲")
NO_TARGET = Status("none", "No target", "–")
NOT_RATED = Status("none", "Not rated", "–")


def rag(value: float | None, target: float | None, polarity: str, unit: str = "") -> Status:
    """Green when the target is met, amber when narrowly missed, red otherwise."""
    if value is None:
        return NOT_RATED
    if target is None:
        return NO_TARGET
    if polarity not in (HIGHER, LOWER):
        return NOT_RATED
    shortfall = (target - value) if polarity == HIGHER else (value - target)
    if shortfall <= 0:
        return GREEN
    tolerance = AMBER_POINTS if unit == "percent" else abs(target) * AMBER_SHARE
    return AMBER if shortfall <= tolerance else RED


@dataclass(frozen=True)
class Direction:
    key: str  # improving / worsening / same / up / down / none
    label: str
    arrow: str


IMPROVING_UP = Direction("improving", "Improving", "↑")
IMPROVING_DOWN = Direction("improving", "Improving", "↓")
WORSENING_UP = Direction("worsening", "Worsening", "↑")
WORSENING_DOWN = Direction("worsening", "Worsening", "↓")
SAME = Direction("same", "No change", "→")
UP = Direction("up", "Up", "↑")
DOWN = Direction("down", "Down", "↓")
UNKNOWN = Direction("none", "No earlier value", "")


def direction(current: float | None, previous: float | None, polarity: str) -> Direction:
    """Which way the indicator moved since `previous`, judged by its polarity."""
    if current is None or previous is None:
        return UNKNOWN
    if current == previous:
        return SAME
    went_up = current > previous
    if polarity == HIGHER:
        return IMPROVING_UP if went_up else WORSENING_DOWN
    if polarity == LOWER:
        return WORSENING_UP if went_up else IMPROVING_DOWN
    return UP if went_up else DOWN


def change(current: float | None, previous: float | None) -> float | None:
    if current is None or previous is None:
        return None
    return current - previous


def worse_than(value: float | None, benchmark: float | None, polarity: str) -> bool | None:
    """Is the value worse than a comparator (statistical neighbours, England…)? None if unknowable."""
    if value is None or benchmark is None or polarity not in (HIGHER, LOWER):
        return None
    return value < benchmark if polarity == HIGHER else value > benchmark


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    text = f"{value:,.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"
    if unit == "percent":
        return f"{text}%"
    if unit == "currency":
        return f"£{text}"
    return text


def format_change(delta: float | None, unit: str) -> str:
    if delta is None:
        return "–"
    sign = "+" if delta > 0 else "−" if delta < 0 else "±"
    text = format_value(abs(delta), "")
    return f"{sign}{text}{' pts' if unit == 'percent' else ''}"
