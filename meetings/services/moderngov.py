"""Follow a panel's committee in the council's ModernGov: meetings, agenda items, documents, packs.

`sync_moderngov()` is what `manage.py sync_moderngov` and the beat-scheduled task both run.
Each meeting is written in its own transaction, so a failure part-way leaves every meeting
either as it was or wholly updated; the validators of an answer are kept only once it has been
stored, so whatever failed is asked for again next time. Problems are recorded on the SyncRun in
words for the officers' sync page; nothing here lets a traceback reach a person.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from meetings.models import (
    Committee,
    Meeting,
    ModernGovAgendaItem,
    ModernGovDocument,
    ModernGovFeed,
    ModernGovMeeting,
    SyncRun,
)
from meetings.moderngov import reading
from meetings.moderngov.client import DocumentRefused, ModernGovClient, ModernGovUnavailable

from .packs import DuplicatePack, PackRejected, receive_pack

log = logging.getLogger(__name__)

CANCELLED_WORDS = ("cancel", "postpone", "abandon")


def feeds_from_environment() -> list[ModernGovFeed]:
    """MODERNGOV_URL + MODERNGOV_COMMITTEES ("123,456") make feeds, once; the admin edits them."""
    if not settings.MODERNGOV_URL:
        return []
    return [
        ModernGovFeed.objects.get_or_create(
            base_url=settings.MODERNGOV_URL, moderngov_committee=cid
        )[0]
        for cid in settings.MODERNGOV_COMMITTEES
    ]


def sync_moderngov(feeds=None, *, today: datetime.date | None = None) -> list[SyncRun]:
    feeds_from_environment()
    if feeds is None:
        feeds = ModernGovFeed.objects.filter(enabled=True).select_related("committee")
    return [run for feed in feeds if (run := sync_feed(feed, today=today))]


def sync_feed(feed: ModernGovFeed, *, today: datetime.date | None = None) -> SyncRun | None:
    """One committee's sync; None when another sync of it is already running."""
    lock = f"moderngov-sync-{feed.pk}"
    if not cache.add(lock, 1, timeout=settings.MODERNGOV_SYNC_TIME_LIMIT):
        log.info("ModernGov feed %s is already being synced", feed.pk)
        return None
    run = SyncRun.objects.create(feed=feed)
    try:
        _Sync(feed, run, today or timezone.localdate()).run()
    except ModernGovUnavailable as exc:
        run.problems.append(str(exc)[:1].upper() + str(exc)[1:] + ".")
        run.outcome = SyncRun.Outcome.FAILED
    except reading.NotModernGovXml as exc:
        run.problems.append(f"The committee list could not be read: {exc}.")
        run.outcome = SyncRun.Outcome.FAILED
    except Exception:
        log.exception("ModernGov sync of feed %s failed", feed.pk)
        run.problems.append(
            "Something went wrong during the sync; the technical team has the details. "
            "Meetings already brought across are kept; the next sync tries the rest again."
        )
        run.outcome = SyncRun.Outcome.FAILED
    else:
        run.outcome = SyncRun.Outcome.PARTLY if run.problems else SyncRun.Outcome.OK
    finally:
        cache.delete(lock)
    run.finished_at = timezone.now()
    run.save(update_fields=["outcome", "problems", "changes", "finished_at"])
    feed.last_synced_at = run.finished_at
    feed.save(update_fields=["last_synced_at", "validators", "committee"])
    return run


class _Sync:
    def __init__(self, feed: ModernGovFeed, run: SyncRun, today: datetime.date):
        self.feed, self.record, self.today = feed, run, today
        self.client = ModernGovClient(
            feed.base_url,
            timeout=settings.MODERNGOV_TIMEOUT,
            retries=settings.MODERNGOV_RETRIES,
            backoff=settings.MODERNGOV_BACKOFF,
        )

    def changed(self, message: str):
        self.record.changes.append(message)

    def problem(self, message: str):
        self.record.problems.append(message)

    def run(self):
        self.committee()
        since = self.today - datetime.timedelta(days=365 * settings.MODERNGOV_YEARS_BACK)
        until = self.today + datetime.timedelta(days=366)
        key = f"GetMeetings:{self.feed.moderngov_committee}"
        answer = self.client.call(
            "GetMeetings",
            self.feed.validators.get(key),
            lCommitteeId=self.feed.moderngov_committee,
            sFromDate=f"{since:%d/%m/%Y}",
            sToDate=f"{until:%d/%m/%Y}",
        )
        if answer.not_modified:
            return
        listed, skipped = reading.meetings(reading.parse(answer.body))
        if skipped:
            self.problem(f"{skipped} meeting(s) in the list had no id or no readable date.")
        # Some installs ignore the date range and send the whole history: filter here.
        failures = 0
        for summary in sorted(listed, key=lambda m: m["date"]):
            if since <= summary["date"] <= until and not self.meeting(summary):
                failures += 1
        if not failures:  # otherwise ask for the whole list again next time
            self.feed.validators[key] = answer.validators

    def committee(self):
        key = "GetCommittees"
        # Without a panel yet, ask unconditionally: a 304 would leave nothing to file it under.
        known = self.feed.validators.get(key) if self.feed.committee is not None else None
        answer = self.client.call(key, known)
        if answer.not_modified:
            return
        found = {c["id"]: c["title"] for c in reading.committees(reading.parse(answer.body))}
        title = found.get(self.feed.moderngov_committee)
        if title is None:
            raise ModernGovUnavailable(
                f"the council's ModernGov lists no committee with id "
                f"{self.feed.moderngov_committee} (check the id in the panel's ModernGov settings)"
            )
        if self.feed.committee is None:
            committee = Committee.objects.filter(name__iexact=title).first()
            if committee is None:
                committee = Committee.objects.create(name=title)
                self.changed(f"New panel: {title}.")
            self.feed.committee = committee
        self.feed.validators[key] = answer.validators

    def meeting(self, summary: dict) -> bool:
        """Bring one meeting across; False (with a problem noted) when it could not be."""
        when = f"{summary['date']:%-d %B %Y}"
        key = f"GetMeeting:{summary['id']}"
        try:
            answer = self.client.call(
                "GetMeeting", self.feed.validators.get(key), lMeetingId=summary["id"]
            )
            if answer.not_modified:
                link = ModernGovMeeting.objects.filter(
                    feed=self.feed, moderngov_id=summary["id"]
                ).first()
                if link:
                    self.fetch_pack(link, when)
                    return True
                answer = self.client.call("GetMeeting", lMeetingId=summary["id"])
            detail = reading.meeting(reading.parse(answer.body)) or {}
        except (ModernGovUnavailable, reading.NotModernGovXml) as exc:
            self.problem(f"Meeting of {when}: {exc}.")
            return False
        fields = {**summary, **{k: v for k, v in detail.items() if v not in (None, "")}}
        fields["id"] = summary["id"]
        with transaction.atomic():
            link = self.store_meeting(fields, when)
        self.feed.validators[key] = answer.validators
        self.fetch_pack(link, when)
        return True

    def store_meeting(self, fields: dict, when: str) -> ModernGovMeeting:
        link = (
            ModernGovMeeting.objects.select_for_update()
            .select_related("meeting")
            .filter(feed=self.feed, moderngov_id=fields["id"])
            .first()
        )
        meeting, created = (link.meeting, False) if link else (None, False)
        if meeting is None:
            # A meeting a pack created first is the same meeting: one per panel per day.
            meeting, created = Meeting.objects.get_or_create(
                committee=self.feed.committee, date=fields["date"]
            )
        if created:
            self.changed(f"New meeting: {when}.")
        elif meeting.date != fields["date"]:
            self.changed(f"Meeting of {meeting.date:%-d %B %Y} moved to {when}.")
            meeting.date = fields["date"]
        updates = {
            "time": fields.get("time"),
            "venue": fields.get("venue"),
            "status": self.status_of(fields),
        }
        for name, value in updates.items():
            if value in (None, "") or getattr(meeting, name) == value:
                continue
            if not created and getattr(meeting, name) not in (None, ""):
                shown = meeting.Status(value).label.lower() if name == "status" else value
                self.changed(f"Meeting of {when}: {name} now {shown}.")
            setattr(meeting, name, value)
        meeting.save()
        link, _ = ModernGovMeeting.objects.update_or_create(
            feed=self.feed,
            moderngov_id=fields["id"],
            defaults={
                "meeting": meeting,
                "status_text": fields.get("status", "")[:100],
                "agenda_published": fields.get("agenda_published", False),
                "minutes_published": fields.get("minutes_published", False),
            },
        )
        self.store_items(link, fields.get("agenda_items", []), when)
        self.store_documents(link, None, fields.get("documents", []))
        return link

    def status_of(self, fields: dict) -> str:
        """'Cancelled' / 'Postponed' as ModernGov prints it; otherwise held once its day is past."""
        if any(word in fields.get("status", "").lower() for word in CANCELLED_WORDS):
            return Meeting.Status.CANCELLED
        return Meeting.Status.HELD if fields["date"] < self.today else Meeting.Status.SCHEDULED

    def store_items(self, link: ModernGovMeeting, items: list[dict], when: str):
        seen = []
        for item in items:
            key = str(item["id"]) if item["id"] is not None else f"position-{item['position']}"
            row, created = ModernGovAgendaItem.objects.update_or_create(
                meeting=link,
                key=key,
                defaults={
                    "number": item["number"][:20],
                    "position": item["position"],
                    "title": item["title"][:500],
                    "exempt": item["restricted"],
                    "minutes": item["minutes"],
                },
            )
            if created:
                self.changed(f"Meeting of {when}: agenda item '{row.title[:80]}'.")
            self.store_documents(link, row, item["documents"])
            seen.append(row.pk)
        gone = link.agenda_items.exclude(pk__in=seen)
        if items and gone.exists():
            self.changed(f"Meeting of {when}: {gone.count()} agenda item(s) withdrawn.")
            gone.delete()

    def store_documents(self, link, item, documents: list[dict]):
        for doc in documents:
            key = (
                str(doc["id"]) if doc["id"] else hashlib.sha1(doc["url"].encode()).hexdigest()[:40]
            )
            is_pack = item is None and reading.agenda_pack([doc]) is not None
            url = self.client.document_url(doc["url"])[:1000]
            stored, created = ModernGovDocument.objects.get_or_create(
                meeting=link,
                key=key,
                defaults={"agenda_item": item, "title": doc["title"][:500], "url": url},
            )
            if not created and stored.url != url:
                stored.problem = ""  # a new file: a refusal of the old one no longer stands
            stored.agenda_item, stored.title, stored.url = item, doc["title"][:500], url
            stored.is_agenda_pack = is_pack
            stored.save()

    def fetch_pack(self, link: ModernGovMeeting, when: str):
        """Download the agenda pack once, check it like an upload and queue it for reading."""
        if not (self.feed.fetch_packs and link.agenda_published):
            return
        # A document refused once (not a PDF, over the limit) is not fetched again until the
        # council replaces it (store_documents clears the refusal when its address changes).
        doc = link.documents.filter(
            is_agenda_pack=True, agenda_item=None, pack=None, problem=""
        ).first()
        if doc is None:
            return
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "pack.pdf"
            try:
                self.client.download(doc.url, path, settings.PACK_MAX_BYTES)
                with open(path, "rb") as handle:
                    pack = receive_pack(handle, filename=_filename(doc, link))
            except DuplicatePack as exc:
                pack = exc.existing
            except (DocumentRefused, PackRejected) as exc:
                doc.problem = f"{exc}"
                doc.save(update_fields=["problem"])
                self.problem(f"Meeting of {when}: the agenda pack '{doc.title}' was refused: {exc}")
                return
            except ModernGovUnavailable as exc:  # passing: tried again at the next sync
                self.problem(
                    f"Meeting of {when}: the agenda pack '{doc.title}' was not fetched: {exc}"
                )
                return
        doc.pack, doc.problem = pack, ""
        doc.save(update_fields=["pack", "problem"])
        self.changed(f"Meeting of {when}: agenda pack fetched and queued for reading.")


def _filename(doc: ModernGovDocument, link: ModernGovMeeting) -> str:
    name = doc.url.rsplit("/", 1)[-1].split("?", 1)[0]
    if name.lower().endswith(".pdf"):
        return name
    return f"{link.meeting.committee.slug}-{link.meeting.date:%Y-%m-%d}-agenda-pack.pdf"
