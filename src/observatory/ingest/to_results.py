"""Accepted indicator suggestions of an applied fiche become draft values of the results
capability (issue 4, workflow).

Each accepted suggestion ("78 migrants enrolled in different vocational training programs,
including 58 women") becomes a draft actual value of an indicator titled by its unit phrase,
under the programme's result "Results stated in the report", for the year of the document (or
of the ingestion when the document's date is unknown), at the programme's country. The
reviewer then submits it through the results workflow like any value they typed.

A suggestion that cannot be stored (no single country, a period outside the programme's dates,
a value the rules refuse, a reviewer who may not enter results) is skipped and the reason
recorded in the fiche's decisions, "results_skipped"; nothing here ever stops a fiche from
being applied.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from observatory.registry.models import Place, Programme
from observatory.results import services as results
from observatory.results.codelists import IndicatorMeasure, ResultType
from observatory.results.models import Dimension, Indicator, Period, PeriodType, Result, ValueKind
from observatory.results.services import ValuesRefused, can_enter
from observatory.results.validation import ValueInput

from .models import DraftFiche, ExtractedField, ReviewDecision

logger = logging.getLogger(__name__)

RESULT_TITLE = gettext_noop("Results stated in the report")
STORED, SKIPPED = "results_draft", "results_skipped"  # ReviewDecision actions
SEX = "sex"


class Skip(Exception):
    """A suggestion that does not become a value, and why."""


def draft_values(fiche: DraftFiche, programme: Programme, fields: Iterable[ExtractedField],
                 user: Any) -> None:
    """Turn the fiche's accepted indicator suggestions into draft values; never raises."""
    suggestions = [f for f in fields if f.name == "indicators"]
    if not suggestions:
        return
    try:
        with transaction.atomic():
            _draft_all(fiche, programme, suggestions, user)
    except Exception:
        logger.exception("Suggested values of fiche %s were not stored", fiche.pk)


def _draft_all(fiche: DraftFiche, programme: Programme, suggestions: list[ExtractedField],
               user: Any) -> None:
    reason = ""
    if not can_enter(user, programme):
        reason = _("You may not enter results for %(key)s; enter the values there once you "
                   "may.") % {"key": programme.key}
    place = _country(programme)
    if not reason and place is None:
        reason = _("The programme has no single country to record the values against; enter "
                   "them in its results.")
    period = _period(fiche)
    for found in suggestions:
        if reason:
            _note(fiche, found, user, SKIPPED, {"reason": reason})
            continue
        assert place is not None
        try:
            with transaction.atomic():
                stored = _draft_one(fiche, programme, found, period, place, user)
        except Skip as skip:
            _note(fiche, found, user, SKIPPED, {"reason": str(skip)})
            continue
        except Exception:
            logger.exception("Suggestion %s of fiche %s was not stored", found.pk, fiche.pk)
            _note(fiche, found, user, SKIPPED,
                  {"reason": _("The value could not be stored; enter it in the results.")})
            continue
        _note(fiche, found, user, STORED, stored)


def _draft_one(fiche: DraftFiche, programme: Programme, found: ExtractedField, period: Period,
               place: Place, user: Any) -> dict[str, Any]:
    suggestion = found.final_value if isinstance(found.final_value, dict) else {}
    number, unit = suggestion.get("value"), str(suggestion.get("unit") or "").strip()
    women, youth = suggestion.get("women"), suggestion.get("youth")
    if not isinstance(number, int | float) or not unit:
        raise Skip(_("The suggestion has no number or no unit."))
    start, end = programme.start_date, programme.end_date
    if start is not None and (period.start < start or (end is not None and period.end > end)):
        raise Skip(_("The year %(year)s lies outside the programme's dates (%(span)s).")
                   % {"year": period.label,
                      "span": f"{programme.start_label} – {programme.end_label or '…'}"})
    indicator = _indicator(programme, unit, women is not None)
    source = _source(fiche, found)
    comment = _("Suggested by report ingestion and accepted in review.")
    if youth is not None:
        comment += " " + _("The report also gives %(youth)s young people.") % {"youth": youth}
    items = [ValueInput(indicator, period, place, {}, ValueKind.ACTUAL, float(number),
                        comment=comment, source=source)]
    if isinstance(women, int | float):
        items.append(ValueInput(indicator, period, place, {SEX: "female"}, ValueKind.ACTUAL,
                                float(women), comment=comment, source=source))
    try:
        results.save_values(items, user)
    except ValuesRefused as refused:
        raise Skip(" ".join(str(v) for v in refused.violations)) from refused
    return {"indicator": indicator.pk, "period": period.label, "place": place.pk,
            "values": len(items)}


def _country(programme: Programme) -> Place | None:
    countries = {entry.place.country for entry in
                 programme.programme_places.select_related("place__parent__parent__parent")}
    countries.discard(None)
    return countries.pop() if len(countries) == 1 else None


def _period(fiche: DraftFiche) -> Period:
    """The document's year when its date is known, else the year of the ingestion."""
    document = fiche.run.document
    source = document.source if document is not None else None
    if source is not None and source.published_on is not None:
        year = source.published_on.year
    else:
        year = fiche.run.started_at.year
    return results.period_for(dt.date(year, 1, 1), PeriodType.YEAR)


def _result(programme: Programme) -> Result:
    titles = {RESULT_TITLE, _(RESULT_TITLE)}
    found = programme.results.filter(title__in=titles).first()
    return found or results.add_result(programme, _(RESULT_TITLE), type=ResultType.OUTPUT)


def _indicator(programme: Programme, unit: str, by_sex: bool) -> Indicator:
    title = unit[:400]
    indicator = Indicator.objects.filter(result__programme=programme, title__iexact=title).first()
    if indicator is None:
        percentage = title.startswith("%")
        indicator = results.add_indicator(
            _result(programme), title, dimensions=[SEX] if by_sex else [],
            measure=IndicatorMeasure.PERCENTAGE if percentage else IndicatorMeasure.UNIT,
            unit="%" if percentage else "")
    elif by_sex and not indicator.dimensions.filter(code=SEX).exists():
        indicator.dimensions.add(*Dimension.objects.filter(code=SEX))
    return indicator


def _source(fiche: DraftFiche, found: ExtractedField) -> str:
    document = fiche.run.document
    name = ""
    if document is not None:
        name = document.source.title if document.source is not None else document.filename
    where = _("characters %(start)s–%(end)s") % {"start": found.span_start,
                                                   "end": found.span_end}
    if found.page:
        where += ", " + _("page %(page)s") % {"page": found.page}
    return f"{name[:300 - len(where) - 2]}, {where}" if name else where


def _note(fiche: DraftFiche, found: ExtractedField, user: Any, action: str,
          after: dict[str, Any]) -> None:
    logger.info("Fiche %s, suggestion %s: %s %s", fiche.pk, found.pk, action, after)
    ReviewDecision.objects.create(fiche=fiche, field=found, action=action,
                                  before=found.final_value, after=after, user=user)
