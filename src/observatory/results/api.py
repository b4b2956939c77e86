"""REST API of the results capability: reference data, frameworks, periods and values.

Reads are open, within ``visible_programmes(user)``. Values of a programme are shown whole to
administrators and to members of the organisations involved in it; everyone else sees its
targets and approved actuals only (what counts in published totals). Writes (bulk values,
workflow) need an account (session with CSRF, or HTTP Basic for scripts) and go through the
services, so they follow the same rules and permissions as the web pages: a bulk write is
stored whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.authentication import BasicAuthentication
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response

from observatory.accounts.roles import is_administrator, user_organisation_id
from observatory.registry.api import (
    BAD_PARAMETERS,
    NOT_FOUND,
    ApiPagination,
    BadQueryParameters,
    parameter_error_message,
)
from observatory.registry.models import Programme
from observatory.registry.selectors import visible_programmes
from observatory.registry.serializers import ErrorSerializer
from observatory.registry.services import involving

from . import selectors, services
from .models import (
    DataValue,
    Dimension,
    Indicator,
    Period,
    ReferenceIndicator,
    Result,
    ReviewEvent,
    ValueKind,
    ValueStatus,
)
from .serializers import (
    KINDS,
    MAX_ITEMS,
    STATUSES,
    DimensionSerializer,
    IndicatorSerializer,
    ItemsReader,
    PeriodQuerySerializer,
    PeriodSerializer,
    ProgrammeQuerySerializer,
    ReferenceIndicatorSerializer,
    ReferenceQuerySerializer,
    RefusedSerializer,
    ResultSerializer,
    ReviewEventSerializer,
    SaveReportSerializer,
    ValueItemSerializer,
    ValueQuerySerializer,
    ValueSerializer,
    ViolationSerializer,
    WorkflowSerializer,
)
from .validation import Violation

REFUSED = OpenApiResponse(RefusedSerializer, description=_(
    "Refused: nothing was stored or changed. Each violation names the item (row), the rule "
    "and how to fix it."))
FORBIDDEN = OpenApiResponse(ErrorSerializer, description=_(
    "Not signed in, or not allowed to do this for the programme."))
UNAUTHENTICATED = OpenApiResponse(ErrorSerializer, description=_(
    "HTTP Basic credentials missing or wrong."))


class InvalidRequest(APIException):
    status_code = 400
    default_detail = _("Invalid request.")
    default_code = "invalid_request"


def query(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    """The validated query parameters; a 400 naming the bad ones."""
    checked = serializer_class(data=request.query_params, context={"request": request})
    if not checked.is_valid():
        raise BadQueryParameters(parameter_error_message(checked.errors))
    return {k: v for k, v in checked.validated_data.items() if v not in ("", None)}


def body_error_message(errors: dict[str, Any]) -> str:
    parts = [f"{name}: {' '.join(str(m) for m in messages)}" for name, messages in errors.items()]
    return gettext("Invalid request — %(errors)s") % {"errors": " ".join(parts)}


def refused(violations: list[Violation], summary: str) -> Response:
    first = str(violations[0]) if violations else ""
    error = gettext("%(summary)s: %(n)s problem(s). First: %(first)s") % {
        "summary": summary, "n": len(violations), "first": first}
    rows = [{"row": v.row, "rule": v.rule, "value": v.value, "message": v.message, "fix": v.fix}
            for v in violations]
    return Response({"error": error, "status": 400,
                     "violations": ViolationSerializer(rows, many=True).data},
                    status=status.HTTP_400_BAD_REQUEST)


def readable_values(user: Any) -> QuerySet[DataValue]:
    values = DataValue.objects.filter(indicator__result__programme__in=visible_programmes(user))
    if is_administrator(user):
        return values
    public = Q(kind=ValueKind.TARGET) | Q(status=ValueStatus.APPROVED)
    organisation_id = user_organisation_id(user)
    if organisation_id is None:
        return values.filter(public)
    own = Programme.objects.filter(involving(organisation_id)).values("pk")
    return values.filter(public | Q(indicator__result__programme__in=own))


# -- reference data -----------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary=_("List reference indicators"),
                       description=_("Shared indicators (SDG, EU Trust Fund common output "
                                     "indicators) that programme indicators add up to."),
                       parameters=[ReferenceQuerySerializer],
                       responses={200: ReferenceIndicatorSerializer(many=True),
                                  400: BAD_PARAMETERS}),
    retrieve=extend_schema(summary=_("A reference indicator"),
                           responses={200: ReferenceIndicatorSerializer, 404: NOT_FOUND}),
)
class ReferenceIndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ReferenceIndicatorSerializer
    pagination_class = ApiPagination
    filter_backends: list[type] = []

    def get_queryset(self) -> QuerySet[ReferenceIndicator]:
        indicators = ReferenceIndicator.objects.prefetch_related("dimensions")
        if self.action == "list":
            framework = query(ReferenceQuerySerializer, self.request).get("framework")
            if framework:
                indicators = indicators.filter(framework__iexact=framework)
        return indicators


@extend_schema_view(
    list=extend_schema(summary=_("List disaggregation dimensions"),
                       description=_("Sex, age group, population group ... with their "
                                     "categories."),
                       responses={200: DimensionSerializer(many=True)}),
    retrieve=extend_schema(summary=_("A dimension and its categories"),
                           responses={200: DimensionSerializer, 404: NOT_FOUND}),
)
class DimensionViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Dimension.objects.prefetch_related("categories")
    serializer_class = DimensionSerializer
    lookup_field = "code"
    pagination_class = ApiPagination
    filter_backends: list[type] = []


# -- frameworks ---------------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary=_("List results"),
                       description=_("Results of the programmes visible to the client, with "
                                     "their indicators."),
                       parameters=[ProgrammeQuerySerializer],
                       responses={200: ResultSerializer(many=True), 400: BAD_PARAMETERS}),
    retrieve=extend_schema(summary=_("A result and its indicators"),
                           responses={200: ResultSerializer, 404: NOT_FOUND}),
)
class ResultViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ResultSerializer
    pagination_class = ApiPagination
    filter_backends: list[type] = []

    def get_queryset(self) -> QuerySet[Result]:
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return Result.objects.none()
        results = (Result.objects.filter(programme__in=visible_programmes(self.request.user))
                   .select_related("programme")
                   .prefetch_related("indicators__dimensions", "indicators__reference",
                                     "indicators__result__programme"))
        if self.action == "list":
            programme = query(ProgrammeQuerySerializer, self.request).get("programme")
            if programme is not None:
                results = results.filter(programme=programme)
        return results


@extend_schema_view(
    list=extend_schema(summary=_("List indicators"),
                       description=_("Indicators of the programmes visible to the client."),
                       parameters=[ProgrammeQuerySerializer],
                       responses={200: IndicatorSerializer(many=True), 400: BAD_PARAMETERS}),
    retrieve=extend_schema(summary=_("An indicator"),
                           responses={200: IndicatorSerializer, 404: NOT_FOUND}),
)
class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = IndicatorSerializer
    pagination_class = ApiPagination
    filter_backends: list[type] = []

    def get_queryset(self) -> QuerySet[Indicator]:
        if getattr(self, "swagger_fake_view", False):
            return Indicator.objects.none()
        indicators = (Indicator.objects
                      .filter(result__programme__in=visible_programmes(self.request.user))
                      .select_related("result__programme", "reference")
                      .prefetch_related("dimensions")
                      .order_by("result__programme__key", "result__order", "result_id",
                                "order", "pk"))
        if self.action == "list":
            programme = query(ProgrammeQuerySerializer, self.request).get("programme")
            if programme is not None:
                indicators = indicators.filter(result__programme=programme)
        return indicators


@extend_schema_view(
    list=extend_schema(summary=_("List reporting periods"),
                       description=_("Periods are shared by every programme; with programme=, "
                                     "those it has values for."),
                       parameters=[PeriodQuerySerializer],
                       responses={200: PeriodSerializer(many=True), 400: BAD_PARAMETERS}),
    retrieve=extend_schema(summary=_("A reporting period"),
                           responses={200: PeriodSerializer, 404: NOT_FOUND}),
)
class PeriodViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PeriodSerializer
    pagination_class = ApiPagination
    filter_backends: list[type] = []

    def get_queryset(self) -> QuerySet[Period]:
        periods = Period.objects.all()
        if getattr(self, "swagger_fake_view", False) or self.action != "list":
            return periods
        filters = query(PeriodQuerySerializer, self.request)
        if "programme" in filters:
            periods = periods.filter(pk__in=[p.pk for p in
                                             selectors.programme_periods(filters["programme"])])
        if "type" in filters:
            periods = periods.filter(type=filters["type"])
        return periods


# -- values -------------------------------------------------------------------------------

WORKFLOW_RESPONSES = {200: ReviewEventSerializer, 400: REFUSED, 401: UNAUTHENTICATED,
                      403: FORBIDDEN}


@extend_schema_view(
    list=extend_schema(
        summary=_("List values"),
        description=_("Values of the programmes visible to the client, one per indicator, "
                      "period, place, combination of categories and kind. Anonymous clients "
                      "and members of other organisations see targets and approved actuals "
                      "only."),
        parameters=[ValueQuerySerializer],
        responses={200: ValueSerializer(many=True), 400: BAD_PARAMETERS}),
    retrieve=extend_schema(summary=_("A value"),
                           responses={200: ValueSerializer, 404: NOT_FOUND}),
    create=extend_schema(
        summary=_("Store values (bulk)"),
        description=_("A JSON list of at most %(n)s values. They are checked like an upload: "
                      "any error refuses the whole list and nothing is stored. An empty value "
                      "(null, no narrative) removes a stored one. Totals and subtotals not "
                      "given are computed from complete sets of parts.") % {"n": MAX_ITEMS},
        request=ValueItemSerializer(many=True),
        responses={201: SaveReportSerializer, 400: REFUSED, 401: UNAUTHENTICATED,
                   403: FORBIDDEN}),
    submit=extend_schema(summary=_("Submit a programme's actual values for a period"),
                         request=WorkflowSerializer, responses=WORKFLOW_RESPONSES),
    approve=extend_schema(summary=_("Approve a submitted period"),
                          request=WorkflowSerializer, responses=WORKFLOW_RESPONSES),
    return_period=extend_schema(summary=_("Return a period to the implementer, with a comment"),
                                request=WorkflowSerializer, responses=WORKFLOW_RESPONSES),
)
class ValueViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    pagination_class = ApiPagination
    filter_backends: list[type] = []
    permission_classes = [IsAuthenticatedOrReadOnly]
    parser_classes = [JSONParser]

    def get_authenticate_header(self, request: Request) -> str | None:
        # A script that sent Basic credentials gets 401 when they fail; a browser (session)
        # gets 403, never a login dialog.
        if request.META.get("HTTP_AUTHORIZATION", "").lower().startswith("basic "):
            return BasicAuthentication().authenticate_header(request)
        return super().get_authenticate_header(request)

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "create":
            return ValueItemSerializer
        if self.action in ("submit", "approve", "return_period"):
            return WorkflowSerializer
        return ValueSerializer

    def get_queryset(self) -> QuerySet[DataValue]:
        if getattr(self, "swagger_fake_view", False):
            return DataValue.objects.none()
        values = readable_values(self.request.user).select_related(
            "indicator__result__programme", "period", "place", "disaggregation", "entered_by")
        if self.action == "list":
            values = self._filter(values, query(ValueQuerySerializer, self.request))
        return values.order_by("indicator__result__programme__key", "indicator_id",
                               "period__start", "place_id", "kind", "disaggregation__key",
                               "pk")

    def _filter(self, values: QuerySet[DataValue], filters: dict[str, Any]
                ) -> QuerySet[DataValue]:
        if "programme" in filters:
            values = values.filter(indicator__result__programme=filters["programme"])
        for name in ("indicator", "period", "place"):
            if name in filters:
                values = values.filter(**{name: filters[name]})
        if "kind" in filters:
            values = values.filter(kind=KINDS[filters["kind"]])
        if "status" in filters:
            values = values.filter(status=STATUSES[filters["status"]])
        if filters.get("by") is not None:
            ids = list(selectors.disaggregation_ids(filters["by"]))
            values = values.filter(disaggregation_id__in=ids)
        return values

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = request.data
        if not isinstance(data, list):
            raise InvalidRequest(gettext(
                'Send a JSON list of values, e.g. [{"indicator": 1, "period": 2, "place": '
                '"NE", "kind": "actual", "categories": {"sex": "female"}, "value": 12}].'))
        if len(data) > MAX_ITEMS:
            raise InvalidRequest(gettext(
                "Too many values: %(n)s sent, at most %(max)s at a time. Send them in several "
                "lists.") % {"n": len(data), "max": MAX_ITEMS})
        try:
            with transaction.atomic():  # periods created for the items go if they are refused
                items = ItemsReader(request.user).read(data)
                report = services.save_values(items, request.user, strict=True)
        except services.ValuesRefused as refusal:
            return refused(refusal.violations, gettext("Nothing was stored"))
        warnings = [{"row": v.row, "rule": v.rule, "value": v.value, "message": v.message,
                     "fix": v.fix} for v in report.violations]
        body = {"created": report.created, "updated": report.updated,
                "deleted": report.deleted, "unchanged": report.unchanged,
                "warnings": warnings}
        return Response(SaveReportSerializer(body).data, status=status.HTTP_201_CREATED)

    @action(detail=False, methods=["post"])
    def submit(self, request: Request) -> Response:
        return self._move(request, lambda p, period, user, _comment:
                          services.submit_period(p, period, user))

    @action(detail=False, methods=["post"])
    def approve(self, request: Request) -> Response:
        return self._move(request, services.approve_period)

    @action(detail=False, methods=["post"], url_path="return", url_name="return")
    def return_period(self, request: Request) -> Response:
        return self._move(request, services.return_period)

    def _move(self, request: Request,
              move: Callable[[Programme, Period, Any, str], ReviewEvent]) -> Response:
        body = WorkflowSerializer(data=request.data, context={"request": request})
        if not body.is_valid():
            raise InvalidRequest(body_error_message(body.errors))
        data = body.validated_data
        try:
            event = move(data["programme"], data["period"], request.user, data["comment"])
        except services.ValuesRefused as refusal:
            return refused(refusal.violations, gettext("Nothing changed"))
        return Response(ReviewEventSerializer(event).data)
