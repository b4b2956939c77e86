"""The rules values must follow. Each violation names the value, the rule and how to fix it.

Errors refuse a bulk save (upload, API) and a submission; in the entry grid, where cells are
typed one by one, a sum that does not yet add up is saved and shown until it is fixed. Warnings
(outliers against the indicator's own history) are flagged, never refused.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from observatory.registry.models import Place

from .disaggregations import Combination, key_of, parse_key
from .models import DataValue, Indicator, Period, ValueKind

ERROR = "error"
WARNING = "warning"
OUTLIER_SCORE = 3.5  # robust z-score (median and MAD) above which a value is flagged
OUTLIER_MIN_HISTORY = 4


@dataclass
class ValueInput:
    """One value as a user, a spreadsheet row or an API item gives it."""

    indicator: Indicator
    period: Period
    place: Place
    categories: Combination
    kind: int
    value: float | None = None
    narrative: str = ""
    comment: str = ""
    source: str = ""
    row: int | None = None  # line of the spreadsheet or index in the API list

    @property
    def is_empty(self) -> bool:
        return self.value is None and not self.narrative.strip()


@dataclass
class Violation:
    severity: str
    rule: str
    value: str  # which value, in words
    message: str
    fix: str
    row: int | None = None
    cell: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        where = _("row %(row)s: ") % {"row": self.row} if self.row is not None else ""
        return f"{where}{self.value}: {self.message} {_('Fix:')} {self.fix}"


def describe(indicator: Indicator, period: Period, place: Place, categories: Combination,
             kind: int) -> str:
    parts = ", ".join(f"{cat}" for _dim, cat in sorted(categories.items())) or _("total")
    return (f"{indicator.title} · {period.label} · {place.label} · {parts} · "
            f"{ValueKind(kind).label.lower()}")


def _format(number: float) -> str:
    return f"{number:g}"


def check_input(item: ValueInput) -> list[Violation]:
    """Rules one value follows whatever the others are."""
    indicator, found = item.indicator, []
    what = describe(indicator, item.period, item.place, item.categories, item.kind)

    def violation(rule: str, message: str, fix: str) -> None:
        found.append(Violation(ERROR, rule, what, message, fix, item.row))

    dims = {d.code: d for d in indicator.dimensions.all()}
    for dim, cat in item.categories.items():
        if dim not in dims:
            violation("dimension", _("the indicator is not disaggregated by “%(dim)s”.")
                      % {"dim": dim},
                      _("leave that column empty, or add the dimension to the indicator."))
            continue
        category = next((c for c in dims[dim].categories.all() if c.code == cat), None)
        if category is None:
            violation("category", _("“%(cat)s” is not a category of %(dim)s.")
                      % {"cat": cat, "dim": dim},
                      _("use one of: %(codes)s.")
                      % {"codes": ", ".join(c.code for c in dims[dim].categories.all()
                                            if c.active)})
        elif not category.active:
            violation("category", _("the category “%(cat)s” has been retired.") % {"cat": cat},
                      _("use one of the active categories of %(dim)s.") % {"dim": dim})
    if item.is_empty:
        return found
    if indicator.is_qualitative:
        if item.value is not None:
            violation("qualitative", _("a qualitative indicator takes a narrative, not a number."),
                      _("write the finding in the narrative and leave the value empty."))
        if not item.narrative.strip():
            violation("qualitative", _("the narrative is empty."),
                      _("write what was observed in the narrative."))
    elif item.value is None:
        violation("number", _("a number is needed."),
                  _("enter a number, or clear the narrative to remove the value."))
    elif indicator.is_count and (item.value < 0 or item.value != int(item.value)):
        violation("count", _("%(value)s is not a whole number of zero or more; this indicator "
                             "counts.") % {"value": _format(item.value)},
                  _("enter a whole number (e.g. %(n)s), or change the indicator's measure if it "
                    "is not a count.") % {"n": max(0, round(item.value))})
    elif indicator.measure == "2" and not 0 <= item.value <= 100:
        violation("percentage", _("%(value)s lies outside 0–100.") % {"value": _format(item.value)},
                  _("enter a percentage between 0 and 100 (50 for half, not 0.5)."))
    found.extend(check_period(item.indicator, item.period, what, item.row))
    return found


def check_period(indicator: Indicator, period: Period, what: str,
                 row: int | None = None) -> list[Violation]:
    programme = indicator.result.programme
    start, end = programme.start_date, programme.end_date
    if start is None:
        return []
    if period.start < start or (end is not None and period.end > end):
        span = f"{programme.start_label} – {programme.end_label or '…'}"
        return [Violation(
            ERROR, "period",
            what, _("the period %(period)s lies outside the programme's dates (%(span)s).")
            % {"period": period.label, "span": span},
            _("choose a period within the programme's dates, or correct the programme's start "
              "and duration."), row)]
    return []


def check_sums(indicator: Indicator, rows: Iterable[DataValue], period: Period, place: Place,
               kind: int) -> list[Violation]:
    """Parts against their total, within one indicator x period x place x kind.

    A complete set of parts (every active category of a dimension) must add up to the total
    someone entered; an incomplete set may not exceed it."""
    if not indicator.is_count:
        return []
    by_key = {r.disaggregation.key: r for r in rows if r.value is not None}
    dims = list(indicator.dimensions.all())
    categories = {d.code: [c.code for c in d.categories.all() if c.active] for d in dims}
    found = []
    for key, row in by_key.items():
        if row.derived:
            continue
        combination = parse_key(key)
        for dim in categories:
            if dim in combination:
                continue
            parts = {cat: by_key.get(key_of({**combination, dim: cat})) for cat in categories[dim]}
            given = {cat: r.value for cat, r in parts.items() if r is not None}
            if not given:
                continue
            total = sum(v for v in given.values() if v is not None)
            complete = len(given) == len(categories[dim])
            if (complete and total != row.value) or (not complete and total > (row.value or 0)):
                what = describe(indicator, period, place, combination, kind)
                shown = ", ".join(f"{cat} {_format(v)}" for cat, v in given.items()
                                  if v is not None)
                if complete:
                    message = _("the parts by %(dim)s (%(parts)s) add up to %(sum)s, not to the "
                                "total %(total)s.")
                else:
                    message = _("the parts by %(dim)s given so far (%(parts)s) already add up to "
                                "%(sum)s, more than the total %(total)s.")
                found.append(Violation(
                    ERROR, "sum", what,
                    message % {"dim": dim, "parts": shown, "sum": _format(total),
                               "total": _format(row.value or 0)},
                    _("correct the total or the parts so that the parts add up to the total; "
                      "clear the total to let the platform compute it."),
                    cell={"key": key}))
    return found


def outliers(values: Iterable[DataValue]) -> list[Violation]:
    """Flag actual values far from their own history: the same indicator, place and
    disaggregation in other periods of the same type (robust z-score on median and MAD)."""
    values = [v for v in values if v.kind == ValueKind.ACTUAL and v.value is not None]
    if not values:
        return []
    indicator_ids = {v.indicator_id for v in values}
    history: dict[tuple, list[tuple[int, float]]] = defaultdict(list)
    for indicator_id, place_id, disaggregation_id, period_id, period_type, number in (
            DataValue.objects.filter(indicator_id__in=indicator_ids, kind=ValueKind.ACTUAL,
                                     value__isnull=False)
            .values_list("indicator_id", "place_id", "disaggregation_id", "period_id",
                         "period__type", "value")):
        history[(indicator_id, place_id, disaggregation_id, period_type)].append(
            (period_id, number))
    found = []
    for v in values:
        others = [n for pid, n in history[(v.indicator_id, v.place_id, v.disaggregation_id,
                                          v.period.type)] if pid != v.period_id]
        if len(others) < OUTLIER_MIN_HISTORY:
            continue
        median = statistics.median(others)
        mad = statistics.median(abs(n - median) for n in others) * 1.4826
        assert v.value is not None
        far = (abs(v.value - median) / mad > OUTLIER_SCORE if mad
               else abs(v.value - median) > max(1.0, 0.5 * abs(median)))
        if far:
            what = describe(v.indicator, v.period, v.place, parse_key(v.disaggregation.key),
                            v.kind)
            found.append(Violation(
                WARNING, "outlier", what,
                _("%(value)s is far from this value's usual level (median %(median)s over %(n)s "
                  "other periods).") % {"value": _format(v.value), "median": _format(median),
                                        "n": len(others)},
                _("check the figure; if it is right, say why in the comment."),
                cell={"key": v.disaggregation.key}))
    return found
