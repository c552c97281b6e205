"""Pictures of pack pages, drawn once in the worker under limits; the web process only serves them.

A hostile or unlucky PDF (a 2 MB page whose picture decodes to gigabytes, a page 14,000 points
tall, a content stream that never ends) must cost the worker a bounded amount and the web
process nothing: `render_page_images` draws every page in a subprocess with an address-space
limit and a deadline per page; a page over a limit is refused with a warning and shown as a
placeholder. Views read `PageImage` rows and files; no request opens the PDF.
"""

from __future__ import annotations

import io
import json
import logging
import os
import queue
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db import transaction
from PIL import Image, ImageDraw

from meetings.ingest.pdf import write_pdf_without_pages
from meetings.ingest.schema import warning
from meetings.models import Pack, PageImage, PublicPdf

log = logging.getLogger(__name__)

WIDTH_PX = 1000


def limit(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def memory_bytes() -> int:
    return limit("PAGE_RENDER_MEMORY_MB", 1024) * 1024 * 1024


def page_seconds() -> float:
    return float(getattr(settings, "PAGE_RENDER_SECONDS", 30))


def pack_seconds() -> float:
    """All of a pack's pictures: past this, the pages left are refused (a pack of slow pages
    must not hold the worker for pages × PAGE_RENDER_SECONDS)."""
    return float(getattr(settings, "PAGE_RENDER_PACK_SECONDS", 600))


def max_pixels() -> int:
    """The drawn picture: 1000 px wide, at most 5 pages' height (20 MB of pixels)."""
    return limit("PAGE_RENDER_MAX_PIXELS", WIDTH_PX * 7_000)


def max_image_pixels() -> int:
    """The pictures on a page, at their own size: a scanned A4 page at 600 dpi is 35 M."""
    return limit("PAGE_RENDER_MAX_IMAGE_PIXELS", 100_000_000)


def pages_dir(pack) -> Path:
    return Path(settings.MEDIA_ROOT) / "pages" / f"{pack.pk}-{pack.sha256[:16]}"


def _limits():  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes(), memory_bytes()))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.nice(10)  # pictures wait behind reading packs and serving pages


def _run(args: list[str], per_line_seconds: float):
    """Run the renderer; yield each JSON line; finally yield ('exit', reason) if it died."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "meetings.ingest.page_render", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=settings.BASE_DIR,
        preexec_fn=_limits,
    )
    lines: queue.Queue = queue.Queue()

    def read():
        for raw in proc.stdout:
            lines.put(raw)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    try:
        while True:
            try:
                raw = lines.get(timeout=per_line_seconds)
            except queue.Empty:
                proc.kill()
                yield ("exit", f"it took more than {per_line_seconds} s to draw")
                return
            if raw is None:
                code = proc.wait(timeout=max(per_line_seconds, 5))
                if code != 0:
                    yield (
                        "exit",
                        f"drawing it needed more than {memory_bytes() // 2**20} MB of memory",
                    )
                return
            yield json.loads(raw)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def draw_pages(pack: Pack) -> list[dict]:
    """The ingest pipeline's step after the pack is stored (PAGE_IMAGES_AT_INGEST, default on;
    the test suite turns it off where pictures are not what is tested: ~3 s a corpus pack)."""
    if not getattr(settings, "PAGE_IMAGES_AT_INGEST", True):
        return []
    return render_page_images(pack)


def render_page_images(pack: Pack) -> list[dict]:
    """Draw every page of a stored pack once (idempotent); -> the warnings added to the pack.

    Never raises: a pack whose pictures cannot be drawn is still a pack to review.
    """
    try:
        return _render_page_images(pack)
    except Exception:
        log.exception("drawing the pages of pack %s failed", pack.pk)
        return []


def _render_page_images(pack: Pack) -> list[dict]:
    pack = Pack.objects.get(pk=pack.pk)
    path = pack.file.path
    total = pack.page_count or 0
    out_dir = pages_dir(pack)
    rows: dict[int, PageImage] = {}
    first = 1
    deadline = time.monotonic() + pack_seconds()
    while first <= total:
        if time.monotonic() > deadline:
            for number in range(first, total + 1):
                rows[number] = PageImage(
                    pack=pack,
                    number=number,
                    refused=f"page {number} was not drawn: the pack's pictures took more "
                    f"than {pack_seconds():g} s",
                )
            break
        args = [path, str(out_dir), str(first), str(WIDTH_PX)]
        args += [str(max_pixels()), str(max_image_pixels())]
        runner = _run(args, page_seconds())
        for line in runner:
            if isinstance(line, tuple):  # the renderer died on page `first`
                if first > total:
                    break  # after its last page: nothing was lost
                rows[first] = PageImage(
                    pack=pack, number=first, refused=f"page {first} was not drawn: {line[1]}"
                )
                first += 1
                break
            number = line["page"]
            rows[number] = PageImage(
                pack=pack,
                number=number,
                width=line["width"],
                height=line["height"],
                stamp=line.get("stamp"),
                agenda_item=(line.get("agenda_item") or "")[:20],
                image=str((out_dir / line["image"]).relative_to(settings.MEDIA_ROOT))
                if line.get("image")
                else "",
                refused=line.get("refused", ""),
            )
            first = number + 1
            if time.monotonic() > deadline:
                break  # the pages left are refused above
        else:
            break  # the renderer finished (or stopped early without a page: nothing more)
        runner.close()  # stops (kills) the renderer if it is still running
    scan = list(_run(["--scan", path], 120))
    active = scan[0].get("active_content") if scan and isinstance(scan[0], dict) else None
    added = [
        warning(row.number, f"{row.refused}; a placeholder is shown instead.")
        for row in rows.values()
        if row.refused
    ]
    with transaction.atomic():
        PageImage.objects.filter(pack=pack).delete()
        PageImage.objects.bulk_create(rows.values())
        PublicPdf.objects.update_or_create(
            pack=pack,
            defaults={
                # A file that could not be scanned is treated as active: served as a download.
                "checked": True,
                "active_content": active if active is not None else ["(could not be checked)"],
            },
        )
        locked = Pack.objects.select_for_update().get(pk=pack.pk)
        if added and locked.extraction is not None:
            known = {(w.get("page"), w.get("message")) for w in locked.warnings}
            fresh = [w for w in added if (w["page"], w["message"]) not in known]
            if fresh:
                locked.extraction = {
                    **locked.extraction,
                    "warnings": [*locked.warnings, *fresh],
                }
                locked.save(update_fields=["extraction"])
    return added


# --- what the web process reads ----------------------------------------------------------


def page_image(pack, page: int) -> PageImage | None:
    return PageImage.objects.filter(pack=pack, number=page).first()


def page_png_path(pack, page: int) -> Path | None:
    """The stored picture of a page, or None (not drawn yet, or refused: show a placeholder)."""
    row = page_image(pack, page)
    if row is None or not row.image:
        return None
    path = Path(settings.MEDIA_ROOT) / row.image
    return path if path.is_file() else None


_placeholder: bytes | None = None


def placeholder_png() -> bytes:
    """A grey A4-shaped picture: the page is not drawn (refused, or not yet)."""
    global _placeholder
    if _placeholder is None:
        image = Image.new("L", (WIDTH_PX // 4, round(WIDTH_PX * 1.414) // 4), 235)
        ImageDraw.Draw(image).text((20, 40), "This page is not shown as a picture.", fill=90)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        _placeholder = buffer.getvalue()
    return _placeholder


def page_size(pack, page: int) -> tuple[float, float]:
    """The page's width and height in PDF points (A4 portrait when it is not known)."""
    row = page_image(pack, page)
    return (row.width, row.height) if row else (595.0, 842.0)


def printed_pages(pack) -> dict[int, int]:
    """{printed "Page N" stamp: PDF page}: agendas cite printed pages, links need PDF pages."""
    found: dict[int, int] = {}
    for stamp, number in (
        PageImage.objects.filter(pack=pack)
        .exclude(stamp=None)
        .order_by("number")
        .values_list("stamp", "number")
    ):
        found.setdefault(stamp, number)
    return found


# --- the public copy -----------------------------------------------------------------------


def build_public_pdf(pack: Pack, exempt: set[int] | None = None) -> PublicPdf:
    """At publish: the pack without its exempt pages, written once, served to the public."""
    # selectors/pages.py reads the page stamps this module stores: importing it at the top
    # would import this module round.
    from meetings.selectors.pages import exempt_pages  # noqa: PLC0415

    exempt = exempt_pages(pack) if exempt is None else exempt
    public, _ = PublicPdf.objects.get_or_create(pack=pack)
    if not exempt:
        if public.file:
            public.file.delete(save=False)
        public.exempt_pages = []
        public.save()
        return public
    dest_dir = Path(settings.MEDIA_ROOT) / "packs" / "public"
    dest_dir.mkdir(parents=True, exist_ok=True)
    name = f"{pack.pk}-{pack.sha256[:16]}-public.pdf"
    write_pdf_without_pages(pack.file.path, dest_dir / f"{name}.part", exempt)
    shutil.move(dest_dir / f"{name}.part", dest_dir / name)
    public.file.name = f"packs/public/{name}"
    public.exempt_pages = sorted(exempt)
    public.save()
    return public


def publish_public_pdf(pack: Pack) -> None:
    """Called by publish_pack: build the public copy now; if it fails, the first request will."""
    try:
        build_public_pdf(pack)
    except Exception:
        log.exception("could not write the public copy of pack %s", pack.pk)
