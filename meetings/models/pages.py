"""What the worker derived from a pack's file, so that the web process never opens a PDF.

`PageImage`: each page drawn once, in the worker, under memory and time limits (or refused, with
the reason). `PublicPdf`: whether the file carries active content (JavaScript, embedded files,
actions run on opening) and the public copy without the exempt pages, built at publish.
"""

from django.db import models


class PageImage(models.Model):
    pack = models.ForeignKey("meetings.Pack", on_delete=models.CASCADE, related_name="page_images")
    number = models.PositiveIntegerField(help_text="1-based page of the pack PDF.")
    width = models.FloatField(default=595.0, help_text="PDF points.")
    height = models.FloatField(default=842.0, help_text="PDF points.")
    stamp = models.PositiveIntegerField(null=True, blank=True, help_text='Printed "Page N".')
    agenda_item = models.CharField(
        max_length=20, blank=True, help_text='An "Agenda Item 9" stamp: an item\'s papers begin.'
    )
    image = models.CharField(max_length=300, blank=True, help_text="PNG path under MEDIA_ROOT.")
    refused = models.TextField(blank=True, help_text="Why the page was not drawn.")

    class Meta:
        ordering = ["pack", "number"]
        constraints = [
            models.UniqueConstraint(fields=["pack", "number"], name="one_image_per_page")
        ]

    def __str__(self):
        return f"{self.pack_id} p.{self.number}"


class PublicPdf(models.Model):
    pack = models.OneToOneField(
        "meetings.Pack", on_delete=models.CASCADE, related_name="public_pdf"
    )
    checked = models.BooleanField(default=False, help_text="The file was scanned for actions.")
    active_content = models.JSONField(
        default=list, blank=True, help_text='What was found: "/JavaScript", "/OpenAction", …'
    )
    exempt_pages = models.JSONField(
        default=list, blank=True, help_text="Pages left out of the public copy."
    )
    file = models.FileField(upload_to="packs/public/", blank=True)

    def __str__(self):
        return f"public copy of pack {self.pack_id}"

    @property
    def served_inline(self) -> bool:
        """Only a file checked and found free of active content opens in the browser."""
        return self.checked and not self.active_content
