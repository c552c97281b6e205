"""manage.py ingest_pack FILE.pdf|DIR [--dry-run] [--json]

--dry-run --json prints the PACK_SCHEMA extraction and nothing else, writing nothing. Without
--dry-run each PDF goes through receive_pack and ingest_pack, exactly as an upload does (a
directory back-fills every PDF in it, oldest name first).
"""

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from meetings.ingest.extract import extract
from meetings.ingest.pdf import PdfError
from meetings.services.ingestion import ingest_pack
from meetings.services.packs import PackRejected, publish_pack, receive_pack


class Command(BaseCommand):
    help = "Read agenda pack PDFs: print the extraction (--dry-run) or store them as drafts."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A pack PDF, or a directory of them")
        parser.add_argument("--dry-run", action="store_true", help="Extract only; write nothing")
        parser.add_argument("--json", action="store_true", help="Print the extraction as JSON")
        parser.add_argument(
            "--publish", action="store_true", help="Publish each pack after storing it"
        )

    def handle(self, path, dry_run=False, json=False, publish=False, **options):
        target = Path(path)
        if not target.exists():
            raise CommandError(f"No such file or directory: {target}")
        files = sorted(target.glob("*.pdf")) if target.is_dir() else [target]
        if not files:
            raise CommandError(f"No PDF files in {target}")
        for file in files:
            if dry_run:
                self.dry_run(file, as_json=json)
            else:
                self.store(file, publish=publish, as_json=json)

    def dry_run(self, file, as_json):
        try:
            result = extract(file, ocr=settings.OCR_ENABLED)
        except PdfError as exc:
            raise CommandError(f"{file.name}: {exc}") from exc
        if as_json:
            sys.stdout.write(json_dumps(result) + "\n")
        else:
            self.stdout.write(summary(file.name, result))

    def store(self, file, publish, as_json):
        try:
            with open(file, "rb") as handle:
                pack = receive_pack(handle, filename=file.name, enqueue=False)
        except PackRejected as exc:
            self.stderr.write(f"{file.name}: {exc}")
            return
        pack = ingest_pack(pack.pk)
        if pack.status == pack.Status.FAILED:
            self.stderr.write(f"{file.name}: failed – {pack.reason}")
            return
        if publish:
            pack = publish_pack(pack)
        if as_json:
            sys.stdout.write(json_dumps(pack.extraction) + "\n")
        else:
            self.stdout.write(
                f"{file.name}: {pack.get_status_display()} (pack {pack.pk}, {pack.meeting})"
            )


def json_dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2)


def summary(name, result):
    counts = ", ".join(
        f"{len(result.get(key) or [])} {key}"
        for key in ("agenda", "minutes", "reports", "tracker", "indicators", "glossary", "warnings")
    )
    meeting = result.get("meeting") or {}
    return f"{name}: {meeting.get('committee')} {meeting.get('date')} – {counts}"
