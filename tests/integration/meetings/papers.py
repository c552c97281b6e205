"""Packs for the meetings/search/briefing tests, stored through the real path (store, publish)."""

import datetime

from meetings.models import Pack
from meetings.services.pack_contents import store_pack_contents
from meetings.services.packs import publish_pack
from tests.factories import PackFactory

PANEL = "Children and Families Scrutiny Panel"


def extraction(date, *, committee=PANEL, dates=(), agenda=(), indicators=(), minutes=(), **more):
    """A PACK_SCHEMA dict with what the test names and nothing else."""
    iso = lambda d: d.isoformat() if isinstance(d, datetime.date) else d  # noqa: E731
    return {
        "schema": "scrutiny-pack/1",
        "source": {"filename": f"pack-{iso(date)}.pdf", "sha256": "", "pages": 40},
        "meeting": {
            "committee": committee,
            "date": iso(date),
            "time": "17:30",
            "venue": "Conference Room 3 - Civic Centre",
            "members": more.pop("members", []),
            "appointed_members": more.pop("appointed_members", []),
            "contacts": [],
            "municipal_year_dates": [iso(d) for d in dates],
        },
        "agenda": list(agenda),
        "minutes": list(minutes),
        "reports": more.pop("reports", []),
        "tracker": more.pop("tracker", []),
        "indicators": list(indicators),
        "commentary": more.pop("commentary", []),
        "glossary": more.pop("glossary", []),
        "warnings": [],
    }


def stored(data, publish=True) -> Pack:
    pack = PackFactory(status=Pack.Status.PROCESSING, meeting=None, committee=None)
    pack = store_pack_contents(pack, data)
    return publish_pack(pack) if publish else pack
