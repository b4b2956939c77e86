"""Read an IATI activity file into the registry and the results, in constant memory.

The file is streamed with ``lxml.etree.iterparse``: each ``iati-activity`` is read into plain
data (``reader``), stored in its own transaction, then cleared with everything before it, so
memory does not grow with the file. The parser expands no entity, loads no DTD, never uses the
network and keeps libxml2's limits on text size and depth; a file with a DOCTYPE is refused
before any activity is read. Versions 2.01 to 2.03 are read; 1.x is refused.

What a file gives replaces what the programme had (title, texts, dates, funders, partners,
places, links, sectors); what it leaves out is kept. Results and values are added or updated,
never deleted. Importing the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from lxml import etree

from observatory.accounts.roles import is_administrator, user_organisation_id
from observatory.registry import services as registry
from observatory.registry.codelists import ActivityStatus, OrganisationRole, OrganisationType
from observatory.registry.models import (
    DatePrecision,
    Funding,
    Organisation,
    Participation,
    Place,
    PlaceLevel,
    Programme,
    ProgrammePlace,
    TargetGroup,
    WebLink,
    add_months,
)
from observatory.registry.selectors import can_edit_programme
from observatory.results.models import ValueStatus

from .import_results import ResultsImport
from .models import ProgrammeSector
from .reader import Activity, Location, Org, read_activity

SUPPORTED_VERSIONS = ("2.01", "2.02", "2.03")
PARSER_OPTIONS: dict[str, Any] = {"resolve_entities": False, "no_network": True,
                                  "load_dtd": False, "huge_tree": False}
CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("1e14")  # Funding.amount has 16 digits, 2 after the point


class Refused(Exception):
    """The file as a whole is not read: not IATI activities, a 1.x version, a DOCTYPE …"""


class Skip(Exception):
    """One activity is left out, for the reason given."""


@dataclass
class ImportReport:
    version: str = ""
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (activity, reason)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (activity, what was left out)
    error: str = ""  # the file broke off here; the activities before it are stored

    def lines(self) -> list[str]:
        lines = [_("IATI %(version)s: %(created)d created, %(updated)d updated, %(unchanged)d "
                   "unchanged, %(skipped)d skipped.")
                 % {"version": self.version, "created": len(self.created),
                    "updated": len(self.updated), "unchanged": len(self.unchanged),
                    "skipped": len(self.skipped)}]
        lines += [f"  {_('skipped')} {who}: {why}" for who, why in self.skipped]
        lines += [f"  {who}: {what}" for who, what in self.notes]
        if self.error:
            lines.append(self.error)
        return lines


# --- streaming -----------------------------------------------------------------------------

@contextmanager
def _opened(source: str | Path | IO[bytes]) -> Iterator[IO[bytes]]:
    if isinstance(source, str | Path):
        with open(source, "rb") as handle:
            yield handle
    else:
        yield source


def check_root(handle: IO[bytes]) -> str:
    """The file's IATI version, read from its root element alone; refuses what we do not read.
    Leaves ``handle`` at the start."""
    start = handle.tell()
    try:
        _event, root = next(etree.iterparse(handle, events=("start",), **PARSER_OPTIONS))
    except (etree.XMLSyntaxError, StopIteration) as error:
        raise Refused(_("This is not a well-formed XML file (%(error)s).")
                      % {"error": error}) from error
    finally:
        handle.seek(start)
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.doctype:
        raise Refused(_("The file declares a DOCTYPE (entities or an external DTD). IATI files "
                        "have none; it is refused for safety."))
    if root.tag != "iati-activities":
        raise Refused(_("This is not an IATI activity file: its root element is <%(tag)s>, "
                        "not <iati-activities>.") % {"tag": root.tag})
    version = (root.get("version") or "").strip()
    if version.startswith("1"):
        raise Refused(_("This file is IATI version %(version)s. Versions 1.x are not read: ask "
                        "the publisher for its 2.0x file, or convert it first.")
                      % {"version": version})
    if version not in SUPPORTED_VERSIONS:
        raise Refused(_("IATI version “%(version)s” is not read; versions %(supported)s are.")
                      % {"version": version, "supported": ", ".join(SUPPORTED_VERSIONS)})
    return version


def activities(handle: IO[bytes]) -> Iterator[etree._Element]:
    """Each ``iati-activity``, freed (with everything before it) once the caller is done."""
    for _event, element in etree.iterparse(handle, events=("end",), tag="iati-activity",
                                           **PARSER_OPTIONS):
        yield element
        element.clear(keep_tail=False)
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:  # comments, extension elements
                del parent[0]
            parent.remove(element)


def import_file(source: str | Path | IO[bytes], *, user: Any = None,
                publish: bool = False) -> ImportReport:
    """Import every activity of the file. ``user`` None is the operator (command line); a user
    imports what their role allows (see ``Importer``)."""
    report = ImportReport()
    with _opened(source) as handle:
        report.version = check_root(handle)
        importer = Importer(report, user=user, publish=publish)
        try:
            for element in activities(handle):
                importer.run(read_activity(element))
        except etree.XMLSyntaxError as error:
            report.error = _("The file breaks off (%(error)s); the activities before that "
                             "point were imported.") % {"error": error}
    return report


# --- one activity --------------------------------------------------------------------------

def infer_precision(start: dt.date, end: dt.date | None) -> str:
    """Our own files write a year or month precision as its first and last day."""
    if end is not None and start.day == 1 and (end + dt.timedelta(days=1)).day == 1:
        year_bounds = start.month == 1 and end.month == 12
        return DatePrecision.YEAR if year_bounds else DatePrecision.MONTH
    return DatePrecision.DAY


def duration_months(start: dt.date, end: dt.date) -> int | None:
    """Whole months from ``start`` to the day after ``end``, the nearest when not exact."""
    after = end + dt.timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    candidates = [m for m in (months - 1, months, months + 1) if 0 < m <= 600]
    if not candidates:
        return None
    return min(candidates, key=lambda m: abs((add_months(start, m) - after).days))


class Importer:
    """Stores activities one transaction each.

    Without a user (the command line) everything is imported and actuals are approved. An
    administrator imports the same way. An editor imports only activities of programmes they
    may edit, or new ones their organisation implements; their actuals arrive submitted, for
    the funder to approve, and approved values are not changed."""

    def __init__(self, report: ImportReport, *, user: Any = None, publish: bool = False) -> None:
        self.report = report
        self.user = user
        self.publish = publish
        self.trusted = user is None or is_administrator(user)
        self._organisations: dict[tuple[str, str], Organisation | None] = {}
        self._places: dict[tuple[str, str], list[Place]] = {}
        self._groups: dict[str, TargetGroup] | None = None
        self.results = ResultsImport(
            user=user, actual_status=ValueStatus.APPROVED if self.trusted
            else ValueStatus.SUBMITTED, overwrite_locked=self.trusted)

    def run(self, activity: Activity) -> None:
        label = activity.identifier or _("activity at line %(line)d") % {"line": activity.line}
        self.notes: list[str] = []
        try:
            with transaction.atomic():
                outcome = self.store(activity)
        except (Skip, ValidationError, DatabaseError) as error:
            self._organisations.clear()  # some may have been created, and rolled back
            reason = " ".join(error.messages) if isinstance(error, ValidationError) else \
                str(error)
            self.report.skipped.append((label, reason))
            return
        getattr(self.report, outcome).append(label)
        self.report.notes += [(label, note) for note in self.notes]

    # the programme ---------------------------------------------------------------------

    def store(self, activity: Activity) -> str:
        if not activity.identifier:
            raise Skip(_("no iati-identifier."))
        if not activity.title:
            raise Skip(_("no title."))
        key = programme_key(activity)
        if len(key) > Programme._meta.get_field("key").max_length:
            raise Skip(_("the identifier minus the reporting organisation's is longer than a "
                         "programme key may be (%(max)d characters).")
                       % {"max": Programme._meta.get_field("key").max_length})
        agency = self.agency(activity)
        programme = Programme.objects.select_related("implementing_agency").filter(
            key=key).first()
        self.check_allowed(programme, agency, key)
        self.changed = programme is None
        programme = self.save_programme(programme, key, activity, agency)
        self.replace_fundings(programme, activity)
        self.replace_partners(programme, activity, agency)
        places, locations = self.replace_places(programme, activity)
        self.replace_links(programme, activity)
        self.replace_sectors(programme, activity)
        default = places[0] if len(places) == 1 and not activity.regions and \
            len(activity.countries) == 1 else None
        self.changed |= self.results.run(programme, activity.results, locations, default,
                                         self.notes)
        if self.changed and programme.pk:
            registry.refresh_search_text(programme)
        if programme.pk and self.created_now:
            return "created"
        return "updated" if self.changed else "unchanged"

    def check_allowed(self, programme: Programme | None, agency: Organisation,
                      key: str) -> None:
        if programme is not None:
            other = programme.implementing_agency
            if other is not None and other.pk != agency.pk and other.iati_ref and \
                    agency.iati_ref and other.iati_ref != agency.iati_ref:
                raise Skip(_("the key %(key)s belongs to a programme of %(other)s.")
                           % {"key": key, "other": other.short_name})
        if self.trusted:
            return
        if programme is not None and not can_edit_programme(self.user, programme):
            raise Skip(_("you may not edit the programme %(key)s.") % {"key": key})
        if programme is None and agency.pk != user_organisation_id(self.user):
            raise Skip(_("you may import new programmes of your own organisation only."))

    def agency(self, activity: Activity) -> Organisation:
        """The reporting organisation when it implements (or nobody else does), else the first
        implementing participant."""
        implementers = [o for o in activity.participants if o.role == OrganisationRole.IMPLEMENTING]
        reporting = activity.reporting
        chosen = reporting
        if implementers and not any(o.ref and o.ref == reporting.ref for o in implementers):
            chosen = implementers[0]
        found = self.organisation(chosen)
        if found is None:
            raise Skip(_("the implementing organisation has neither an identifier nor a name."))
        return found

    def organisation(self, org: Org) -> Organisation | None:
        """By IATI identifier, then by name; created when new. Remembered for the file (the
        memory is dropped when an activity is rolled back)."""
        key = (org.ref.lower(), org.name.lower())
        if key not in self._organisations:
            self._organisations[key] = self._find_organisation(org)
        return self._organisations[key]

    def _find_organisation(self, org: Org) -> Organisation | None:
        if org.ref:
            found = Organisation.objects.filter(iati_ref__iexact=org.ref).first()
            if found is not None:
                return found
        name = (org.name or org.ref)[:250]
        if not name:
            return None
        found = Organisation.objects.filter(name__iexact=name).first() or \
            Organisation.objects.filter(acronym__iexact=name).first()
        if found is not None:
            if org.ref and not found.iati_ref and self.trusted:  # editors change no one else
                found.iati_ref = org.ref[:100]
                registry.save_organisation(found)
            return found
        org_type = org.type if org.type in OrganisationType.values else OrganisationType.OTHER
        return registry.save_organisation(Organisation(name=name, iati_ref=org.ref[:100],
                                                       org_type=org_type))

    def save_programme(self, programme: Programme | None, key: str, activity: Activity,
                       agency: Organisation) -> Programme:
        self.created_now = programme is None
        if programme is None:
            programme = Programme(key=key, published=self.publish)
        wanted: dict[str, Any] = {"title": activity.title[:400], "implementing_agency": agency}
        wanted.update(self.texts(activity))
        if activity.status in ActivityStatus.values:
            wanted["status"] = activity.status
        elif activity.status:
            self.notes.append(_("activity status %(code)s is not an IATI code; left as it was.")
                              % {"code": activity.status})
        start = activity.dates.get("2") or activity.dates.get("1")
        end = activity.dates.get("4") or activity.dates.get("3")
        if start is not None:
            wanted["start_date"] = start
            wanted["start_precision"] = infer_precision(start, end)
            months = duration_months(start, end) if end is not None and end >= start else None
            if months is not None:
                wanted["duration_months"] = months
            elif end is not None:
                self.notes.append(_("the end date is not after the start; no duration kept."))
        groups = wanted.pop("target_groups", None)
        for name, value in wanted.items():
            if getattr(programme, name) != value:
                setattr(programme, name, value)
                self.changed = True
        if self.changed:
            # registry.save_programme, less its search-text refresh: store() refreshes once,
            # after the partners and places the search text also covers.
            if not programme.slug:
                programme.slug = registry.unique_slug(Programme, programme.key)
            programme.full_clean()
            programme.save()
        if groups is not None and set(programme.target_groups.all()) != set(groups):
            programme.target_groups.set(groups)
            self.changed = True
        return programme

    def texts(self, activity: Activity) -> dict[str, Any]:
        """Descriptions to fields: ours by their ``mdo:field``; others' by type (general and
        "other" to the main features, objectives to objectives)."""
        fields: dict[str, list[str]] = {"main_features": [], "objectives": [],
                                        "expected_results": [], "nexus": []}
        groups: list[TargetGroup] | None = None
        for description in activity.descriptions:
            text = description.text
            if not text or description.field == "title":
                continue
            if description.field in fields:
                fields[description.field].append(text)
                continue
            if description.field == "target_groups" or description.type == "3":
                matched = target_groups(text, self.known_groups())
                if matched is not None:
                    groups = [*(groups or []), *matched]
                    continue
            fields["objectives" if description.type == "2" else "main_features"].append(text)
        wanted: dict[str, Any] = {name: "\n\n".join(parts) for name, parts in fields.items()
                                  if parts}
        if groups is not None:
            wanted["target_groups"] = groups
        return wanted

    # collections that the file replaces --------------------------------------------------

    def replace_fundings(self, programme: Programme, activity: Activity) -> None:
        wanted: list[tuple[int, Decimal | None, str, str]] = []
        organisations: dict[int, Organisation] = {}
        funders = [self.organisation(o) for o in activity.participants
                   if o.role == OrganisationRole.FUNDING]
        funders_found = [f for f in funders if f is not None]
        for item in activity.commitments:
            if item.value is None:
                continue
            funder = self.organisation(item.provider) if item.provider is not None else (
                funders_found[0] if len(funders_found) == 1 else None)
            amount = money(item.value)
            if funder is None or amount is None or not self.currency(item.currency):
                self.notes.append(_("an incoming commitment without a known funder, amount or "
                                    "currency was left out."))
                continue
            organisations[funder.pk] = funder
            wanted.append((funder.pk, amount, item.currency.upper(), item.description[:250]))
        committed = {pk for pk, *_rest in wanted}
        for funder in funders_found:
            if funder.pk not in committed:
                committed.add(funder.pk)
                organisations[funder.pk] = funder
                wanted.append((funder.pk, None, "", ""))
        if not any(amount is not None for _pk, amount, *_rest in wanted):
            wanted = self.budget_funding(activity, wanted)
        if not wanted:
            return
        if self.has(lambda: sorted([(f.organisation_id, f.amount, f.currency, f.note)
                                    for f in programme.fundings.all()], key=str),
                    sorted(wanted, key=str)):
            return
        self.clear(programme.fundings)
        rows = []
        for pk, amount, currency, note in wanted:
            funding = Funding(programme=programme, organisation=organisations[pk], amount=amount,
                              currency=currency, note=note)
            funding.full_clean(exclude=["programme", "organisation"])
            rows.append(funding)
        Funding.objects.bulk_create(rows)
        self.changed = True

    def has(self, current: Any, wanted: Any) -> bool:
        """Whether the programme already has ``wanted`` (``current`` reads what it has); a
        programme made by this import has nothing yet, so nothing is read."""
        return not self.created_now and current() == wanted

    def clear(self, related: Any) -> None:
        if not self.created_now:
            related.all().delete()

    def budget_funding(self, activity: Activity, wanted: list[Any]) -> list[Any]:
        """Other publishers: with one funder and budgets in one currency, the funder gave
        their sum (revised budgets where the file has them, else the original ones)."""
        budgets = [b for b in activity.budgets if b.value is not None]
        revised = [b for b in budgets if b.type == "2"]
        chosen = revised or [b for b in budgets if b.type != "2"]
        currencies = {b.currency.upper() for b in chosen}
        if len(wanted) != 1 or not chosen or len(currencies) != 1:
            if chosen and wanted:
                self.notes.append(_("budgets could not be attributed to one funder; funding "
                                    "amounts are left empty."))
            return wanted
        currency = currencies.pop()
        amount = money(sum((b.value for b in chosen if b.value is not None), Decimal(0)))
        if amount is None or not self.currency(currency):
            return wanted
        return [(wanted[0][0], amount, currency, _("sum of the IATI budgets"))]

    def currency(self, code: str) -> bool:
        try:
            return bool(registry.validate_currency(code))
        except ValidationError:
            self.notes.append(_("%(code)s is not a currency code.") % {"code": code})
            return False

    def replace_partners(self, programme: Programme, activity: Activity,
                         agency: Organisation) -> None:
        wanted: list[tuple[int, str]] = []
        for org in activity.participants:
            if org.role == OrganisationRole.FUNDING:
                continue
            if org.role not in OrganisationRole.values:
                self.notes.append(_("participating organisation %(name)s has no known role; "
                                    "left out.") % {"name": org.name or org.ref})
                continue
            found = self.organisation(org)
            if found is None or (found.pk == agency.pk and
                                 org.role == OrganisationRole.IMPLEMENTING):
                continue
            if (found.pk, org.role) not in wanted:
                wanted.append((found.pk, org.role))
        if not wanted or self.has(lambda: sorted(programme.participations.values_list(
                "organisation_id", "role")), sorted(wanted)):
            return
        self.clear(programme.participations)
        Participation.objects.bulk_create(
            Participation(programme=programme, organisation_id=pk, role=role)
            for pk, role in wanted)
        self.changed = True

    def replace_places(self, programme: Programme, activity: Activity
                       ) -> tuple[list[Place], dict[str, Place]]:
        """Countries and regions with their percentages, then the locations' places. Returns
        the recipient places and the places of the locations by their ref."""
        recipients: list[tuple[Place, Decimal | None]] = []
        for code, percentage in activity.countries:
            place = next((p for p in self.places("code", code)
                          if p.level == PlaceLevel.COUNTRY), None)
            if place is None:
                self.notes.append(_("recipient country %(code)s is unknown; left out.")
                                  % {"code": code})
                continue
            recipients.append((place, percentage))
        for vocabulary, code, percentage in activity.regions:
            place = next(iter(self.places("iati_region", code)), None) \
                if vocabulary == "1" else None
            if place is None:
                self.notes.append(_("recipient region %(code)s (vocabulary %(vocabulary)s) is "
                                    "not a place of the observatory; left out.")
                                  % {"code": code, "vocabulary": vocabulary})
                continue
            recipients.append((place, percentage))
        recipients = [(place, p if p is not None and 0 <= p <= 100 else None)
                      for place, p in recipients]
        total = sum((p for _place, p in recipients if p is not None), Decimal(0))
        if total > 100:
            self.notes.append(_("recipient percentages add up to more than 100; left out."))
            recipients = [(place, None) for place, _p in recipients]
        places = [place for place, _p in recipients]
        wanted = {place.pk: (p.quantize(CENT) if p is not None else None)
                  for place, p in recipients}
        located: dict[str, Place] = {}
        for location in activity.locations:
            place = self.location(location, places)
            if place is not None:
                wanted.setdefault(place.pk, None)
                located[location.ref] = place
        if wanted and not self.has(lambda: {e.place_id: e.percentage
                                            for e in programme.programme_places.all()}, wanted):
            self.clear(programme.programme_places)
            ProgrammePlace.objects.bulk_create(
                ProgrammePlace(programme=programme, place_id=pk, percentage=percentage)
                for pk, percentage in wanted.items())
            self.changed = True
        return places, located

    def location(self, location: Location, recipients: list[Place]) -> Place | None:
        """A location by its ISO 3166 ref within the recipients, else by name in its country."""
        countries = [p for p in recipients if p.level == PlaceLevel.COUNTRY]
        if location.ref:
            for place in self.places("code", location.ref):
                if not countries or place.country in countries:
                    return place
        country_code = location.country or (countries[0].code if len(countries) == 1 else "")
        if location.name:
            for place in self.places("name", location.name):
                country = place.country
                if (country is not None and country.code == country_code) or \
                        (not country_code and place.level == PlaceLevel.WORLD_REGION):
                    return place
        self.notes.append(_("location “%(name)s” matches no place; left out.")
                          % {"name": location.name or location.ref})
        return None

    def known_groups(self) -> dict[str, TargetGroup]:
        if self._groups is None:
            self._groups = {}
            for group in TargetGroup.objects.all():
                self._groups[group.name.lower()] = group
                if group.name_fr:
                    self._groups[group.name_fr.lower()] = group
        return self._groups

    def places(self, by: str, value: str) -> list[Place]:
        """Places by code, IATI region or name, case-insensitively; the import adds none, so
        they are remembered for the whole file."""
        key = (by, value.lower())
        if key not in self._places:
            lookup = {"code": {"code__iexact": value}, "name": {"name__iexact": value},
                      "iati_region": {"iati_region": value, "level": PlaceLevel.WORLD_REGION}}
            self._places[key] = list(Place.objects.filter(**lookup[by]).select_related(
                "parent__parent__parent"))
        return self._places[key]

    def replace_links(self, programme: Programme, activity: Activity) -> None:
        wanted = []
        for url, title in activity.links:
            link = WebLink(programme=programme, url=url[:500], label=title[:200])
            try:
                link.full_clean(exclude=["programme"])
            except ValidationError:
                self.notes.append(_("document link %(url)s is not a web address; left out.")
                                  % {"url": url})
                continue
            if title == url:
                link.label = ""
            wanted.append(link)
        pairs = [(link.url, link.label) for link in wanted]
        if not wanted or self.has(lambda: list(programme.links.order_by("pk").values_list(
                "url", "label")), pairs):
            return
        self.clear(programme.links)
        WebLink.objects.bulk_create(wanted)
        self.changed = True

    def replace_sectors(self, programme: Programme, activity: Activity) -> None:
        wanted = []
        for vocabulary, code, percentage, narrative in activity.sectors:
            if not code or (percentage is not None and not 0 <= percentage <= 100):
                continue
            item = (vocabulary[:3], code[:20],
                    percentage.quantize(CENT) if percentage is not None else None,
                    narrative[:300])
            if all(w[:2] != item[:2] for w in wanted):
                wanted.append(item)
        if not wanted or self.has(lambda: list(programme.iati_sectors.order_by("pk").values_list(
                "vocabulary", "code", "percentage", "narrative")), wanted):
            return
        self.clear(programme.iati_sectors)
        ProgrammeSector.objects.bulk_create(
            ProgrammeSector(programme=programme, vocabulary=v, code=c, percentage=p, narrative=n)
            for v, c, p, n in wanted)
        self.changed = True


def programme_key(activity: Activity) -> str:
    """The identifier minus the reporting organisation's identifier and hyphen, or all of it."""
    ref = activity.reporting.ref
    identifier = activity.identifier
    if ref and identifier.startswith(ref + "-") and len(identifier) > len(ref) + 1:
        return identifier[len(ref) + 1:]
    return identifier


def money(value: Decimal) -> Decimal | None:
    amount = value.quantize(CENT)
    return amount if 0 <= amount < MAX_AMOUNT else None


def target_groups(text: str, known: dict[str, TargetGroup]) -> list[TargetGroup] | None:
    """The target groups a "; "-separated list names, or None when any name is unknown."""
    names = [n.strip().lower() for n in text.split(";") if n.strip()]
    if not names or any(n not in known for n in names):
        return None
    return [known[n] for n in names]
