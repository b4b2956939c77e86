"""Read-only REST API of the knowledge base: the statements programmes made.

Filtering is ``knowledge.selectors.search_statements`` (the same as the web search), always
within ``visible_statements(user)``: statements of unpublished programmes stay hidden from
anonymous clients.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from observatory.registry.api import (
    BAD_PARAMETERS,
    NOT_FOUND,
    ApiPagination,
    validated_query,
)

from .models import Statement
from .selectors import search_statements, visible_statements
from .serializers import StatementQuerySerializer, StatementSerializer


@extend_schema_view(
    list=extend_schema(
        summary=_("List statements"),
        description=_("Challenges, good practices, COVID-19 adaptations, testimonies and "
                      "lessons of the programmes visible to the client, filtered like the "
                      "knowledge search of the web site."),
        parameters=[StatementQuerySerializer],
        responses={200: StatementSerializer(many=True), 400: BAD_PARAMETERS},
    ),
    retrieve=extend_schema(summary=_("A statement"),
                           responses={200: StatementSerializer, 404: NOT_FOUND}),
)
class StatementViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = StatementSerializer
    pagination_class = ApiPagination
    filter_backends: list[type] = []  # StatementQuerySerializer + search_statements filter

    def get_queryset(self) -> QuerySet[Statement]:
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return Statement.objects.none()
        if self.action == "retrieve":
            return (visible_statements(self.request.user)
                    .select_related("programme", "source_document").prefetch_related("themes"))
        query = validated_query(StatementQuerySerializer, self.request)
        return (search_statements(self.request.user, query.to_filters(),
                                  kind=query.validated_data.get("kind", ""))
                .select_related("source_document"))
