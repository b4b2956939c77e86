from django.urls import path

from . import views

app_name = "ingest"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("fiches/<int:pk>/", views.fiche_detail, name="fiche"),
    path("fiches/<int:pk>/decide/", views.decide_fiche, name="decide_fiche"),
    path("fields/<int:pk>/decide/", views.decide_field, name="decide_field"),
]
