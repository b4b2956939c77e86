"""JSON shapes of the results API: reference data, frameworks, periods and values.

Values travel in the "dimension view": categories as an object (``{"sex": "female"}``, ``{}``
for the total), kinds and statuses as words ("actual", "approved"). The bulk write's items are
read by ``ItemsReader`` (one violation per malformed item, as the validation rules report
theirs); ``ValueItemSerializer`` only documents their shape.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from observatory.registry.models import Place, Programme
from observatory.registry.selectors import visible_programmes
from observatory.registry.serializers import ErrorSerializer, ReadOnlyModelSerializer

from . import services
from .disaggregations import key_of, parse_key
from .models import (
    Category,
    DataValue,
    Dimension,
    Indicator,
    Period,
    PeriodType,
    ReferenceIndicator,
    Result,
    ReviewEvent,
    ValueKind,
    ValueStatus,
)
from .services import ValuesRefused
from .validation import ERROR, ValueInput, Violation

KINDS = {kind.name.lower(): kind for kind in ValueKind}  # "target", "actual"
STATUSES = {status.name.lower(): status for status in ValueStatus}  # "draft", ...

CATEGORIES_SCHEMA = {
    "type": "object", "additionalProperties": {"type": "string"},
    "description": "Dimension code -> category code; {} is the total.",
    "example": {"sex": "female", "population_group": "migrant"},
}
PERIOD_REF_SCHEMA = {
    "oneOf": [
        {"type": "integer", "description": "Id of a period (see /api/periods/)."},
        {"type": "object", "required": ["start", "end"],
         "properties": {"start": {"type": "string", "format": "date"},
                        "end": {"type": "string", "format": "date"}},
         "description": "First and last day; the period is created if it does not exist."},
    ],
}
PLACE_REF_SCHEMA = {
    "oneOf": [{"type": "string", "description": "ISO 3166 code, e.g. NE or NE-1."},
              {"type": "integer", "description": "Id of a place (see /api/places/)."}],
}


# -- reference data -----------------------------------------------------------------------

class CategorySerializer(ReadOnlyModelSerializer):
    name = serializers.CharField(source="label", help_text=_("Name in the request's language."))

    class Meta:
        model = Category
        fields = ["code", "name", "active", "order"]


class DimensionSerializer(ReadOnlyModelSerializer):
    name = serializers.CharField(source="label", help_text=_("Name in the request's language."))
    categories = CategorySerializer(many=True, help_text=_("Retired categories included."))
    url = serializers.HyperlinkedIdentityField(view_name="api:dimension-detail",
                                               lookup_field="code")

    class Meta:
        model = Dimension
        fields = ["code", "name", "iati_name", "order", "categories", "url"]


class ReferenceIndicatorSerializer(ReadOnlyModelSerializer):
    name = serializers.CharField(source="label", help_text=_("Name in the request's language."))
    measure_name = serializers.CharField(source="get_measure_display")
    dimensions = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True,
        help_text=_("Codes of the disaggregations the framework expects."))
    url = serializers.HyperlinkedIdentityField(view_name="api:reference-indicator-detail")

    class Meta:
        model = ReferenceIndicator
        fields = ["id", "framework", "code", "name", "unit", "measure", "measure_name",
                  "vocabulary", "dimensions", "url"]


class ReferenceRefSerializer(ReadOnlyModelSerializer):
    name = serializers.CharField(source="label")
    url = serializers.HyperlinkedIdentityField(view_name="api:reference-indicator-detail")

    class Meta:
        model = ReferenceIndicator
        fields = ["id", "framework", "code", "name", "url"]


# -- frameworks ---------------------------------------------------------------------------

class BaselineSerializer(serializers.Serializer):
    value = serializers.FloatField(source="baseline_value", allow_null=True, read_only=True)
    year = serializers.IntegerField(source="baseline_year", allow_null=True, read_only=True)
    comment = serializers.CharField(source="baseline_comment", read_only=True)


class IndicatorSerializer(ReadOnlyModelSerializer):
    programme = serializers.CharField(source="result.programme.key",
                                      help_text=_("Key of the programme."))
    result = serializers.PrimaryKeyRelatedField(read_only=True)
    measure_name = serializers.CharField(source="get_measure_display")
    ascending = serializers.BooleanField(help_text=_("True when higher is better."))
    baseline = BaselineSerializer(source="*")
    reference = ReferenceRefSerializer(allow_null=True,
                                       help_text=_("The shared indicator it adds up to."))
    dimensions = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True,
        help_text=_("Codes of the dimensions its values are disaggregated by."))
    url = serializers.HyperlinkedIdentityField(view_name="api:indicator-detail")

    class Meta:
        model = Indicator
        fields = ["id", "programme", "result", "title", "description", "measure",
                  "measure_name", "unit", "ascending", "baseline", "reference", "dimensions",
                  "order", "url"]


class ResultSerializer(ReadOnlyModelSerializer):
    programme = serializers.CharField(source="programme.key",
                                      help_text=_("Key of the programme."))
    type_name = serializers.CharField(source="get_type_display")
    indicators = IndicatorSerializer(many=True)
    url = serializers.HyperlinkedIdentityField(view_name="api:result-detail")

    class Meta:
        model = Result
        fields = ["id", "programme", "type", "type_name", "title", "description", "order",
                  "indicators", "url"]


class PeriodSerializer(ReadOnlyModelSerializer):
    label = serializers.CharField(help_text=_('e.g. "2021", "2021-Q3", "2021-07".'))

    class Meta:
        model = Period
        fields = ["id", "start", "end", "type", "label"]


# -- values -------------------------------------------------------------------------------

class ValuePlaceSerializer(ReadOnlyModelSerializer):
    name = serializers.CharField(source="label")

    class Meta:
        model = Place
        fields = ["id", "code", "name"]


class ValueSerializer(ReadOnlyModelSerializer):
    indicator = serializers.PrimaryKeyRelatedField(read_only=True)
    programme = serializers.CharField(source="indicator.result.programme.key")
    period = PeriodSerializer()
    place = ValuePlaceSerializer()
    categories = serializers.SerializerMethodField()
    kind = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    derived = serializers.BooleanField(
        help_text=_("Computed by the platform from a complete set of parts."))
    entered_by = serializers.SlugRelatedField(slug_field="username", read_only=True,
                                              allow_null=True)

    class Meta:
        model = DataValue
        fields = ["id", "indicator", "programme", "period", "place", "categories", "kind",
                  "value", "narrative", "comment", "source", "status", "derived", "entered_by",
                  "entered_at"]

    @extend_schema_field(CATEGORIES_SCHEMA)
    def get_categories(self, value: DataValue) -> dict[str, str]:
        return parse_key(value.disaggregation.key)

    @extend_schema_field(serializers.ChoiceField(choices=list(KINDS)))
    def get_kind(self, value: DataValue) -> str:
        return ValueKind(value.kind).name.lower()

    # A plain string, not an enum: another "status" enum would rename the programmes' one.
    @extend_schema_field({"type": "string", "example": "approved",
                          "description": '"draft", "submitted", "approved" or "returned".'})
    def get_status(self, value: DataValue) -> str:
        return ValueStatus(value.status).name.lower()


@extend_schema_field(PERIOD_REF_SCHEMA)
class PeriodRefField(serializers.JSONField):
    pass


@extend_schema_field(PLACE_REF_SCHEMA)
class PlaceRefField(serializers.JSONField):
    pass


@extend_schema_field(CATEGORIES_SCHEMA)
class CategoriesField(serializers.JSONField):
    pass


@extend_schema_field({"type": "string", "example": "actual",
                      "description": '"target" or "actual".'})
class KindField(serializers.CharField):
    pass


class ValueItemSerializer(serializers.Serializer):
    """One item of a bulk write (documentation only: ``ItemsReader`` reads them)."""

    indicator = serializers.IntegerField(help_text=_("Id of the indicator."))
    period = PeriodRefField()
    place = PlaceRefField()
    categories = CategoriesField(required=False)
    kind = KindField()
    value = serializers.FloatField(
        required=False, allow_null=True,
        help_text=_("A number; null (with an empty narrative) removes the value."))
    narrative = serializers.CharField(required=False, allow_blank=True,
                                      help_text=_("The finding, for qualitative indicators."))
    comment = serializers.CharField(required=False, allow_blank=True)
    source = serializers.CharField(required=False, allow_blank=True, max_length=300)


class ViolationSerializer(serializers.Serializer):
    row = serializers.IntegerField(
        allow_null=True, help_text=_("Index of the item in the list sent (from 0); null when "
                                     "the rule concerns several values."))
    rule = serializers.CharField(help_text=_('e.g. "count", "sum", "period", "place".'))
    value = serializers.CharField(help_text=_("Which value, in words."))
    message = serializers.CharField()
    fix = serializers.CharField(help_text=_("How to fix it."))


class SaveReportSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    deleted = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    warnings = ViolationSerializer(many=True, help_text=_("Values stored but worth checking "
                                                          "(e.g. outliers)."))


class RefusedSerializer(ErrorSerializer):
    """A refused write: nothing was stored or changed."""

    violations = ViolationSerializer(many=True)


# -- workflow -----------------------------------------------------------------------------

class WorkflowSerializer(serializers.Serializer):
    programme = serializers.CharField(help_text=_("Key of the programme."))
    period = PeriodRefField()
    comment = serializers.CharField(required=False, allow_blank=True, default="",
                                    help_text=_("Required to return a period."))

    def validate_programme(self, key: str) -> Programme:
        programme = visible_programmes(self.context["request"].user).filter(key=key).first()
        if programme is None:
            raise serializers.ValidationError(
                _("No programme has the key %(key)s.") % {"key": key})
        return programme

    def validate_period(self, reference: Any) -> Period:
        period = find_period(reference)
        if period is None:
            raise serializers.ValidationError(
                _('No such period: give the id of a period or {"start": ..., "end": ...} of '
                  "one that has values."))
        return period


class ReviewEventSerializer(ReadOnlyModelSerializer):
    programme = serializers.CharField(source="programme.key")
    period = PeriodSerializer()
    values = serializers.IntegerField(help_text=_("Number of actual values moved."))
    by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = ReviewEvent
        fields = ["programme", "period", "action", "comment", "values", "by", "at"]


# -- query parameters ---------------------------------------------------------------------

class ProgrammeQuerySerializer(serializers.Serializer):
    programme = serializers.CharField(
        required=False, allow_blank=True,
        help_text=_("Key of a programme, e.g. NIGER-1 (see /api/programmes/)."))

    def validate_programme(self, key: str) -> Programme | None:
        if not key:
            return None
        programme = visible_programmes(self.context["request"].user).filter(key=key).first()
        if programme is None:
            raise serializers.ValidationError(
                _("No programme has the key %(key)s.") % {"key": key})
        return programme


class ValueQuerySerializer(ProgrammeQuerySerializer):
    indicator = serializers.IntegerField(required=False, min_value=1,
                                         help_text=_("Id of an indicator."))
    period = serializers.IntegerField(required=False, min_value=1,
                                      help_text=_("Id of a period."))
    place = serializers.CharField(
        required=False, allow_blank=True,
        help_text=_("ISO 3166 code or id of a place; values of that place only."))
    kind = serializers.ChoiceField(required=False, allow_blank=True, choices=list(KINDS))
    status = serializers.ChoiceField(required=False, allow_blank=True, choices=list(STATUSES))
    by = serializers.CharField(
        required=False, allow_blank=True,
        help_text=_('"total" for the totals only, or dimension codes separated by commas '
                    '("sex,population_group") for the values of exactly that breakdown.'))

    def validate_indicator(self, pk: int) -> int:
        visible = visible_programmes(self.context["request"].user)
        if not Indicator.objects.filter(pk=pk, result__programme__in=visible).exists():
            raise serializers.ValidationError(
                _("No indicator has the id %(id)s.") % {"id": pk})
        return pk

    def validate_period(self, pk: int) -> int:
        if not Period.objects.filter(pk=pk).exists():
            raise serializers.ValidationError(_("No period has the id %(id)s.") % {"id": pk})
        return pk

    def validate_place(self, reference: str) -> Place | None:
        if not reference:
            return None
        found = find_places([reference])
        if reference not in found:
            raise serializers.ValidationError(
                _("No place has the code or id %(place)s.") % {"place": reference})
        return found[reference]

    def validate_by(self, text: str) -> tuple[str, ...] | None:
        if not text:
            return None
        if text.strip().lower() == "total":
            return ()
        codes = tuple(sorted({c.strip() for c in text.split(",") if c.strip()}))
        unknown = set(codes) - set(Dimension.objects.filter(code__in=codes)
                                   .values_list("code", flat=True))
        if unknown:
            raise serializers.ValidationError(
                _("Unknown dimension(s): %(codes)s.") % {"codes": ", ".join(sorted(unknown))})
        return codes


class ReferenceQuerySerializer(serializers.Serializer):
    framework = serializers.CharField(required=False, allow_blank=True,
                                      help_text=_('e.g. "SDG" or "EUTF".'))


class PeriodQuerySerializer(ProgrammeQuerySerializer):
    type = serializers.ChoiceField(required=False, allow_blank=True,
                                   choices=PeriodType.choices)


# -- bulk write: JSON items to ValueInput -------------------------------------------------

MAX_ITEMS = 10_000
ITEM_FIELDS = ("indicator", "period", "place", "categories", "kind", "value", "narrative",
               "comment", "source")
SOURCE_LENGTH = 300  # DataValue.source


def _reference_id(reference: Any) -> int | None:
    """An id given as a number or as digits."""
    if isinstance(reference, bool):
        return None
    if isinstance(reference, int):
        return reference
    if isinstance(reference, str) and reference.strip().isdigit():
        return int(reference.strip())
    return None


def find_places(references: Iterable[Any]) -> dict[int | str, Place]:
    """Places by id (number or digits) or ISO 3166 code in any case; unknown ones left out."""
    ids: dict[int | str, int] = {}
    codes: dict[int | str, str] = {}
    for reference in references:
        if not isinstance(reference, (int, str)) or isinstance(reference, bool):
            continue
        pk = _reference_id(reference)
        if pk is not None:
            ids[reference] = pk
        elif isinstance(reference, str) and reference.strip():
            codes[reference] = reference.strip().upper()
    by_id = Place.objects.in_bulk(set(ids.values()))
    by_code = {p.code: p for p in Place.objects.filter(code__in=set(codes.values()))}
    found = {ref: by_id[pk] for ref, pk in ids.items() if pk in by_id}
    found.update({ref: by_code[code] for ref, code in codes.items() if code in by_code})
    return found


def period_reference(reference: Any) -> int | tuple[dt.date, dt.date] | None:
    """An id, ``{"id": ...}`` (a period as the API shows it) or ``{"start", "end"}``; None when
    it is neither."""
    if isinstance(reference, dict):
        if "id" in reference:
            return _reference_id(reference["id"])
        start, end = reference.get("start"), reference.get("end")
        if not isinstance(start, str) or not isinstance(end, str):
            return None
        try:
            return dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        except ValueError:
            return None
    return _reference_id(reference)


def find_period(reference: Any) -> Period | None:
    found = period_reference(reference)
    if isinstance(found, int):
        return Period.objects.filter(pk=found).first()
    if isinstance(found, tuple):
        return Period.objects.filter(start=found[0], end=found[1]).first()
    return None


def period_type(start: dt.date, end: dt.date) -> str:
    """Year, quarter or month when the dates span exactly one."""
    def last_day(year: int, month: int) -> dt.date:
        return dt.date(year, month, calendar.monthrange(year, month)[1])

    if start.day != 1:
        return PeriodType.OTHER
    if start.month == 1 and end == last_day(start.year, 12):
        return PeriodType.YEAR
    if start.month % 3 == 1 and end == last_day(start.year, start.month + 2):
        return PeriodType.QUARTER
    if end == last_day(start.year, start.month):
        return PeriodType.MONTH
    return PeriodType.OTHER


def _show(raw: Any) -> str:
    text = json.dumps(raw, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "…"


@dataclass
class _Item:
    row: int
    indicator: Indicator
    period: Period | tuple[dt.date, dt.date]  # dates of a period to create
    place: Place
    categories: dict[str, str]
    kind: int
    value: float | None
    narrative: str
    comment: str
    source: str


class ItemsReader:
    """Reads the items of a bulk write; a malformed item (unknown indicator, unknown place,
    bad kind ...) is a violation of its row, like the validation rules' own."""

    def __init__(self, user: Any) -> None:
        self.user = user
        self.violations: list[Violation] = []
        self.indicators: dict[int, Indicator] = {}
        self.places: dict[int | str, Place] = {}
        self.periods_by_id: dict[int, Period] = {}
        self.periods_by_dates: dict[tuple[dt.date, dt.date], Period] = {}

    def read(self, data: list[Any]) -> list[ValueInput]:
        """The items as ``ValueInput`` (``row`` = index in the list).

        Raises PermissionDenied when an item belongs to a programme the user may not enter
        results for, ValuesRefused when an item is malformed. Creates the periods given by
        dates that do not exist yet: call it inside the transaction of the save."""
        objects = [item for item in data if isinstance(item, dict)]
        self._load(objects)
        self._check_permission()
        items = [item for row, raw in enumerate(data) if (item := self._item(row, raw))]
        self._check_duplicates(items)
        if self.violations:
            raise ValuesRefused(self.violations)
        return [self._input(item) for item in items]

    def _load(self, objects: list[dict[str, Any]]) -> None:
        ids = {pk for o in objects if (pk := _reference_id(o.get("indicator"))) is not None}
        self.indicators = (
            Indicator.objects.filter(result__programme__in=visible_programmes(self.user))
            .select_related("result__programme").prefetch_related("dimensions__categories")
            .in_bulk(ids))
        self.places = find_places(o.get("place") for o in objects)
        periods = [period_reference(o.get("period")) for o in objects]
        self.periods_by_id = Period.objects.in_bulk({p for p in periods if isinstance(p, int)})
        starts = {p[0] for p in periods if isinstance(p, tuple)}
        self.periods_by_dates = {(p.start, p.end): p
                                 for p in Period.objects.filter(start__in=starts)}

    def _check_permission(self) -> None:
        programmes = {i.result.programme_id: i.result.programme for i in self.indicators.values()}
        for _pk, programme in sorted(programmes.items()):
            if not services.can_enter(self.user, programme):
                raise PermissionDenied(
                    _("You may enter results only for your organisation's programmes; "
                      "%(key)s is not one of them.") % {"key": programme.key})

    def _fail(self, row: int, rule: str, message: str, fix: str) -> None:
        what = gettext("item %(row)s") % {"row": row}
        self.violations.append(Violation(ERROR, rule, what, message, fix, row))

    def _item(self, row: int, raw: Any) -> _Item | None:
        if not isinstance(raw, dict):
            self._fail(row, "format", gettext("the item is not an object."),
                       gettext("send each value as an object with indicator, period, place, "
                               "kind and value."))
            return None
        before = len(self.violations)
        for name in sorted(set(raw) - set(ITEM_FIELDS), key=str):
            self._fail(row, "format", gettext("unknown field “%(field)s”.") % {"field": name},
                       gettext("use only: %(fields)s.") % {"fields": ", ".join(ITEM_FIELDS)})
        indicator = self._indicator(row, raw.get("indicator"))
        period = self._period(row, raw.get("period"))
        place = self._place(row, raw.get("place"))
        kind = self._kind(row, raw.get("kind"))
        categories = self._categories(row, raw.get("categories"))
        number = self._number(row, raw.get("value"))
        texts = [self._text(row, name, raw.get(name)) for name in ("narrative", "comment",
                                                                   "source")]
        if len(self.violations) > before:
            return None
        assert indicator and period and place and kind and categories is not None
        return _Item(row, indicator, period, place, categories, kind, number, *texts)

    def _indicator(self, row: int, raw: Any) -> Indicator | None:
        pk = _reference_id(raw)
        indicator = self.indicators.get(pk) if pk is not None else None
        if indicator is None:
            message = (gettext("the indicator is missing.") if raw is None else
                       gettext("no indicator has the id %(id)s, or its programme is not "
                               "visible to you.") % {"id": _show(raw)})
            self._fail(row, "indicator", message,
                       gettext("give the id of one of the programme's indicators (see "
                               "/api/indicators/?programme=...)."))
        return indicator

    def _period(self, row: int, raw: Any) -> Period | tuple[dt.date, dt.date] | None:
        reference = period_reference(raw)
        fix = gettext('give the id of a period (see /api/periods/) or its first and last day: '
                      '{"start": "2021-01-01", "end": "2021-12-31"}.')
        if reference is None:
            message = (gettext("the period is missing.") if raw is None else
                       gettext("%(period)s is not a period.") % {"period": _show(raw)})
            self._fail(row, "period", message, fix)
            return None
        if isinstance(reference, int):
            period = self.periods_by_id.get(reference)
            if period is None:
                self._fail(row, "period", gettext("no period has the id %(id)s.")
                           % {"id": reference}, fix)
            return period
        if reference[1] < reference[0]:
            self._fail(row, "period", gettext("the period ends before it starts."),
                       gettext("swap the start and the end."))
            return None
        return self.periods_by_dates.get(reference, reference)

    def _place(self, row: int, raw: Any) -> Place | None:
        place = (self.places.get(raw) if isinstance(raw, (int, str))
                 and not isinstance(raw, bool) else None)
        if place is None:
            message = (gettext("the place is missing.") if raw is None else
                       gettext("no place has the code or id %(place)s.") % {"place": _show(raw)})
            self._fail(row, "place", message,
                       gettext("give an ISO 3166 code such as NE or NE-1, or the id of a place "
                               "(see /api/places/)."))
        return place

    def _kind(self, row: int, raw: Any) -> int | None:
        kind: int | None = None
        if isinstance(raw, str):
            kind = KINDS.get(raw.strip().lower())
        elif isinstance(raw, int) and not isinstance(raw, bool) and raw in ValueKind.values:
            kind = ValueKind(raw)
        if kind is None:
            message = (gettext("the kind is missing.") if raw is None else
                       gettext("%(kind)s is not a kind of value.") % {"kind": _show(raw)})
            self._fail(row, "kind", message, gettext('use "target" or "actual".'))
        return kind

    def _categories(self, row: int, raw: Any) -> dict[str, str] | None:
        if raw is None:
            return {}
        if isinstance(raw, dict) and all(isinstance(k, str) and (v is None or isinstance(v, str))
                                         for k, v in raw.items()):
            return {k.strip(): v.strip() for k, v in raw.items() if v and v.strip()}
        self._fail(row, "categories",
                   gettext("%(categories)s is not an object of dimension and category codes.")
                   % {"categories": _show(raw)},
                   gettext('give e.g. {"sex": "female", "population_group": "migrant"}, or {} '
                           "for the total."))
        return None

    def _number(self, row: int, raw: Any) -> float | None:
        number: float | None = None
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            number = float(raw)
        elif isinstance(raw, str):
            try:
                number = float(raw.strip())
            except ValueError:
                number = None
        if number is None or not math.isfinite(number):
            self._fail(row, "number", gettext("%(value)s is not a number.") % {"value": _show(raw)},
                       gettext("send a number, or null to remove the value."))
            return None
        return number

    def _text(self, row: int, name: str, raw: Any) -> str:
        if raw is None:
            return ""
        if not isinstance(raw, str):
            self._fail(row, "format", gettext("%(field)s must be text.") % {"field": name},
                       gettext("send a string, or leave the field out."))
            return ""
        if name == "source" and len(raw) > SOURCE_LENGTH:
            self._fail(row, "format", gettext("the source is longer than %(n)s characters.")
                       % {"n": SOURCE_LENGTH}, gettext("shorten the source."))
        return raw

    def _check_duplicates(self, items: list[_Item]) -> None:
        first: dict[tuple[Any, ...], int] = {}
        for item in items:
            period = item.period.pk if isinstance(item.period, Period) else item.period
            cell = (item.indicator.pk, period, item.place.pk, key_of(item.categories), item.kind)
            if cell in first:
                self._fail(item.row, "duplicate",
                           gettext("the same value is given in item %(row)s.")
                           % {"row": first[cell]},
                           gettext("send each value once."))
            else:
                first[cell] = item.row

    def _input(self, item: _Item) -> ValueInput:
        period = item.period
        if not isinstance(period, Period):
            period = self.periods_by_dates.get(period) or services.get_period(
                *period, type=period_type(*period))
            self.periods_by_dates[(period.start, period.end)] = period
        return ValueInput(item.indicator, period, item.place, item.categories, item.kind,
                          item.value, item.narrative, item.comment, item.source, row=item.row)
