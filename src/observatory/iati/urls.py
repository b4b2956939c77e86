from django.urls import path

from . import views

app_name = "iati"
urlpatterns = [
    path("export.xml", views.export_xml, name="export"),
    path("import/", views.upload, name="import"),
]
