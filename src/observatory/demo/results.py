"""Results frameworks of the demo programmes, loaded through the results services.

Two kinds of values, told apart by their source:

* figures the fiches of the 2020 report state (``Fact``): source "PN-CFM session 1 report
  (2020), <key> fiche"; ``written`` is the figure as the report writes it, so a test can find
  it in the text. Counts the report gives as "over 750" are stored as 750 and the comment says
  so. Unless the fiche names a year, a figure belongs to 2020, the year of the report; figures
  are cumulative since the programme started, which is how the fiches report them.
* synthetic history (``Synthetic``), invented so that charts have earlier periods: source
  "Synthetic demo data — not from any report".

Values are entered by the demo editor (for Enabel's programme) or administrator, submitted and
approved, so that they count in totals, except the periods in ``LEFT_OPEN``, which show the
workflow half way. Reloading deletes the demo results and builds them again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet

from observatory.accounts.roles import is_administrator
from observatory.registry.models import Place, Programme
from observatory.results import services
from observatory.results.models import (
    DataValue,
    Indicator,
    Period,
    PeriodType,
    ReferenceIndicator,
    Result,
    ReviewEvent,
    ValueKind,
    ValueStatus,
)
from observatory.results.services import ValuesRefused
from observatory.results.validation import ValueInput

from . import data

logger = logging.getLogger(__name__)

REPORT_SOURCE = "PN-CFM session 1 report (2020), {key} fiche"
SYNTHETIC_SOURCE = "Synthetic demo data — not from any report"
SYNTHETIC_COMMENT = "Invented for the demo so that charts have history."
PROGRAMME_SPAN = "programme"  # a period from the programme's first to its last day
REPORT_YEAR = "2020"
ADMIN, EDITOR = "admin", "editor"  # usernames of the demo accounts (load.DEMO_ACCOUNTS)
ACTUAL, TARGET = ValueKind.ACTUAL, ValueKind.TARGET
UNIT, PERCENTAGE, QUALITATIVE = "1", "2", "5"  # IATI IndicatorMeasure
OUTPUT, OUTCOME = "1", "2"  # IATI ResultType
CUMULATIVE = "Cumulative since the programme started."


@dataclass(frozen=True)
class Fact:
    """A figure a fiche states. ``written`` is how the report writes it (``""`` for a
    narrative, which is our summary)."""

    written: str
    value: float | None = None
    kind: int = ACTUAL
    women: float | None = None
    women_written: str = ""
    place: str = ""  # ISO code or data.LOCAL_PLACES handle; "" = the programme's place
    period: str = REPORT_YEAR  # a year, or PROGRAMME_SPAN
    comment: str = ""
    narrative: str = ""


@dataclass(frozen=True)
class Synthetic:
    """Invented values for one period."""

    period: str
    actual: float | None = None
    target: float | None = None
    women: float | None = None
    place: str = ""


@dataclass(frozen=True)
class IndicatorSpec:
    title: str
    unit: str = ""
    reference: tuple[str, str] | None = None  # (framework, code) of a ReferenceIndicator
    measure: str = UNIT
    description: str = ""
    dimensions: tuple[str, ...] = ()
    baseline: float | None = None
    baseline_year: int | None = None
    baseline_comment: str = ""
    baseline_written: str = ""
    facts: tuple[Fact, ...] = ()
    synthetic: tuple[Synthetic, ...] = ()


@dataclass(frozen=True)
class ResultSpec:
    title: str
    type: str = OUTPUT
    description: str = ""
    indicators: tuple[IndicatorSpec, ...] = ()


@dataclass(frozen=True)
class ProgrammeResults:
    key: str
    place: str  # where the programme's figures are recorded unless a fact says otherwise
    results: tuple[ResultSpec, ...]
    entered_by: str = ADMIN  # the demo account that enters and submits the values


# -- the frameworks -------------------------------------------------------------------------

PROGEM = ProgrammeResults("ProGEM", "NE", (
    ResultSpec(
        "Municipalities manage the effects of migration on their development",
        description="Local authorities of Agadez, Tahoua and Zinder analyse migration in their "
                    "observatories and act on it.",
        indicators=(
            IndicatorSpec(
                "Municipal agents, elected officials and civil-society actors trained on "
                "migration", unit="people", reference=("EUTF", "2.8"),
                description="Trained again and again on migration and local development. "
                            + CUMULATIVE,
                baseline=0, baseline_year=2016,
                facts=(Fact("Over 750 municipal agents", 750,
                            comment="The fiche says more than 750; recorded as 750."),),
                synthetic=(Synthetic("2016", 120, 100), Synthetic("2017", 310, 300),
                           Synthetic("2018", 480, 500), Synthetic("2019", 640, 650),
                           Synthetic("2020", target=800))),
            IndicatorSpec(
                "Partner municipalities running a migration observatory", unit="municipalities",
                reference=("EUTF", "5.1"),
                description="Local working groups of mayors, councillors, municipal agents, "
                            "civil society and migrants that analyse migration and advise the "
                            "council.",
                facts=(Fact("18 municipalities", 18,
                            comment="Every one of the 18 partner municipalities set one up."),)),
            IndicatorSpec(
                "Municipalities that adapted waste management to migration-driven growth",
                unit="municipalities",
                facts=(Fact("Two municipalities", 2, place="NE-1",
                            comment="Agadez and Arlit, both in Agadez region."),)),
        )),
    ResultSpec(
        "Migrants and hosts have better access to basic services and economic opportunities",
        indicators=(
            IndicatorSpec(
                "Infrastructure projects built", unit="projects",
                description="Health, drinking water, education, vocational training and "
                            "economic infrastructure. " + CUMULATIVE,
                facts=(Fact("87 infrastructure projects", 87),)),
            IndicatorSpec(
                "People with improved access to basic services and economic opportunities",
                unit="people", reference=("EUTF", "2.9"),
                description="Migrants and host communities together. " + CUMULATIVE,
                baseline=0, baseline_year=2016,
                facts=(Fact("Over 300.000 people", 300_000,
                            comment="The fiche says more than 300,000, migrants and hosts "
                                    "together; recorded as 300,000."),),
                synthetic=(Synthetic("2017", 40_000), Synthetic("2018", 135_000),
                           Synthetic("2019", 240_000))),
            IndicatorSpec(
                "Temporary jobs on the construction sites", unit="jobs",
                reference=("EUTF", "1.1"),
                facts=(Fact("about 4.000 temporary jobs", 4_000,
                            comment="An approximate figure in the fiche."),)),
            IndicatorSpec(
                "Micro, small and medium enterprises supported", unit="enterprises",
                reference=("EUTF", "1.2"),
                facts=(Fact("Over 60 micro", 60,
                            comment="The fiche says more than 60; recorded as 60."),)),
            IndicatorSpec(
                "People taking part in awareness campaigns and dialogue on social cohesion",
                unit="people", reference=("EUTF", "2.7"),
                facts=(Fact("Over 70.000 people", 70_000,
                            comment="Hosts and migrants; the fiche says more than 70,000."),)),
            IndicatorSpec(
                "Hospitals and health facilities given protective equipment (COVID-19)",
                unit="facilities",
                facts=(Fact("over 25 hospitals", 25,
                            comment="Part of the response to the pandemic in 2020."),)),
        )),
))

AMUDDU = ProgrammeResults("AMUDDU", "MA", (
    ResultSpec(
        "Migrants reach vocational training, employment support and the labour market",
        description="In Rabat and Casablanca, through the public employment service and its "
                    "community agents.",
        indicators=(
            IndicatorSpec(
                "Community agents with a migrant background placed in public employment "
                "offices", unit="agents",
                facts=(Fact("4 community agents", 4,
                            comment="From Guinea, Cameroon and Côte d'Ivoire."),)),
            IndicatorSpec(
                "Migrants informed about vocational training", unit="people",
                facts=(Fact("145 migrants", 145),)),
            IndicatorSpec(
                "Migrants enrolled in vocational training", unit="people",
                reference=("EUTF", "1.4"), dimensions=("sex",),
                description=CUMULATIVE, baseline=0, baseline_year=2018,
                facts=(Fact("78 of them", 78, women=58, women_written="including 58 women",
                            comment="Among the migrants informed about training; most of "
                                    "them women."),),
                synthetic=(Synthetic("2018", 14, 20, women=9),
                           Synthetic("2019", 46, 50, women=33),
                           Synthetic("2020", target=80),
                           Synthetic("2021", 112, 120, women=80))),
            IndicatorSpec(
                "Migrants who had a first employment or self-employment support session",
                unit="people",
                facts=(Fact("303 migrants", 303,
                            comment="Services of ANAPEC, the public employment service."),)),
            IndicatorSpec(
                "Cooperatives created by migrants", unit="cooperatives",
                reference=("EUTF", "1.2"),
                facts=(Fact("6 cooperatives", 6,
                            comment="With the help of the community agents and national "
                                    "partners."),)),
        )),
    ResultSpec(
        "Institutions work together on migrants' economic integration", type=OUTCOME,
        indicators=(
            IndicatorSpec(
                "Monitoring of the national strategy on immigration and asylum (SNIA)",
                measure=QUALITATIVE,
                facts=(Fact("", narrative="Monitoring of the training and employment part of "
                                          "the strategy improved: better data, and reports "
                                          "on results rather than on activities."),)),
        )),
), entered_by=EDITOR)

V4CP = ProgrammeResults("V4CP", "BF", (
    ResultSpec(
        "Civil-society organisations advocate for pastoralists with evidence",
        indicators=(
            IndicatorSpec(
                "Civil-society organisations supported in advocacy", unit="organisations",
                facts=(Fact("9 CSOs", 9,
                            comment="Burkina Faso, three themes: food and nutrition security, "
                                    "renewable energy and pastoral resilience."),)),
            IndicatorSpec(
                "Members of the alliance of pastoral civil-society organisations",
                unit="organisations",
                facts=(Fact("(16 members)", 16),)),
        )),
    ResultSpec(
        "Policies take the needs of pastoralists into account", type=OUTCOME,
        indicators=(
            IndicatorSpec(
                "Policy changes obtained through advocacy", measure=QUALITATIVE,
                facts=(Fact("", narrative="The review of the pastoralism guidance law has "
                                          "started; a decree of the Prime Minister provides "
                                          "for public purchase of milk for school canteens; "
                                          "APESS and SNV sit on the technical bodies of the "
                                          "pastoral information system; chairs of regional "
                                          "councils plan annual pastoral investments."),)),
            IndicatorSpec(
                "Share of the national budget allocated to pastoralism", unit="%",
                measure=PERCENTAGE,
                description="What the organisations ask of the Ministry of Finance, given "
                            "pastoralism's share of GDP.",
                baseline=1.5, baseline_comment="Share before the advocacy, as the fiche "
                                               "states it.",
                baseline_written="(1.5 to 3%)",
                facts=(Fact("(1.5 to 3%)", 3, kind=TARGET,
                            comment="The budget share the advocacy aims at."),)),
        )),
))

R2PM = ProgrammeResults("R2PM", "MA", (
    ResultSpec(
        "A regional migration fund finances local projects",
        description="In Souss-Massa and L'Oriental.",
        indicators=(
            IndicatorSpec(
                "Regional projects financed by the regional migration fund", unit="projects",
                description="Education, health, agriculture and culture projects with a social "
                            "or solidarity purpose.",
                facts=(Fact("nearly 100 regional projects", 100, kind=TARGET,
                            period=PROGRAMME_SPAN,
                            comment="What the fund is to finance over the programme, about "
                                    "100 projects."),),
                synthetic=(Synthetic(PROGRAMME_SPAN, actual=14),)),
        )),
    ResultSpec(
        "Local authorities serve migrants better",
        indicators=(
            IndicatorSpec(
                "Provinces and municipalities whose staff are trained and equipped",
                unit="local authorities", reference=("EUTF", "3.6"),
                facts=(Fact("A total of 30 communities", 30, kind=TARGET,
                            period=PROGRAMME_SPAN,
                            comment="Equipment and training of municipal agents planned over "
                                    "the programme."),)),
        )),
))

EUROSOCIAL = ProgrammeResults("EUROsociAL+", "latin-america", (
    ResultSpec(
        "Public institutions of Europe and Latin America learn from each other",
        indicators=(
            IndicatorSpec(
                "Actions concluded", unit="actions",
                facts=(Fact("49 actions concluded", 49,
                            comment="With countries of both continents."),)),
            IndicatorSpec(
                "Countries sharing their knowledge with peers", unit="countries",
                description="By the region the countries belong to.",
                facts=(Fact("14 European countries", 14, place="european-union"),
                       Fact("14 Latin American countries", 14,
                            comment="They supported their neighbours."))),
            IndicatorSpec(
                "Public institutions taking part in peer learning", unit="institutions",
                description="By the region the institutions belong to.",
                facts=(Fact("54 European", 54, place="european-union"),
                       Fact("52 Latin American", 52))),
            IndicatorSpec(
                "International and regional networks collaborating with the programme",
                unit="networks",
                facts=(Fact("more than 15 international/regional networks", 15,
                            comment="The fiche says more than 15; recorded as 15."),)),
            IndicatorSpec(
                "Activities reprogrammed with digital tools (COVID-19)", unit="%",
                measure=PERCENTAGE,
                facts=(Fact("70% of the activities", 70,
                            comment="Work moved online during the pandemic."),)),
        )),
))

PROGRAMMES: tuple[ProgrammeResults, ...] = (PROGEM, AMUDDU, V4CP, R2PM, EUROSOCIAL)

# Periods whose actual values stay part way through the workflow, to show it in the demo;
# every other period with actual values is submitted and approved.
LEFT_OPEN: dict[tuple[str, str], int] = {
    ("AMUDDU", "2021"): ValueStatus.SUBMITTED,
    ("R2PM", PROGRAMME_SPAN): ValueStatus.DRAFT,
}


# -- loading --------------------------------------------------------------------------------

@transaction.atomic
def load_demo_results() -> dict[str, int]:
    """Build (or rebuild) the demo programmes' results; values need the demo accounts, and
    are left out when those do not exist (``demo --no-accounts`` on an empty database)."""
    users = _demo_users()
    skipped = 0
    for spec in PROGRAMMES:
        programme = Programme.objects.filter(key=spec.key).first()
        if programme is None:
            continue
        try:
            with transaction.atomic():
                _load_programme(spec, programme, users)
        except (ValuesRefused, PermissionDenied, LookupError) as error:
            # e.g. a programme of the same key that is not the demo's, with other dates
            logger.warning("Demo results of %s not loaded: %s", spec.key, error)
            skipped += 1
    values = DataValue.objects.filter(indicator__result__in=_demo_results(), derived=False)
    return {
        "results": _demo_results().count(),
        "indicators": sum(r.indicators.count() for r in _demo_results()),
        "result_values": values.count(),
        "approved_values": values.filter(status=ValueStatus.APPROVED).count(),
        "results_skipped": skipped,
    }


def _demo_results() -> QuerySet[Result]:
    keys = [spec.key for spec in PROGRAMMES]
    titles = {result.title for spec in PROGRAMMES for result in spec.results}
    return Result.objects.filter(programme__key__in=keys, title__in=titles)


def _demo_users() -> dict[str, Any]:
    """The demo administrator and editor, when they exist (the editor falls back to the
    administrator)."""
    found = {u.username: u for u in get_user_model().objects.filter(username__in=[ADMIN, EDITOR])}
    admin = found.get(ADMIN)
    if admin is None or not is_administrator(admin):
        return {}
    return {ADMIN: admin, EDITOR: found.get(EDITOR, admin)}


def _load_programme(spec: ProgrammeResults, programme: Programme,
                    users: dict[str, Any]) -> None:
    periods: dict[str, Period] = {}

    def period(ref: str) -> Period:
        if ref not in periods:
            periods[ref] = _period(programme, ref)
        return periods[ref]

    refs = {f.period for r in spec.results for i in r.indicators for f in i.facts} | {
        s.period for r in spec.results for i in r.indicators for s in i.synthetic}
    ReviewEvent.objects.filter(programme=programme,
                               period__in=[period(ref) for ref in refs]).delete()
    _demo_results().filter(programme=programme).delete()

    items: list[ValueInput] = []
    for order, result_spec in enumerate(spec.results):
        result = services.add_result(programme, result_spec.title, type=result_spec.type,
                                     description=result_spec.description, order=order)
        for indicator_spec in result_spec.indicators:
            indicator = _add_indicator(result, indicator_spec)
            items.extend(_inputs(spec, indicator, indicator_spec, period))
    if not users:
        return
    enterer = users[spec.entered_by]
    if not services.can_enter(enterer, programme):
        enterer = users[ADMIN]
    services.save_values(items, enterer)
    with_actuals = {ref: period(ref) for ref in refs if any(
        item.period == period(ref) and item.kind == ACTUAL for item in items)}
    for ref, each in sorted(with_actuals.items(), key=lambda pair: pair[1].start):
        status = LEFT_OPEN.get((spec.key, ref), ValueStatus.APPROVED)
        if status in (ValueStatus.SUBMITTED, ValueStatus.APPROVED):
            services.submit_period(programme, each, enterer)
        if status == ValueStatus.APPROVED:
            services.approve_period(programme, each, users[ADMIN],
                                    comment="Demo: approved when the demo was loaded.")


def _period(programme: Programme, ref: str) -> Period:
    if ref == PROGRAMME_SPAN:
        if programme.start_date is None or programme.end_date is None:
            raise LookupError(f"{programme.key} has no dates for a programme-long period.")
        return services.get_period(programme.start_date, programme.end_date, PeriodType.OTHER)
    return services.period_for(dt.date(int(ref), 1, 1), PeriodType.YEAR)


def _add_indicator(result: Result, spec: IndicatorSpec) -> Indicator:
    reference = None
    if spec.reference is not None:
        framework, code = spec.reference
        reference = ReferenceIndicator.objects.filter(framework=framework, code=code).first()
        if reference is None:
            raise LookupError(f"Unknown reference indicator {framework} {code}.")
    return services.add_indicator(
        result, spec.title, dimensions=spec.dimensions, reference=reference,
        measure=spec.measure, unit=spec.unit, description=spec.description,
        baseline_value=spec.baseline, baseline_year=spec.baseline_year,
        baseline_comment=spec.baseline_comment)


def _place(handle: str) -> Place:
    local = data.LOCAL_PLACES.get(handle)
    if local is not None:
        return Place.objects.get(name=local.name, level=local.level,
                                 **({"parent__code": local.parent} if local.parent else {}))
    return Place.objects.get(code=handle)


def _inputs(spec: ProgrammeResults, indicator: Indicator, indicator_spec: IndicatorSpec,
            period: Callable[[str], Period]) -> Iterable[ValueInput]:
    report = REPORT_SOURCE.format(key=spec.key)
    for fact in indicator_spec.facts:
        where, when = _place(fact.place or spec.place), period(fact.period)
        yield ValueInput(indicator, when, where, {}, fact.kind, fact.value, fact.narrative,
                         fact.comment, report)
        if fact.women is not None:
            yield ValueInput(indicator, when, where, {"sex": "female"}, fact.kind, fact.women,
                             comment=fact.comment, source=report)
    for invented in indicator_spec.synthetic:
        where, when = _place(invented.place or spec.place), period(invented.period)
        for kind, number in ((TARGET, invented.target), (ACTUAL, invented.actual)):
            if number is not None:
                yield ValueInput(indicator, when, where, {}, kind, number,
                                 comment=SYNTHETIC_COMMENT, source=SYNTHETIC_SOURCE)
        if invented.women is not None:
            yield ValueInput(indicator, when, where, {"sex": "female"}, ACTUAL, invented.women,
                             comment=SYNTHETIC_COMMENT, source=SYNTHETIC_SOURCE)
