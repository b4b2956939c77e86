from django.urls import path

from . import views

app_name = "registry"
urlpatterns = [
    path("programmes/", views.programme_list, name="programme_list"),
    path("programmes/<slug:slug>/", views.programme_detail, name="programme"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("places/<int:pk>/", views.place_detail, name="place"),
]
