"""manage.py sync_moderngov [--feed ID …]: the same sync the beat schedule runs, in the foreground."""

from django.core.management.base import BaseCommand

from meetings.models import ModernGovFeed
from meetings.services.moderngov import sync_moderngov


class Command(BaseCommand):
    help = "Bring meetings, agenda items and packs across from each panel's ModernGov."

    def add_arguments(self, parser):
        parser.add_argument("--feed", type=int, action="append", help="Only this feed (its id)")

    def handle(self, feed=None, **options):
        feeds = ModernGovFeed.objects.filter(pk__in=feed) if feed else None
        runs = sync_moderngov(feeds)
        if not runs:
            self.stdout.write(
                "No ModernGov feeds to sync (set one up in the admin, or MODERNGOV_URL)."
            )
        for run in runs:
            self.stdout.write(f"{run.feed}: {run.get_outcome_display()}")
            for line in run.changes:
                self.stdout.write(f"  + {line}")
            for line in run.problems:
                self.stdout.write(self.style.WARNING(f"  ! {line}"))
        if any(run.outcome == run.Outcome.FAILED for run in runs):
            raise SystemExit(1)
