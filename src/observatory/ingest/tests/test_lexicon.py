"""Section headings: the patterns, the word-based fallback and the report's own sections."""

import csv
from pathlib import Path

import pytest

from observatory.ingest import lexicon as lx
from observatory.ingest.extract import extract_fiches
from observatory.ingest.layout import is_sidebar_title, labelled_field


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
    ("**En quoi c'est lié au développement ?**", lx.NEXUS),
    ("**Ce qui a été présenté**", lx.MAIN_FEATURES),
    ("État d’avancement à mi-parcours", lx.MAIN_FEATURES),
    ("What the practice involves", lx.MAIN_FEATURES),
    ("Primeros resultados (seis meses de ejecución)", lx.MAIN_FEATURES),  # a note on when
    ("Premiers résultats (2022)", lx.MAIN_FEATURES),
    ("Metas del proyecto", lx.EXPECTED_RESULTS),
    ("CE QUE NOUS AVONS VU (principales réalisations)", lx.MAIN_FEATURES),  # a study visit
    ("### Qué hace", lx.MAIN_FEATURES),
    ("**Why this matters for development**", lx.NEXUS),
    ("Principales avances a 31 de diciembre de 2023", lx.MAIN_FEATURES),  # as of a date
    ("Results as of June 2023", lx.MAIN_FEATURES),
    ("Cibles du projet", lx.EXPECTED_RESULTS),
    ("What seems to work", lx.GOOD_PRACTICES),
    ("Ce qui semble fonctionner", lx.GOOD_PRACTICES),
    ("M&D link", lx.NEXUS),  # a consultant's shorthand for the migration-development link
    ("Lien M&D :", lx.NEXUS),
    ("Lessons worth sharing", lx.GOOD_PRACTICES),
    ("Practices we would recommend", lx.GOOD_PRACTICES),
    ("Pratiques que nous recommandons", lx.GOOD_PRACTICES),
    ("### Acquis du projet", lx.MAIN_FEATURES),
    ("Avances del semestre", lx.MAIN_FEATURES),  # a half-yearly monitoring report
    ("Progress during the period", lx.MAIN_FEATURES),
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


# -- the genre's vocabulary: headings, key-facts labels and programme titles written by
# colleagues who never saw the extractor (tests/data/vocabulary/writer-N, see
# docs/ingest-ground-truth.md)

VOCABULARY = Path(__file__).resolve().parents[4] / "tests" / "data" / "vocabulary"
LABEL_KINDS = {"funders": {"funders"}, "budget": {"funders", "budget"},
               "start_duration": {"date"}, "places": {"place"}, "partners": {"partners"},
               "agency": {"agency"}, "sites": {"sites"}, "none": {None}}
WRITERS = ["writer-1", "writer-2"]


def rows(writer: str, name: str) -> list[dict[str, str]]:
    with (VOCABULARY / writer / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@pytest.mark.parametrize("writer", WRITERS)
def test_every_heading_of_the_vocabulary_opens_its_section(writer: str):
    wrong = [(r["heading"], r["field"], lx.heading_kind(r["heading"]))
             for r in rows(writer, "headings.tsv")
             if lx.heading_kind(r["heading"]) != (None if r["field"] == "none" else r["field"])]
    assert wrong == []


@pytest.mark.parametrize("writer", WRITERS)
def test_every_key_facts_label_of_the_vocabulary_gives_its_kind(writer: str):
    wrong = []
    for r in rows(writer, "labels.tsv"):
        field = labelled_field(f"{r['label']}: {r['value']}")
        if (field and field[0]) not in LABEL_KINDS[r["kind"]]:
            wrong.append((r["label"], r["kind"], field))
    assert wrong == []


@pytest.mark.parametrize("writer", WRITERS)
def test_no_programme_title_of_the_vocabulary_reads_as_a_heading(writer: str):
    assert [(r["line"], lx.heading_kind(r["line"])) for r in rows(writer, "titles.tsv")
            if lx.heading_kind(r["line"])] == []


def test_the_report_s_synthesis_of_challenges_and_covid_is_no_fiche():
    text = """Réseau Migration, Territoires et Développement (MTD)

3. Enseignements transversaux

3.4 Difficultés partagées

Les équipes citent la rotation des agents communaux.

3.5 Pendant la pandémie de COVID-19

Les restrictions de 2020 ont obligé les programmes à revoir leurs activités.

Annexe : fiches

PACTE-Jeunes

Emploi des jeunes dans la région de Kayes

Objectifs

Améliorer l'insertion économique des jeunes.

Principaux défis

La saison des pluies ralentit les chantiers.
"""
    fiches = extract_fiches(text)
    assert [f.key for f in fiches] == ["PACTE-Jeunes"]


def test_a_lead_partner_is_the_implementer_and_an_agency_s_name_no_label():
    assert labelled_field("Lead partner: Italian Agency for Development Cooperation")[0] \
        == "agency"
    assert labelled_field("Líder del consorcio: FIIAPP")[0] == "agency"
    assert labelled_field("Partenaires financiers : AFD (9 M€)")[0] == "funders"
    text = """PAGIM

Gouvernance inclusive des migrations dans les régions de Tambacounda et de Kédougou

Mise en œuvre Expertise France
Démarrage janvier 2019
Durée 48 mois
Pays Sénégal

Partenaires

Agence régionale de développement (ARD) de Tambacounda
Direction générale d’appui aux Sénégalais de l’extérieur (DGASE)

Objectifs

Mieux prendre en compte les migrations dans la planification locale.

Principales caractéristiques

Les communes réunissent des cadres de concertation.
"""
    fiche, = extract_fiches(text)
    assert "Agence régionale de développement (ARD) de Tambacounda" in fiche.values("partners")


def test_a_wrapped_sentence_line_is_no_label_but_a_lower_case_address_label_is():
    assert labelled_field("partnership: remittances and the skills of returning nurses") is None
    assert labelled_field("Partnership: Kenya Medical Training College")[0] == "partners"
    assert labelled_field("www: https://www.aecid.hn/retorna-hn")[0] == "sites"


@pytest.mark.parametrize("line,kind", [
    ("Acciones frente al COVID-19", lx.COVID),  # the pandemic, whatever the heading opens with
    ("Face à la pandémie", lx.COVID),
    ("Migration et développement : l'approche du projet", lx.NEXUS),
    ("Défis migratoires et développement local dans la région de Tahoua", None),
    ("Buenas prácticas en gobernanza migratoria local: la experiencia de Chiapas", None),
    ("Résultats et perspectives de la coopération décentralisée franco-malienne", None),
    ("Key Challenges Faced in Implementation", lx.CHALLENGES),  # Title Case names no place
])
def test_the_pandemic_first_and_titles_that_name_a_place(line, kind):
    assert lx.heading_kind(line) == kind


@pytest.mark.parametrize("line,kind", [
    ("migration et développement.", None),  # the end of a wrapped bullet
    ("challenges faced by the teams", None),
    ("a) Objetivos", lx.OBJECTIVES),  # a lettered heading opens in lower case
    ("## what we learned", lx.GOOD_PRACTICES),
])
def test_a_line_that_opens_in_lower_case_continues_a_sentence(line, kind):
    assert lx.heading_kind(line) == kind


def test_a_capitalisation_sheet_s_implementation_heading_and_key_information_title():
    assert lx.heading_kind("Mise en œuvre et premiers résultats") == lx.MAIN_FEATURES
    assert lx.heading_kind("Mise en œuvre") is None  # the implementer's label, alone
    assert labelled_field("Mise en œuvre : ASIM") == ("agency", "ASIM")
    assert is_sidebar_title("Informations clés")


def test_kinds_of_areas_joined_by_a_slash_are_one_place_label():
    assert labelled_field("Régions / villes : Kayes, Nioro du Sahel") == (
        "place", "Kayes, Nioro du Sahel")
    assert labelled_field("Regiones / municipios: Azuay, Cuenca") == ("place", "Azuay, Cuenca")


def test_a_press_kit_s_headings():
    assert lx.heading_kind("Migration et développement : le lien") == "nexus"
    assert lx.heading_kind("Contexte sanitaire") == "covid_adaptations"
    assert lx.report_section("ENTRETIEN")
    assert lx.report_section("À propos des partenaires")
    assert lx.report_section("Contacts presse")


def test_an_identity_card_of_the_initiative_is_a_facts_box_title():
    assert is_sidebar_title("Carte d'identité de l'initiative")
    assert is_sidebar_title("Ficha de identidad")


# Headings met in the blind sets of 2026-11-24 (night), each with the kind it opens; None for a
# report's own heading.
@pytest.mark.parametrize("heading,kind", [
    ("How it works and results so far:", "main_features"),  # two headings joined by "and"
    ("Enfoque y avances", "main_features"),
    ("Context and objectives", None),  # a context is no section kept
    ("Objetivos de la visita", None),  # the visit's objectives are the report's own
    ("Objectives of the visit", None),
    ("Objectifs de la mission", None),
    ("## 1.2. Objetivos de la consultoría", None),  # a mapping study's terms of reference
    ("Objectives of the evaluation", None),
    ("### What we've achieved so far", "main_features"),  # a contraction, either apostrophe
    ("What we’ve achieved so far", "main_features"),
    ("Vinculación con el eje migraciones y desarrollo:", "nexus"),
    ("Experiencia previa y buenas prácticas:", "good_practices"),
    ("[Principales resultados]", "main_features"),  # an editor's heading in a transcript
    ("[Lecciones aprendidas]", "good_practices"),
    ("[Se proyecta la diapositiva 6]", None),  # an editor's note
    ("Testimonio (Ervin, 24 años, retornado, Todos Santos; lo apunté casi literal)",
     "testimony"),  # a field officer's notes
    ("Testimonio – encargada de la OMAM de Malacatán:", "testimony"),
    ("Objectifs de l'évaluation", None),
    ("#### Highlights of 2021", "main_features"),
    ("Faits marquants de 2022", "main_features"),
    ("Logros en 2021", "main_features"),
    ("Progress in Phase 1", "main_features"),  # a board paper's renewals
    ("What the renewal will deliver", "expected_results"),
    ("Migration and development rationale", "nexus"),
    ("**Où en est-on ?**", "main_features"),  # where the project stands, asked
    ("¿Dónde estamos?", "main_features"),
    ("Where are we now?", "main_features"),
    ("Ce que nous retenons", "good_practices"),
    ("What we take away", "good_practices"),
])
def test_headings_of_the_night_sets(heading, kind):
    assert lx.heading_kind(heading) == kind


# Headings met in the blind sets of 2026-11-25 (a selection panel's dossier), each with its kind.
@pytest.mark.parametrize("heading,kind", [
    ("Diaspora and development: why this project", "nexus"),
    ("Diaspora added value", "nexus"),
    ("Lessons from SDBN-FI's earlier work", "good_practices"),
    ("Lessons learnt from the pilot phase", "good_practices"),
    ("Lo realizado hasta ahora", "main_features"),  # a bulletin's spotlights
    ("Qué se está haciendo", "main_features"),
    ("Duración 36 meses, ampliados seis meses por la pandemia", None),  # a key fact
    ("What they've done so far", "main_features"),  # a grants team's Notion page
    ("What's worked", "good_practices"),
    ("What worked less well", "challenges"),
    ("What RISE wants to achieve", "objectives"),  # a slide deck
])
def test_headings_of_a_selection_panel_s_dossier(heading, kind):
    assert lx.heading_kind(heading) == kind


def test_a_fund_manager_s_pre_assessment_is_an_aside():
    assert lx.aside_heading("FMU pre-assessment (not part of the applicant's summary) ; "
                            "Strengths: business model tested in a pilot")
    assert lx.aside_heading("Fund manager's comments")
    assert not lx.aside_heading("Assessment of needs ; market study")



@pytest.mark.parametrize("heading", [
    "Observatory's assessment",  # a city observatory's annual report, under each profile
    "### Assessors’ comments",  # a shortlisting memo
    "Evaluation focus for the field phase",  # an inception report's annex
    "Main documents reviewed: Project document (2019); annual reports 2020 and 2021.",
    "### Recommandations de la mission",  # a donor's monitoring mission
    "> [!warning] PO note",  # a programme officer's callout in an Obsidian vault
    "Pendientes OTC:",  # the technical office's to-dos after each project
])
def test_what_a_report_adds_about_each_fiche_is_an_aside(heading):
    assert lx.aside_heading(heading)
    assert lx.heading_kind(heading) is None


def test_what_happened_in_a_year_heads_the_main_features():
    assert lx.heading_kind("What happened in 2021") == lx.MAIN_FEATURES
    assert lx.heading_kind("What's new / results so far") == lx.MAIN_FEATURES  # a digest
    assert lx.heading_kind("What it aims for") == lx.OBJECTIVES  # though it ends on "for"
    assert lx.heading_kind("### Y2 highlights (report pp. 4-11)") == lx.MAIN_FEATURES
    assert lx.heading_kind("the programme aims for") is None  # a sentence's wrapped line
    assert lx.heading_kind("### Testimony quoted in the proposal") == lx.TESTIMONY
