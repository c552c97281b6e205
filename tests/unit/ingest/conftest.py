from pathlib import Path

import pytest

from meetings.ingest.pdf import PackPdf, Page
from meetings.ingest.text import normalise_page_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def make_page(text: str, number: int = 1, **kwargs) -> Page:
    """A page as pdf.py would give it, from text written in a test."""
    defaults = {
        "width": 595.0,
        "height": 842.0,
        "char_count": max(len(text), 100),
        "image_count": 0,
        "path_count": 0,
    }
    return Page(number=number, text=normalise_page_text(text), **{**defaults, **kwargs})


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
