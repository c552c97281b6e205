"""Pages as pdf.py gives them, written in a test: the parsers' unit tests build their input here."""

from pathlib import Path

from meetings.ingest.pdf import Page
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
