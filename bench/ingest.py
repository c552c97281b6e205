"""Ingest benchmark: seconds and peak memory of extract() against a naive pdfplumber baseline.

    python bench/ingest.py            # both corpus packs and a 300-page pack built from them

The baseline is what a first attempt does: pdfplumber's extract_text and extract_tables on every
page. Each measurement runs in a fresh process, so peak memory (max RSS) is that run's alone.
Goal: extract() ≤ 0.5× the baseline's time, and < 500 MB peak on a 300-page pack.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
OUT = ROOT / "bench" / "out"

MEASURE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
path, mode = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if mode == "baseline":
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
            page.flush_cache()
else:
    from meetings.ingest.extract import extract
    extract(path)
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "peak_mb": peak_mb}}))
"""


def measure(path: Path, mode: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", MEASURE.format(root=str(ROOT)), str(path), mode],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def big_pack(pages: int = 300) -> Path:
    """A long pack made of the corpus packs repeated, for the memory goal."""
    import pypdfium2 as pdfium

    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"pack-{pages}-pages.pdf"
    if target.exists():
        return target
    sources = [pdfium.PdfDocument(str(p)) for p in sorted(FIXTURES.glob("pack-*.pdf"))]
    merged = pdfium.PdfDocument.new()
    while len(merged) < pages:
        for source in sources:
            take = min(len(source), pages - len(merged))
            merged.import_pages(source, list(range(take)))
            if len(merged) >= pages:
                break
    merged.save(str(target))
    return target


def main():
    packs = [*sorted(FIXTURES.glob("pack-*.pdf")), big_pack()]
    print(
        f"{'pack':28s} {'pages':>5s} {'extract s':>10s} {'baseline s':>11s} {'ratio':>6s} {'extract MB':>11s} {'baseline MB':>12s}"
    )
    for pack in packs:
        import pypdfium2 as pdfium

        pages = len(pdfium.PdfDocument(str(pack)))
        ours = measure(pack, "extract")
        naive = measure(pack, "baseline")
        ratio = ours["seconds"] / naive["seconds"]
        print(
            f"{pack.name:28s} {pages:5d} {ours['seconds']:10.2f} {naive['seconds']:11.2f} {ratio:6.2f} "
            f"{ours['peak_mb']:11.0f} {naive['peak_mb']:12.0f}"
        )


if __name__ == "__main__":
    main()
