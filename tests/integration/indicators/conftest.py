import pytest

from meetings.models import Pack
from meetings.services.extraction import store_extraction
from meetings.services.packs import publish_pack
from tests.factories import PackFactory


@pytest.fixture
def published_corpus(db, expected_extraction):
    """Both corpus packs' expected extractions, stored and published: a real panel's data."""
    packs = []
    for date in ("2022-03-31", "2023-03-30"):
        pack = PackFactory(status=Pack.Status.PROCESSING, meeting=None, committee=None)
        packs.append(publish_pack(store_extraction(pack, expected_extraction(date))))
    return packs
