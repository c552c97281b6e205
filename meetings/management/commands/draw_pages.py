"""manage.py draw_pages: draw the page pictures of stored packs that have none (or --again).

New packs are drawn by the worker after they are read; this is for packs stored before page
pictures were drawn at ingest, and for redrawing after the limits change.
"""

from django.core.management.base import BaseCommand

from meetings.models import Pack
from meetings.services.page_images import publish_public_pdf, render_page_images


class Command(BaseCommand):
    help = "Draw page pictures (and check for active content) of stored packs that have none."

    def add_arguments(self, parser):
        parser.add_argument("--again", action="store_true", help="Redraw every stored pack.")

    def handle(self, *args, again=False, **options):
        packs = Pack.objects.filter(status__in=Pack.STORED)
        if not again:
            packs = packs.filter(page_images=None)
        for pack in packs.distinct().order_by("pk"):
            warnings = render_page_images(pack)
            if pack.is_published:
                publish_public_pdf(pack)
            self.stdout.write(f"{pack}: {pack.page_count} pages, {len(warnings)} refused")
