"""Every write to the registry goes through here, so the UI, the API, the admin and the
command line share one set of rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import pycountry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from observatory.text import normalize

from .codelists import OrganisationRole
from .models import (
    FieldSource,
    Funding,
    Organisation,
    Participation,
    Place,
    PlaceLevel,
    Programme,
    ProgrammePlace,
    SourceDocument,
    WebLink,
)


def unique_slug(model: type, text: str, *, exclude_pk: int | None = None, max_length: int = 80
                ) -> str:
    base = slugify(text)[: max_length - 4] or "item"
    slug, n = base, 2
    queryset = model.objects.all()
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    while queryset.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def validate_currency(code: str) -> str:
    code = (code or "").strip().upper()
    if code and pycountry.currencies.get(alpha_3=code) is None:
        raise ValidationError(_("%(code)s is not an ISO 4217 currency code.") % {"code": code})
    return code


# -- organisations and places -------------------------------------------------------------

def save_organisation(organisation: Organisation) -> Organisation:
    if not organisation.slug:
        organisation.slug = unique_slug(Organisation, organisation.acronym or organisation.name,
                                        exclude_pk=organisation.pk, max_length=120)
    organisation.full_clean()
    organisation.save()
    for programme in programmes_involving(organisation):
        refresh_search_text(programme)
    return organisation


def get_or_create_organisation(name: str, acronym: str = "", **fields: Any) -> Organisation:
    """Find an organisation by acronym or name (case-insensitive), or create it."""
    existing = None
    if acronym:
        existing = Organisation.objects.filter(acronym__iexact=acronym).first()
    if existing is None:
        existing = Organisation.objects.filter(name__iexact=name).first()
    if existing is not None:
        return existing
    return save_organisation(Organisation(name=name, acronym=acronym, **fields))


def add_place(name: str, parent: Place, level: int | None = None, name_fr: str = "") -> Place:
    """Add a place below ``parent`` (a municipality below a province, say), or return it."""
    level = level if level is not None else min(parent.level + 1, PlaceLevel.MUNICIPALITY)
    if level <= parent.level:
        raise ValidationError(_("A place must lie below its parent in the hierarchy."))
    place = Place.objects.filter(parent=parent, name__iexact=name).first()
    if place is None:
        place = Place(name=name, name_fr=name_fr, parent=parent, level=level)
        place.full_clean()
        place.save()
    return place


def add_world_region(name: str, iati_region: str = "", name_fr: str = "") -> Place:
    """Add a world region (the top of the hierarchy, e.g. Latin America), or return it."""
    place = Place.objects.filter(level=PlaceLevel.WORLD_REGION, parent=None,
                                 name__iexact=name).first()
    if place is None:
        place = Place(name=name, name_fr=name_fr, level=PlaceLevel.WORLD_REGION,
                      iati_region=iati_region)
        place.full_clean()
        place.save()
    return place


def country(code: str) -> Place:
    return Place.objects.get(code=code.upper(), level=PlaceLevel.COUNTRY)


def programmes_involving(organisation: Organisation) -> Iterable[Programme]:
    if organisation.pk is None:
        return []
    return Programme.objects.filter(involving(organisation.pk)).distinct()


def involving(organisation_id: int) -> Q:
    """Programmes an organisation implements, funds or takes part in."""
    return (Q(implementing_agency_id=organisation_id)
            | Q(fundings__organisation_id=organisation_id)
            | Q(participations__organisation_id=organisation_id))


# -- programmes ---------------------------------------------------------------------------

@transaction.atomic
def save_programme(programme: Programme, *, themes: Iterable[Any] | None = None,
                   target_groups: Iterable[Any] | None = None,
                   sdg_targets: Iterable[Any] | None = None) -> Programme:
    """Validate and store a programme and, when given, its vocabularies."""
    if not programme.slug:
        programme.slug = unique_slug(Programme, programme.key, exclude_pk=programme.pk)
    if programme.start_date is not None:
        programme.start_date = _start_of_precision(programme.start_date,
                                                   programme.start_precision)
    programme.full_clean()
    programme.save()
    if themes is not None:
        programme.themes.set(themes)
    if target_groups is not None:
        programme.target_groups.set(target_groups)
    if sdg_targets is not None:
        programme.sdg_targets.set(sdg_targets)
    refresh_search_text(programme)
    return programme


def _start_of_precision(date: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return date.replace(month=1, day=1)
    if precision == "month":
        return date.replace(day=1)
    return date


def add_funding(programme: Programme, organisation: Organisation,
                amount: Decimal | int | str | None = None, currency: str = "",
                note: str = "") -> Funding:
    currency = validate_currency(currency)
    if amount is not None and not currency:
        raise ValidationError(_("An amount needs its currency."))
    funding = Funding(programme=programme, organisation=organisation,
                      amount=None if amount is None else Decimal(str(amount)),
                      currency=currency, note=note)
    funding.full_clean()
    funding.save()
    refresh_search_text(programme)
    return funding


@transaction.atomic
def add_partner(programme: Programme, organisation: Organisation,
                role: str = OrganisationRole.IMPLEMENTING, description: str = "") -> Participation:
    participation = (Participation.objects.filter(programme=programme, organisation=organisation,
                                                  role=role).first()
                     or Participation(programme=programme, organisation=organisation, role=role))
    participation.description = description
    participation.full_clean(validate_constraints=False)
    participation.save()
    refresh_search_text(programme)
    return participation


@transaction.atomic
def add_programme_place(programme: Programme, place: Place,
                        percentage: Decimal | int | None = None, note: str = "") -> ProgrammePlace:
    """Record that a programme works in a place; the places' percentages may not pass 100."""
    entry = (ProgrammePlace.objects.filter(programme=programme, place=place).first()
             or ProgrammePlace(programme=programme, place=place))
    entry.percentage = None if percentage is None else Decimal(str(percentage))
    entry.note = note
    entry.full_clean(validate_constraints=False)
    others = programme.programme_places.exclude(pk=entry.pk) if entry.pk else \
        programme.programme_places.all()
    if sum((e.percentage or 0) for e in others) + (entry.percentage or 0) > 100:
        raise ValidationError(_("Place percentages of a programme add up to more than 100."))
    entry.save()
    refresh_search_text(programme)
    return entry


def add_link(programme: Programme, url: str, label: str = "") -> WebLink:
    link = WebLink(programme=programme, url=url, label=label)
    link.full_clean()
    link.save()
    return link


def get_or_create_source_document(title: str, sha256: str = "", **fields: Any
                                  ) -> SourceDocument:
    """Find a source document by the SHA-256 of its file (else by title), or create it."""
    sha256 = sha256.strip().lower()
    existing = (SourceDocument.objects.filter(sha256=sha256) if sha256
                else SourceDocument.objects.filter(title__iexact=title)).first()
    if existing is not None:
        return existing
    document = SourceDocument(title=title, sha256=sha256, **fields)
    document.full_clean()
    document.save()
    return document


def record_source(programme: Programme, field: str, document: SourceDocument,
                  span: tuple[int, int] | None = None, page: int | None = None,
                  excerpt: str = "") -> FieldSource:
    start, end = span if span is not None else (None, None)
    if start is not None and end is not None and end < start:
        raise ValidationError(_("A source span must not end before it starts."))
    return FieldSource.objects.create(programme=programme, field=field, document=document,
                                      span_start=start, span_end=end, page=page,
                                      excerpt=excerpt)


def set_published(programme: Programme, published: bool) -> Programme:
    programme.published = published
    programme.save(update_fields=["published", "updated_at"])
    return programme


def refresh_search_text(programme: Programme) -> None:
    """Keep the normalised text that list search matches against in step with the fiche."""
    if programme.pk is None:
        return
    parts: list[str] = [programme.key, programme.title, programme.objectives,
                        programme.expected_results, programme.main_features, programme.nexus]
    for organisation in Organisation.objects.filter(pk__in=_organisation_ids(programme)):
        parts += [organisation.name, organisation.acronym]
    for entry in programme.programme_places.select_related("place__parent__parent__parent"):
        for place in [*entry.place.ancestors(), entry.place]:
            parts += [place.name, place.name_fr, place.code or ""]
    for theme in programme.themes.all():
        parts += [theme.name, theme.name_fr]
    for group in programme.target_groups.all():
        parts += [group.name, group.name_fr]
    statements = getattr(programme, "statements", None)
    if statements is not None:
        parts += [s.text for s in statements.all()]
    text = normalize(" ".join(p for p in parts if p))
    Programme.objects.filter(pk=programme.pk).update(search_text=text)
    programme.search_text = text


def _organisation_ids(programme: Programme) -> set[int]:
    ids = set(programme.fundings.values_list("organisation_id", flat=True))
    ids |= set(programme.participations.values_list("organisation_id", flat=True))
    if programme.implementing_agency_id:
        ids.add(programme.implementing_agency_id)
    return ids


def load_reference_data() -> int:
    """Add missing ISO places and reference vocabularies, refresh their names; returns how many
    places were added. Migrations load them once; this is for upgrades and emptied databases."""
    from .models import SdgTarget, TargetGroup, Theme
    from .places import load_iso_places
    from .vocabularies import load_vocabularies

    created = load_iso_places(Place)
    load_vocabularies(Theme, TargetGroup, SdgTarget)
    from observatory.results.services import load_reference as load_results_reference

    load_results_reference()
    return created
