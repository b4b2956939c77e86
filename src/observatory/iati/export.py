"""Programmes as an IATI 2.03 ``iati-activities`` file.

One ``iati-activity`` per programme, reported by its implementing agency: the identifier is
the agency's IATI organisation identifier, a hyphen and the programme key. Elements are written
in the order of the schema's sequence. A programme that cannot make a valid activity (no
agency, an agency without an IATI identifier, no start date) is skipped with the reason, and
the reasons end the file as XML comments. docs/iati.md lists every mapping.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from observatory.registry.codelists import ActivityStatus, OrganisationRole
from observatory.registry.models import (
    Organisation,
    PlaceLevel,
    Programme,
    add_months,
)

from . import geography
from .results_export import add_results, exported_values
from .xmlutil import (
    FIELD,
    NSMAP,
    VERSION,
    XML_LANG,
    amount_text,
    clean,
    decimal_text,
    sub,
    with_narrative,
)

FORBIDDEN_IN_IDENTIFIERS = set("/&|?")
WEB_PAGE = "A12"  # IATI DocumentCategory: Activity web page
INCOMING_COMMITMENT = "11"  # IATI TransactionType
ORIGINAL, INDICATIVE = "1", "1"  # IATI BudgetType, BudgetStatus
ONE_DAY = dt.timedelta(days=1)


@dataclass
class Skipped:
    key: str
    reason: str


@dataclass
class ExportReport:
    exported: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (programme key, note)

    def lines(self) -> list[str]:
        lines = [_("%(count)d activities exported, %(skipped)d programmes skipped.")
                 % {"count": len(self.exported), "skipped": len(self.skipped)}]
        lines += [f"  {_('skipped')} {s.key}: {s.reason}" for s in self.skipped]
        lines += [f"  {key}: {note}" for key, note in self.notes]
        return lines


def for_export(programmes: QuerySet[Programme]) -> QuerySet[Programme]:
    return (programmes.select_related("implementing_agency")
            .prefetch_related("fundings__organisation", "participations__organisation",
                              "programme_places__place__parent__parent__parent", "links",
                              "target_groups", "iati_sectors")
            .order_by("key"))


def identifier(programme: Programme) -> str:
    agency = programme.implementing_agency
    ref = agency.iati_ref.strip() if agency is not None else ""
    return f"{ref}-{programme.key}"


def skip_reason(programme: Programme) -> str | None:
    agency = programme.implementing_agency
    if agency is None:
        return _("no implementing agency: the agency is the organisation that reports to IATI.")
    ref = agency.iati_ref
    if not ref.strip():
        return _("the implementing agency %(agency)s has no IATI organisation identifier.") \
            % {"agency": agency.short_name}
    if ref != ref.strip() or FORBIDDEN_IN_IDENTIFIERS & set(ref):
        return _("the IATI organisation identifier of %(agency)s has spaces around it or one "
                 "of / & | ?.") % {"agency": agency.short_name}
    if FORBIDDEN_IN_IDENTIFIERS & set(programme.key) or programme.key != programme.key.strip():
        return _("the key contains / & | ? or spaces around it, which an IATI identifier "
                 "cannot.")
    if programme.start_date is None:
        return _("no start date: IATI requires a planned or actual start date (rule 6.11.1).")
    return None


# --- the activity, element by element in schema order --------------------------------------

def build_activity(programme: Programme, today: dt.date | None = None
                   ) -> tuple[etree._Element, list[str]]:
    """The ``iati-activity`` of one exportable programme (see ``skip_reason``) and notes on
    what was completed or left out."""
    today = today or timezone.localdate()
    notes: list[str] = []
    entries = list(programme.programme_places.all())
    found, place_notes = geography.recipients(entries)
    notes += place_notes
    values = exported_values(programme)
    default = geography.default_place(found)
    located = {e.place.pk: e.place for e in entries if e.place.level >= PlaceLevel.REGION}
    located.update({v.place.pk: v.place for v in values if v.place != default})
    locations = sorted(located.values(), key=geography.location_order)

    activity = etree.Element("iati-activity", nsmap=NSMAP)
    activity.set("last-updated-datetime", _datetime(programme.updated_at))
    activity.set(XML_LANG, settings.LANGUAGE_CODE[:2])
    agency = programme.implementing_agency
    assert agency is not None
    sub(activity, "iati-identifier").text = identifier(programme)
    with_narrative(activity, "reporting-org", agency.name, ref=agency.iati_ref,
                   type=agency.org_type)
    with_narrative(activity, "title", programme.title)
    _descriptions(activity, programme)
    for organisation, role in participants(programme):
        with_narrative(activity, "participating-org", organisation.name,
                       ref=organisation.iati_ref.strip() or None, type=organisation.org_type,
                       role=role)
    sub(activity, "activity-status", code=programme.status)
    _dates(activity, programme, today)
    for recipient in found:
        if recipient.kind == "country":
            sub(activity, "recipient-country", code=recipient.code,
                percentage=decimal_text(recipient.percentage))
        else:
            sub(activity, "recipient-region", code=recipient.code, vocabulary="1",
                percentage=decimal_text(recipient.percentage))
    for place in locations:
        _location(activity, place)
    _sectors(activity, programme, notes)
    _budgets(activity, programme, notes)
    _commitments(activity, programme, today)
    for link in programme.links.all():
        _document_link(activity, link.url, link.label)
    refs = {place.pk: geography.location_ref(place) for place in locations}
    add_results(activity, programme, values, refs, notes)
    return activity, notes


def _datetime(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def _descriptions(activity: etree._Element, programme: Programme) -> None:
    """General (main features, or the objectives when there are none), objectives, target
    groups, and "other" for the expected results and the migration-development nexus. IATI
    wants at least one description: the title stands in when the fiche has no text at all."""
    general = "main_features" if clean(programme.main_features) else "objectives"
    texts = [
        ("1", general, getattr(programme, general)),
        ("2", "objectives", programme.objectives if general != "objectives" else ""),
        ("3", "target_groups", "; ".join(g.name for g in programme.target_groups.all())),
        ("4", "expected_results", programme.expected_results),
        ("4", "nexus", programme.nexus),
    ]
    written = [(type_, name, text) for type_, name, text in texts if clean(text)]
    for type_, name, text in written or [("1", "title", programme.title)]:
        with_narrative(activity, "description", text, type=type_).set(FIELD, name)


def participants(programme: Programme) -> list[tuple[Organisation, str]]:
    """Funders (role 1) from fundings and partners, partners in their roles, and the agency
    as implementing (role 4) first among the implementers."""
    pairs: dict[tuple[int, str], Organisation] = {}
    for funding in programme.fundings.all():
        pairs[(funding.organisation.pk, OrganisationRole.FUNDING)] = funding.organisation
    for participation in programme.participations.all():
        pairs[(participation.organisation.pk, participation.role)] = participation.organisation
    agency = programme.implementing_agency
    if agency is not None:
        pairs[(agency.pk, OrganisationRole.IMPLEMENTING)] = agency

    def order(item: tuple[tuple[int, str], Organisation]) -> tuple[str, bool, str, int]:
        (pk, role), organisation = item
        return role, agency is None or pk != agency.pk, organisation.name, pk

    return [(organisation, role) for (_pk, role), organisation in sorted(pairs.items(),
                                                                           key=order)]


def _dates(activity: etree._Element, programme: Programme, today: dt.date) -> None:
    """Planned start and end always; actual ones once they have happened (the ruleset refuses
    actual dates in the future)."""
    start, end = programme.start_date, programme.end_date
    assert start is not None
    begun = start <= today and programme.status != ActivityStatus.PIPELINE
    ended = end is not None and end <= today and programme.status in (
        ActivityStatus.FINALISATION, ActivityStatus.CLOSED)
    sub(activity, "activity-date", type="1", iso_date=start.isoformat())
    if begun:
        sub(activity, "activity-date", type="2", iso_date=start.isoformat())
    if end is not None:
        sub(activity, "activity-date", type="3", iso_date=end.isoformat())
        if ended and begun:
            sub(activity, "activity-date", type="4", iso_date=end.isoformat())


def _location(activity: etree._Element, place: Any) -> None:
    location = sub(activity, "location", ref=geography.location_ref(place))
    with_narrative(location, "name", place.name)
    country = place.country if place.level >= PlaceLevel.COUNTRY else None
    if country is not None and country.code:
        sub(location, "administrative", vocabulary="A4", code=country.code)


def _sectors(activity: etree._Element, programme: Programme, notes: list[str]) -> None:
    by_vocabulary: dict[str, list[Any]] = defaultdict(list)
    for sector in programme.iati_sectors.all():
        by_vocabulary[sector.vocabulary].append(sector)
    if not by_vocabulary:
        notes.append(_("No sector is known: IATI rule 6.2.2 expects at least one."))
    for vocabulary, sectors in by_vocabulary.items():
        if len(sectors) == 1:  # one sector: 100 % or no percentage at all
            shares: list[Decimal | None] = [
                None if sectors[0].percentage is None else geography.HUNDRED]
        else:
            shares = list(geography.spread([s.percentage for s in sectors])[0])
        for sector, share in zip(sectors, shares, strict=True):
            element = sub(activity, "sector", vocabulary=vocabulary, code=sector.code,
                          percentage=None if share is None else decimal_text(share))
            if sector.narrative:
                etree.SubElement(element, "narrative").text = clean(sector.narrative)


def annual_periods(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Consecutive periods of at most a year from ``start`` to ``end`` (IATI rule 7.5.3)."""
    periods, first = [], start
    while first <= end:
        last = min(add_months(first, 12) - ONE_DAY, end)
        periods.append((first, last))
        first = last + ONE_DAY
    return periods


def prorate(total: Decimal, periods: list[tuple[dt.date, dt.date]]) -> list[Decimal]:
    """``total`` shared by the periods in proportion to their days, in cents; the last period
    takes the rounding so that the shares add up to ``total`` exactly."""
    days = [(last - first).days + 1 for first, last in periods]
    shares = [(total * d / sum(days)).quantize(Decimal("0.01")) for d in days[:-1]]
    return [*shares, total - sum(shares, Decimal(0))]


def _budgets(activity: etree._Element, programme: Programme, notes: list[str]) -> None:
    """The funding of each currency spread over yearly budgets by days: an indicative estimate,
    since the registry holds one amount per funder for the whole programme."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for funding in programme.fundings.all():
        if funding.amount is not None and funding.currency:
            totals[funding.currency] += funding.amount
    if not totals:
        return
    start, end = programme.start_date, programme.end_date
    if start is None or end is None or end < start:
        notes.append(_("No end date: budgets are left out (funding is still reported as "
                       "incoming commitments)."))
        return
    periods = annual_periods(start, end)
    for currency, total in sorted(totals.items()):
        for (first, last), share in zip(periods, prorate(total, periods), strict=True):
            budget = sub(activity, "budget", type=ORIGINAL, status=INDICATIVE)
            sub(budget, "period-start", iso_date=first.isoformat())
            sub(budget, "period-end", iso_date=last.isoformat())
            sub(budget, "value", currency=currency,
                value_date=first.isoformat()).text = amount_text(share)


def _commitments(activity: etree._Element, programme: Programme, today: dt.date) -> None:
    """Each funding with an amount as an incoming commitment from its funder, dated at the
    start (or today, for a programme that has not started: the ruleset refuses future dates)."""
    start = programme.start_date
    assert start is not None
    day = min(start, today).isoformat()
    for funding in programme.fundings.all():
        if funding.amount is None or not funding.currency:
            continue
        transaction = sub(activity, "transaction")
        sub(transaction, "transaction-type", code=INCOMING_COMMITMENT)
        sub(transaction, "transaction-date", iso_date=day)
        sub(transaction, "value", currency=funding.currency,
            value_date=day).text = amount_text(funding.amount)
        if funding.note.strip():
            with_narrative(transaction, "description", funding.note)
        funder = funding.organisation
        with_narrative(transaction, "provider-org", funder.name,
                       ref=funder.iati_ref.strip() or None, type=funder.org_type)


def _document_link(parent: etree._Element, url: str, label: str) -> None:
    guessed = mimetypes.guess_type(urlsplit(url).path)[0]
    link = sub(parent, "document-link", url=url, format=guessed or "text/html")
    with_narrative(link, "title", label or url)
    sub(link, "category", code=WEB_PAGE)


# --- files ----------------------------------------------------------------------------------

def activities(programmes: Iterable[Programme], report: ExportReport,
               today: dt.date | None = None) -> Iterator[etree._Element]:
    """The activities of the exportable programmes, one at a time; skips go to ``report``."""
    for programme in programmes:
        reason = skip_reason(programme)
        if reason is not None:
            report.skipped.append(Skipped(programme.key, reason))
            continue
        activity, notes = build_activity(programme, today)
        report.exported.append(programme.key)
        report.notes += [(programme.key, note) for note in notes]
        yield activity


def header(generated: dt.datetime | None = None) -> bytes:
    moment = _datetime(generated or timezone.now())
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="{VERSION}" '
            f'generated-datetime="{moment}">\n').encode()


def serialise(activity: etree._Element) -> bytes:
    return etree.tostring(activity, encoding="utf-8", pretty_print=True)


def footer(report: ExportReport) -> bytes:
    comments = [f"<!-- skipped {_comment(s.key)}: {_comment(s.reason)} -->\n"
                for s in report.skipped]
    return ("".join(comments) + "</iati-activities>\n").encode()


def _comment(text: str) -> str:
    return clean(text).replace("--", "- -")


def chunks(first: etree._Element, rest: Iterator[etree._Element], report: ExportReport,
           generated: dt.datetime | None = None) -> Iterator[bytes]:
    """The file, activity by activity (``first`` is already built, so that a file without any
    activity, which the schema refuses, is never started)."""
    yield header(generated)
    yield serialise(first)
    for activity in rest:
        yield serialise(activity)
    yield footer(report)


def write(programmes: Iterable[Programme], out: IO[bytes], today: dt.date | None = None,
          generated: dt.datetime | None = None) -> ExportReport:
    """Write the file to ``out``; nothing is written when no programme can be exported."""
    report = ExportReport()
    produced = activities(programmes, report, today)
    first = next(produced, None)
    if first is None:
        return report
    for chunk in chunks(first, produced, report, generated):
        out.write(chunk)
    return report
