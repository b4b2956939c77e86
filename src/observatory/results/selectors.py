"""Reads of the results capability: frameworks, progress and totals across programmes.

Totals group the fact table in SQL by place, period and disaggregation (about 100,000 groups
for one indicator over 1,500 municipalities and 60 months), then fold places into their country
or region and periods into years in Python, so the same code runs on SQLite and PostgreSQL and
never double counts: a total uses the rows of exactly the requested disaggregation (the total
row, or e.g. the sex x population group rows).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet, Sum

from observatory.registry.models import Place, PlaceLevel, Programme

from .disaggregations import parse_key
from .models import (
    DataValue,
    Disaggregation,
    Indicator,
    Period,
    Result,
    ReviewEvent,
    ValueKind,
    ValueStatus,
)


def framework(programme: Programme) -> list[Result]:
    indicators = Indicator.objects.select_related("reference").prefetch_related(
        "dimensions__categories")
    return list(programme.results.prefetch_related(Prefetch("indicators", queryset=indicators)))


def programme_periods(programme: Programme) -> list[Period]:
    """Periods the programme has values for, oldest first."""
    # EXISTS lets SQLite look each period up in the index instead of listing every value.
    values = DataValue.objects.filter(indicator__result__programme=programme,
                                      period=OuterRef("pk"))
    return list(Period.objects.filter(Exists(values)))


def disaggregation_ids(dimensions: Iterable[str]) -> dict[int, dict[str, str]]:
    """Disaggregations made of exactly these dimensions, with their categories."""
    wanted = set(dimensions)
    found = {}
    for pk, key in Disaggregation.objects.values_list("pk", "key"):
        combination = parse_key(key)
        if set(combination) == wanted:
            found[pk] = combination
    return found


def place_ancestor_at(level: int) -> dict[int, int]:
    """place id -> id of its ancestor (or itself) at ``level``; places above it are left out."""
    rows = {pk: (parent, lvl) for pk, parent, lvl in
            Place.objects.values_list("pk", "parent_id", "level")}
    mapping = {}
    for pk in rows:
        current: int | None = pk
        while current is not None and rows[current][1] > level:
            current = rows[current][0]
        if current is not None and rows[current][1] == level:
            mapping[pk] = current
    return mapping


@dataclass
class TotalsQuery:
    indicator_ids: list[int]
    kind: int = ValueKind.ACTUAL
    approved_only: bool = True
    dimensions: tuple[str, ...] = ()  # () = totals; ("sex",) = by sex, ...
    place_level: int | None = PlaceLevel.COUNTRY  # fold places to this level; None keeps them
    by_year: bool = True
    place_ids: list[int] | None = None  # restrict to these places (already expanded)


def totals(query: TotalsQuery) -> dict[tuple, float]:
    """Sum of values keyed by (place, year or period, category codes of the dimensions...)."""
    disaggregations = disaggregation_ids(query.dimensions)
    rows = DataValue.objects.filter(indicator_id__in=query.indicator_ids, kind=query.kind,
                                    disaggregation_id__in=list(disaggregations))
    if query.approved_only and query.kind == ValueKind.ACTUAL:
        rows = rows.filter(status=ValueStatus.APPROVED)
    if query.place_ids is not None:
        rows = rows.filter(place_id__in=query.place_ids)
    grouped = (rows.values_list("place_id", "period_id", "disaggregation_id")
               .annotate(total=Sum("value")).order_by())
    fold_place = place_ancestor_at(query.place_level) if query.place_level is not None else None
    years = dict(Period.objects.values_list("pk", "start__year")) if query.by_year else None
    result: dict[tuple, float] = defaultdict(float)
    for place_id, period_id, disaggregation_id, total in grouped:
        if total is None:
            continue
        where = fold_place.get(place_id) if fold_place is not None else place_id
        if where is None:
            continue
        when = years[period_id] if years is not None else period_id
        categories = disaggregations[disaggregation_id]
        result[(where, when, *[categories[d] for d in query.dimensions])] += total
    return dict(result)


def reference_totals(reference_id: int, **options: Any) -> dict[tuple, float]:
    """Totals of every programme indicator linked to one reference indicator."""
    ids = list(Indicator.objects.filter(reference_id=reference_id).values_list("pk", flat=True))
    return totals(TotalsQuery(indicator_ids=ids, **options))


# --- progress -------------------------------------------------------------------------------

@dataclass
class PeriodProgress:
    period: Period
    target: float | None = None
    actual: float | None = None  # approved only
    pending: float | None = None  # entered but not approved yet
    narratives: list[str] = field(default_factory=list)
    statuses: set[int] = field(default_factory=set)

    def progress(self, indicator: Indicator) -> float | None:
        """Share of the way from baseline to target (0.5 = half way), respecting direction."""
        if self.target is None or self.actual is None:
            return None
        baseline = indicator.baseline_value or 0.0
        distance = self.target - baseline
        if distance == 0:
            return 1.0 if self.actual == self.target else 0.0
        achieved = self.actual - baseline
        return achieved / distance  # same formula for descending: both differences are negative


@dataclass
class IndicatorProgress:
    indicator: Indicator
    periods: list[PeriodProgress]

    @property
    def latest(self) -> PeriodProgress | None:
        with_actual = [p for p in self.periods if p.actual is not None]
        return with_actual[-1] if with_actual else None


def progress(programme: Programme, periods: list[Period] | None = None
             ) -> list[tuple[Result, list[IndicatorProgress]]]:
    """Per result and indicator, each period's target, approved actual and progress: the
    programme-wide total (total rows summed over the programme's places)."""
    results = framework(programme)
    indicator_ids = [i.pk for r in results for i in r.indicators.all()]
    rows = (DataValue.objects.filter(indicator_id__in=indicator_ids, disaggregation__key="")
            .values_list("indicator_id", "period_id", "kind", "status", "value", "narrative"))
    cells: dict[tuple[int, int], PeriodProgress] = {}
    periods_by_id = {p.pk: p for p in (periods if periods is not None
                                        else programme_periods(programme))}
    for indicator_id, period_id, kind, status, number, narrative in rows:
        if period_id not in periods_by_id:
            continue
        cell = cells.setdefault((indicator_id, period_id),
                                PeriodProgress(periods_by_id[period_id]))
        if kind == ValueKind.TARGET:
            cell.target = (cell.target or 0.0) + number if number is not None else cell.target
            continue
        cell.statuses.add(status)
        if narrative:
            cell.narratives.append(narrative)
        if number is None:
            continue
        if status == ValueStatus.APPROVED:
            cell.actual = (cell.actual or 0.0) + number
        else:
            cell.pending = (cell.pending or 0.0) + number
    ordered = sorted(periods_by_id.values(), key=lambda p: (p.start, p.end))
    return [(result, [IndicatorProgress(i, [cells[(i.pk, p.pk)] for p in ordered
                                            if (i.pk, p.pk) in cells])
                      for i in result.indicators.all()])
            for result in results]


def period_status(programme: Programme) -> dict[int, dict[int, int]]:
    """period id -> {status: number of actual values entered (not derived)}."""
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    for period_id, status, n in (
            DataValue.objects.filter(indicator__result__programme=programme,
                                     kind=ValueKind.ACTUAL, derived=False)
            .values_list("period_id", "status").annotate(n=Count("pk")).order_by()):
        counts[period_id][status] = n
    return counts


def review_history(programme: Programme) -> QuerySet[ReviewEvent]:
    return programme.results_reviews.select_related("period", "by")


def group_values(indicator: Indicator, period: Period, place: Place, kind: int
                 ) -> dict[str, DataValue]:
    """The values of one grid: disaggregation key -> value."""
    return {v.disaggregation.key: v for v in DataValue.objects.filter(
        indicator=indicator, period=period, place=place, kind=kind).select_related(
        "disaggregation")}
