"""The REST API under /api/: resources, OpenAPI schema and its documentation pages.

Swagger UI and Redoc come from drf-spectacular-sidecar's static files (no CDN at run time).
"""

from typing import Any

from django.template import engines
from django.urls import path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)
from rest_framework.renderers import TemplateHTMLRenderer
from rest_framework.routers import DefaultRouter

from observatory.knowledge.api import StatementViewSet
from observatory.registry.api import OrganisationViewSet, PlaceViewSet, ProgrammeViewSet
from observatory.results.api import (
    DimensionViewSet,
    IndicatorViewSet,
    PeriodViewSet,
    ReferenceIndicatorViewSet,
    ResultViewSet,
    ValueViewSet,
)

app_name = "api"

# drf-spectacular's Redoc page links web fonts from fonts.googleapis.com; this one does not.
REDOC_PAGE = """{% extends "drf_spectacular/redoc.html" %}
{% block head %}
<title>{{ title|default:"Redoc" }}</title>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; padding: 0; }</style>
{% endblock head %}"""


class LocalRedocRenderer(TemplateHTMLRenderer):
    def resolve_template(self, template_names: Any) -> Any:
        return engines["django"].from_string(REDOC_PAGE)


class LocalRedocView(SpectacularRedocView):
    renderer_classes = [LocalRedocRenderer]


class ApiRouter(DefaultRouter):
    include_format_suffixes = False  # ?format=json does the same, without doubling every path


router = ApiRouter()
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("places", PlaceViewSet, basename="place")
router.register("statements", StatementViewSet, basename="statement")
router.register("reference-indicators", ReferenceIndicatorViewSet,
                basename="reference-indicator")
router.register("dimensions", DimensionViewSet, basename="dimension")
router.register("results", ResultViewSet, basename="result")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("periods", PeriodViewSet, basename="period")
router.register("values", ValueViewSet, basename="value")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", LocalRedocView.as_view(url_name="api:schema"), name="redoc"),
    *router.urls,
]
