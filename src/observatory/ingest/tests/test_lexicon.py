"""Section headings: the patterns, the word-based fallback and the report's own sections."""

import pytest

from observatory.ingest import lexicon as lx
from observatory.ingest.extract import extract_fiches


@pytest.mark.parametrize("line,kind", [
    ("Défis rencontrés en cours de route", lx.CHALLENGES),
    ("Key Lessons Drawn", lx.GOOD_PRACTICES),
    ("RETOS ENFRENTADOS", lx.CHALLENGES),
    ("Bonnes pratiques identifiées", lx.GOOD_PRACTICES),
    ("Risks and mitigation measures", lx.CHALLENGES),
    ("Résultats escomptés", lx.EXPECTED_RESULTS),
    ("Planned outputs", lx.EXPECTED_RESULTS),
    ("Principales avances", lx.MAIN_FEATURES),
    ("Buts du projet :", lx.OBJECTIVES),
])
def test_headings_worded_in_ways_no_pattern_foresaw(line, kind):
    assert lx.heading_kind(line) == kind


@pytest.mark.parametrize("line", [
    "Skills for Results in Casamance",  # a programme's title has words of its own
    "Diaspora for Development",
    "The practices",  # practices that are not said to be good: the report's own chapter
    "activity.",  # the last word of a wrapped sentence
    "Aprendizaje (SENA)",  # a wrapped organisation's name
    "Objectives of the workshop",  # the report's own sections
    "Objectifs de l’atelier et méthodologie",
    "Lecciones del encuentro",
])
def test_lines_that_are_no_section_heading_of_a_fiche(line):
    assert lx.heading_kind(line) is None


def test_the_report_s_own_sections_are_no_fiche_nor_its_title():
    text = """Rapport de l'atelier de Saly

1. Objectifs de l'atelier et méthodologie

L'atelier a réuni les équipes de quatre programmes.

2. Principaux enseignements

Les données locales sont un point de départ.

Annexe : fiches des programmes

PACTE-Jeunes

Emploi des jeunes dans la région de Kayes

Objectifs

Améliorer l'insertion économique des jeunes.

Défis rencontrés

La saison des pluies ralentit les chantiers.
"""
    fiches = extract_fiches(text)
    assert [f.key for f in fiches] == ["PACTE-Jeunes"]
    assert fiches[0].value("challenges") == "La saison des pluies ralentit les chantiers."
    assert lx.report_section("Objectifs de l'atelier et méthodologie")
