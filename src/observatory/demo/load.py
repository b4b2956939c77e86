"""Write the demo data (``data.py``) into the database through the services.

Idempotent: organisations and places are found or created, a programme whose key already exists
is left as it is, and the demo accounts are reset to their known passwords.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from observatory.accounts.roles import ADMINISTRATOR, EDITOR, VIEWER
from observatory.accounts.services import create_account
from observatory.knowledge.models import Statement
from observatory.knowledge.services import add_statement
from observatory.registry import services
from observatory.registry.models import (
    FieldSource,
    Funding,
    Organisation,
    Participation,
    Place,
    PlaceLevel,
    Programme,
    ProgrammePlace,
    SdgTarget,
    SourceDocument,
    TargetGroup,
    Theme,
    WebLink,
)

from . import data


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    organisation: str = ""  # handle in data.ORGANISATIONS


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("admin", "admin-demo-2020", ADMINISTRATOR),
    DemoAccount("editor", "editor-demo-2020", EDITOR, "Enabel"),
    DemoAccount("viewer", "viewer-demo-2020", VIEWER, "GIZ"),
)


@transaction.atomic
def load_demo(*, accounts: bool = True) -> dict[str, int]:
    """Load the demo programmes (and accounts); return how many rows of each kind there are."""
    document = services.get_or_create_source_document(**data.REPORT)
    organisations = {handle: _organisation(org) for handle, org in data.ORGANISATIONS.items()}
    local_places = {handle: _local_place(place) for handle, place in data.LOCAL_PLACES.items()}

    created = skipped = 0
    for programme in data.PROGRAMMES:
        if Programme.objects.filter(key__iexact=programme.key).exists():
            skipped += 1
            continue
        _create_programme(programme, organisations, local_places, document)
        created += 1

    account_count = 0
    if accounts:
        for account in DEMO_ACCOUNTS:
            organisation = organisations[account.organisation] if account.organisation else None
            create_account(account.username, account.password, account.role, organisation)
            account_count += 1

    programmes = Programme.objects.filter(key__in=[p.key for p in data.PROGRAMMES])
    _add_sector(programmes)
    counts = {
        "programmes_created": created,
        "programmes_skipped": skipped,
        "programmes": programmes.count(),
        "published": programmes.filter(published=True).count(),
        "organisations": len({o.pk for o in organisations.values()}),
        "places_added": len(local_places),
        "fundings": Funding.objects.filter(programme__in=programmes).count(),
        "partners": Participation.objects.filter(programme__in=programmes).count(),
        "programme_places": ProgrammePlace.objects.filter(programme__in=programmes).count(),
        "links": WebLink.objects.filter(programme__in=programmes).count(),
        "field_sources": FieldSource.objects.filter(programme__in=programmes).count(),
        "statements": Statement.objects.filter(programme__in=programmes).count(),
        "accounts": account_count,
    }
    from .results import load_demo_results

    # rebuilt on every run, after the accounts that enter and approve the values
    counts.update(load_demo_results())
    return counts


def _add_sector(programmes: Any) -> None:
    """Every demo programme works on migration governance: OECD DAC purpose code 15190, which
    IATI files need (rule 6.2.2) and the report's fiches do not state as a code."""
    from observatory.iati.models import ProgrammeSector

    for programme in programmes:
        ProgrammeSector.objects.get_or_create(
            programme=programme, vocabulary="1", code=data.DEMO_SECTOR[0],
            defaults={"percentage": 100, "narrative": data.DEMO_SECTOR[1]})


def _organisation(org: data.Org) -> Organisation:
    return services.get_or_create_organisation(
        org.name, org.acronym, org_type=org.org_type,
        country=services.country(org.country) if org.country else None,
        website=org.website, is_diaspora=org.is_diaspora, iati_ref=org.iati_ref,
    )


def _local_place(place: data.LocalPlace) -> Place:
    if place.level == PlaceLevel.WORLD_REGION:
        return services.add_world_region(place.name, place.iati_region, place.name_fr)
    parent = Place.objects.get(code=place.parent)
    return services.add_place(place.name, parent, level=place.level, name_fr=place.name_fr)


def _by_key(model: Any, field: str, keys: Iterable[str]) -> list[Any]:
    """The rows of a reference vocabulary, in the given order; a missing key is a data error."""
    keys = list(keys)
    rows = {getattr(row, field): row for row in model.objects.filter(**{f"{field}__in": keys})}
    missing = [k for k in keys if k not in rows]
    if missing:
        raise LookupError(f"Unknown {model._meta.verbose_name} {', '.join(missing)} in demo data.")
    return [rows[k] for k in keys]


def _create_programme(item: data.ProgrammeData, organisations: dict[str, Organisation],
                      local_places: dict[str, Place], document: SourceDocument) -> Programme:
    programme = services.save_programme(
        Programme(
            key=item.key, title=item.title, objectives=item.objectives,
            expected_results=item.expected_results, main_features=item.main_features,
            nexus=item.nexus, status=item.status, start_date=item.start,
            start_precision=item.start_precision, duration_months=item.duration_months,
            implementing_agency=organisations[item.agency],
        ),
        themes=_by_key(Theme, "slug", item.themes),
        target_groups=_by_key(TargetGroup, "slug", item.target_groups),
        sdg_targets=_by_key(SdgTarget, "code", item.sdg_targets),
    )
    for funder in item.funders:
        services.add_funding(programme, organisations[funder.org], funder.amount,
                             funder.currency, funder.note)
    for partner in item.partners:
        services.add_partner(programme, organisations[partner.org], partner.role,
                             partner.description)
    for ref in item.places:
        place = local_places.get(ref.place) or Place.objects.get(code=ref.place)
        services.add_programme_place(programme, place, note=ref.note)
    for link in item.links:
        services.add_link(programme, link.url, link.label)
    source_document = document if item.from_report else None
    if source_document is not None:
        for source in item.sources:
            services.record_source(programme, source.field, source_document, span=source.span,
                                   excerpt=source.excerpt)
    for statement in item.statements:
        add_statement(programme, statement.kind, statement.text,
                      _by_key(Theme, "slug", statement.themes), document=source_document,
                      span=statement.span)
    return services.set_published(programme, item.published)
