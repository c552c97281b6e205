from django.urls import path

from indicators import views

app_name = "indicators"

urlpatterns = [
    path("panels/<slug:panel>/indicators/", views.dashboard, name="dashboard"),
    path("panels/<slug:panel>/indicators/<slug:slug>/", views.indicator_detail, name="indicator"),
    path("panels/<slug:panel>/indicators/<slug:slug>/merge/", views.merge, name="merge"),
]
