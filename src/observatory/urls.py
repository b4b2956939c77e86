from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from observatory.registry.views import home

admin.site.site_header = _("Migration & Development Observatory")
admin.site.site_title = _("Observatory admin")
admin.site.index_title = _("Records")

urlpatterns = [
    path("", home, name="home"),
    path("", include("observatory.registry.urls")),
    path("knowledge/", include("observatory.knowledge.urls")),
    path("accounts/", include("observatory.accounts.urls")),
    path("ingest/", include("observatory.ingest.urls")),
    path("", include("observatory.results.urls")),
    path("iati/", include("observatory.iati.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("observatory.api_urls")),
    path("admin/", admin.site.urls),
]
