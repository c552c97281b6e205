from django.urls import path

from meetings.views import (
    briefing,
    calendar,
    filing,
    glossary,
    meetings,
    moderngov,
    packs,
    schedule,
    search,
    tracker,
)

app_name = "meetings"

urlpatterns = [
    path("panels/<slug:slug>/", meetings.committee_detail, name="committee"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("panels/<slug:slug>/meetings/", schedule.meetings_list, name="meetings"),
    path("panels/<slug:slug>/members/", schedule.members, name="members"),
    path("panels/<slug:slug>/meetings.ics", calendar.panel_calendar, name="calendar"),
    path("meetings.ics", calendar.all_calendar, name="calendar_all"),
    path("panels/<slug:slug>/glossary/", glossary.glossary, name="glossary"),
    path("panels/<slug:slug>/briefing/", briefing.briefing, name="briefing"),
    path("panels/<slug:slug>/briefing.pdf", briefing.briefing_download, name="briefing_pdf"),
    path("search/", search.search_page, name="search"),
    path("recommendations/", tracker.tracker, name="tracker"),
    path("recommendations/<int:pk>/", tracker.recommendation_detail, name="recommendation"),
    path(
        "recommendations/<int:pk>/progress/",
        tracker.record_progress,
        name="recommendation_progress",
    ),
    path(
        "recommendations/<int:pk>/decision/",
        tracker.record_decision,
        name="recommendation_decision",
    ),
    path("recommendations/<int:pk>/details/", tracker.edit_details, name="recommendation_details"),
    path("recommendations/<int:pk>/reopen/", tracker.reopen, name="recommendation_reopen"),
    path(
        "recommendations/<int:pk>/confirm-match/",
        tracker.confirm_match,
        name="recommendation_confirm_match",
    ),
    path(
        "recommendations/<int:pk>/dismiss-match/",
        tracker.dismiss_match,
        name="recommendation_dismiss_match",
    ),
    path("resolutions/<int:pk>/track/", tracker.track_resolution, name="track_resolution"),
    path("panels/<slug:panel>/monitoring/", tracker.monitoring_report, name="monitoring"),
    path(
        "panels/<slug:panel>/monitoring.csv", tracker.monitoring_report_csv, name="monitoring_csv"
    ),
    path(
        "panels/<slug:panel>/monitoring.pdf", tracker.monitoring_report_pdf, name="monitoring_pdf"
    ),
    path("moderngov/", moderngov.sync_status, name="moderngov"),
    path("moderngov/<int:pk>/sync/", moderngov.sync_now, name="moderngov_sync"),
    path("packs/", packs.pack_list, name="packs"),
    path("packs/upload/", packs.pack_upload, name="pack_upload"),
    path("packs/<int:pk>/", packs.pack_detail, name="pack"),
    path("packs/<int:pk>/progress/", packs.pack_progress, name="pack_progress"),
    path("packs/<int:pk>/pdf/", meetings.pack_pdf, name="pack_pdf"),
    path("packs/<int:pk>/pages/<int:page>.png", packs.pack_page_image, name="pack_page_image"),
    path("packs/<int:pk>/pages/<int:page>/", packs.pack_page, name="pack_page"),
    path("packs/<int:pk>/publish/", packs.pack_publish, name="pack_publish"),
    path("packs/<int:pk>/discard/", packs.pack_discard, name="pack_discard"),
    path("packs/<int:pk>/retry/", packs.pack_retry, name="pack_retry"),
    path("packs/<int:pk>/file/", filing.pack_file, name="pack_file"),
    path("packs/<int:pk>/review/<slug:kind>/<int:row_id>/", packs.review_edit, name="review_edit"),
]
