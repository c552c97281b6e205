from django.urls import path

from indicators import views
from indicators.views import officers

app_name = "indicators"

urlpatterns = [
    path("panels/<slug:panel>/indicators/", views.dashboard, name="dashboard"),
    path("panels/<slug:panel>/indicators/export/", views.export, name="export"),
    path("panels/<slug:panel>/indicators/import/", officers.import_values, name="import"),
    path(
        "panels/<slug:panel>/indicators/template.<str:fmt>",
        officers.export_template,
        name="template",
    ),
    path("panels/<slug:panel>/sections/<str:section>/", views.section, name="section"),
    path("panels/<slug:panel>/indicators/<slug:slug>/", views.indicator_detail, name="indicator"),
    path("panels/<slug:panel>/indicators/<slug:slug>/edit/", officers.edit_indicator, name="edit"),
    path("panels/<slug:panel>/indicators/<slug:slug>/merge/", officers.merge, name="merge"),
    path("panels/<slug:panel>/series/", officers.series_to_check, name="series_check"),
    path(
        "panels/<slug:panel>/series/suggestions/<int:pk>/join/",
        officers.suggestion_join,
        name="suggestion_join",
    ),
    path(
        "panels/<slug:panel>/series/suggestions/<int:pk>/different/",
        officers.suggestion_different,
        name="suggestion_different",
    ),
    path("panels/<slug:panel>/series/joins/<int:pk>/split/", officers.split, name="split"),
]
