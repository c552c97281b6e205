"""Words on a page as lines and runs: what tables without ruling lines are rebuilt from."""

from __future__ import annotations

from dataclasses import dataclass

from .periods import is_month, parse_period
from .values import looks_like_value


@dataclass
class Span:
    x0: float
    x1: float
    words: list

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Row:
    top: float
    bottom: float
    words: list


def rows_of(words, tolerance: float = 3.0) -> list[Row]:
    """Words grouped into lines by their tops, each word in exactly one line."""
    out: list[Row] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if out and abs(out[-1].top - word.top) <= tolerance:
            out[-1].words.append(word)
            out[-1].bottom = max(out[-1].bottom, word.bottom)
        else:
            out.append(Row(word.top, word.bottom, [word]))
    for row in out:
        row.words.sort(key=lambda w: w.x0)
    return out


def spans(words) -> list[Span]:
    """Runs of words with no more than a space between them: one header label each."""
    heights = sorted(w.bottom - w.top for w in words) or [8.0]
    gap = 0.6 * heights[len(heights) // 2]
    out: list[Span] = []
    for word in sorted(words, key=lambda w: w.x0):
        if out and word.x0 - out[-1].x1 <= gap:
            out[-1].words.append(word)
            out[-1].x1 = max(out[-1].x1, word.x1)
        else:
            out.append(Span(word.x0, word.x1, [word]))
    return out


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


def is_number(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and looks_like_value(text)
