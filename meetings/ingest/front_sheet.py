"""The front sheet: panel, date and time, venue, members, appointed members, contacts."""

EMPTY_MEETING = {
    "committee": None,
    "date": None,
    "time": None,
    "venue": None,
    "members": [],
    "appointed_members": [],
    "contacts": [],
    "municipal_year_dates": [],
}


def parse_front_sheet(pages, pdf=None):
    return dict(EMPTY_MEETING), []
