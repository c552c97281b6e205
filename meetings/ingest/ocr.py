"""OCR of a page picture with tesseract: the picture made fit to read, the words read back in
PDF points.

Why tesseract (Debian's tesseract-ocr, installed by scripts/ensure-ocr and the Dockerfile):
on the scanned renders of the dev set it reads a page in about 2 s on this 2-core machine with
its English model; RapidOCR (onnxruntime, models inside the wheel) took 46 s for the same page
and ran words together ("Percentageofre-referrals"), its model being made for Chinese first.
Nothing is downloaded at run time: the English model comes with the Debian package.

A scan is not read as printed. It is turned level first (a page fed askew by half a degree
drifts a row by several points across a landscape table, so its figures fall out of their
line), its ruling lines are erased (tesseract reads a cell border as "|" or loses the digit
beside it), and it is read at about 280 dpi with sparse-text segmentation (--psm 11): the
block segmentation (--psm 6) reads no header row from a ruled table. A figure tesseract itself
is unsure of is not read: better missing than wrong ("111" read as "411" came back at 60%; below 70 a figure is not read).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageFilter

from meetings.ingest.text import clean_line

WIDTH_PX = 3300  # a landscape A4 page at ~280 dpi: small table print needs it
WORD_CONFIDENCE = 30  # below it tesseract is guessing at a word
FIGURE_CONFIDENCE = 70  # a figure must be read surely, or not at all
FIGURE = re.compile(r"^[<>£(]?-?[\d.,]+%?[)]?$")
NOT_A_WORD = re.compile(r"^[|!_\[\]{}()‘’'\"`.,:;~=-]+$")  # a rule or a speck read as text


def ocr_available(enabled: bool = True) -> bool:
    """OCR is asked for (`enabled`: settings.OCR_ENABLED, passed in by the caller) and the
    tesseract binary is installed (by the project's setup)."""
    return enabled and bool(shutil.which("tesseract"))


def skew_angle(image: Image.Image, limit: float = 1.5, step: float = 0.1) -> float:
    """The angle (degrees) that makes the page's lines level: the turn at which rows of pixels
    alternate most sharply between ink and paper."""
    small = image.copy()
    small.thumbnail((800, 800))
    small = small.point(lambda v: 0 if v < 160 else 255)
    best, best_score = 0.0, -1.0
    steps = round(2 * limit / step)
    for k in range(steps + 1):
        angle = -limit + k * step
        turned = small.rotate(angle, resample=Image.NEAREST, fillcolor=255)
        rows = turned.resize((1, turned.size[1]), Image.BOX).tobytes()
        score = sum((a - b) ** 2 for a, b in itertools.pairwise(rows))
        if score > best_score:
            best, best_score = angle, score
    return round(best, 2)


INK = bytes(0 if v < 180 else 255 for v in range(256))


def erase_runs(image: Image.Image, length: int) -> Image.Image:
    """Rows of the picture with every run of ink at least `length` pixels long made paper."""
    width, height = image.size
    data = bytearray(image.tobytes())
    ink = bytes(data).translate(INK)
    run = re.compile(rb"\x00{%d,}" % length)
    for y in range(height):
        start = y * width
        for match in run.finditer(ink, start, start + width):
            data[match.start() : match.end()] = b"\xff" * (match.end() - match.start())
    return Image.frombytes("L", (width, height), bytes(data))


def without_rules(image: Image.Image, length: int = 60) -> Image.Image:
    """Ruling lines erased: horizontal runs longer than any stroke of a letter, and vertical
    ones longer than a letter is tall (a cell's side between two rules is short)."""
    image = erase_runs(image, length)
    turned = erase_runs(image.transpose(Image.Transpose.ROTATE_90), int(length * 0.6))
    return turned.transpose(Image.Transpose.ROTATE_270)


def prepare(image: Image.Image) -> Image.Image:
    image = image.convert("L")
    angle = skew_angle(image)
    if angle:
        image = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    image = without_rules(image).filter(ImageFilter.MedianFilter(3))
    return image.point(lambda v: 0 if v < 170 else 255)


def read_words(image: Image.Image, scale: float, word_type) -> list:
    """Words of a page picture (rendered at `scale` pixels a point) in PDF points."""
    prepared = prepare(image)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.pgm"  # uncompressed: a PNG of a noisy scan takes seconds
        prepared.save(path)
        result = subprocess.run(
            ["tesseract", str(path), "-", "--psm", "11", "-c", "tessedit_do_invert=0", "tsv"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # threads only fight on 2 cores
        )
    return parse_tesseract_tsv(result.stdout, scale, word_type) if result.returncode == 0 else []


def parse_tesseract_tsv(tsv: str, scale: float, word_type) -> list:
    """tesseract's TSV (level 5 = word) as `word_type`s in PDF points; unsure figures left out."""
    out = []
    for row in tsv.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5" or not parts[11].strip():
            continue
        text = clean_line(parts[11])
        confidence = float(parts[10])
        if not text or NOT_A_WORD.match(text) or confidence < WORD_CONFIDENCE:
            continue
        if FIGURE.match(text) and confidence < FIGURE_CONFIDENCE:
            continue
        left, top, width, height = (int(v) for v in parts[6:10])
        out.append(
            word_type(
                text, left / scale, (left + width) / scale, top / scale, (top + height) / scale
            )
        )
    return without_lost_characters(out)


def units(text: str) -> float:
    """How wide a figure is printed, in digits: figures are set with digits of one width."""
    return sum(0.5 if ch in ".,()" else 1.6 if ch == "%" else 1.0 for ch in text)


def without_lost_characters(words: list) -> list:
    """Figures whose box is much wider than their digits need: OCR lost a character ("11" read
    as "1" from a box two digits wide), so the figure is not read."""
    figures = [w for w in words if FIGURE.match(w.text) and units(w.text)]
    if len(figures) < 5:
        return words
    widths = sorted((w.x1 - w.x0) / units(w.text) for w in figures)
    digit = widths[len(widths) // 2]
    return [
        w
        for w in words
        if not (FIGURE.match(w.text) and (w.x1 - w.x0) > 1.4 * digit * units(w.text) + 0.5)
    ]
