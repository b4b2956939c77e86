"""JSON shapes of the registry's API: organisations, places and programmes (read-only).

Codes travel with their names (``status`` / ``status_name``, ``role`` / ``role_name``), amounts
and percentages are decimal strings, names follow the request's language where a translation
exists.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .codelists import ActivityStatus, OrganisationRole
from .models import (
    FieldSource,
    Funding,
    Organisation,
    Participation,
    Place,
    PlaceLevel,
    Programme,
    ProgrammePlace,
    SdgTarget,
    TargetGroup,
    Theme,
    WebLink,
)
from .selectors import SORTS, ProgrammeFilters, budget_totals, programme_countries

# -- query parameters ---------------------------------------------------------------------

_COUNTRY_CODE = re.compile(r"^[A-Za-z]{2}$")

SORT_LABELS = {
    "relevance": _("best match first"),
    "title": _("by title"),
    "key": _("by short name"),
    "start": _("oldest start first"),
    "-start": _("newest start first"),
    "-updated": _("recently updated first"),
}


class ProgrammeQuerySerializer(serializers.Serializer):
    """The programme filters of ``registry.selectors.ProgrammeFilters`` as query parameters.

    Parameters left out or empty do not filter. A value of the wrong type, or a code, slug or id
    that names no record, is an error (400), not an empty result.
    """

    q = serializers.CharField(
        required=False, allow_blank=True, max_length=200,
        help_text=_("Words to search for (all must match; accents and case are ignored)."))
    country = serializers.CharField(
        required=False, allow_blank=True,
        help_text=_("ISO 3166-1 alpha-2 code of a country, e.g. NE; includes its regions, "
                    "provinces and municipalities."))
    place = serializers.IntegerField(
        required=False, min_value=1,
        help_text=_("Id of a place (see /api/places/); includes the places below it."))
    theme = serializers.CharField(required=False, allow_blank=True, max_length=80,
                                  help_text=_("Slug of a theme or cross-cutting tag."))
    organisation = serializers.CharField(
        required=False, allow_blank=True, max_length=120,
        help_text=_("Slug of an organisation that implements, funds or takes part in the "
                    "programme."))
    target_group = serializers.CharField(required=False, allow_blank=True, max_length=80,
                                         help_text=_("Slug of a target group."))
    start_year = serializers.IntegerField(required=False, min_value=1900, max_value=2100,
                                          help_text=_("Year the programme started."))
    status = serializers.ChoiceField(
        required=False, allow_blank=True, choices=ActivityStatus.choices,
        help_text=_("IATI ActivityStatus code."))
    sort = serializers.ChoiceField(
        required=False, allow_blank=True,
        choices=[(key, SORT_LABELS.get(key, key)) for key in SORTS],
        help_text=_("Order of the results; default: relevance when searching, newest start "
                    "otherwise."))

    def validate_country(self, value: str) -> str:
        if not value:
            return ""
        if not _COUNTRY_CODE.match(value):
            raise serializers.ValidationError(
                _("Give an ISO 3166-1 alpha-2 country code, such as NE."))
        code = value.upper()
        if not Place.objects.filter(code=code, level=PlaceLevel.COUNTRY).exists():
            raise serializers.ValidationError(_("No country has the code %(code)s.")
                                              % {"code": code})
        return code

    def validate_place(self, value: int) -> int:
        if not Place.objects.filter(pk=value).exists():
            raise serializers.ValidationError(_("No place has the id %(id)s.") % {"id": value})
        return value

    def validate_theme(self, value: str) -> str:
        return _existing_slug(Theme, value, _("No theme or tag has the slug %(slug)s."))

    def validate_organisation(self, value: str) -> str:
        return _existing_slug(Organisation, value,
                              _("No organisation has the slug %(slug)s."))

    def validate_target_group(self, value: str) -> str:
        return _existing_slug(TargetGroup, value, _("No target group has the slug %(slug)s."))

    def to_filters(self) -> ProgrammeFilters:
        """The validated programme filters (other parameters, such as ``kind``, left out)."""
        known = {f.name for f in dataclasses.fields(ProgrammeFilters)}
        return ProgrammeFilters(**{k: v for k, v in self.validated_data.items()
                                   if k in known and v not in ("", None)})


def _existing_slug(model: type, value: str, message: str) -> str:
    if value and not model.objects.filter(slug=value).exists():
        raise serializers.ValidationError(message % {"slug": value})
    return value


class ErrorSerializer(serializers.Serializer):
    """Every API error: a message for people and the HTTP status."""

    error = serializers.CharField()
    status = serializers.IntegerField()


class ReadOnlyModelSerializer(serializers.ModelSerializer):
    """Output only: every field read-only, so the schema marks them all as always present."""

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        for field in fields.values():
            field.read_only = True
        return fields


# -- small references ---------------------------------------------------------------------

class OrganisationRefSerializer(ReadOnlyModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:organisation-detail",
                                               lookup_field="slug")

    class Meta:
        model = Organisation
        fields = ["slug", "name", "acronym", "url"]


class PlaceRefSerializer(ReadOnlyModelSerializer):
    name = serializers.CharField(source="label")
    url = serializers.HyperlinkedIdentityField(view_name="api:place-detail")

    class Meta:
        model = Place
        fields = ["id", "name", "code", "level", "url"]


class ProgrammeRefSerializer(ReadOnlyModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:programme-detail",
                                               lookup_field="slug")

    class Meta:
        model = Programme
        fields = ["key", "slug", "title", "url"]


class ThemeSerializer(ReadOnlyModelSerializer):
    name = serializers.CharField(source="label")

    class Meta:
        model = Theme
        fields = ["slug", "name", "kind"]


class TargetGroupSerializer(ReadOnlyModelSerializer):
    name = serializers.CharField(source="label")

    class Meta:
        model = TargetGroup
        fields = ["slug", "name"]


class SdgTargetSerializer(ReadOnlyModelSerializer):
    class Meta:
        model = SdgTarget
        fields = ["code", "title"]


class CountrySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(source="label")


# -- organisations ------------------------------------------------------------------------

class OrganisationSerializer(ReadOnlyModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:organisation-detail",
                                               lookup_field="slug")
    web_url = serializers.SerializerMethodField()
    org_type_name = serializers.CharField(source="get_org_type_display")
    country = serializers.SlugRelatedField(slug_field="code", read_only=True,
                                           help_text=_("ISO 3166-1 alpha-2 code."))

    class Meta:
        model = Organisation
        fields = ["slug", "name", "acronym", "org_type", "org_type_name", "country", "website",
                  "is_diaspora", "iati_ref", "url", "web_url"]

    def get_web_url(self, organisation: Organisation) -> str:
        return _absolute(self.context, organisation.get_absolute_url())


class RoleProgrammesSerializer(serializers.Serializer):
    role = serializers.CharField(
        help_text=_('"implementing-agency", "funder" or an IATI OrganisationRole code.'))
    role_name = serializers.CharField()
    programmes = ProgrammeRefSerializer(many=True)


ORGANISATION_SECTIONS = {"implementing-agency": _("Implementing agency"), "funder": _("Funder")}


class OrganisationDetailSerializer(OrganisationSerializer):
    programmes = serializers.SerializerMethodField(
        help_text=_("Programmes the organisation implements, funds or takes part in, by role "
                    "(only those the client may see)."))

    class Meta(OrganisationSerializer.Meta):
        fields = [*OrganisationSerializer.Meta.fields, "description", "programmes"]

    @extend_schema_field(RoleProgrammesSerializer(many=True))
    def get_programmes(self, organisation: Organisation) -> list[dict[str, Any]]:
        from .selectors import organisation_programmes_by_role

        request = self.context["request"]
        rows = []
        for role, programmes in organisation_programmes_by_role(request.user, organisation):
            name = ORGANISATION_SECTIONS.get(role) or OrganisationRole(role).label
            rows.append({"role": role, "role_name": str(name), "programmes": programmes})
        return RoleProgrammesSerializer(rows, many=True, context=self.context).data


# -- places -------------------------------------------------------------------------------

class PlaceSerializer(ReadOnlyModelSerializer):
    name = serializers.CharField(source="label",
                                 help_text=_("Name in the request's language."))
    name_en = serializers.CharField(source="name")
    level_name = serializers.CharField(source="get_level_display")
    parent = serializers.PrimaryKeyRelatedField(read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="api:place-detail")

    class Meta:
        model = Place
        fields = ["id", "name", "name_en", "name_fr", "level", "level_name", "code",
                  "numeric_code", "subdivision_type", "parent", "url"]


class PlaceDetailSerializer(PlaceSerializer):
    ancestors = PlaceRefSerializer(many=True,
                                   help_text=_("From the top of the hierarchy down to the "
                                               "parent."))
    children = serializers.SerializerMethodField(
        help_text=_("API address of the list of places directly below this one."))
    programmes = serializers.SerializerMethodField(
        help_text=_("API address of the programmes in this place or below it."))
    web_url = serializers.SerializerMethodField()

    class Meta(PlaceSerializer.Meta):
        fields = [*PlaceSerializer.Meta.fields, "iati_region", "ancestors", "children",
                  "programmes", "web_url"]

    def get_children(self, place: Place) -> str:
        return _absolute(self.context, f"{reverse('api:place-list')}?parent={place.pk}")

    def get_programmes(self, place: Place) -> str:
        return _absolute(self.context, f"{reverse('api:programme-list')}?place={place.pk}")

    def get_web_url(self, place: Place) -> str:
        return _absolute(self.context, place.get_absolute_url())


# -- programmes ---------------------------------------------------------------------------

class FundingSerializer(ReadOnlyModelSerializer):
    organisation = OrganisationRefSerializer()

    class Meta:
        model = Funding
        fields = ["organisation", "amount", "currency", "note"]


class BudgetTotalSerializer(serializers.Serializer):
    currency = serializers.CharField(help_text=_("ISO 4217 code."))
    amount = serializers.DecimalField(max_digits=18, decimal_places=2)


class PartnerSerializer(ReadOnlyModelSerializer):
    organisation = OrganisationRefSerializer()
    role_name = serializers.CharField(source="get_role_display")

    class Meta:
        model = Participation
        fields = ["organisation", "role", "role_name", "description"]


class ProgrammePlaceSerializer(ReadOnlyModelSerializer):
    id = serializers.IntegerField(source="place.id")
    name = serializers.CharField(source="place.label")
    code = serializers.CharField(source="place.code", allow_null=True,
                                 help_text=_("ISO 3166 code, if the place has one."))
    level = serializers.ChoiceField(source="place.level", choices=PlaceLevel.choices)
    country = serializers.SerializerMethodField(
        help_text=_("ISO 3166-1 alpha-2 code of the country the place lies in."))
    url = serializers.HyperlinkedRelatedField(source="place", view_name="api:place-detail",
                                              read_only=True)

    class Meta:
        model = ProgrammePlace
        fields = ["id", "name", "code", "level", "country", "percentage", "note", "url"]

    def get_country(self, entry: ProgrammePlace) -> str | None:
        country = entry.place.country
        return country.code if country is not None else None


class WebLinkSerializer(ReadOnlyModelSerializer):
    class Meta:
        model = WebLink
        fields = ["url", "label"]


class FieldSourceSerializer(ReadOnlyModelSerializer):
    document_title = serializers.CharField(source="document.title")
    document_url = serializers.URLField(source="document.url")

    class Meta:
        model = FieldSource
        fields = ["field", "document_title", "document_url", "span_start", "span_end", "page",
                  "excerpt"]


class ProgrammeStatementSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    kind_name = serializers.CharField(source="get_kind_display")
    text = serializers.CharField()
    url = serializers.HyperlinkedIdentityField(view_name="api:statement-detail")


class ProgrammeSerializer(ReadOnlyModelSerializer):
    """A programme in a list: what it is, who runs it, where and when."""

    url = serializers.HyperlinkedIdentityField(view_name="api:programme-detail",
                                               lookup_field="slug")
    web_url = serializers.SerializerMethodField()
    status_name = serializers.CharField(source="get_status_display")
    end_date = serializers.DateField(allow_null=True)
    implementing_agency = OrganisationRefSerializer(allow_null=True)
    countries = serializers.SerializerMethodField()
    themes = ThemeSerializer(many=True)

    class Meta:
        model = Programme
        fields = ["key", "slug", "title", "status", "status_name", "start_date",
                  "start_precision", "duration_months", "end_date", "implementing_agency",
                  "countries", "themes", "published", "updated_at", "url", "web_url"]

    def get_web_url(self, programme: Programme) -> str:
        return _absolute(self.context, programme.get_absolute_url())

    @extend_schema_field(CountrySerializer(many=True))
    def get_countries(self, programme: Programme) -> list[dict[str, Any]]:
        return CountrySerializer(programme_countries(programme), many=True).data


class ProgrammeDetailSerializer(ProgrammeSerializer):
    """The whole fiche, with its provenance and its statements."""

    funders = FundingSerializer(many=True, source="fundings")
    budget_totals = serializers.SerializerMethodField(
        help_text=_("Sum of the funders' amounts per currency; currencies are never added "
                    "together."))
    partners = PartnerSerializer(many=True, source="participations")
    places = ProgrammePlaceSerializer(many=True, source="programme_places")
    target_groups = TargetGroupSerializer(many=True)
    sdg_targets = SdgTargetSerializer(many=True)
    links = WebLinkSerializer(many=True)
    sources = FieldSourceSerializer(many=True)
    statements = ProgrammeStatementSerializer(many=True)

    class Meta(ProgrammeSerializer.Meta):
        fields = [*ProgrammeSerializer.Meta.fields, "objectives", "expected_results",
                  "main_features", "nexus", "funders", "budget_totals", "partners", "places",
                  "target_groups", "sdg_targets", "links", "sources", "statements",
                  "created_at"]

    @extend_schema_field(BudgetTotalSerializer(many=True))
    def get_budget_totals(self, programme: Programme) -> list[dict[str, Any]]:
        rows = [{"currency": c, "amount": a} for c, a in budget_totals(programme).items()]
        return BudgetTotalSerializer(rows, many=True).data


# -- helpers ------------------------------------------------------------------------------

def _absolute(context: dict[str, Any], path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path
