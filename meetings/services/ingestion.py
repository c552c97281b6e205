"""Reading a queued pack: what the Celery task calls (ingest_pack, fail_pack).

The other half of the lifecycle, receive/retry/publish/discard, lives in packs.py and sends the
task; this module never sends it, so tasks.py → ingestion.py is a one-way street.
"""

from __future__ import annotations

import datetime
import logging
import tempfile
import time

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.utils import timezone

from meetings.ingest.extract import extract
from meetings.ingest.pdf import PdfError, inspect_pdf
from meetings.models import Pack

from .pack_contents import ExtractionIncomplete, store_pack_contents
from .page_images import draw_pages

log = logging.getLogger(__name__)

# The database went away (a restart, a failover, a cut connection): worth another try. Other
# database errors are bugs, and trying again would only repeat them.
DATABASE_AWAY = (OperationalError, InterfaceError)

UNEXPECTED = (
    "Something went wrong while reading this pack, and nothing from it was saved. "
    "The technical team has the details; you can try again or upload a corrected PDF."
)


def ingest_pack(pack_id: int, ocr: bool | None = None) -> Pack:
    """Extract and store one pack. Safe to run twice: a finished pack is left as it is.
    `ocr` overrides settings.OCR_ENABLED (the demo reads the corpus from its text alone)."""
    claimed = Pack.objects.claim(pack_id)
    pack = Pack.objects.get(pk=pack_id)
    if not claimed:
        log.info("pack %s is %s: nothing to do", pack_id, pack.status)
        return pack

    def progress(done, total):
        Pack.objects.filter(pk=pack_id).update(progress_done=done, progress_total=total)

    try:
        with pack.file.open("rb") as handle, tempfile.NamedTemporaryFile(suffix=".pdf") as local:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                local.write(chunk)
            local.flush()
            pages = inspect_pdf(local.name)
            Pack.objects.filter(pk=pack_id).update(page_count=pages, progress_total=pages)
            if pages > settings.PACK_MAX_PAGES:
                raise PdfError(
                    f"The PDF has {pages} pages; packs can have at most {settings.PACK_MAX_PAGES}."
                )
            extraction = extract(
                local.name,
                progress=progress,
                filename=pack.original_filename,
                ocr=settings.OCR_ENABLED if ocr is None else ocr,
            )
        pack = store_pack_contents(pack, extraction)
        Pack.objects.filter(pk=pack_id).update(extracted_at=timezone.now())
        draw_pages(pack)  # pictures drawn once here, under limits; never in a request
    except ExtractionIncomplete as exc:  # read, but not filed: kept for the officer to file
        Pack.objects.filter(pk=pack_id).update(extraction=extraction)
        return fail_pack(pack_id, str(exc))
    except PdfError as exc:
        return fail_pack(pack_id, str(exc))
    except SoftTimeLimitExceeded:
        log.error(
            "pack %s: stopped at the %s s time limit", pack_id, settings.INGEST_SOFT_TIME_LIMIT
        )
        return fail_pack(pack_id, too_long())
    except DATABASE_AWAY:
        # The database went away mid-read: nothing half-written stays (one transaction), and
        # the pack goes back to the queue for the sweep to send again, up to the attempt limit.
        log.exception("pack %s: the database failed while it was being read", pack_id)
        if pack.attempts >= settings.INGEST_MAX_ATTEMPTS:  # this read was the last allowed
            return fail_pack(pack_id, DATABASE_LOST)
        with_db_retry(lambda: Pack.objects.filter(pk=pack_id).back_to_queue())
        return with_db_retry(lambda: Pack.objects.get(pk=pack_id))
    except Exception:
        log.exception("ingesting pack %s failed", pack_id)
        return fail_pack(pack_id, UNEXPECTED)
    pack.refresh_from_db()
    return pack


DATABASE_LOST = (
    "The database could not be reached while this pack was being read, each time it was tried; "
    "nothing from it was saved. Use “Try again” once the site is working normally."
)


def too_long() -> str:
    limit = settings.INGEST_SOFT_TIME_LIMIT
    took = f"{round(limit / 60)} minutes" if limit >= 120 else f"{limit} seconds"
    return (
        f"Reading this pack took longer than {took} and was stopped; nothing from it "
        "was saved. The PDF may be damaged or unusually built: try again, or upload it re-saved "
        "from the committee system."
    )


def fail_pack(pack_id: int, reason: str) -> Pack:
    """Mark a pack failed. This is the error handler, so a database blip must not defeat it."""
    with_db_retry(lambda: Pack.objects.filter(pk=pack_id).fail(reason))
    return with_db_retry(lambda: Pack.objects.get(pk=pack_id))


def with_db_retry(write, attempts=6, first_wait=0.25):
    """Run one small write, reconnecting and backing off (0.25 s … 8 s) while the database is away."""
    wait = first_wait
    for attempt in range(attempts):
        try:
            return write()
        except DATABASE_AWAY:
            if attempt == attempts - 1:
                raise
            log.warning("database unavailable; trying again in %.2f s", wait)
            connection.close()  # a broken connection is not reused; the next query reconnects
            time.sleep(wait)
            wait *= 2
    return None


def packs_to_send(grace_seconds: int = 30) -> list[int]:
    """The sweep: packs whose worker died go back to the queue (or fail after too many tries);
    then every queued pack that never reached the broker is due to be sent."""
    for pack in Pack.objects.stale_claims():
        same_claim = Pack.objects.filter(pk=pack.pk, started_at=pack.started_at)
        if pack.attempts >= settings.INGEST_MAX_ATTEMPTS:
            log.error("pack %s: %s reads never finished; failing it", pack.pk, pack.attempts)
            same_claim.filter(status=Pack.Status.PROCESSING).fail(gave_up(pack.attempts))
        else:
            log.warning("pack %s: its worker is gone; back to the queue", pack.pk)
            same_claim.back_to_queue()
    unsent = Pack.objects.unsent(grace=datetime.timedelta(seconds=grace_seconds))
    return list(unsent.order_by("uploaded_at").values_list("pk", flat=True)[:100])


def gave_up(attempts: int) -> str:
    return (
        f"Reading this pack was started {attempts} times and never finished (the reader stopped "
        "each time); nothing from it was saved. Try again, or upload the PDF re-saved from the "
        "committee system."
    )
