"""The one place that opens PDFs.

Reading a pack costs two very different prices. pdfium (C, through pypdfium2) gives every page's
text in reading order in a few milliseconds; pdfplumber (pdfminer, pure Python) gives word
positions and ruled tables but costs ~70 ms a page. So every page is read cheaply once, and
pdfplumber is opened only for the few pages whose geometry matters (front sheet, cover sheets,
tables), each at most once.

Nothing here knows what a scrutiny pack is: parsers receive `Page`, `Word` and `Table` values.
"""

from __future__ import annotations

import ctypes
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import PSLiteral

from meetings.ingest import ocr
from meetings.ingest.ocr import ocr_available
from meetings.ingest.text import agenda_item_stamp, clean_line, normalise_page_text, page_stamp


class PdfError(Exception):
    """The file cannot be read as a PDF; the message is meant for the officer."""


class Word(NamedTuple):  # a tuple: tens of thousands are made for one dense page range
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
            width, height = pdf_page.get_size()
            images, paths, large = count_objects(pdf_page, width)
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
        """Words with positions (top-left origin), in reading order of lines, built from pdfium's
        character boxes: pdfplumber parsing a dense page for the same words costs 50× more."""
        if number not in self._words:
            pdf_page = self._doc[number - 1]
            try:
                chars = page_chars(pdf_page)
            finally:
                pdf_page.close()
            self._words[number] = words_from_chars(chars)
        return self._words[number]

    def tables(self, number: int) -> list[Table]:
        """Ruled tables on a page, each cell with its text and box."""
        if number not in self._tables:
            if self.page(number).path_count < MIN_RULING_PATHS:
                self._tables[number] = []  # nothing drawn that could rule a table: no pdfplumber
                return []
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
        """Words of a page read by OCR (positions in PDF points); [] when OCR is off or missing."""
        if not ocr_available(self.ocr):
            return []
        pdf_page = self._doc[number - 1]
        try:
            scale = ocr.WIDTH_PX / pdf_page.get_width()
            image = pdf_page.render(scale=scale, grayscale=True).to_pil()
        finally:
            pdf_page.close()
        return ocr.read_words(image, scale, Word)


def parse_tesseract_tsv(tsv: str, scale: float) -> list[Word]:
    return ocr.parse_tesseract_tsv(tsv, scale, Word)


def count_objects(pdf_page, width: float) -> tuple[int, int, int]:
    """(pictures, drawn paths, pictures big enough to be a chart or a scanned page) on a page
    and in its forms one level down, by pdfium's own calls: a dense table page has thousands
    of text objects, and wrapping each in a Python object costs more than reading the page."""
    kind_of, bounds_of = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetBounds
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    counts = [0, 0, 0]

    def visit(objects, depth):
        for obj in objects:
            kind = kind_of(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                counts[0] += 1
                bounds_of(obj, left, bottom, right, top)
                wide = right.value - left.value > 0.25 * width
                counts[2] += wide and top.value - bottom.value > 50
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                counts[1] += 1
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 2:
                inner = pdfium_c.FPDFFormObj_CountObjects(obj)
                visit((pdfium_c.FPDFFormObj_GetObject(obj, k) for k in range(inner)), depth + 1)

    handle = pdf_page.raw
    visit(
        (
            pdfium_c.FPDFPage_GetObject(handle, k)
            for k in range(pdfium_c.FPDFPage_CountObjects(handle))
        ),
        1,
    )
    return counts[0], counts[1], counts[2]


MIN_RULING_PATHS = 4  # a frame and three rules: the fewest that draw a table of a name and periods


class Char(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


def page_chars(pdf_page) -> list[Char]:
    """Every printed character of a page with its box (top-left origin, PDF points), from
    pdfium's text page. Characters pdfium made up (spaces and line breaks it inferred) are left
    out: words are split by position, as pdfplumber does."""
    height = pdf_page.get_height()
    left_edge, _, _, _ = pdf_page.get_cropbox()
    textpage = pdf_page.get_textpage()
    out = []
    # Looked up once: this loop runs for every character of every page that needs geometry.
    generated, unicode_of = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetUnicode
    box_of, size_of = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetFontSize
    origin_of = pdfium_c.FPDFText_GetCharOrigin
    try:
        rect = pdfium_c.FS_RECTF()
        origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
        x_ref, y_ref = ctypes.byref(origin_x), ctypes.byref(origin_y)
        last_loose, size, offset = -1.0, 0.0, 0.0
        rect_ref = ctypes.byref(rect)
        count = pdfium_c.FPDFText_CountChars(textpage)
        text = textpage.get_text_range(0, count) if count > 0 else ""
        # One call for the text of all characters (one UTF-16 unit each), unless a character
        # outside the basic plane makes the two counts differ.
        codes = [ord(ch) for ch in text] if len(text) == count else None
        for i in range(count):
            code = codes[i] if codes is not None else unicode_of(textpage, i)
            if code in (2, 0xFFFE) and pdfium_c.FPDFText_IsHyphen(textpage, i) == 1:
                # a hyphen at the end of a line ("self-" / "harm"), as pdfium marks it
                code = 0x2D
            if code in (0, 0xFFFE, 0xFFFF) or (code in (10, 13, 32) and generated(textpage, i)):
                continue
            if not box_of(textpage, i, rect_ref):
                continue
            loose = rect.top - rect.bottom
            if abs(loose - last_loose) > 1e-4:
                # A new font or size: ask for both. Characters of the same font and size share
                # them (the box's height is the font's), which saves two calls a character.
                last_loose = loose
                size = size_of(textpage, i)
                if not 0.5 * loose <= size <= 1.5 * loose:
                    size = 0.85 * loose  # a size set through the text matrix: the box tells it
                origin_of(textpage, i, x_ref, y_ref)
                offset = origin_y.value - rect.bottom  # the baseline above the box's bottom
            baseline = height - (rect.bottom + offset)
            out.append(
                Char(
                    chr(code),
                    rect.left - left_edge,
                    rect.right - left_edge,
                    baseline - 0.8 * size,
                    baseline + 0.2 * size,
                )
            )
    finally:
        textpage.close()
    return out


def words_from_chars(chars: list[Char], x_tolerance: float = 1.5, y_tolerance: float = 3.0):
    """Characters into words the way pdfplumber's extract_words does: lines by their tops, then
    left to right, a new word at a space or a gap wider than `x_tolerance`. Superscripts are
    dropped first: a footnote digit glued to a value ("2021" + "¹" read as "20211") must not
    become part of the number."""
    printed = [c for c in chars if c.bottom > c.top]
    if not printed:
        return []
    heights = sorted(round(c.bottom - c.top, 1) for c in printed if not c.text.isspace())
    floor = 0.7 * heights[len(heights) // 2] if heights else 0
    kept = [c for c in printed if c.text.isspace() or c.bottom - c.top >= floor]
    lines: list[list[Char]] = []
    last_top = None
    for char in sorted(kept, key=lambda c: c.top):
        if last_top is None or char.top - last_top > y_tolerance:
            lines.append([])
        lines[-1].append(char)
        last_top = char.top
    words: list[Word] = []
    for line in lines:
        current: list[Char] = []
        for char in sorted(line, key=lambda c: c.x0):
            if char.text.isspace():
                _flush(current, words)
                current = []
                continue
            if current and char.x0 > current[-1].x1 + x_tolerance:
                _flush(current, words)
                current = []
            current.append(char)
        _flush(current, words)
    return words


def _flush(chars: list[Char], words: list[Word]):
    if chars:
        text = "".join(c.text for c in chars)
        if not (text.isascii() and text.isprintable()):
            text = clean_line(text)  # only what needs it: this runs for every word of a page
        if text:
            words.append(
                Word(
                    text,
                    chars[0].x0,
                    max(c.x1 for c in chars),
                    min(c.top for c in chars),
                    max(c.bottom for c in chars),
                )
            )


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


def unreadable_reason(pages: list[Page], ocr: bool) -> str | None:
    """Why a pack with no text layer on any page cannot be read, or None if it can be."""
    if any(page.has_text_layer for page in pages):
        return None
    if not any(page.image_count for page in pages):
        # No text and no pictures: not a scan (there is nothing for OCR to read either).
        return (
            "This PDF has no text and no pictures on any page: its pages are blank or drawn only "
            "with lines, so there is nothing to read. Please upload the agenda pack as published."
        )
    if not ocr:
        return (
            "Every page of this PDF is a picture (a scan) with no text to read, and OCR is off. "
            "Please upload the PDF as published by the committee system, not a scan of a printed copy."
        )
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


# --- pictures drawn under limits, active content, copies without pages ---------------------
# Called by the worker only (meetings/ingest/page_render.py, in a subprocess with a memory
# limit): a 2 MB page can hold an image that decodes to gigabytes.


class PageTooCostly(PdfError):
    """A page that would need more than the limits allow to draw; the message says why."""


def render_png_limited(
    pdf: PackPdf, number: int, width_px: int, max_pixels: int, max_image_pixels: int
) -> bytes:
    """The page as a PNG `width_px` wide, refused before drawing if it would cost too much."""
    page = pdf.page(number)
    if page.width <= 0 or page.height <= 0:
        raise PageTooCostly(f"page {number} has no size, so it cannot be drawn")
    height_px = round(width_px * page.height / page.width)
    if width_px * height_px > max_pixels:
        raise PageTooCostly(
            f"page {number} is {page.width:.0f} × {page.height:.0f} points: drawn "
            f"{width_px} pixels wide it would be {height_px:,} pixels tall"
        )
    decoded = image_pixels(pdf, number)
    if decoded > max_image_pixels:
        raise PageTooCostly(
            f"page {number} holds pictures of {decoded / 1e6:,.0f} million pixels, "
            f"more than the {max_image_pixels / 1e6:,.0f} million a page may decode"
        )
    pdf_page = pdf._doc[number - 1]
    try:
        image = pdf_page.render(scale=width_px / page.width).to_pil()
    finally:
        pdf_page.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)  # 30 ms a page; optimize costs 150
    return buffer.getvalue()


def image_pixels(pdf: PackPdf, number: int) -> int:
    """Pixels the page's pictures decode to (their own size, not as drawn), without decoding."""
    pdf_page = pdf._doc[number - 1]
    try:
        total = 0
        for obj in pdf_page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4):
            width, height = obj.get_px_size()
            total += width * height
        return total
    finally:
        pdf_page.close()


# Names that make a PDF do something when opened: scripts, files inside it, actions.
ACTIVE_NAMES = ("JS", "JavaScript", "EmbeddedFile", "EmbeddedFiles", "OpenAction", "AA", "Launch")


def active_content(path: str | Path, max_objects: int = 200_000) -> list[str]:
    """The active-content names found in any object of the file (object streams included)."""

    found = set()
    with open(path, "rb") as handle:
        document = PDFDocument(PDFParser(handle))
        seen = 0
        for xref in document.xrefs:
            for objid in xref.get_objids():
                seen += 1
                if seen > max_objects:
                    return sorted(found | {"(too many objects to check)"})
                try:
                    obj = document.getobj(objid)
                except Exception:  # a broken object is not active content
                    continue
                found |= _active_names(obj.attrs if isinstance(obj, PDFStream) else obj)
    return sorted(found)


def _goes_to_page(key, holder) -> bool:
    """Word's and ModernGov's "/OpenAction [3 0 R /XYZ …]" only opens at a page: not active."""

    if key != "OpenAction":
        return False
    try:
        action = resolve1(holder[key])
    except Exception:  # a broken reference: count it as active
        return False
    if isinstance(action, list):
        return True
    kind = action.get("S") if isinstance(action, dict) else None
    return isinstance(kind, PSLiteral) and kind.name == "GoTo"


def _active_names(value, depth: int = 0) -> set[str]:
    """Names of ACTIVE_NAMES used as keys or values in a (direct) object, nested dicts included."""

    if depth > 8:
        return set()
    if isinstance(value, PSLiteral):
        return {f"/{value.name}"} if value.name in ACTIVE_NAMES else set()
    if isinstance(value, dict):
        found = {
            f"/{key}" for key in value if key in ACTIVE_NAMES and not _goes_to_page(key, value)
        }
        for item in value.values():
            found |= _active_names(item, depth + 1)
        return found
    if isinstance(value, list):
        found = set()
        for item in value[:1000]:
            found |= _active_names(item, depth + 1)
        return found
    return set()


def write_pdf_without_pages(src: str | Path, dest: str | Path, pages: set[int]) -> int:
    """Copy `src` to `dest` leaving out `pages` (1-based); -> the number of pages written."""
    source = pdfium.PdfDocument(str(src))
    try:
        keep = [index for index in range(len(source)) if index + 1 not in pages]
        copy = pdfium.PdfDocument.new()
        try:
            if keep:
                copy.import_pages(source, keep)
            copy.save(str(dest))
            return len(copy)
        finally:
            copy.close()
    finally:
        source.close()
