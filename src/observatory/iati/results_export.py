"""A programme's results framework as IATI ``result`` elements: indicators with their
reference, baseline and periods, targets (all) and actuals (approved only), each with its
dimensions and location."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q
from django.utils.translation import gettext as _
from lxml import etree

from observatory.registry.models import Programme
from observatory.results.codelists import IndicatorMeasure
from observatory.results.disaggregations import parse_key
from observatory.results.models import (
    DataValue,
    Dimension,
    Indicator,
    ValueKind,
    ValueStatus,
)

from .xmlutil import UNIT, bool_text, clean, number_text, sub, with_narrative

TAGS = {ValueKind.TARGET: "target", ValueKind.ACTUAL: "actual"}


def exported_values(programme: Programme) -> list[DataValue]:
    """Every target, and the approved actuals: what the programme's funders signed off."""
    return list(
        DataValue.objects.filter(indicator__result__programme=programme)
        .filter(Q(kind=ValueKind.TARGET) | Q(kind=ValueKind.ACTUAL, status=ValueStatus.APPROVED))
        .select_related("period", "place__parent__parent__parent", "disaggregation"))


def aggregable(indicator: Indicator) -> bool:
    """Counts linked to a reference indicator add up across programmes."""
    return indicator.reference_id is not None and indicator.measure == IndicatorMeasure.UNIT


def dimension_names() -> dict[str, tuple[int, str]]:
    """Dimension code -> (order, name written in IATI)."""
    return {d.code: (d.order, d.iati_name or d.code) for d in Dimension.objects.all()}


def add_results(activity: etree._Element, programme: Programme, values: list[DataValue],
                refs: dict[int, str], notes: list[str]) -> None:
    by_indicator: dict[int, list[DataValue]] = defaultdict(list)
    for value in values:
        by_indicator[value.indicator_id].append(value)
    names = dimension_names()
    results = programme.results.prefetch_related("indicators__reference")
    for result in results:
        indicators = list(result.indicators.all())
        if not indicators:
            notes.append(_("Result “%(title)s” has no indicator and is left out (IATI needs "
                           "one).") % {"title": result.title})
            continue
        element = sub(activity, "result", type=result.type,
                      aggregation_status=bool_text(all(aggregable(i) for i in indicators)))
        with_narrative(element, "title", result.title)
        if clean(result.description):
            with_narrative(element, "description", result.description)
        for indicator in indicators:
            _indicator(element, indicator, by_indicator[indicator.pk], refs, names, notes)


def _indicator(parent: etree._Element, indicator: Indicator, values: list[DataValue],
               refs: dict[int, str], names: dict[str, tuple[int, str]],
               notes: list[str]) -> None:
    element = sub(parent, "indicator", measure=indicator.measure,
                  ascending=bool_text(indicator.ascending),
                  aggregation_status=bool_text(aggregable(indicator)))
    if indicator.unit:
        element.set(UNIT, clean(indicator.unit))
    with_narrative(element, "title", indicator.title)
    if clean(indicator.description):
        with_narrative(element, "description", indicator.description)
    reference = indicator.reference
    if reference is not None and reference.vocabulary:
        sub(element, "reference", vocabulary=reference.vocabulary, code=reference.code)
    _baseline(element, indicator, notes)
    by_period: dict[int, list[DataValue]] = defaultdict(list)
    for value in values:
        by_period[value.period_id].append(value)
    for rows in sorted(by_period.values(), key=lambda r: (r[0].period.start, r[0].period.end)):
        period = sub(element, "period")
        sub(period, "period-start", iso_date=rows[0].period.start.isoformat())
        sub(period, "period-end", iso_date=rows[0].period.end.isoformat())
        for kind in (ValueKind.TARGET, ValueKind.ACTUAL):
            chosen = sorted((v for v in rows if v.kind == kind),
                            key=lambda v: (refs.get(v.place_id, ""), v.disaggregation.key))
            for value in chosen:
                _value(period, TAGS[kind], indicator, value, refs, names, notes)


def _baseline(parent: etree._Element, indicator: Indicator, notes: list[str]) -> None:
    if indicator.baseline_year is None:
        return
    if indicator.is_qualitative:
        baseline = sub(parent, "baseline", year=str(indicator.baseline_year))
    elif indicator.baseline_value is None:
        notes.append(_("The baseline of “%(indicator)s” has a year but no value and is left out "
                       "(IATI rule 8.8.1).") % {"indicator": indicator.title})
        return
    else:
        baseline = sub(parent, "baseline", year=str(indicator.baseline_year),
                       value=number_text(indicator.baseline_value))
    if clean(indicator.baseline_comment):
        with_narrative(baseline, "comment", indicator.baseline_comment)


def _value(parent: etree._Element, tag: str, indicator: Indicator, value: DataValue,
           refs: dict[int, str], names: dict[str, tuple[int, str]], notes: list[str]) -> None:
    """A target or actual: a number, except for qualitative indicators, whose text goes in
    the comment (IATI rules 8.9.x, 8.10.x)."""
    qualitative = indicator.is_qualitative
    if not qualitative and value.value is None:
        notes.append(_("A %(kind)s of “%(indicator)s” without a number is left out.")
                     % {"kind": tag, "indicator": indicator.title})
        return
    element = sub(parent, tag, value=None if qualitative else number_text(value.value or 0))
    if value.place_id in refs:
        sub(element, "location", ref=refs[value.place_id])
    combination = parse_key(value.disaggregation.key)
    for dimension in sorted(combination, key=lambda d: (names.get(d, (0, d))[0], d)):
        sub(element, "dimension", name=names.get(dimension, (0, dimension))[1],
            value=combination[dimension])
    text = value.narrative if qualitative else value.comment
    if clean(text):
        with_narrative(element, "comment", text)

