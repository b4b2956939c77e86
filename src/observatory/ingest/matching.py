"""Matching extracted names to records of the registry: organisations, countries, places."""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz, process

from observatory.registry.models import Organisation, Place, PlaceLevel
from observatory.text import normalize

FUZZY_THRESHOLD = 88


class OrganisationMatcher:
    """Finds an organisation by the acronym in an entry ("… (ANAPEC)"), by an entry that is
    an acronym, or by a fuzzy name; loads the organisations once per ingestion."""

    def __init__(self) -> None:
        rows = list(Organisation.objects.values_list("pk", "name", "acronym"))
        self.by_acronym = {normalize(a): pk for pk, _n, a in rows if a}
        self.names = {pk: normalize(n) for pk, n, _a in rows}

    def match(self, text: str) -> dict[str, Any]:
        candidates = [*re.findall(r"\(([^()]{2,15})\)", text), text.split(" (")[0]]
        for candidate in candidates:
            pk = self.by_acronym.get(normalize(candidate))
            if pk is not None:
                return {"organisation_id": pk, "how": "acronym"}
        name = normalize(re.sub(r"\([^)]*\)", " ", text))
        if not name or not self.names:
            return {"proposed": True}
        best = process.extractOne(name, self.names, scorer=fuzz.token_sort_ratio)
        if best and best[1] >= FUZZY_THRESHOLD:
            return {"organisation_id": best[2], "how": "name", "score": round(best[1])}
        return {"proposed": True}


def match_country(code: str) -> dict[str, Any]:
    place = Place.objects.filter(code=code, level=PlaceLevel.COUNTRY).first()
    return {"place_id": place.pk, "how": "iso"} if place else {"proposed": True}


def match_place(name: str, country_codes: list[str]) -> dict[str, Any]:
    """A sub-national place of one of the fiche's countries, or a world region, by name."""
    wanted = normalize(name)
    candidates = Place.objects.filter(level__gt=PlaceLevel.COUNTRY)
    if country_codes:
        countries = Place.objects.filter(code__in=country_codes, level=PlaceLevel.COUNTRY)
        ids = _descendant_ids([c.pk for c in countries])
        candidates = candidates.filter(pk__in=ids)
    for place in candidates.only("pk", "name", "name_fr", "level"):
        if wanted in (normalize(place.name), normalize(place.name_fr)):
            return {"place_id": place.pk, "how": "name"}
    region = Place.objects.filter(level=PlaceLevel.WORLD_REGION)
    for place in region:
        if wanted in (normalize(place.name), normalize(place.name_fr)):
            return {"place_id": place.pk, "how": "name"}
    return {"proposed": True}


def _descendant_ids(roots: list[int]) -> set[int]:
    ids, frontier = set(roots), set(roots)
    while frontier:
        frontier = set(Place.objects.filter(parent_id__in=frontier)
                       .values_list("pk", flat=True)) - ids
        ids |= frontier
    return ids
