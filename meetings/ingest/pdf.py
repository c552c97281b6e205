"""The one place that opens PDFs.

Reading a pack costs two very different prices. pdfium (C, through pypdfium2) gives every page's
text in reading order in a few milliseconds; pdfplumber (pdfminer, pure Python) gives word
positions and ruled tables but costs ~70 ms a page. So every page is read cheaply once, and
pdfplumber is opened only for the few pages whose geometry matters (front sheet, cover sheets,
tables), each at most once.

Nothing here knows what a scrutiny pack is: parsers receive `Page`, `Word` and `Table` values.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from .text import agenda_item_stamp, clean_line, normalise_page_text, page_stamp


class PdfError(Exception):
    """The file cannot be read as a PDF; the message is meant for the officer."""


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Cell:
    text: str
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points


@dataclass
class Table:
    page: int
    rows: list[list[Cell | None]]
    bbox: tuple[float, float, float, float]


@dataclass
class Page:
    """One page read cheaply: its normalised text and counts that tell what else it holds."""

    number: int  # 1-based
    text: str
    width: float
    height: float
    char_count: int
    image_count: int
    path_count: int
    large_images: int = 0  # pictures big enough to be a chart or a scanned page, not a logo
    stamp: int | None = None  # the printed "Page N" (ModernGov counts from the minutes)
    agenda_item: str | None = None  # an "Agenda Item 9" stamp: where an item's papers begin
    _lines: list[str] | None = field(default=None, repr=False)

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = [line for line in self.text.split("\n") if line.strip()]
        return self._lines

    @property
    def has_text_layer(self) -> bool:
        return self.char_count > 20

    @property
    def is_landscape(self) -> bool:
        return self.width > self.height

    @property
    def may_hold_table(self) -> bool:
        # Ruled tables draw many paths; a cover sheet draws a couple.
        return self.path_count >= 8


class PackPdf:
    """An open agenda pack. Use as a context manager; pages are read lazily and cached."""

    def __init__(self, path: str | Path, ocr: bool = True):
        self.path = Path(path)
        self.ocr = ocr  # the caller's setting (settings.OCR_ENABLED), not the environment
        try:
            self._doc = pdfium.PdfDocument(str(self.path))
        except pdfium.PdfiumError as exc:
            raise PdfError(describe_pdfium_error(exc, self.path)) from exc
        self._pages: dict[int, Page] = {}
        self._plumber = None
        self._words: dict[int, list[Word]] = {}
        self._tables: dict[int, list[Table]] = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self._plumber is not None:
            self._plumber.close()
            self._plumber = None
        self._doc.close()

    def __len__(self):
        return len(self._doc)

    @property
    def page_count(self) -> int:
        return len(self._doc)

    def page(self, number: int) -> Page:
        if number not in self._pages:
            self._pages[number] = self._read_page(number)
        return self._pages[number]

    def pages(self, progress: Callable[[int, int], None] | None = None) -> list[Page]:
        total = self.page_count
        out = []
        for number in range(1, total + 1):
            out.append(self.page(number))
            if progress and (number % 10 == 0 or number == total):
                progress(number, total)
        return out

    def _read_page(self, number: int) -> Page:
        try:
            pdf_page = self._doc[number - 1]
        except pdfium.PdfiumError as exc:  # "Failed to load page.": a page object is missing
            raise PdfError(unreadable_page(number, self.page_count)) from exc
        try:
            textpage = pdf_page.get_textpage()
            raw = textpage.get_text_range()
            char_count = textpage.count_chars()
            textpage.close()
            images = paths = large = 0
            width, height = pdf_page.get_size()
            for obj in pdf_page.get_objects(max_depth=2):
                if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                    images += 1
                    left, bottom, right, top = obj.get_bounds()
                    large += (right - left) > 0.25 * width and (top - bottom) > 50
                elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
                    paths += 1
        finally:
            pdf_page.close()
        return Page(
            number=number,
            text=normalise_page_text(raw),
            width=width,
            height=height,
            char_count=char_count,
            image_count=images,
            path_count=paths,
            large_images=large,
            stamp=page_stamp(raw),
            agenda_item=agenda_item_stamp(raw),
        )

    # --- geometry, on demand -------------------------------------------------------------

    @cached_property
    def _plumber_doc(self):
        self._plumber = pdfplumber.open(str(self.path))
        return self._plumber

    def _plumber_page(self, number: int):
        """A pdfplumber page without superscripts: a footnote digit glued to a value ("2021" +
        "¹" read as "20211") must not become part of the number."""
        page = self._plumber_doc.pages[number - 1]
        sizes = sorted(round(c["size"], 1) for c in page.chars)
        if not sizes:
            return page
        floor = 0.7 * sizes[len(sizes) // 2]
        return page.filter(
            lambda obj: obj.get("object_type") != "char" or obj.get("size", floor) >= floor
        )

    def words(self, number: int) -> list[Word]:
        """Words with positions (top-left origin), in reading order of lines."""
        if number not in self._words:
            page = self._plumber_page(number)
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5)
            self._words[number] = [
                Word(clean_line(w["text"]), w["x0"], w["x1"], w["top"], w["bottom"]) for w in words
            ]
            self._plumber_doc.pages[number - 1].flush_cache()  # free the parsed layout
        return self._words[number]

    def tables(self, number: int) -> list[Table]:
        """Ruled tables on a page, each cell with its text and box."""
        if number not in self._tables:
            page = self._plumber_page(number)
            found = []
            for table in page.find_tables():
                texts = table.extract()
                rows = []
                for row, row_texts in zip(table.rows, texts, strict=False):
                    rows.append(
                        [
                            None if box is None else Cell(clean_cell(text or ""), _box(box))
                            for box, text in zip(row.cells, row_texts, strict=False)
                        ]
                    )
                found.append(Table(number, rows, _box(table.bbox)))
            self._tables[number] = found
            self._plumber_doc.pages[number - 1].flush_cache()  # free the parsed layout
        return self._tables[number]

    # --- pictures --------------------------------------------------------------------------

    def render_png(self, number: int, width_px: int = 900) -> bytes:
        pdf_page = self._doc[number - 1]
        try:
            scale = width_px / pdf_page.get_width()
            image = pdf_page.render(scale=scale).to_pil()
        finally:
            pdf_page.close()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()

    def ocr_words(self, number: int) -> list[Word]:
        """Words of a page read by tesseract (positions in PDF points); [] when it is not installed."""
        if not ocr_available(self.ocr):
            return []
        width_px = 2400
        scale = width_px / self.page(number).width
        with tempfile.TemporaryDirectory() as tmp:
            image_path = Path(tmp) / "page.png"
            image_path.write_bytes(self.render_png(number, width_px=width_px))
            result = subprocess.run(
                ["tesseract", str(image_path), "-", "--psm", "6", "tsv"],
                capture_output=True,
                text=True,
                timeout=180,
                check=False,
            )
        return parse_tesseract_tsv(result.stdout, scale) if result.returncode == 0 else []


def parse_tesseract_tsv(tsv: str, scale: float) -> list[Word]:
    """tesseract's TSV (level 5 = word) as Words in PDF points."""
    out = []
    for row in tsv.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5" or not parts[11].strip():
            continue
        left, top, width, height = (int(v) for v in parts[6:10])
        if float(parts[10]) < 30:  # tesseract's own confidence: too low to be a value
            continue
        out.append(
            Word(
                clean_line(parts[11]),
                left / scale,
                (left + width) / scale,
                top / scale,
                (top + height) / scale,
            )
        )
    return out


def ocr_available(enabled: bool = True) -> bool:
    """OCR is optional: it is asked for (`enabled`) and the tesseract binary is installed."""
    return enabled and bool(shutil.which("tesseract"))


def clean_cell(text: str) -> str:
    """A cell's text with its line breaks kept: parsers decide how wrapped lines join."""
    return "\n".join(filter(None, (clean_line(line) for line in text.split("\n"))))


def _box(box) -> tuple[float, float, float, float]:
    return tuple(round(float(v), 1) for v in box)


def unreadable_page(number: int, total: int) -> str:
    return (
        f"Page {number} of {total} is damaged and cannot be read, so the pack was not read. "
        "Please upload the PDF again as published by the committee system."
    )


def describe_pdfium_error(exc: Exception, path: str | Path | None = None) -> str:
    message = str(exc).lower()
    if path is not None and ("password" in message or "success" in message):
        # pdfium's last error is one per process: a file it refuses without an error of its own
        # (a PDF with no pages: "PDFium: Success") reports whatever failed before it, such as
        # an earlier encrypted upload. pdfminer gives a second, stateless opinion.
        second = second_opinion(path)
        if second:
            return second
    if "password" in message:
        return PASSWORD_PROTECTED
    if "format" in message or "file" in message:
        return "The file is damaged or is not a complete PDF, so it cannot be read."
    return f"The PDF could not be read ({exc})."


PASSWORD_PROTECTED = (
    "The PDF is password-protected (encrypted). Please upload a copy without a password."
)
NO_PAGES = "The PDF has no pages."


def second_opinion(path: str | Path) -> str | None:
    """pdfminer's view of a file pdfium refused: no pages, a password, or None (no opinion)."""
    try:
        with open(path, "rb") as handle:
            document = PDFDocument(PDFParser(handle))
            if next(PDFPage.create_pages(document), None) is None:
                return NO_PAGES
    except PDFPasswordIncorrect:
        return PASSWORD_PROTECTED
    except Exception:  # a file pdfminer cannot read either: pdfium's own reason stands
        return None
    return None


def inspect_pdf(path: str | Path) -> int:
    """Open a PDF just far enough to count its pages, raising PdfError with a plain reason."""
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise PdfError(describe_pdfium_error(exc, path)) from exc
    try:
        count = len(doc)
        if count == 0:
            raise PdfError(NO_PAGES)
        return count
    finally:
        doc.close()
