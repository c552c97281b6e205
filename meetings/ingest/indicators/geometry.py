"""Words on a page as lines and runs: what tables without ruling lines are rebuilt from. The
grouping itself (lines, runs) is the one every parser uses, in meetings/ingest/layout.py."""

from __future__ import annotations

from functools import lru_cache

from meetings.ingest.indicators.periods import is_month, parse_period
from meetings.ingest.indicators.values import looks_like_value
from meetings.ingest.layout import Span


def split_periods(line_spans: list[Span]) -> list[Span]:
    """Header labels packed so tight that two months read as one run ('Feb 18 Mar 18'): each
    month its own label, the words between them another. Years are left in their runs: in
    'Target 18/19 Target 19/20' a year belongs to the words before it."""
    out = []
    for span in line_spans:
        words, parts, k = span.words, [], 0  # parts: [words, is a period]
        while k < len(words):
            size = next(
                (
                    n
                    for n in (2, 1)
                    if is_month(parse_period(" ".join(w.text for w in words[k : k + n])))
                ),
                0,
            )
            if size and k + size <= len(words):
                parts.append([words[k : k + size], True])
                k += size
            else:
                if parts and not parts[-1][1]:
                    parts[-1][0].append(words[k])
                else:
                    parts.append([[words[k]], False])
                k += 1
        if sum(is_period for _, is_period in parts) < 2:
            out += whole_periods(span)
        else:
            out += [Span(part[0].x0, max(w.x1 for w in part), part) for part, _ in parts]
    return out


def whole_periods(span: Span) -> list[Span]:
    """A run made only of periods of any kind ('Q1 2023/24 Q2 2023/24', '2019/20 2020/21'):
    each period its own label. Anything else stays one label."""
    words, out, k = span.words, [], 0
    while k < len(words):
        size = next(
            (n for n in (2, 1) if parse_period(" ".join(w.text for w in words[k : k + n]))), 0
        )
        if not size or k + size > len(words):
            return [span]
        part = words[k : k + size]
        out.append(Span(part[0].x0, max(w.x1 for w in part), part))
        k += size
    return out if len(out) >= 2 else [span]


@lru_cache(maxsize=1 << 16)
def is_number(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and looks_like_value(text)
