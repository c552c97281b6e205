"""Which pages of a pack are exempt: the pages of its exempt agenda items and confidential reports.

A page belongs to the item whose papers it is in. The agenda prints an item's papers as
"(Pages 15 - 22)" in the pack's own page stamps ("Page 15"), which the worker recorded for every
page; a report starts at its cover sheet and runs to the page before the next thing starts (the
next report, the next item's papers, an "Agenda Item 9" stamp). Where a range cannot be placed
exactly, it is placed by the stamps' offset: hiding a public page is a smaller harm than showing
a confidential one.
"""

from __future__ import annotations

from meetings.models import AgendaItem, Pack, PageImage, Report
from scrutiny.access import is_staff_reader


def to_pdf_page(printed: int, stamps: dict[int, int]) -> int | None:
    """The PDF page of a printed page number, from the stamps (by offset where not stamped)."""
    if printed in stamps:
        return stamps[printed]
    if not stamps:
        return None
    nearest = min(stamps, key=lambda stamp: abs(stamp - printed))
    return stamps[nearest] + (printed - nearest)


def secret_pages(
    page_count: int,
    stamps: dict[int, int],
    item_stamps: dict[str, int],
    items: list[tuple[int, int | None, int | None, bool]],
    reports: list[tuple[int | None, int | None, bool]],
) -> set[int]:
    """Pure: the exempt PDF pages.

    items: (number, first printed page, last printed page, exempt); item_stamps: {"9": PDF page
    of its "Agenda Item 9" stamp}; reports: (PDF page, its agenda item's number, confidential).
    """
    starts = {page for page, _item, _secret in reports if page}
    starts |= set(item_stamps.values())
    item_start: dict[int, int] = {}
    for number, first, _last, _exempt in items:
        start = item_stamps.get(str(number))
        if start is None and first is not None:
            start = to_pdf_page(first, stamps)
        if start is not None and 1 <= start <= page_count:
            item_start[number] = start
            starts.add(start)
    ordered = sorted(starts | {page_count + 1})

    def until_next(start: int) -> int:
        return next(page for page in ordered if page > start) - 1

    hidden: set[int] = set()
    exempt_items = {number for number, _f, _l, exempt in items if exempt}
    for number, first, last, exempt in items:
        if not exempt or number not in item_start:
            continue
        start = item_start[number]
        end = to_pdf_page(last, stamps) if last is not None and first is not None else None
        if end is None or end < start:
            end = until_next(start)
        hidden |= set(range(start, min(end, page_count) + 1))
    for page, item, confidential in reports:
        if page and (confidential or item in exempt_items):
            hidden |= set(range(page, min(until_next(page), page_count) + 1))
    return hidden


def exempt_pages(pack) -> set[int]:
    """The pack's exempt pages (cached on the pack object for the request)."""
    cached = getattr(pack, "_exempt_pages", None)
    if cached is not None:
        return cached
    stamps: dict[int, int] = {}
    item_stamps: dict[str, int] = {}
    for number, stamp, item in (
        PageImage.objects.filter(pack=pack)
        .order_by("number")
        .values_list("number", "stamp", "agenda_item")
    ):
        if stamp is not None:
            stamps.setdefault(stamp, number)
        if item:
            item_stamps.setdefault(item, number)
    items = list(
        AgendaItem.objects.filter(pack=pack).values_list(
            "number", "first_page", "last_page", "exempt"
        )
    )
    reports = list(
        Report.objects.filter(pack=pack).values_list(
            "pdf_page", "agenda_item__number", "confidential"
        )
    )
    pack._exempt_pages = secret_pages(pack.page_count or 0, stamps, item_stamps, items, reports)
    return pack._exempt_pages


def current_pack_for(user, pack):
    """For a replaced pack seen by anyone but staff: the published pack that replaced it."""

    if pack.status != Pack.Status.SUPERSEDED or pack.meeting_id is None:
        return None
    if is_staff_reader(user):
        return None  # officers may still open the earlier upload itself
    return (
        Pack.objects.filter(meeting_id=pack.meeting_id, status=Pack.Status.PUBLISHED)
        .order_by("-published_at", "-pk")
        .first()
    )
