"""Draw a pack's pages in a subprocess: `python -m meetings.ingest.page_render PDF DIR FIRST ...`.

The parent (meetings/services/page_images.py) runs this with a memory limit and a deadline per
page. Each page is one JSON line on stdout, written as soon as it is done, so when a page kills
the process the parent knows which page did it, marks it refused and starts again after it.

    {"page": 3, "width": 595.3, "height": 841.9, "stamp": 12, "agenda_item": "", "image": "3.png"}
    {"page": 4, ..., "refused": "page 4 holds pictures of 2,000 million pixels, ..."}

`--scan PDF` prints {"active_content": [...]} instead.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from meetings.ingest.pdf import PackPdf, PageTooCostly, active_content, render_png_limited


def render(
    path: str, out_dir: str, first: int, width_px: int, max_pixels: int, max_image: int
) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with PackPdf(path) as pdf:
        for number in range(first, pdf.page_count + 1):
            page = pdf.page(number)
            line = {
                "page": number,
                "width": page.width,
                "height": page.height,
                "stamp": page.stamp,
                "agenda_item": page.agenda_item or "",
            }
            try:
                png = render_png_limited(pdf, number, width_px, max_pixels, max_image)
            except PageTooCostly as exc:
                line["refused"] = str(exc)
            else:
                (out / f"{number}.png").write_bytes(png)
                line["image"] = f"{number}.png"
            print(json.dumps(line), flush=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--scan"]:
        print(json.dumps({"active_content": active_content(argv[1])}), flush=True)
        return 0
    path, out_dir, first, width_px, max_pixels, max_image = argv
    render(path, out_dir, int(first), int(width_px), int(max_pixels), int(max_image))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
