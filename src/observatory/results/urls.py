from django.urls import path

from . import spreadsheet_views, views

app_name = "results"
P = "programmes/<slug:slug>/results/"
urlpatterns = [
    path("results/", views.reference_list, name="reference_list"),
    path("results/reference/<int:pk>/", views.reference_detail, name="reference"),
    path(P, views.summary, name="summary"),
    path(P + "period/", views.open_period, name="open_period"),
    path(P + "<int:period_id>/", views.entry, name="entry"),
    path(P + "<int:period_id>/cell/<int:indicator_id>/", views.save_cell, name="save_cell"),
    path(P + "<int:period_id>/workflow/", views.workflow, name="workflow"),
    path(P + "<int:period_id>/template.<str:fmt>", spreadsheet_views.template,
         name="template"),
    path(P + "<int:period_id>/upload/", spreadsheet_views.upload, name="upload"),
]
