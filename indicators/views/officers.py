"""Officers' pages: an indicator's settings, merging series, importing and exporting values,
and the series to check (suggested joins, joins and splits)."""

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from indicators import selectors, series_selectors
from indicators.filters import DashboardFilter
from indicators.forms import ImportForm, IndicatorForm, MergeForm
from indicators.models import Indicator, SeriesJoin, SeriesSuggestion
from indicators.services import imports
from indicators.services.decisions import (
    accept_suggestion,
    decline_suggestion,
    merge_indicators,
    split_series,
)
from indicators.services.series import CannotMerge, update_indicator
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
            kept = merge_indicators(form.cleaned_data["other"], indicator, user=request.user)
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


# --- series to check: suggestions, joins and splits -----------------------------------------


@requires(Can.EDIT_INDICATORS)
def series_to_check(request, panel):
    committee = get_object_or_404(Committee, slug=panel)
    suggestions = series_selectors.open_suggestions(committee)
    joins = series_selectors.joins_of(committee)
    only = None
    if request.GET.get("series", "").isdigit():
        only = get_object_or_404(Indicator, committee=committee, pk=request.GET["series"])
        suggestions = suggestions.filter(Q(indicator=only) | Q(candidate=only))
        joins = [j for j in joins if only.pk in (j.series_id, j.split_into_id)]
    context = {
        "committee": committee,
        "pairs": series_selectors.pairs(suggestions),
        "joins": joins,
        "only": only,
        "next": request.get_full_path(),
        "acronyms": committee.acronyms.all(),
    }
    return render(request, "indicators/series_to_check.html", context)


def back(request, committee):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("indicators:series_check", committee.slug)


@require_POST
@requires(Can.EDIT_INDICATORS)
def suggestion_join(request, panel, pk):
    suggestion = get_object_or_404(
        SeriesSuggestion.objects.select_related("indicator__committee", "candidate"),
        pk=pk,
        indicator__committee__slug=panel,
    )
    names = suggestion.indicator.name, suggestion.candidate.name
    try:
        kept = accept_suggestion(suggestion, user=request.user)
    except CannotMerge as exc:
        messages.error(request, str(exc))
    else:
        other = names[0] if kept.name == names[1] else names[1]
        messages.success(request, f"Joined: “{other}” now continues “{kept.name}”.")
    return back(request, suggestion.indicator.committee)


@require_POST
@requires(Can.EDIT_INDICATORS)
def suggestion_different(request, panel, pk):
    suggestion = get_object_or_404(
        SeriesSuggestion.objects.select_related("indicator__committee", "candidate"),
        pk=pk,
        indicator__committee__slug=panel,
    )
    committee = suggestion.indicator.committee
    decline_suggestion(suggestion, user=request.user)
    messages.success(
        request,
        f"Noted: “{suggestion.indicator.name}” and “{suggestion.candidate.name}” are different "
        "measures; they will not be suggested again.",
    )
    return back(request, committee)


@require_POST
@requires(Can.EDIT_INDICATORS)
def split(request, panel, pk):
    join = get_object_or_404(
        SeriesJoin.objects.select_related("committee"), pk=pk, committee__slug=panel
    )
    try:
        alone = split_series(join, user=request.user)
    except CannotMerge as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Split: “{alone.name}” is its own series again.")
    return back(request, join.committee)
