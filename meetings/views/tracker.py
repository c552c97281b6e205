"""The recommendation tracker: lists, a recommendation's history, the scrutiny manager's edits,
and the "Monitoring Scrutiny Recommendations" appendix for the next meeting."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig

from meetings.filters import TrackerFilter
from meetings.forms.tracker import DecisionForm, DetailsForm, ProgressForm
from meetings.models import Recommendation, Resolution
from meetings.selectors import tracker as selectors
from meetings.selectors import visible_meetings
from meetings.selectors.visibility import visible_committees
from meetings.services import monitoring
from meetings.services import recommendations as lifecycle
from meetings.tables import TrackerTable
from scrutiny.access import Can, public, requires


@public
def tracker(request):
    filters = TrackerFilter(
        request.GET or None,
        queryset=selectors.with_history(
            request.user, selectors.visible_recommendations(request.user)
        ),
    )
    # The choices too follow what this reader may see (no draft-only panel or meeting).
    filters.filters["panel"].queryset = visible_committees(request.user)
    filters.filters["meeting"].queryset = (
        visible_meetings(request.user)
        .filter(recommendations_made__in=selectors.visible_recommendations(request.user))
        .distinct()
        .order_by("-date")
    )
    table = TrackerTable(filters.qs)
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    return render(
        request,
        "meetings/tracker.html",
        {"filter": filters, "table": table, "panels": visible_committees(request.user)},
    )


@public
def recommendation_detail(request, pk):
    rec = get_object_or_404(selectors.visible_recommendations(request.user), pk=pk)
    context = selectors.recommendation_page(request.user, rec)
    context["progress_form"] = ProgressForm(
        initial={"status": rec.status, "on": timezone.localdate()}
    )
    context["decision_form"] = DecisionForm(committee=rec.committee)
    context["details_form"] = DetailsForm(instance=rec)
    return render(request, "meetings/recommendation.html", context)


def manager_action(view):
    """POST-only, scrutiny manager only; a broken rule comes back as a message, not an error page."""

    @require_POST
    @requires(Can.EDIT_RECOMMENDATIONS)
    def wrapped(request, pk):
        rec = get_object_or_404(Recommendation, pk=pk)
        try:
            return redirect(view(request, rec) or rec)
        except lifecycle.LifecycleError as exc:
            messages.error(request, str(exc))
            return redirect(rec)

    wrapped.__name__ = view.__name__
    return wrapped


@manager_action
def record_progress(request, rec):
    form = ProgressForm(request.POST)
    if not form.is_valid():
        raise lifecycle.LifecycleError("Choose a status and a date.")
    lifecycle.record_progress(
        rec,
        status=form.cleaned_data["status"],
        action_taken=form.cleaned_data["action_taken"],
        user=request.user,
        on=form.cleaned_data["on"],
    )
    messages.success(request, "Progress recorded.")


@manager_action
def record_decision(request, rec):
    form = DecisionForm(request.POST, committee=rec.committee)
    if not form.is_valid():
        raise lifecycle.LifecycleError("Choose what the panel decided and at which meeting.")
    lifecycle.record_panel_decision(
        rec,
        decision=form.cleaned_data["decision"],
        meeting=form.cleaned_data["meeting"],
        note=form.cleaned_data["note"],
        user=request.user,
    )
    messages.success(request, "The panel's decision is recorded.")


@manager_action
def edit_details(request, rec):
    form = DetailsForm(request.POST, instance=Recommendation.objects.get(pk=rec.pk))
    if not form.is_valid():
        raise lifecycle.LifecycleError(
            "Check the details: " + "; ".join(e for errors in form.errors.values() for e in errors)
        )
    lifecycle.update_details(
        rec, user=request.user, **{f: form.cleaned_data[f] for f in DetailsForm.Meta.fields}
    )
    messages.success(request, "Saved.")


@manager_action
def reopen(request, rec):
    lifecycle.reopen(rec, user=request.user, note=request.POST.get("note", ""))


@manager_action
def confirm_match(request, rec):
    target = lifecycle.confirm_match(rec, user=request.user)
    messages.success(request, f"Joined with “{target}”.")
    return target


@manager_action
def dismiss_match(request, rec):
    lifecycle.dismiss_match(rec, user=request.user)


@require_POST
@requires(Can.EDIT_RECOMMENDATIONS)
def track_resolution(request, pk):

    resolution = get_object_or_404(Resolution, pk=pk)
    rec = lifecycle.set_tracked(resolution, request.POST.get("tracked") == "yes", user=request.user)
    messages.success(request, "Now tracked as a recommendation." if rec else "No longer tracked.")
    return redirect(rec or resolution.minute.meeting)


def report_context(request, panel):
    committee = get_object_or_404(visible_committees(request.user), slug=panel)
    meetings = visible_meetings(request.user, committee)
    meeting = None
    if request.GET.get("meeting"):
        chosen = request.GET["meeting"]
        if not chosen.isdigit():
            raise Http404("No such meeting.")
        meeting = get_object_or_404(meetings, pk=int(chosen))
    else:
        meeting = meetings.filter(date__gte=timezone.localdate()).order_by("date").first()
    context = selectors.monitoring_report(request.user, committee, meeting)
    context["meetings"] = meetings.order_by("-date")
    return context


@public
def monitoring_report(request, panel):
    return render(request, "meetings/monitoring.html", report_context(request, panel))


@public
def monitoring_report_csv(request, panel):
    response = HttpResponse(
        monitoring.as_csv(report_context(request, panel)), content_type="text/csv"
    )
    response["Content-Disposition"] = f'attachment; filename="monitoring-{panel}.csv"'
    return response


@public
def monitoring_report_pdf(request, panel):
    context = report_context(request, panel)
    response = HttpResponse(monitoring.as_pdf(context), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="monitoring-{panel}.pdf"'
    return response
