"""Officers' pages: an indicator's settings, merging series, importing and exporting values."""

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
from meetings.selectors.visibility import visible_committees
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


@requires(Can.EDIT_INDICATORS)
def import_values(request, panel):
    committee = get_object_or_404(Committee, slug=panel)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and request.POST.get("token"):
        # Second step: the officer confirmed the preview of a file we kept.
        try:
            count = imports.confirm_import(committee, request.POST["token"])
        except imports.UnreadableFile as exc:
            form = ImportForm()
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Imported {count} rows.")
            return redirect("indicators:dashboard", committee.slug)
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            imports.check_size(upload.size)  # before reading it into memory
            plan, token = imports.preview_import(committee, upload.read(), upload.name)
        except imports.UnreadableFile as exc:
            form.add_error("file", str(exc))
        else:
            context = {"committee": committee, "plan": plan, "token": token}
            return render(request, "indicators/import_preview.html", context)
    context = {"committee": committee, "form": form, "columns": imports.COLUMNS}
    return render(request, "indicators/import.html", context)


@public
def export_template(request, panel, fmt):
    """Any set of the panel's indicators (the dashboard's filters apply) in the import template."""
    committee = get_object_or_404(visible_committees(request.user), slug=panel)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    chosen = DashboardFilter(
        request.GET or None,
        queryset=Indicator.objects.filter(committee=committee),
        sections=selectors.sections_of(committee),
    )
    content, content_type = imports.template_file(chosen.qs, fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{committee.slug}-indicator-values.{fmt}"'
    )
    return response
