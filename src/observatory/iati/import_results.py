"""The ``result`` elements of an activity into results, indicators, periods and values.

Results are found by title within the programme, indicators by title within the result; both
are created when new. Each target or actual becomes one value of the fact table, its
``dimension``s mapped to our categories (by the dimension's IATI name and the category's code
or name) and its ``location`` to a place; a value that cannot be placed or mapped is left out
with the reason. Subtotals the platform derives are recomputed where values changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from observatory.registry.models import Place, Programme
from observatory.results import services
from observatory.results.codelists import IndicatorMeasure, ResultType
from observatory.results.disaggregations import DisaggregationCache
from observatory.results.models import (
    Category,
    DataValue,
    Dimension,
    Indicator,
    Period,
    PeriodType,
    ReferenceIndicator,
    Result,
    ValueKind,
    ValueStatus,
)

from .reader import IndicatorData, ResultData, Value

# Names other publishers give our dimensions.
ALIASES = {"gender": "sex", "age": "age_group", "age group": "age_group",
           "population": "population_group", "displacement status": "population_group"}
LOCKED = (ValueStatus.SUBMITTED, ValueStatus.APPROVED)
ONE_DAY = dt.timedelta(days=1)


def period_type(start: dt.date, end: dt.date) -> str:
    if start.day == 1 and (end + ONE_DAY).day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months == 1:
            return PeriodType.MONTH
        if months == 3 and start.month in (1, 4, 7, 10):
            return PeriodType.QUARTER
        if months == 12 and start.month == 1:
            return PeriodType.YEAR
    return PeriodType.OTHER


def _float(text: str | None) -> float | None:
    try:
        number = float((text or "").strip().replace(",", ""))
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


class ResultsImport:
    def __init__(self, *, user: Any, actual_status: int, overwrite_locked: bool) -> None:
        self.user = user if getattr(user, "is_authenticated", False) else None
        self.actual_status = actual_status
        self.overwrite_locked = overwrite_locked
        self._dimensions: list[tuple[Dimension, list[Category]]] | None = None

    def run(self, programme: Programme, results: list[ResultData], locations: dict[str, Place],
            default: Place | None, notes: list[str]) -> bool:
        """Store the results of one activity; True when anything changed."""
        self.notes = notes
        self.cache = DisaggregationCache()
        self.touched: set[tuple[int, int, int, int]] = set()
        changed = False
        for data in results:
            if not data.title or not data.indicators:
                notes.append(_("a result without a title or an indicator was left out."))
                continue
            result, result_changed = self.result(programme, data)
            changed |= result_changed
            for indicator_data in data.indicators:
                indicator, indicator_changed = self.indicator(result, indicator_data)
                if indicator is None:
                    continue
                changed |= indicator_changed
                changed |= self.values(indicator, indicator_data, locations, default)
        for group in sorted(self.touched):
            services.recompute_margins(*group)
        return changed

    def result(self, programme: Programme, data: ResultData) -> tuple[Result, bool]:
        type_ = data.type if data.type in ResultType.values else ResultType.OTHER
        title = data.title[:400]
        result = programme.results.filter(title=title).first()
        if result is None:
            return services.add_result(programme, title, type=type_,
                                       description=data.description), True
        wanted = {"type": type_, **({"description": data.description} if data.description
                                    else {})}
        return result, _assign(result, wanted)

    def indicator(self, result: Result, data: IndicatorData) -> tuple[Indicator | None, bool]:
        if not data.title or data.measure not in IndicatorMeasure.values:
            self.notes.append(_("indicator “%(title)s” has no title or an unknown measure; left "
                                "out.") % {"title": data.title})
            return None, False
        wanted: dict[str, Any] = {"measure": data.measure, "unit": data.unit[:120]}
        if data.description:
            wanted["description"] = data.description
        if data.ascending is not None:
            wanted["ascending"] = data.ascending
        if data.baseline is not None:
            year, value, comment = data.baseline
            if 0 < year < 32768:
                wanted.update(baseline_year=year, baseline_value=_float(value),
                              baseline_comment=comment[:400])
        reference = self.reference(data.references)
        if reference is not None:
            wanted["reference"] = reference
        title = data.title[:400]
        indicator = result.indicators.filter(title=title).first()
        if indicator is None:
            return services.add_indicator(result, title, **wanted), True
        return indicator, _assign(indicator, wanted)

    def reference(self, references: list[tuple[str, str]]) -> ReferenceIndicator | None:
        for vocabulary, code in references:
            found = ReferenceIndicator.objects.filter(vocabulary=vocabulary, code=code).first() \
                if vocabulary else None
            if found is not None:
                return found
        return None

    # values --------------------------------------------------------------------------------

    def values(self, indicator: Indicator, data: IndicatorData, locations: dict[str, Place],
               default: Place | None) -> bool:
        changed = False
        dimensions = {d.code for d in indicator.dimensions.all()}
        for period_data in data.periods:
            start, end = period_data.start, period_data.end
            if start is None or end is None or end < start:
                self.notes.append(_("a period of “%(title)s” without valid dates was left out.")
                                  % {"title": indicator.title})
                continue
            period = Period.objects.filter(start=start, end=end).first() or \
                services.get_period(start, end, period_type(start, end))
            for value in period_data.values:
                place = self.place(value, locations, default, indicator)
                combination = self.combination(value, indicator)
                if place is None or combination is None:
                    continue
                missing = set(combination) - dimensions
                if missing:
                    indicator.dimensions.add(*Dimension.objects.filter(code__in=missing))
                    dimensions |= missing
                    changed = True
                changed |= self.store(indicator, period, place, combination, value)
        return changed

    def place(self, value: Value, locations: dict[str, Place], default: Place | None,
              indicator: Indicator) -> Place | None:
        if value.location_refs:
            place = locations.get(value.location_refs[0])
            if place is None:
                self.notes.append(_("a value of “%(title)s” at location %(ref)s, which matches "
                                    "no place, was left out.")
                                  % {"title": indicator.title, "ref": value.location_refs[0]})
            return place
        if default is None:
            self.notes.append(_("a value of “%(title)s” has no location and the activity has "
                                "not exactly one recipient country; left out.")
                              % {"title": indicator.title})
        return default

    def combination(self, value: Value, indicator: Indicator) -> dict[str, str] | None:
        combination: dict[str, str] = {}
        for name, code in value.dimensions:
            dimension, category = self.category(name, code)
            if dimension is None or category is None or dimension.code in combination:
                self.notes.append(_("a value of “%(title)s” by %(name)s = %(value)s has no "
                                    "matching category; left out.")
                                  % {"title": indicator.title, "name": name, "value": code})
                return None
            combination[dimension.code] = category.code
        return combination

    def category(self, name: str, value: str) -> tuple[Dimension | None, Category | None]:
        if self._dimensions is None:
            self._dimensions = [(d, list(d.categories.all()))
                                for d in Dimension.objects.prefetch_related("categories")]
        asked = {name.lower(), ALIASES.get(name.lower(), "")} - {""}
        for dimension, categories in self._dimensions:
            names = {dimension.code, dimension.iati_name, dimension.name, dimension.name_fr}
            if not asked & {n.lower() for n in names if n}:
                continue
            for category in categories:
                if value.lower() in {n.lower() for n in (category.code, category.name,
                                                          category.name_fr) if n}:
                    return dimension, category
            return dimension, None
        return None, None

    def store(self, indicator: Indicator, period: Period, place: Place,
              combination: dict[str, str], value: Value) -> bool:
        if indicator.is_qualitative:
            number, narrative, comment = None, value.comment, ""
            if not narrative:
                return False
        else:
            number, narrative, comment = _float(value.value), "", value.comment
            if number is None:
                self.notes.append(_("a value of “%(title)s” that is not a number (%(value)s) "
                                    "was left out.")
                                  % {"title": indicator.title, "value": value.value})
                return False
        status = self.actual_status if value.kind == ValueKind.ACTUAL else ValueStatus.DRAFT
        cell = {"indicator": indicator, "period": period, "place": place,
                "disaggregation": self.cache.get(combination), "kind": value.kind}
        existing = DataValue.objects.filter(**cell).first()
        if existing is not None and (existing.value, existing.narrative, existing.comment,
                                     existing.status) == (number, narrative, comment, status):
            return False  # a subtotal the platform derived stays derived
        if existing is not None and not existing.derived and existing.status in LOCKED \
                and value.kind == ValueKind.ACTUAL and not self.overwrite_locked:
            self.notes.append(_("a %(status)s value of “%(title)s” is locked and was not "
                                "changed.") % {"status": existing.get_status_display().lower(),
                                               "title": indicator.title})
            return False
        row = existing or DataValue(**cell)
        row.value, row.narrative, row.comment, row.status = number, narrative, comment, status
        row.derived = False
        row.entered_by = self.user
        row.entered_at = timezone.now()
        row.save()
        self.touched.add((indicator.pk, period.pk, place.pk, value.kind))
        return True


def _assign(obj: Any, wanted: dict[str, Any]) -> bool:
    changed = False
    for name, value in wanted.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed:
        obj.full_clean()
        obj.save()
    return changed
