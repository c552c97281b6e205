"""Printed page stamps ("Page 71") and the PDF pages they are on.

The agenda cites its papers by printed stamps — "(Pages 71 - 104)" — not by PDF page: ModernGov
counts from the first page of the minutes (some packs from the front sheet), and the papers of an
exempt item are left out of the public pack without renumbering, so the stamps jump. Links need
PDF pages, so each stamp is looked up on the pages that print it; a stamp no page prints is
placed from its stamped neighbours when they run on without a gap, and otherwise linked to the
nearest stamped page, with a warning.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from meetings.ingest.schema import warning

MINUTES_ITEM = re.compile(r"\bminutes\b", re.IGNORECASE)


@dataclass(frozen=True)
class Gap:
    """Stamps `first`..`last` are printed on no page: the pack jumps from page `before` to `after`."""

    before: int  # PDF page of the last stamp before the gap
    after: int  # PDF page where the stamps resume
    first: int
    last: int


def stamped(pages) -> list[tuple[int, int]]:
    """(PDF page, stamp) of each stamped page, in one increasing run: a stamp lower than the one
    before (a supplement numbered afresh, a stray "Page 2" quoted in the text) is not used."""
    out: list[tuple[int, int]] = []
    for page in pages:
        stamp = getattr(page, "stamp", None)
        if stamp is None or (out and stamp <= out[-1][1]):
            continue
        out.append((page.number, stamp))
    return out


def gaps(pages) -> list[Gap]:
    """Where the stamps jump by more than the pages between them."""
    run = stamped(pages)
    out = []
    for (page_a, stamp_a), (page_b, stamp_b) in itertools.pairwise(run):
        if stamp_b - stamp_a > page_b - page_a:
            out.append(Gap(page_a, page_b, stamp_a + (page_b - page_a), stamp_b - 1))
    return out


def pdf_page(stamp: int, run: list[tuple[int, int]]) -> tuple[int | None, bool]:
    """(PDF page, exact) for a printed stamp. Exact when printed, or when the stamped pages on
    both sides of it run on without a gap (an unstamped landscape page in between); else the
    nearest stamped page, not exact. (None, False) when nothing is stamped."""
    if not run:
        return None, False
    for page, printed in run:
        if printed == stamp:
            return page, True
    below = [(p, s) for p, s in run if s < stamp]
    above = [(p, s) for p, s in run if s > stamp]
    if below and above:
        (page_a, stamp_a), (page_b, stamp_b) = below[-1], above[0]
        if stamp_b - stamp_a == page_b - page_a:
            return page_a + (stamp - stamp_a), True
    elif below and not above:  # past the last stamp: only if the pack runs on that far
        page_a, stamp_a = below[-1]
        return page_a + (stamp - stamp_a), False
    nearest = min(run, key=lambda ps: (abs(ps[1] - stamp), ps[0]))
    return nearest[0], False


def papers_starts(pages, reports=(), minutes=(), items=()) -> dict[int, int]:
    """{agenda number: PDF page where its papers begin}, from the papers themselves: an "Agenda
    Item 9" stamp, a report cover sheet numbered 9, the first page of the minutes for the item
    that approves them. These are printed on the very page, so they outrank the agenda's
    "(Pages x - y)", which a re-paginated pack can contradict."""
    seen: dict[int, list[int]] = {}
    for page in pages:
        stamp = getattr(page, "agenda_item", None)
        if stamp and stamp.isdigit():
            seen.setdefault(int(stamp), []).append(page.number)
    for report in reports:
        if report.get("agenda_number") is not None and report.get("page"):
            seen.setdefault(report["agenda_number"], []).append(report["page"])
    first_minutes = [m["page"] for m in minutes if m.get("page")]
    item = next((i for i in items if MINUTES_ITEM.search(i["title"])), None)
    if first_minutes and item is not None:
        seen.setdefault(item["number"], []).append(min(first_minutes))
    # the earliest: an appendix further on may carry the item's stamp again
    return {number: min(found) for number, found in seen.items()}


def link_items(items: list[dict], pages, reports=(), minutes=()) -> list:
    """Set each agenda item's `pdf_pages` (first and last PDF page of its papers) from where its
    papers are seen to begin, else from its printed `pages`; mark exempt the items whose papers
    fall in a stamp gap; warn at each gap, and where a link is a guess."""
    warnings = []
    run = stamped(pages)
    last_pdf = pages[-1].number if pages else 0
    found = gaps(pages)
    for gap in found:
        missing = [
            item
            for item in items
            if item.get("pages") and gap.first <= item["pages"][0] and item["pages"][1] <= gap.last
        ]
        for item in missing:
            item["exempt"] = True
        which = ", ".join(f"agenda item {item['number']}" for item in missing)
        span = f"{gap.first}" if gap.first == gap.last else f"{gap.first}-{gap.last}"
        warnings.append(
            warning(
                gap.after,
                f"page stamps jump from {gap.first - 1} (page {gap.before}) to {gap.last + 1}: "
                f"printed page(s) {span} are not in this pack"
                + (f" ({which}, exempt)" if which else " (an exempt item's papers?)"),
            )
        )
        warnings.append(  # and where they stop, so the gap is seen from either side
            warning(
                gap.before,
                f"the next page is stamped {gap.last + 1}: printed page(s) {span} are missing",
            )
        )
    starts = papers_starts(pages, reports, minutes, items)
    disagree = []
    for item in items:
        item["pdf_pages"] = None
        seen = starts.get(item["number"])
        if not item.get("pages") and seen is None:
            continue
        first, last = item.get("pages") or (None, None)
        if seen is None and (not run or any(g.first <= first <= g.last for g in found)):
            if run and not item.get("exempt"):
                warnings.append(
                    warning(
                        item["page"],
                        f"agenda item {item['number']}: printed page {first} is not in this pack",
                    )
                )
            continue  # withheld papers (a stamp gap), or no stamps: nothing to link
        mapped, exact = pdf_page(first, run) if first is not None else (None, False)
        if seen is not None:
            start = seen
            if mapped is not None and mapped != seen:
                disagree.append(item["number"])
        elif mapped is None or mapped > last_pdf:
            warnings.append(
                warning(
                    item["page"],
                    f"agenda item {item['number']}: printed page {first} is beyond the end of the pack",
                )
            )
            continue
        else:
            start = mapped
            if not exact:
                warnings.append(
                    warning(
                        item["page"],
                        f"agenda item {item['number']}: no page is stamped 'Page {first}'; "
                        f"linked to page {start}, the nearest stamped page",
                    )
                )
        item["pdf_pages"] = [start, start + (last - first) if first is not None else start]
    close_ranges(items, last_pdf)
    if disagree:
        listed = ", ".join(str(n) for n in disagree)
        warnings.append(
            warning(
                items[0]["page"],
                f"the agenda's printed pages do not match the page stamps for item(s) {listed}: "
                "linked to where their papers begin (cover sheet or 'Agenda Item' stamp)",
            )
        )
    return warnings


def close_ranges(items: list[dict], last_pdf: int) -> None:
    """An item's papers end before the next item's begin, and within the pack."""
    linked = sorted((i for i in items if i["pdf_pages"]), key=lambda i: i["pdf_pages"][0])
    if not linked:
        return
    for item, following in zip(linked, [*linked[1:], None], strict=True):
        start, end = item["pdf_pages"]
        limit = following["pdf_pages"][0] - 1 if following else last_pdf
        item["pdf_pages"] = [start, max(start, min(end, limit, last_pdf))]
