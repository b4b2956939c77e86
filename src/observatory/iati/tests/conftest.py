"""Fixtures of the IATI tests: IATI's reference files and a programme worth publishing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from observatory.registry import services as registry
from observatory.registry.tests.factories import make_organisation
from observatory.results import services
from observatory.results.tests.factories import Framework, make_framework, value_input

REPO = Path(__file__).resolve().parents[4]
IATI = REPO.parent / "shared" / "iati"
SCHEMA_TESTS = IATI / "schema-tests"
EXAMPLES = IATI / "examples"
TODAY = dt.date(2024, 6, 1)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def reference_files(settings: Any) -> None:
    settings.IATI_REFERENCE_DIR = str(IATI)


@dataclass
class Published:
    framework: Framework
    key: str

    @property
    def programme(self) -> Any:
        return self.framework.programme


def make_published(key: str = "NIGER-1", agency_ref: str = "XM-OBS-1") -> Published:
    """make_framework()'s programme with what an IATI activity carries: agency and funder
    identifiers, texts, a partner, a link, targets, approved actuals by sex x population group
    and a draft actual that must not be published."""
    f = make_framework(key)
    programme = f.programme
    agency = programme.implementing_agency
    agency.iati_ref, agency.org_type, agency.name = agency_ref, "21", f"Agency of {key}"
    registry.save_organisation(agency)
    funder = programme.fundings.get().organisation
    funder.iati_ref, funder.org_type, funder.name = "XI-IATI-EC_INTPA", "40", "European Union"
    registry.save_organisation(funder)
    programme.objectives = "Help young people find work."
    programme.main_features = "Vocational training and job placement in Agadez."
    programme.nexus = "Alternatives to irregular migration."
    registry.save_programme(programme, target_groups=programme.target_groups.model.objects
                            .filter(slug__in=["youth", "migrants"]))
    registry.add_partner(programme, make_organisation("MIN", "Ministry of Employment"), "2")
    registry.add_link(programme, "https://example.org/niger-1", "Programme page")
    y2020, y2021 = f.year2020, f.year2021
    services.save_values([
        value_input(f.indicator, y2020, "NE-1", {}, 100, kind=1),
        value_input(f.indicator, y2020, "NE-1", {"sex": "female", "population_group": "migrant"},
                    12),
        value_input(f.indicator, y2020, "NE-1", {"sex": "male", "population_group": "migrant"},
                    30),
        value_input(f.share, y2020, "NE", {}, 40),
        value_input(f.share, y2020, "NE", {}, 55, kind=1),
        value_input(f.story, y2020, "NE", {}, None, narrative="Employers ask for more."),
    ], f.editor)
    services.submit_period(programme, y2020, f.editor)
    services.approve_period(programme, y2020, f.funder)
    services.save_values([value_input(f.indicator, y2021, "NE-1", {}, 7)], f.editor)  # draft
    programme.refresh_from_db()
    return Published(f, key)


@pytest.fixture
def published(db: Any) -> Published:
    return make_published()
