"""Read-only REST API of the registry: programmes, organisations and places.

Thin over the selectors: programmes are filtered by ``selectors.search_programmes`` (the same
implementation as the web list) and always start from ``visible_programmes(user)``, so anonymous
clients never see an unpublished programme. Organisations and places are public records.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import APIException, NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

from .codelists import OrganisationType
from .models import Organisation, Place, PlaceLevel, Programme
from .selectors import programme_for, search_programmes
from .serializers import (
    ErrorSerializer,
    OrganisationDetailSerializer,
    OrganisationSerializer,
    PlaceDetailSerializer,
    PlaceSerializer,
    ProgrammeDetailSerializer,
    ProgrammeQuerySerializer,
    ProgrammeSerializer,
)

# -- shared by every API resource ---------------------------------------------------------


class ApiPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 500


class BadQueryParameters(APIException):
    status_code = 400
    default_detail = _("Invalid query parameters.")
    default_code = "invalid_parameters"


def parameter_error_message(errors: Mapping[str, Any]) -> str:
    """One readable sentence naming each bad parameter and what is wrong with it."""
    parts = []
    for name, messages in errors.items():
        if isinstance(messages, (list, tuple)):
            text = " ".join(str(m) for m in messages)
        else:
            text = str(messages)
        parts.append(f"{name}: {text}")
    label = _("Invalid query parameter") if len(parts) == 1 else _("Invalid query parameters")
    return f"{label} — {' '.join(parts)}"


def validated_query(serializer_class: type[serializers.Serializer], request: Request
                    ) -> serializers.Serializer:
    """The query parameters checked by ``serializer_class``; a 400 naming the bad ones."""
    query = serializer_class(data=request.query_params)
    if not query.is_valid():
        raise BadQueryParameters(parameter_error_message(query.errors))
    return query


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter, with invalid parameters answered by the API's usual error message."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise BadQueryParameters(parameter_error_message(filterset.errors))
        return filterset.qs


NOT_FOUND = OpenApiResponse(ErrorSerializer,
                            description=_("No such record, or not visible to the client."))
BAD_PARAMETERS = OpenApiResponse(ErrorSerializer,
                                 description=_("A query parameter is invalid; the message says "
                                               "which and why."))


# -- programmes ---------------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(
        summary=_("List programmes"),
        description=_("Programmes visible to the client (anonymous clients: published ones "
                      "only), filtered and sorted like the programme list of the web site."),
        parameters=[ProgrammeQuerySerializer],
        responses={200: ProgrammeSerializer(many=True), 400: BAD_PARAMETERS},
    ),
    retrieve=extend_schema(
        summary=_("A programme fiche"),
        description=_("The whole fiche: funders, budget totals, partners, places, themes, "
                      "sources and statements."),
        responses={200: ProgrammeDetailSerializer, 404: NOT_FOUND},
    ),
)
class ProgrammeViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    pagination_class = ApiPagination
    filter_backends: list[type] = []  # ProgrammeQuerySerializer + search_programmes filter

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "retrieve":
            return ProgrammeDetailSerializer
        return ProgrammeSerializer

    def get_queryset(self) -> QuerySet[Programme]:
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return Programme.objects.none()
        filters = validated_query(ProgrammeQuerySerializer, self.request).to_filters()
        return (search_programmes(self.request.user, filters)
                .prefetch_related("themes", "programme_places__place__parent__parent__parent"))

    def get_object(self) -> Programme:
        programme = programme_for(self.request.user, self.kwargs[self.lookup_field])
        if programme is None:
            raise NotFound(_("No programme has this slug, or it is not published."))
        self.check_object_permissions(self.request, programme)
        return programme


# -- organisations ------------------------------------------------------------------------

class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Words in the name or acronym."))
    org_type = django_filters.ChoiceFilter(choices=OrganisationType.choices,
                                           label=_("IATI OrganisationType code."))
    country = django_filters.CharFilter(field_name="country__code", lookup_expr="iexact",
                                        label=_("ISO 3166-1 alpha-2 code of its country."))
    is_diaspora = django_filters.BooleanFilter(label=_("Diaspora organisations only (true) "
                                                       "or none of them (false)."))

    class Meta:
        model = Organisation
        fields = ["q", "org_type", "country", "is_diaspora"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split():
            queryset = queryset.filter(Q(name__icontains=word) | Q(acronym__icontains=word))
        return queryset


@extend_schema_view(
    list=extend_schema(summary=_("List organisations"),
                       responses={200: OrganisationSerializer(many=True), 400: BAD_PARAMETERS}),
    retrieve=extend_schema(summary=_("An organisation and its programmes"),
                           responses={200: OrganisationDetailSerializer, 404: NOT_FOUND}),
)
class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Organisation.objects.select_related("country").order_by("name", "pk")
    lookup_field = "slug"
    pagination_class = ApiPagination
    filter_backends = [StrictFilterBackend]
    filterset_class = OrganisationFilter

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "retrieve":
            return OrganisationDetailSerializer
        return OrganisationSerializer


# -- places -------------------------------------------------------------------------------

class PlaceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search",
                                  label=_("Words in the English or French name, or the code."))
    level = django_filters.TypedChoiceFilter(
        choices=PlaceLevel.choices, coerce=int,
        label=_("Level in the hierarchy of places."))
    parent = django_filters.ModelChoiceFilter(
        queryset=Place.objects.all(), label=_("Id of the place directly above."),
        widget=forms.NumberInput)  # not a <select> of 5,000 places in the browsable API
    code = django_filters.CharFilter(field_name="code", lookup_expr="iexact",
                                     label=_("ISO 3166-1 alpha-2 or ISO 3166-2 code."))

    class Meta:
        model = Place
        fields = ["q", "level", "parent", "code"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split():
            queryset = queryset.filter(Q(name__icontains=word) | Q(name_fr__icontains=word)
                                       | Q(code__iexact=word))
        return queryset


@extend_schema_view(
    list=extend_schema(summary=_("List places"),
                       description=_("Countries and ISO 3166-2 subdivisions, and the places "
                                     "users added below them; paginated."),
                       responses={200: PlaceSerializer(many=True), 400: BAD_PARAMETERS}),
    retrieve=extend_schema(summary=_("A place and where it lies"),
                           responses={200: PlaceDetailSerializer, 404: NOT_FOUND}),
)
class PlaceViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = ApiPagination
    filter_backends = [StrictFilterBackend]
    filterset_class = PlaceFilter

    def get_queryset(self) -> QuerySet[Place]:
        places = Place.objects.order_by("level", "name", "pk")
        if self.action == "retrieve":
            return places.select_related("parent__parent__parent")
        return places

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "retrieve":
            return PlaceDetailSerializer
        return PlaceSerializer
