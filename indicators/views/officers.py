"""Officers' pages: an indicator's settings, merging series, importing and exporting values."""

import csv
import io
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from indicators import selectors
from indicators.filters import DashboardFilter
from indicators.forms import ImportForm, IndicatorForm, MergeForm
from indicators.models import Indicator
from indicators.services import imports
from indicators.services.series import CannotMerge, merge_indicators, update_indicator
from meetings.models import Committee
from scrutiny.access import Can, public, requires


@requires(Can.EDIT_INDICATORS)
def edit_indicator(request, panel, slug):
    indicator = get_object_or_404(Indicator, committee__slug=panel, slug=slug)
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        update_indicator(indicator, aliases=form.cleaned_data["aliases"], **fields)
        messages.success(request, "Saved.")
        return redirect(indicator)
    return render(request, "indicators/edit.html", {"indicator": indicator, "form": form})


@requires(Can.EDIT_INDICATORS)
def merge(request, panel, slug):
    indicator = get_object_or_404(Indicator, committee__slug=panel, slug=slug)
    form = MergeForm(request.POST or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            kept = merge_indicators(form.cleaned_data["other"], indicator)
        except CannotMerge as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, f"Merged: “{indicator.name}” is now a wording of “{kept.name}”."
            )
            return redirect(kept)
    return render(request, "indicators/merge.html", {"indicator": indicator, "form": form})


def import_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


@requires(Can.EDIT_INDICATORS)
def import_values(request, panel):
    committee = get_object_or_404(Committee, slug=panel)
    form = ImportForm(request.POST or None, request.FILES or None)
    token = request.POST.get("token", "")
    if request.method == "POST" and token:
        # Second step: the officer confirmed the preview of a file we kept.
        stored = next(import_dir().glob(f"{uuid.UUID(token)}.*"), None)
        if stored is None:
            raise Http404
        plan = imports.plan_import(committee, imports.read_table(stored.read_bytes(), stored.name))
        count = imports.apply_import(committee, plan)
        stored.unlink(missing_ok=True)
        messages.success(request, f"Imported {count} rows.")
        return redirect("indicators:dashboard", committee.slug)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
        content = upload.read()
        try:
            plan = imports.plan_import(committee, imports.read_table(content, upload.name))
        except (imports.ImportError_, UnicodeDecodeError, csv.Error) as exc:
            form.add_error("file", str(exc) or "The file could not be read.")
        else:
            token = uuid.uuid4()
            (import_dir() / f"{token}{suffix}").write_bytes(content)
            return render(
                request,
                "indicators/import_preview.html",
                {"committee": committee, "plan": plan, "token": token},
            )
    return render(
        request,
        "indicators/import.html",
        {"committee": committee, "form": form, "columns": imports.COLUMNS},
    )


@public
def export_template(request, panel, fmt):
    """The panel's indicators in the import template (empty of values when there are none)."""
    committee = get_object_or_404(Committee, slug=panel)
    # Any set of indicators the dashboard can filter to: the same filters apply here.
    chosen = DashboardFilter(
        request.GET or None,
        queryset=Indicator.objects.filter(committee=committee),
        sections=selectors.sections_of(committee),
    )
    rows = imports.export_rows(chosen.qs)
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = "values"
        sheet.append(imports.COLUMNS)
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(imports.COLUMNS)
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv")
    else:
        raise Http404
    response["Content-Disposition"] = (
        f'attachment; filename="{committee.slug}-indicator-values.{fmt}"'
    )
    return response
