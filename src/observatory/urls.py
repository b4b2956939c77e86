from django.contrib import admin
from django.urls import include, path

from observatory.registry.views import home

urlpatterns = [
    path("", home, name="home"),
    path("", include("observatory.registry.urls")),
    path("knowledge/", include("observatory.knowledge.urls")),
    path("accounts/", include("observatory.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("observatory.api_urls")),
    path("admin/", admin.site.urls),
]
