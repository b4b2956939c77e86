"""Countries and ISO 3166-2 subdivisions from pycountry, with French names where known.

Countries get level country; subdivisions without a parent get level region, and those one
step below get level province. Municipalities and other local places are added by users.
"""

import gettext
from typing import Any

import pycountry

COUNTRY, REGION, PROVINCE = 1, 2, 3


def _french(domain: str) -> gettext.NullTranslations:
    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:
        return gettext.NullTranslations()


def load_iso_places(place_model: Any) -> int:
    """Create the ISO places that are missing and refresh names of existing ones.

    Returns how many places were created. The model class is passed so a migration can call it.
    """
    fr_countries, fr_subdivisions = _french("iso3166-1"), _french("iso3166-2")
    existing = {p.code: p for p in place_model.objects.exclude(code=None)}
    created = 0

    new_rows = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        values = {"name": name, "name_fr": fr_countries.gettext(country.name),
                  "level": COUNTRY, "numeric_code": country.numeric}
        if country.alpha_2 in existing:
            _update(existing[country.alpha_2], values)
        else:
            new_rows.append(place_model(code=country.alpha_2, **values))
    place_model.objects.bulk_create(new_rows, batch_size=500)
    created += len(new_rows)
    by_code = {p.code: p for p in place_model.objects.exclude(code=None)}

    subdivisions = list(pycountry.subdivisions)
    for level, wanted in ((REGION, lambda s: s.parent_code is None),
                          (PROVINCE, lambda s: s.parent_code is not None)):
        new_rows = []
        for sub in filter(wanted, subdivisions):
            parent_code = sub.parent_code or sub.country_code
            parent = by_code.get(parent_code)
            if parent is None or (level == PROVINCE and parent.level != REGION):
                continue  # deeper ISO levels are left to users
            values = {"name": sub.name, "name_fr": fr_subdivisions.gettext(sub.name),
                      "level": level, "subdivision_type": sub.type or "", "parent": parent}
            if sub.code in existing:
                _update(existing[sub.code], values)
            else:
                new_rows.append(place_model(code=sub.code, **values))
        place_model.objects.bulk_create(new_rows, batch_size=500)
        created += len(new_rows)
        by_code = {p.code: p for p in place_model.objects.exclude(code=None)}
    return created


def _update(place: Any, values: dict[str, Any]) -> None:
    changed = [k for k, v in values.items() if getattr(place, k) != v]
    if changed:
        for key in changed:
            setattr(place, key, values[key])
        place.save(update_fields=changed)
