"""JSON shapes of the knowledge base's API: statements (read-only)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from observatory.registry.serializers import (
    ProgrammeQuerySerializer,
    ProgrammeRefSerializer,
    ReadOnlyModelSerializer,
    ThemeSerializer,
)

from .models import Statement, StatementKind


class StatementQuerySerializer(ProgrammeQuerySerializer):
    """The programme filters plus the kind of statement; ``q`` searches the statements' text and
    ``theme`` matches a statement's own themes or its programme's."""

    kind = serializers.ChoiceField(required=False, allow_blank=True,
                                   choices=StatementKind.choices,
                                   help_text=_("Kind of statement."))
    sort = None  # statements come grouped by programme and kind


class StatementSerializer(ReadOnlyModelSerializer):
    kind_name = serializers.CharField(source="get_kind_display")
    themes = ThemeSerializer(many=True)
    programme = ProgrammeRefSerializer()
    document_title = serializers.CharField(source="source_document.title", allow_null=True,
                                           help_text=_("Report the statement was read from."))
    url = serializers.HyperlinkedIdentityField(view_name="api:statement-detail")

    class Meta:
        model = Statement
        fields = ["id", "kind", "kind_name", "text", "themes", "programme", "document_title",
                  "span_start", "span_end", "url"]
