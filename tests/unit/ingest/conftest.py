import pytest

from meetings.ingest.pdf import PackPdf
from tests.unit.ingest.pages import FIXTURES


@pytest.fixture(scope="session")
def corpus():
    """Both corpus packs, opened once: {date: (pdf, pages)}."""
    opened = {}
    for date in ("2022-03-31", "2023-03-30"):
        pdf = PackPdf(FIXTURES / f"pack-{date}.pdf")
        opened[date] = (pdf, pdf.pages())
    yield opened
    for pdf, _ in opened.values():
        pdf.close()
