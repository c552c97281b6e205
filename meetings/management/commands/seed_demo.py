"""manage.py seed_demo: demo users for each role and the real corpus packs, ingested and published.

Safe to run again: existing users keep their passwords reset to the demo ones, and packs already
uploaded are left as they are.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand

from meetings.models import Membership, Pack, Person
from meetings.services.ingestion import ingest_pack
from meetings.services.packs import CannotPublish, DuplicatePack, publish_pack, receive_pack
from scrutiny.access import Role

DEMO_PACKS = Path(settings.BASE_DIR) / "tests" / "fixtures"
DEMO_USERS = [
    ("councillor", "Councillor Winning", Role.COUNCILLOR),
    ("dso", "Democratic Support Officer", Role.DSO),
    ("manager", "Scrutiny Manager", Role.MANAGER),
]
PASSWORD = "scrutiny-demo"


class Command(BaseCommand):
    help = "Create demo users and ingest and publish the corpus packs."

    def add_arguments(self, parser):
        parser.add_argument(
            "--ocr",
            action="store_true",
            help="Also OCR the packs' dashboard pictures (those values then wait, as a draft, "
            "for an officer to confirm each before the pack can be published)",
        )

    def handle(self, ocr=False, **options):
        # By default the demo reads the packs' text layer and publishes them, so that both years
        # are on the dashboards at once; OCR'd values are never published unconfirmed.
        for pdf in sorted(DEMO_PACKS.glob("pack-*.pdf")):
            self.ingest(pdf, ocr)
        for username, full_name, role in DEMO_USERS:
            user, _ = User.objects.get_or_create(username=username)
            user.first_name, _, user.last_name = full_name.partition(" ")
            user.set_password(PASSWORD)
            user.save()
            user.groups.add(Group.objects.get(name=role.value))
        self.seat_demo_councillor()
        admin, _ = User.objects.get_or_create(
            username="admin", defaults={"is_staff": True, "is_superuser": True}
        )
        admin.set_password(PASSWORD)
        admin.save()
        self.stdout.write(self.style.SUCCESS("\nDemo ready at http://127.0.0.1:8000"))
        self.stdout.write(f"Sign in as (password for all: {PASSWORD}):")
        for username, _, role in DEMO_USERS:
            self.stdout.write(f"  {username:<12} {role.value}")
        self.stdout.write(f"  {'admin':<12} Django admin (/admin/)")
        self.stdout.write("Or browse as the public without signing in.\n")

    def ingest(self, pdf: Path, ocr: bool):
        try:
            with open(pdf, "rb") as handle:
                pack = receive_pack(handle, filename=pdf.name, enqueue=False)
        except DuplicatePack as duplicate:
            pack = duplicate.existing
            if pack.status != Pack.Status.FAILED:
                self.stdout.write(f"{pdf.name}: already loaded")
                return
            # It failed before (say, with an older parser): read it again.
            Pack.objects.filter(pk=pack.pk).requeue()
        pack = ingest_pack(pack.pk, ocr=ocr)
        if pack.status == Pack.Status.NEEDS_REVIEW:
            try:
                publish_pack(pack)
            except CannotPublish as refused:  # OCR'd values wait for an officer (--ocr)
                self.stdout.write(f"{pdf.name}: a draft for review – {refused}")
                return
            self.stdout.write(f"{pdf.name}: published ({pack.meeting})")
        else:
            self.stdout.write(
                self.style.WARNING(f"{pdf.name}: {pack.get_status_display()} – {pack.reason}")
            )

    def seat_demo_councillor(self):
        """The demo councillor is the panel's chair, so exempt items of that panel are theirs to see."""
        user = User.objects.get(username="councillor")
        chair = (
            Membership.objects.filter(role=Membership.Role.CHAIR).select_related("person").first()
        )
        if chair and chair.person.user_id in (None, user.pk):
            Person.objects.filter(user=user).exclude(pk=chair.person.pk).update(user=None)
            chair.person.user = user
            chair.person.save(update_fields=["user"])
