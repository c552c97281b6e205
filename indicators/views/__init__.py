"""Councillors' indicator pages: the dashboard, one indicator, a section's small multiples."""

from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django_tables2 import RequestConfig

from indicators import cache, charts, selectors
from indicators.filters import DashboardFilter
from indicators.models import Indicator
from indicators.tables import DashboardTable
from meetings.selectors.visibility import visible_committees, visible_indicators
from scrutiny.access import Can, has, public
from scrutiny.exports import SafeTableExport


def dashboard_table(request, committee):
    sections = selectors.sections_of(committee)
    filters = DashboardFilter(
        request.GET or None,
        queryset=Indicator.objects.filter(committee=committee),
        sections=sections,
    )
    rows = selectors.dashboard_rows(committee, filters.qs)
    rows = selectors.filter_rows(rows, **filters.row_filters)
    rows, stale = selectors.split_stale(rows)  # not in the latest pack: shown apart, not counted
    table = DashboardTable(rows)
    table.stale_rows = stale
    RequestConfig(request, paginate=False).configure(table)
    table.grouped = table.order_by in (None, ("section", "name")) or list(table.order_by) == [
        "section",
        "name",
    ]
    table.committee_slug = committee.slug
    if table.grouped:
        table.columns.hide("section")  # the section is the group heading
    return filters, table, rows


@public
def dashboard(request, panel):
    committee = get_object_or_404(visible_committees(request.user), slug=panel)

    def build():
        filters, table, rows = dashboard_table(request, committee)
        context = {
            "committee": committee,
            "filter": filters,
            "table": table,
            "counts": {
                key: sum(1 for r in rows if r.rag.key == key) for key in ("red", "amber", "green")
            },
            "stale": table.stale_rows,
            "last_meeting": rows[0].last_meeting
            if rows
            else selectors.last_published_meeting(committee),
        }
        return render_to_string("indicators/_dashboard_body.html", context, request=request)

    filters = cache.dashboard_filters(
        request.GET,
        sections=selectors.sections_of(committee),
        sort_columns=DashboardTable.base_columns,
    )
    if filters is None:
        body = build()
    else:
        body = cache.fragment(
            "dashboard",
            committee.pk,
            *filters,
            editor(request),
            build=build,
            timeout=cache.DASHBOARD_TIMEOUT,
        )
    return render(request, "indicators/dashboard.html", {"committee": committee, "body": body})


def editor(request):
    return has(request.user, Can.EDIT_INDICATORS)


@public
def export(request, panel):
    committee = get_object_or_404(visible_committees(request.user), slug=panel)
    fmt = request.GET.get("_export", "csv")
    if fmt not in ("csv", "xlsx"):
        fmt = "csv"
    _, table, rows = dashboard_table(request, committee)
    if table.stale_rows:  # an export carries every row, those the latest pack dropped too
        table = DashboardTable(rows + table.stale_rows)
        RequestConfig(request, paginate=False).configure(table)
    exporter = SafeTableExport(fmt, table, exclude_columns=())
    return exporter.response(f"{committee.slug}-indicators.{fmt}")


@public
def indicator_detail(request, panel, slug):
    indicator = get_object_or_404(
        visible_indicators(request.user).select_related("committee"),
        committee__in=visible_committees(request.user),
        committee__slug=panel,
        slug=slug,
    )

    def build():
        context = selectors.indicator_page(indicator)
        context["figure"] = charts.trend_figure(
            indicator,
            context["series"],
            target=context["target"],
            benchmarks=context["benchmarks"],
            revised=context["revised"],
        )
        return render_to_string("indicators/_indicator_body.html", context, request=request)

    body = cache.fragment(
        "indicator", indicator.committee_id, indicator.pk, editor(request), build=build
    )
    return render(
        request,
        "indicators/indicator.html",
        {"indicator": indicator, "committee": indicator.committee, "body": body},
    )


@public
def section(request, panel, section):
    committee = get_object_or_404(visible_committees(request.user), slug=panel)
    panels = [
        {
            "indicator": indicator,
            "figure": charts.trend_figure(indicator, series, target=target, compact=True),
            "figure_id": f"figure-{n}",
            "latest": series[-1],
        }
        for n, (indicator, series, target) in enumerate(
            selectors.section_page(committee, section), start=1
        )
    ]
    return render(
        request,
        "indicators/section.html",
        {"committee": committee, "section": section, "panels": panels},
    )
