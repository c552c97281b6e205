"""Ingest benchmark: seconds and peak memory of extract() against a naive pdfplumber baseline.

    python bench/ingest.py    # both corpus packs, a dense 44-page dataset, a 300-page pack

The baseline is what a first attempt does: pdfplumber's extract_text and extract_tables on every
page. Each measurement runs in a fresh process, so peak memory (max RSS) is that run's alone;
ours and the baseline's alternate, and each figure is the median of three runs. The dense
dataset (tests/fixtures/devset/appendix.py) is 44 pages of whitespace-aligned monthly tables,
where reading word positions is the whole cost. OCR is off: scanned pages are timed apart.
Goal: extract() ≤ 0.15× the baseline's time on every pack, and < 300 MB peak on 300 pages.
"""

from __future__ import annotations

import json
import os
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
        env={**os.environ, "OCR_ENABLED": "0"},
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def median_of_three(path: Path) -> tuple[dict, dict]:
    """Ours and the baseline, alternating, three times each: the median of each."""
    ours, naive = [], []
    for _ in range(3):
        ours.append(measure(path, "extract"))
        naive.append(measure(path, "baseline"))

    def middle(runs):
        return {key: sorted(r[key] for r in runs)[1] for key in ("seconds", "peak_mb")}

    return middle(ours), middle(naive)


def dense_pack(pages: int = 44) -> Path:
    """The generated dense whitespace dataset."""
    sys.path.insert(0, str(ROOT))
    from tests.fixtures.devset.appendix import dense_pack as build  # the dev-set builder

    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"dense-dataset-{pages}-pages.pdf"
    if not target.exists():
        build(target, pages)
    return target


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
    packs = [*sorted(FIXTURES.glob("pack-*.pdf")), dense_pack(), big_pack()]
    print(
        f"{'pack':28s} {'pages':>5s} {'extract s':>10s} {'baseline s':>11s} {'ratio':>6s} {'extract MB':>11s} {'baseline MB':>12s}"
    )
    for pack in packs:
        import pypdfium2 as pdfium

        pages = len(pdfium.PdfDocument(str(pack)))
        ours, naive = median_of_three(pack)
        ratio = ours["seconds"] / naive["seconds"]
        print(
            f"{pack.name:28s} {pages:5d} {ours['seconds']:10.2f} {naive['seconds']:11.2f} {ratio:6.2f} "
            f"{ours['peak_mb']:11.0f} {naive['peak_mb']:12.0f}"
        )


if __name__ == "__main__":
    main()
