"""Hostile PDFs through the page renderer: what each costs the worker, and what it is told.

    python bench/hostile.py

Builds a 40,000² grey picture on one page (1.6 GB decoded from ~1.6 MB), the same with a soft
mask pdfium decodes whole (~480 MB at 20,000²), a page 14,400 points tall, and a plain page;
draws each the way the worker does (a subprocess with PAGE_RENDER_MEMORY_MB of address space and
a deadline per page) and prints the outcome, wall time and the child's peak memory.
"""

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")

import django  # noqa: E402

django.setup()

from meetings.services.page_images import (  # noqa: E402
    WIDTH_PX,
    _run,
    max_image_pixels,
    max_pixels,
    memory_bytes,
    page_seconds,
)
from tests.fixtures import hostile  # noqa: E402


def main():
    cases = {
        "plain page": lambda p: hostile.plain_pdf(p, pages=1),
        "40,000² picture (1.6 GB decoded)": lambda p: hostile.bomb_pdf(p, side=40_000),
        "20,000² picture + soft mask": lambda p: hostile.bomb_pdf(p, side=20_000, smask=True),
        "10 × 14,400 pt page": hostile.tall_pdf,
    }
    print(f"limits: {memory_bytes() // 2**20} MB address space, {page_seconds():g} s a page, ")
    print(f"        {max_pixels() / 1e6:g} M px drawn, {max_image_pixels() / 1e6:g} M px decoded\n")
    print(f"{'case':36} {'file':>9} {'wall':>7} {'child peak':>11}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        for name, build in cases.items():
            path = build(Path(tmp) / "case.pdf")
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            started = time.perf_counter()
            args = [str(path), tmp, "1", str(WIDTH_PX), str(max_pixels()), str(max_image_pixels())]
            lines = list(_run(args, page_seconds()))
            wall = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            line = lines[0] if lines else ("exit", "no output")
            outcome = (
                f"refused: {line[1]}"
                if isinstance(line, tuple)
                else (f"refused: {line['refused']}" if line.get("refused") else "drawn")
            )
            size = path.stat().st_size
            print(
                f"{name:36} {size / 1024:>7.0f}KB {wall:>6.2f}s {max(peak, before) / 1024:>9.0f}MB"
                f"  {outcome[:90]}"
            )


if __name__ == "__main__":
    main()
