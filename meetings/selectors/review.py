"""What the review screen shows of a pack: everything read from it, each with its page."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Prefetch, Q

from indicators.models import Benchmark, Commentary, Indicator, Observation, Target
from meetings.models import (
    AgendaItem,
    GlossaryTerm,
    Minute,
    RecommendationUpdate,
    Report,
    Resolution,
)
from meetings.services.page_images import page_size


def review_context(pack) -> dict:
    if pack.status not in pack.STORED:
        return {"stored": False}
    observations = Observation.objects.filter(pack=pack).order_by("period_start")
    indicators = (
        Indicator.objects.filter(
            Q(observations__pack=pack)
            | Q(pack=pack)
            | Q(targets__pack=pack)
            | Q(benchmarks__pack=pack)
        )
        .distinct()
        .select_related("suggested_match")
        .prefetch_related(
            Prefetch("observations", queryset=observations, to_attr="pack_values"),
            Prefetch("targets", queryset=Target.objects.filter(pack=pack), to_attr="pack_targets"),
            Prefetch(
                "benchmarks",
                queryset=Benchmark.objects.filter(pack=pack),
                to_attr="pack_benchmarks",
            ),
        )
        .order_by("section", "name")
    )
    warnings_by_page = defaultdict(list)
    for warning in pack.warnings:
        warnings_by_page[warning.get("page")].append(warning.get("message"))
    return {
        "stored": True,
        "editable": pack.is_draft,
        "agenda": AgendaItem.objects.filter(pack=pack).order_by("number"),
        "reports": Report.objects.filter(pack=pack).select_related("agenda_item"),
        "minutes": Minute.objects.filter(pack=pack)
        .select_related("meeting")
        .prefetch_related(Prefetch("resolutions", queryset=Resolution.objects.order_by("number"))),
        "tracker": RecommendationUpdate.objects.filter(pack=pack)
        .select_related("recommendation__suggested_match")
        .order_by("pdf_page", "id"),
        "indicators": indicators,
        "glossary": GlossaryTerm.objects.filter(pack=pack).order_by("pdf_page", "id"),
        "commentary": Commentary.objects.filter(pack=pack).order_by("pdf_page", "id"),
        "warnings": sorted(pack.warnings, key=lambda w: w.get("page") or 0),
        "ocr_pending": observations.filter(source="ocr", review=Observation.Review.PENDING).count(),
    }


def page_context(pack, page: int, highlight: str | None = None) -> dict:
    width, height = page_size(pack, page)
    boxes = []
    for obs in (
        Observation.objects.filter(pack=pack, pdf_page=page)
        .exclude(bbox=None)
        .select_related("indicator")
    ):
        box = obs.bbox
        if isinstance(box, list | tuple) and len(box) == 4:
            boxes.append(
                {
                    "x": box[0],
                    "y": box[1],
                    "w": box[2] - box[0],
                    "h": box[3] - box[1],
                    "label": f"{obs.indicator.name}: {obs.period} = {obs.value:g}",
                    "selected": highlight == str(obs.pk),
                }
            )
    return {
        "pack": pack,
        "page": page,
        "width": width,
        "height": height,
        "boxes": boxes,
        "previous_page": page - 1 if page > 1 else None,
        "next_page": page + 1 if page < (pack.page_count or 0) else None,
        "warnings": [w for w in pack.warnings if w.get("page") == page],
    }
