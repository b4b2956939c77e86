"""Writes of the results capability: frameworks, periods, values with their derived subtotals,
and the review workflow. Every write of values goes through ``save_values``."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from observatory.accounts.roles import is_administrator, is_editor, user_organisation_id
from observatory.registry.models import Programme
from observatory.registry.selectors import can_edit_programme

from .disaggregations import DisaggregationCache, key_of, parse_key
from .models import (
    DataValue,
    Dimension,
    Indicator,
    Period,
    PeriodType,
    ReferenceIndicator,
    Result,
    ReviewAction,
    ReviewEvent,
    ValueKind,
    ValueStatus,
)
from .validation import ERROR, ValueInput, Violation, check_input, check_sums, outliers

LOCKED = (ValueStatus.SUBMITTED, ValueStatus.APPROVED)


class ValuesRefused(Exception):
    """Raised when a bulk save breaks a rule; nothing of it was stored."""

    def __init__(self, violations: list[Violation]) -> None:
        super().__init__(f"{len(violations)} violation(s)")
        self.violations = violations


@dataclass
class SaveReport:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    violations: list[Violation] = field(default_factory=list)  # warnings, and grid errors

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == ERROR]


# --- frameworks -----------------------------------------------------------------------------

def add_result(programme: Programme, title: str, type: str = "1", description: str = "",
               order: int | None = None) -> Result:
    if order is None:
        order = programme.results.count()
    return Result.objects.create(programme=programme, title=title, type=type,
                                 description=description, order=order)


def add_indicator(result: Result, title: str, *, dimensions: Iterable[str] = (),
                  reference: ReferenceIndicator | None = None, **fields: Any) -> Indicator:
    fields.setdefault("order", result.indicators.count())
    if reference is not None:
        fields.setdefault("measure", reference.measure)
        fields.setdefault("unit", reference.unit)
    indicator = Indicator(result=result, title=title, reference=reference, **fields)
    indicator.full_clean()
    indicator.save()
    indicator.dimensions.set(Dimension.objects.filter(code__in=list(dimensions)))
    return indicator


def period_for(day: dt.date, type: str = PeriodType.YEAR) -> Period:
    """The month, quarter or year that contains ``day``."""
    if type == PeriodType.MONTH:
        start = day.replace(day=1)
        end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    elif type == PeriodType.QUARTER:
        first = (day.month - 1) // 3 * 3 + 1
        start = dt.date(day.year, first, 1)
        end = dt.date(day.year, first + 2, calendar.monthrange(day.year, first + 2)[1])
    elif type == PeriodType.YEAR:
        start, end = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    else:
        raise ValueError(type)
    return get_period(start, end, type)


def get_period(start: dt.date, end: dt.date, type: str = PeriodType.OTHER) -> Period:
    period = Period.objects.filter(start=start, end=end).first()
    if period is None:
        period = Period(start=start, end=end, type=type)
        period.full_clean()
        period.save()
    return period


# --- permissions ----------------------------------------------------------------------------

def can_enter(user: Any, programme: Programme) -> bool:
    """Editors enter values for their organisation's programmes (as they edit the fiche)."""
    return can_edit_programme(user, programme)


def can_approve(user: Any, programme: Programme) -> bool:
    """Administrators, and editors of an organisation that funds the programme: the donor
    approves what the implementer submits."""
    if is_administrator(user):
        return True
    organisation_id = user_organisation_id(user)
    return (is_editor(user) and organisation_id is not None
            and programme.fundings.filter(organisation_id=organisation_id).exists())


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


# --- values ---------------------------------------------------------------------------------

def save_values(items: list[ValueInput], user: Any, *, strict: bool = True) -> SaveReport:
    """Store values (an empty value removes the cell), recompute derived subtotals, check.

    strict (uploads, API): any error refuses the whole set, nothing is stored.
    not strict (the entry grid): values that pass their own rules are stored; sums that do
    not add up yet are reported with the rest."""
    report = SaveReport()
    indicators = list({id(item.indicator): item.indicator for item in items}.values())
    for indicator in indicators:  # categories may have been retired since they were cached
        indicator._prefetched_objects_cache = {}  # type: ignore[attr-defined]
    prefetch_related_objects(indicators, "dimensions__categories", "result__programme")
    errors_of = {id(item): check_input(item) for item in items}
    row_errors = [v for found in errors_of.values() for v in found]
    programmes = {item.indicator.result.programme_id: item.indicator.result.programme
                  for item in items}
    for programme in programmes.values():
        _require(can_enter(user, programme),
                 _("You may enter results only for your organisation's programmes."))
    if strict and row_errors:
        raise ValuesRefused(row_errors)
    report.violations.extend(row_errors)
    cache = DisaggregationCache()
    now = timezone.now()
    touched: set[tuple[int, int, int, int]] = set()
    with transaction.atomic():
        stored = _stored_cells(items)
        for item in items:
            if errors_of[id(item)]:
                continue
            disaggregation = cache.get(item.categories)
            cell = {"indicator": item.indicator, "period": item.period, "place": item.place,
                    "disaggregation": disaggregation, "kind": item.kind}
            existing = stored.get((item.indicator.pk, item.period.pk, item.place.pk,
                                   disaggregation.pk, item.kind))
            if existing is not None and item.kind == ValueKind.ACTUAL and \
                    existing.status in LOCKED and not existing.derived:
                if _same(existing, item):
                    report.unchanged += 1
                    continue
                error = Violation(
                    ERROR, "locked",
                    str(existing.indicator), _("this value has been %(status)s and is locked.")
                    % {"status": ValueStatus(existing.status).label.lower()},
                    _("ask the reviewer to return the period before changing it."), item.row)
                if strict:
                    raise ValuesRefused([error])
                report.violations.append(error)
                continue
            touched.add((item.indicator.pk, item.period.pk, item.place.pk, item.kind))
            if item.is_empty:
                if existing is not None:
                    existing.delete()
                    report.deleted += 1
                continue
            if existing is not None and not existing.derived and _same(existing, item):
                report.unchanged += 1
                continue
            obj = existing or DataValue(**cell)
            report.updated += existing is not None
            report.created += existing is None
            obj.value = item.value
            obj.narrative = item.narrative
            obj.comment = item.comment
            obj.source = item.source
            obj.derived = False
            obj.status = ValueStatus.DRAFT
            obj.entered_by = user if getattr(user, "is_authenticated", False) else None
            obj.entered_at = now
            obj.save()
            stored[(item.indicator.pk, item.period.pk, item.place.pk, disaggregation.pk,
                    item.kind)] = obj
        sum_errors: list[Violation] = []
        for group in touched:
            rows = recompute_margins(*group)
            indicator = rows[0].indicator if rows else Indicator.objects.get(pk=group[0])
            if rows:
                found = check_sums(indicator, rows, rows[0].period, rows[0].place, group[3])
                for violation in found:  # point at the first line of the group in the input
                    violation.row = min((i.row for i in items if i.row is not None and (
                        i.indicator.pk, i.period.pk, i.place.pk, i.kind) == group), default=None)
                sum_errors.extend(found)
        if strict and sum_errors:
            transaction.set_rollback(True)
            raise ValuesRefused(sum_errors)
        report.violations.extend(sum_errors)
        changed = DataValue.objects.filter(
            indicator_id__in={g[0] for g in touched}, period_id__in={g[1] for g in touched},
            place_id__in={g[2] for g in touched}, kind=ValueKind.ACTUAL, derived=False,
        ).select_related("indicator", "period", "place", "disaggregation")
        report.violations.extend(outliers(changed))
    return report


def _stored_cells(items: list[ValueInput]) -> dict[tuple[int, int, int, int, int], DataValue]:
    """The stored values of the groups these items touch, in one query."""
    if not items:
        return {}
    rows = DataValue.objects.filter(
        indicator_id__in={i.indicator.pk for i in items},
        period_id__in={i.period.pk for i in items},
        place_id__in={i.place.pk for i in items}, kind__in={i.kind for i in items},
    ).select_related("indicator")
    return {(r.indicator_id, r.period_id, r.place_id, r.disaggregation_id, r.kind): r
            for r in rows}


def _same(existing: DataValue, item: ValueInput) -> bool:
    return (existing.value == item.value and existing.narrative == item.narrative
            and existing.comment == item.comment and existing.source == item.source)


def recompute_margins(indicator_id: int, period_id: int, place_id: int,
                      kind: int) -> list[DataValue]:
    """Replace the derived subtotals of one indicator x period x place x kind.

    Works from the finest grain up: a combination nobody entered gets the sum of the parts
    present one level below it (along the first dimension that has any). Returns every row
    of the group afterwards."""
    group = DataValue.objects.filter(indicator_id=indicator_id, period_id=period_id,
                                     place_id=place_id, kind=kind)
    group.filter(derived=True).delete()
    rows = list(group.select_related("disaggregation", "indicator", "period", "place"))
    indicator = Indicator.objects.get(pk=indicator_id)
    if indicator.is_qualitative or not rows:
        return rows
    dims = sorted(d.code for d in indicator.dimensions.all())
    values: dict[str, DataValue] = {r.disaggregation.key: r for r in rows}
    statuses: dict[str, set[int]] = {k: {r.status} for k, r in values.items()}
    cache = DisaggregationCache()
    new_rows: list[DataValue] = []
    for size in range(len(dims) - 1, -1, -1):
        sums: dict[str, dict[str, float]] = defaultdict(dict)  # target key -> dim -> sum
        status_of: dict[str, set[int]] = defaultdict(set)
        for key, row in values.items():
            combination = parse_key(key)
            if len(combination) != size + 1 or row.value is None:
                continue
            for dim in combination:
                coarser = {d: c for d, c in combination.items() if d != dim}
                target = key_of(coarser)
                sums[target][dim] = sums[target].get(dim, 0.0) + row.value
                status_of[target + "|" + dim] |= statuses[key]
        for target, by_dim in sums.items():
            if target in values:
                continue
            dim = min(by_dim)
            parts_status = status_of[target + "|" + dim]
            status = parts_status.pop() if len(parts_status) == 1 else ValueStatus.DRAFT
            template = rows[0]
            row = DataValue(indicator_id=indicator_id, period_id=period_id, place_id=place_id,
                            kind=kind, disaggregation=cache.get(parse_key(target)),
                            value=by_dim[dim], derived=True, status=status,
                            entered_at=template.entered_at)
            values[target] = row
            statuses[target] = {status}
            new_rows.append(row)
    DataValue.objects.bulk_create(new_rows)
    return list(group.select_related("disaggregation", "indicator", "period", "place"))


# --- workflow -------------------------------------------------------------------------------

def _actuals(programme: Programme, period: Period) -> Any:
    return DataValue.objects.filter(indicator__result__programme=programme, period=period,
                                    kind=ValueKind.ACTUAL)


def _entered(values: Any) -> int:
    """How many of these values people entered (derived subtotals move with them)."""
    return values.filter(derived=False).count()


def period_errors(programme: Programme, period: Period) -> list[Violation]:
    """Every error among a programme's values for a period (what blocks a submission)."""
    found: list[Violation] = []
    rows = (DataValue.objects.filter(indicator__result__programme=programme, period=period)
            .select_related("indicator__result__programme", "period", "place", "disaggregation"))
    groups: dict[tuple[int, int, int], list[DataValue]] = defaultdict(list)
    for row in rows:
        groups[(row.indicator_id, row.place_id, row.kind)].append(row)
        if not row.derived:
            found.extend(v for v in check_input(ValueInput(
                row.indicator, row.period, row.place, parse_key(row.disaggregation.key),
                row.kind, row.value, row.narrative)) if v.severity == ERROR)
    for group in groups.values():
        found.extend(check_sums(group[0].indicator, group, period, group[0].place,
                                group[0].kind))
    return found


def _move(programme: Programme, period: Period, user: Any, action: str,
          from_statuses: list[int], to_status: int, comment: str,
          nothing: tuple[str, str]) -> ReviewEvent:
    """Move a programme's actual values for a period along the workflow and record it."""
    moving = _actuals(programme, period).filter(status__in=from_statuses)
    moved = _entered(moving)
    if not moved:
        raise ValuesRefused([Violation(ERROR, "workflow", str(period), *nothing)])
    moving.update(status=to_status)
    return ReviewEvent.objects.create(programme=programme, period=period, comment=comment,
                                      action=action, values=moved, by=user)


@transaction.atomic
def submit_period(programme: Programme, period: Period, user: Any) -> ReviewEvent:
    _require(can_enter(user, programme),
             _("Only editors of the implementing organisation submit its results."))
    errors = period_errors(programme, period)
    if errors:
        raise ValuesRefused(errors)
    return _move(programme, period, user, ReviewAction.SUBMIT,
                 [ValueStatus.DRAFT, ValueStatus.RETURNED], ValueStatus.SUBMITTED, "",
                 (_("nothing to submit."), _("enter actual values for the period first.")))


@transaction.atomic
def approve_period(programme: Programme, period: Period, user: Any,
                   comment: str = "") -> ReviewEvent:
    _require(can_approve(user, programme),
             _("Only administrators and the programme's funders approve its results."))
    return _move(programme, period, user, ReviewAction.APPROVE, [ValueStatus.SUBMITTED],
                 ValueStatus.APPROVED, comment,
                 (_("no submitted values to approve."),
                  _("wait until the implementer submits the period.")))


@transaction.atomic
def return_period(programme: Programme, period: Period, user: Any, comment: str) -> ReviewEvent:
    _require(can_approve(user, programme),
             _("Only administrators and the programme's funders return results."))
    if not comment.strip():
        raise ValuesRefused([Violation(ERROR, "workflow", str(period),
                                       _("a returned period needs a comment."),
                                       _("say what must be corrected."))])
    return _move(programme, period, user, ReviewAction.RETURN,
                 [ValueStatus.SUBMITTED, ValueStatus.APPROVED], ValueStatus.RETURNED, comment,
                 (_("no submitted or approved values to return."),
                  _("only submitted or approved periods can be returned.")))

def load_reference() -> None:
    """Add or refresh dimensions, categories and reference indicators (migrations load them
    once; this is for upgrades and emptied databases)."""
    from .models import Category, Disaggregation
    from .reference import load_results_reference

    load_results_reference(Dimension, Category, Disaggregation, ReferenceIndicator)
