"""The officer's side of a pack's life: receive → (the task reads it) → publish or discard.

The upload view and `manage.py ingest_pack` come through here. These services send the ingest
task; what the task itself calls (ingest_pack, fail_pack) is in ingestion.py, so the path reads
one way: packs.py → tasks.py → ingestion.py → pack_contents.py.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone

from indicators.cache import figures_changed
from indicators.models import Observation
from indicators.services.values import renumber_revisions
from meetings.models import Meeting, Pack
from meetings.tasks import send_ingest

from .calendar import schedule_listed_meetings
from .memberships import sync_memberships
from .pack_contents import clear_stored_rows, supersede_pack
from .page_images import publish_public_pdf
from .recommendation_sources import apply_published_updates

log = logging.getLogger(__name__)


class PackRejected(ValueError):
    """The upload is refused before it is stored; the message is for the officer."""


class DuplicatePack(PackRejected):
    def __init__(self, existing: Pack):
        self.existing = existing
        when = timezone.localtime(existing.uploaded_at).strftime("%-d %B %Y")
        state = existing.get_status_display().lower()
        then = "Open the existing pack instead."
        if existing.can_retry:
            state = "failed" if existing.status == Pack.Status.FAILED else "not read yet: stuck"
            then = "Use “Try again” on the existing pack to read it again."
        super().__init__(
            f"This pack was already uploaded on {when} ({existing.original_filename}, "
            f"{state}). {then}"
        )


NOT_SENT = (
    "The pack is saved, but the background reader cannot be reached just now. It will be read "
    "automatically as soon as it is back; nothing is lost, and you do not need to upload it again."
)


class CannotPublish(ValueError):
    pass


PDF_MAGIC = b"%PDF-"
KNOWN_SIGNATURES = {
    b"PK\x03\x04": "a Word, Excel or zip file",
    b"\xd0\xcf\x11\xe0": "an old-style Word or Excel file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"{\\rtf": "an RTF document",
}


def human_size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


def check_upload(head: bytes, size: int):
    """Refuse what is plainly not a pack: empty, too big, or not a PDF at all."""
    if size == 0:
        raise PackRejected("The file is empty (0 bytes). Please choose the agenda pack PDF.")
    if size > settings.PACK_MAX_BYTES:
        raise PackRejected(
            f"The file is {human_size(size)}; packs can be at most "
            f"{human_size(settings.PACK_MAX_BYTES)}. Split it, or ask an administrator to raise the limit."
        )
    if PDF_MAGIC not in head[:1024]:
        kind = next((name for sig, name in KNOWN_SIGNATURES.items() if head.startswith(sig)), None)
        detail = f" It looks like {kind}." if kind else ""
        raise PackRejected(
            f"This file is not a PDF.{detail} Please upload the agenda pack as a PDF."
        )


def sha256_of_file(handle) -> str:
    digest = hashlib.sha256()
    handle.seek(0)
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        digest.update(chunk)
    handle.seek(0)
    return digest.hexdigest()


def receive_pack(
    upload, *, filename: str, user=None, enqueue: bool = True, committee=None, date=None
) -> Pack:
    """Check and store an uploaded file, then queue its ingestion once the row is committed.

    `upload` is any binary file object (a Django UploadedFile or an open file).
    """
    upload.seek(0)
    head = upload.read(1024)
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
    check_upload(head, size)
    digest = sha256_of_file(upload)
    existing = Pack.objects.filter(sha256=digest).exclude(status=Pack.Status.DISCARDED).first()
    if existing:
        raise DuplicatePack(existing)
    try:
        with transaction.atomic():
            pack = Pack(
                original_filename=Path(filename).name[:255],
                sha256=digest,
                size_bytes=size,
                uploaded_by=user,
                filed_committee=committee,  # the officer's choice, if any (services/filing.py)
                filed_date=date,
            )
            pack.file.save(f"{digest[:16]}.pdf", File(upload), save=False)
            pack.save()
            if enqueue:
                transaction.on_commit(lambda: send_ingest(pack.pk))
    except IntegrityError as exc:  # the same file uploaded twice at once
        raise DuplicatePack(Pack.objects.get(sha256=digest, status__in=live_statuses())) from exc
    if enqueue:
        pack.refresh_from_db()  # was it sent? (`pack.not_sent` tells the officer if not)
    return pack


def live_statuses():
    return [s for s in Pack.Status.values if s != Pack.Status.DISCARDED]


def retry_pack(pack: Pack) -> Pack:
    """Queue a failed or stuck pack again (after a fix, or a passing fault)."""
    if Pack.objects.filter(pk=pack.pk).requeue():
        transaction.on_commit(lambda: send_ingest(pack.pk))
    pack.refresh_from_db()
    return pack


@transaction.atomic
def publish_pack(pack: Pack, user=None) -> Pack:
    pack = Pack.objects.select_for_update().get(pk=pack.pk)
    if pack.status != Pack.Status.NEEDS_REVIEW:
        raise CannotPublish(
            f"Only a pack waiting for review can be published; this one is {pack.get_status_display().lower()}."
        )
    unconfirmed = Observation.objects.filter(
        pack=pack, source="ocr", review=Observation.Review.PENDING
    ).count()
    if unconfirmed:
        raise CannotPublish(
            f"{unconfirmed} value(s) were read from images by OCR. Confirm, correct or drop each one before publishing."
        )
    for old in Pack.objects.published().filter(meeting=pack.meeting).exclude(pk=pack.pk):
        supersede_pack(old)
    pack.status = Pack.Status.PUBLISHED
    pack.published_at = timezone.now()
    pack.published_by = user if getattr(user, "is_authenticated", False) else None
    pack.save(update_fields=["status", "published_at", "published_by"])
    sync_memberships(pack)
    schedule_listed_meetings(pack)
    if pack.meeting.status == Meeting.Status.SCHEDULED and pack.meeting.date < timezone.localdate():
        pack.meeting.status = Meeting.Status.HELD  # a pack back-filled after its meeting
        pack.meeting.save(update_fields=["status"])
    apply_published_updates(pack)
    indicator_ids = set(
        Observation.objects.filter(pack=pack).values_list("indicator_id", flat=True)
    )
    renumber_revisions(indicator_ids)
    figures_changed(pack.committee_id)
    publish_public_pdf(pack)  # the public copy without the exempt pages, built once
    return pack


@transaction.atomic
def discard_pack(pack: Pack, user=None) -> Pack:
    """Remove a draft's rows; the Pack row stays as a record that it was uploaded."""
    pack = Pack.objects.select_for_update().get(pk=pack.pk)
    if pack.status == Pack.Status.PUBLISHED:
        raise CannotPublish(
            "A published pack cannot be discarded; upload a corrected pack instead."
        )
    clear_stored_rows(pack)
    pack.status = Pack.Status.DISCARDED
    pack.save(update_fields=["status"])
    return pack
