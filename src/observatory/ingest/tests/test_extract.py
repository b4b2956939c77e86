"""The extractor, one field family at a time, on small reports written for the test."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from observatory.ingest import lexicon as lx
from observatory.ingest.evaluation import evaluate
from observatory.ingest.extract import extract_fiches
from observatory.ingest.layout import drop_page_furniture, split_lines
from observatory.ingest.prose import prose_facts
from observatory.ingest.readers import read_document

REPO = Path(__file__).resolve().parents[4]
SAMPLE = REPO.parent / "shared" / "samples" / "pn-cfm-session1-report-2020.txt"

FICHE = """Annex – Project forms



MIGRA-LOC

Local governance of migration in Senegal



Main objectives

Municipalities plan services for residents, migrants and returnees alike.

Expected results:

- Five municipal migration profiles are adopted;
- Returnees use municipal services.

Main features

Thanks to the project:

- 1,250 returnees, including 430 women and 610 young people, received reintegration support;
- 12 cooperatives were created by returnees;
- over 3.000 people have improved access to water.



EU Trust Fund
for Africa
(EUR 12 mio)
&
AFD
(5.500.000 €)



Starting
Mar 2019
(48 + 6 months)



Senegal
(Kolda, Tambacounda
and Matam)



Ministry of
Territorial
Communities

Association of
Mayors of Senegal
(AMS)

How the project addresses the migration and development nexus

Mobility is treated as a resource of local development.

Key challenges faced during implementation

- Municipal staff turn over quickly.
- Data on returns are scattered.

Key good practices that can be tested during implementation

Pairing returnees with local young people eased tensions.

Profiles written by the municipalities themselves were used in budgets.

“When I came back, the town hall was the first door that opened for me.”

-A returnee in Kolda

During the COVID19 crisis

Small grants were paid by mobile money:
- Grants paid by mobile money;
- Etc.

Project site:

<https://example.org/migra-loc>
"""


@pytest.fixture(scope="module")
def fiche():
    fiches = extract_fiches(FICHE)
    assert len(fiches) == 1
    return fiches[0]


def span_text(fiche, name):
    field = next(f for f in fiche.fields if f.name == name)
    return FICHE[field.start:field.end]


def test_name_and_title_come_from_the_lines_above_the_first_section(fiche):
    assert (fiche.key, fiche.title) == ("MIGRA-LOC", "Local governance of migration in Senegal")
    assert span_text(fiche, "key") == "MIGRA-LOC"
    assert span_text(fiche, "title") == "Local governance of migration in Senegal"


def test_sections_are_split_and_expected_results_taken_out_of_the_objectives(fiche):
    assert fiche.value("objectives") == ("Municipalities plan services for residents, migrants "
                                         "and returnees alike.")
    assert "Five municipal migration profiles" in fiche.value("expected_results")
    assert "Expected results" not in fiche.value("objectives")
    assert fiche.value("nexus") == "Mobility is treated as a resource of local development."
    assert "EUR 12 mio" not in fiche.value("main_features")  # sidebar lines are left out


def test_funders_with_amounts_and_currencies(fiche):
    assert fiche.values("funders") == [
        {"name": "EU Trust Fund for Africa", "amount": 12_000_000, "currency": "EUR"},
        {"name": "AFD", "amount": 5_500_000, "currency": "EUR"},
    ]


def test_start_and_duration(fiche):
    assert fiche.value("start") == "2019-03"
    assert fiche.value("duration_months") == 54


def test_countries_and_sub_national_places(fiche):
    assert fiche.values("countries") == ["SN"]
    assert fiche.values("places") == ["Kolda", "Tambacounda", "Matam"]


def test_partners_wrapped_over_several_lines(fiche):
    assert fiche.values("partners") == ["Ministry of Territorial Communities",
                                        "Association of Mayors of Senegal (AMS)"]


def test_statements_from_bullets_and_paragraphs(fiche):
    assert fiche.values("challenges") == ["Municipal staff turn over quickly.",
                                          "Data on returns are scattered."]
    assert len(fiche.values("good_practices")) == 2  # two paragraphs, testimony left out
    # the lead-in line and a bare "Etc." are not statements
    assert fiche.values("covid_adaptations") == ["Grants paid by mobile money;"]


def test_testimony_without_its_attribution(fiche):
    assert fiche.value("testimony") == ("When I came back, the town hall was the first door "
                                        "that opened for me.")


def test_project_site(fiche):
    assert fiche.values("sites") == ["https://example.org/migra-loc"]


def test_quantitative_results_with_women_and_youth(fiche):
    target, *results = fiche.values("indicators")
    assert target == {"value": 5, "unit": "municipal migration profiles adopted",
                      "women": None, "youth": None}  # a target, from the expected results
    assert results[0] == {"value": 1250, "unit": "returnees received reintegration support",
                          "women": 430, "youth": 610}
    assert results[1]["value"] == 12 and "cooperatives" in results[1]["unit"]
    assert results[2]["value"] == 3000 and "people" in results[2]["unit"]
    assert len(results) == 3


def test_french_and_spanish_fiches_and_labelled_sidebars():
    text = """### OMI-SAHEL

**Observatoires municipaux des migrations au Mali**

**Financement :** UE (12 M€) & Coopération suisse (3 M€)
**Durée :** Depuis janvier 2019 (36 mois)
**Pays :** Mali (Kayes et Ségou), Côte d'Ivoire
**Partenaires :** Association des municipalités du Mali (AMM) ; Ministère de l'Intérieur

#### Objectifs principaux

Les communes analysent elles-mêmes la migration.

#### Principales caractéristiques

Des observatoires réunissent élus, agents et associations de migrants.

#### Principaux défis rencontrés

- Les données nationales sont rarement partagées.

#### Bonnes pratiques

- Les profils migratoires sont votés en conseil municipal.

### AJU-MIG

**Acceso a la justicia para personas migrantes**

#### Objetivos principales

Garantizar la asistencia jurídica gratuita.

#### Principales desafíos

- Rotación del personal de las defensorías.

#### Buenas prácticas

- Ventanillas transfronterizas de orientación.
"""
    fiches = extract_fiches(text)
    assert [f.key for f in fiches] == ["OMI-SAHEL", "AJU-MIG"]
    omi = fiches[0]
    assert omi.values("funders") == [{"name": "UE", "amount": 12_000_000, "currency": "EUR"},
                                     {"name": "Coopération suisse", "amount": 3_000_000,
                                      "currency": "EUR"}]
    assert (omi.value("start"), omi.value("duration_months")) == ("2019-01", 36)
    assert omi.values("countries") == ["ML", "CI"]
    assert omi.values("places") == ["Kayes", "Ségou"]
    assert omi.values("partners")[0] == "Association des municipalités du Mali (AMM)"
    assert omi.values("challenges") == ["Les données nationales sont rarement partagées."]
    assert fiches[1].values("good_practices") == ["Ventanillas transfronterizas de orientación."]


WRAPPED_LABELS = """FICHA 1

RUTAS

Reintegración de personas retornadas en Centroamérica

Financiadores: Unión Europea (EUR 3,8 millones) y Oficina de Población, Refugiados y
Migración - PRM (USD 2,000,000)
Países: Guatemala (Huehuetenango) y Mali (Kayes, Nioro du Sahel)
Socios: Instituto Guatemalteco de Migración (IGM); Centro de Atención al Migrante (CAMR)
de San Pedro Sula; Dirección General de Migración (DGME);
   Pastoral de Movilidad Humana

Objetivos

Las personas retornadas se reintegran en sus comunidades.

Principales características

- Los municipios han atendido a 3.420 personas retornadas, 1.150 de ellas mujeres;
- 960 personas, de las cuales 610 menores de 30 años, culminaron cursos técnicos;
- 1,200 trainees, 45% of them women, completed training.

Adaptaciones a la crisis sanitaria

- Atención psicosocial por teléfono.

Retos

- La llegada masiva de personas retornadas.



FICHA 2 (presented in English)

OTHER-KEY

Another programme title here

Objectives

Something.

Challenges

- Something else.
"""


def test_labelled_values_wrapped_over_lines_and_fiche_numbers():
    first, second = extract_fiches(WRAPPED_LABELS)
    assert first.key == "RUTAS" and second.key == "OTHER-KEY"
    assert first.values("partners") == [
        "Instituto Guatemalteco de Migración (IGM)",
        "Centro de Atención al Migrante (CAMR) de San Pedro Sula",
        "Dirección General de Migración (DGME)", "Pastoral de Movilidad Humana"]
    assert [f["name"] for f in first.values("funders")] == [
        "Unión Europea", "Oficina de Población, Refugiados y Migración - PRM"]
    assert "Sahel" not in first.values("places")  # part of "Nioro du Sahel"
    assert first.values("covid_adaptations") == ["Atención psicosocial por teléfono."]


def test_indicators_with_object_position_and_shares():
    fiche = extract_fiches(WRAPPED_LABELS)[0]
    served, trained, trainees = fiche.values("indicators")
    assert served == {"value": 3420, "unit": "personas retornadas atendido municipios",
                      "women": 1150, "youth": None}
    assert trained["youth"] == 610 and trained["unit"].startswith("personas culminaron")
    assert trainees["women"] == 540  # 45% of 1,200


NUMBERED = """Intro of the report.


Project 1 - ALPHA-KG: Safe Migration in the South of Somewhere

Funding          | Some Agency (SA): EUR 3,000,000
                 | Other Agency (OA): EUR 650,000
Implementer      | Big NGO
Start            | 2018
Duration         | four years

Objectives

Migrants make informed decisions.

What worked

- Peer counselling by returnees.

Partners

- Ministry of Labour
- University of Somewhere


EXPERIENCIA 2

BETA SUR
Inclusión de personas refugiadas en el sur

Objetivo

Que las personas refugiadas accedan a un empleo.

Cómo funciona

- 7 ventanillas abiertas, 5 de ellas con presupuesto propio.
- 3.600 jóvenes (el 38 % mujeres) recibieron información.
- 18 de los 22 municipios adoptaron un plan.

Retos

- La lentitud de los trámites.

KEY_DATA


SIGLAS

ACNUR    Alto Comisionado
""".replace("KEY_DATA", "Datos clave: Presupuesto €4M (Unión Europea) / Inicio: octubre de 2020, "
            "36 meses / Dónde: Guatemala (Esquipulas, Santa Fe) / Socios: Red A; Red B")


def test_numbered_fiche_heads_with_the_name_on_the_same_or_next_line():
    first, second = extract_fiches(NUMBERED)
    assert (first.key, first.title) == ("ALPHA-KG", "Safe Migration in the South of Somewhere")
    assert (second.key, second.title) == ("BETA SUR", "Inclusión de personas refugiadas en el sur")
    assert "SIGLAS" not in second.values("partners")  # a heading of the report ends the fiche


def test_pipe_rows_bare_labels_and_spelt_out_durations():
    fiche = extract_fiches(NUMBERED)[0]
    assert [(f["name"], f["amount"]) for f in fiche.values("funders")] == [
        ("Some Agency (SA)", 3000000), ("Other Agency (OA)", 650000)]
    assert fiche.value("duration_months") == 48
    assert fiche.values("partners") == ["Ministry of Labour", "University of Somewhere"]
    assert fiche.values("good_practices") == ["Peer counselling by returnees."]


def test_key_data_strung_together_with_slashes_at_the_end_of_a_fiche():
    fiche = extract_fiches(NUMBERED)[1]
    assert fiche.values("funders") == [{"name": "Unión Europea", "amount": 4000000,
                                        "currency": "EUR"}]
    assert (fiche.value("start"), fiche.value("duration_months")) == ("2020-10", 36)
    assert fiche.values("countries") == ["GT"]
    assert fiche.values("places") == ["Esquipulas", "Santa Fe"]
    assert fiche.values("partners") == ["Red A", "Red B"]


def test_parts_of_a_count_are_no_results_of_their_own():
    values = [(i["value"], i["women"], i["youth"])
              for i in extract_fiches(NUMBERED)[1].values("indicators")]
    assert values == [(7, None, None), (3600, 1368, 3600), (18, None, None)]


def test_bold_inline_labels_and_a_quote_with_its_attribution():
    text = """## 3. Fiches

### Fiche 1 — GAMMA

*Programme pour les villes*

**Objectif général :** Améliorer les services.

#### Contraintes

- Le foncier.

**Pendant la COVID-19 :**

- Missions à distance.

« J’ai quitté ma ville à dix-neuf ans pour partir loin. »
— Mohamed, 24 ans

## 4. Recommandations

1. Associer les municipalités.
"""
    (fiche,) = extract_fiches(text)
    assert (fiche.key, fiche.title) == ("GAMMA", "Programme pour les villes")
    assert fiche.value("objectives") == "Améliorer les services."
    assert fiche.values("covid_adaptations") == ["Missions à distance."]
    assert fiche.value("testimony") == "J’ai quitté ma ville à dix-neuf ans pour partir loin."


LABELLED_LINES = """ANNUAL REVIEW OF THE NETWORK

Our network met twice this year.

Case study 1: SKILL-UP
Title: Skills for returnees in Senegal
Objective: To improve the employability of returning migrants.
Budget: EUR 3 million (European Union)
Results: 312 returnees trained.
Challenges: Slow procedures at the ministry.

Case study 2: DIASPORA-LINK
Title: Diaspora investment in Mali
Objective: To channel diaspora savings into enterprises.
Where: Mali (Kayes)
Challenges: Distrust of banks among migrants.

Conclusions

We learnt a lot.
"""


def test_fiches_written_as_labelled_lines_end_at_a_heading_of_the_report():
    first, second = extract_fiches(LABELLED_LINES)
    assert (first.key, first.title) == ("SKILL-UP", "Skills for returnees in Senegal")
    assert first.value("objectives") == "To improve the employability of returning migrants."
    assert first.values("challenges") == ["Slow procedures at the ministry."]
    assert (second.key, second.values("places")) == ("DIASPORA-LINK", ["Kayes"])
    assert second.values("challenges") == ["Distrust of banks among migrants."]


def test_page_numbers_and_running_headers_go_and_a_paragraph_runs_on_over_the_break():
    text = ("Intro.\n\nThe team had to suspend visits and to\n\n    — 4 —\nNET | Report 2023\n\n"
            "work through local relays.\n\nA new paragraph.\n\n    — 5 —\nNET | Report 2023\n\n"
            "Challenges:\nNext one.\n")
    lines = drop_page_furniture(split_lines(text))
    kept = [ln.text for ln in lines]
    assert "NET | Report 2023" not in kept and "    — 4 —" not in kept
    at = kept.index("The team had to suspend visits and to")
    assert kept[at + 1] == "work through local relays."  # the paragraph is whole again
    assert kept[kept.index("A new paragraph.") + 1] == ""  # a sentence ended: the break stays
    assert "Challenges:" in kept  # a heading repeated in every fiche is no running header
    assert all(text[ln.start:ln.end] == ln.text for ln in lines)  # offsets into the text kept


def test_key_facts_told_in_a_sentence():
    facts = prose_facts(
        "Financé par le Fonds fiduciaire d'urgence de l'Union européenne à hauteur de 30 M€, "
        "PRISME est mis en œuvre en Côte d'Ivoire et en Guinée, en partenariat avec "
        "l'Organisation internationale pour les migrations (OIM), l'Agence Emploi Jeunes et "
        "l'Agence guinéenne pour la promotion de l'emploi (AGUIPE). Lancé en octobre 2018 pour "
        "une durée de 48 mois, il intervient à Abidjan, Daloa et Man ainsi qu'à Conakry.")
    assert (facts.start, facts.duration_months) == ("2018-10", 48)
    assert facts.countries == ["CI", "GN"]
    assert [(n, int(a), c) for n, a, c in facts.funders] == [
        ("Fonds fiduciaire d'urgence de l'Union européenne", 30000000, "EUR")]
    assert facts.partners == ["Organisation internationale pour les migrations (OIM)",
                              "Agence Emploi Jeunes",
                              "Agence guinéenne pour la promotion de l'emploi (AGUIPE)"]
    assert facts.places == ["Abidjan", "Daloa", "Man", "Conakry"]


DOT_LEADERS = """EXPERIENCIA 1

Retorno Digno en el Norte de Centroamérica (REDIR)

OBJETIVO
Que las personas retornadas puedan reintegrarse.

DIFICULTADES
  - La estigmatización de las personas deportadas.
  - La alta rotación del personal
    municipal.

TESTIMONIO
«Me deportaron después de once años.» — Carlos M., 38 años

DE UN VISTAZO
Financiación ......... USAID: USD 2,4 millones | OIM: USD 300.000
Periodo .............. de 04/2019 a 03/2022
Territorios .......... Huehuetenango y San Marcos (Guatemala); San Pedro Sula (Honduras)
Sitio web ............ https://www.redir-ca.org
"""


def test_a_title_wrapped_over_two_lines_keeps_both_in_its_span():
    text = ("JOKKO\nMobiliser la diaspora pour l'investissement dans les\nterritoires d'origine\n"
            "Objectifs\nContribuer au développement.\nDéfis\nLa confiance.\n")
    (fiche,) = extract_fiches(text)
    title = next(f for f in fiche.fields if f.name == "title")
    assert title.value == ("Mobiliser la diaspora pour l'investissement dans les "
                           "territoires d'origine")
    assert text[title.start:title.end].endswith("territoires d'origine")


def test_full_stop_run_in_headings_a_short_name_label_and_places_in_a_sentence():
    text = ("Nombre corto: RETORNA\nTítulo: Retorno digno en Honduras\n\n"
            "RETORNA started in March 2019 with the support of AECID. It works in Honduras "
            "(Copán, Lempira).\n\n"
            "Objectives. To help returnees.\n\nChallenges.\nDebts weigh on returnees.\n")
    (fiche,) = extract_fiches(text)
    assert (fiche.key, fiche.title) == ("RETORNA", "Retorno digno en Honduras")
    assert fiche.value("objectives") == "To help returnees."
    assert fiche.values("challenges") == ["Debts weigh on returnees."]
    assert (fiche.value("start"), fiche.values("countries")) == ("2019-03", ["HN"])
    assert fiche.values("places") == ["Copán", "Lempira"]


def test_a_key_in_parentheses_dot_leaders_and_an_indented_list():
    (fiche,) = extract_fiches(DOT_LEADERS)
    assert (fiche.key, fiche.title) == ("REDIR", "Retorno Digno en el Norte de Centroamérica")
    assert fiche.values("challenges") == ["La estigmatización de las personas deportadas.",
                                          "La alta rotación del personal municipal."]
    assert fiche.value("testimony") == "Me deportaron después de once años."
    assert [(f["name"], f["amount"]) for f in fiche.values("funders")] == [
        ("USAID", 2400000), ("OIM", 300000)]
    assert (fiche.value("start"), fiche.value("duration_months")) == ("2019-04", 36)
    assert fiche.values("countries") == ["GT", "HN"]
    assert fiche.values("places") == ["Huehuetenango", "San Marcos", "San Pedro Sula"]
    assert fiche.values("sites") == ["https://www.redir-ca.org"]


BOXED_AND_NUMBERED = """2. Why we met

Retos señalados por los equipos:
- la rotación del personal municipal tras cada elección;

Buenas prácticas que se propone replicar:
- las mesas municipales con organizaciones de migrantes.

3. Programme profiles

PROFILE 1
AGRO-LINK
Seasonal work and farming in the province of Kayes

+------------------------------------------------+
| Funding:   Some Agency - EUR 2.5 million       |
|            Other Fund for Africa - EUR 900,000 |
| Start:     May 2021                            |
+------------------------------------------------+

What the programme aims to do
Households with seasonal migrants secure their income.

What it has delivered so far
- 420 farmers trained, of whom 160 women.
- 900 young people aged 18 to 29 placed in apprenticeships.
- 12 cooperatives have received grants, of which 5 are run by women entrepreneurs, and
  30 returnees have opened a shop.

Migration and development: why it matters
Savings sent home are rarely invested in farming.

Partners
Chambre d'agriculture de Kayes; Association des Expulsés; Réseau
des jeunes ruraux

Reto principal: la sequía.

4. Cross-cutting lessons

Challenges common to all:
- Procedures are slow.
"""


def test_boxed_facts_renamed_sections_and_the_next_numbered_heading_of_the_report():
    fiches = extract_fiches(BOXED_AND_NUMBERED)
    assert [f.key for f in fiches] == ["AGRO-LINK"]  # lead-ins of a paragraph make no fiche
    fiche = fiches[0]
    assert [f["name"] for f in fiche.values("funders")] == ["Some Agency",
                                                           "Other Fund for Africa"]
    assert fiche.value("objectives").startswith("Households with seasonal")
    assert fiche.value("nexus") == "Savings sent home are rarely invested in farming."
    assert fiche.values("challenges") == ["la sequía."]  # "4. Cross-cutting …" ends the fiche
    assert fiche.values("partners") == ["Chambre d'agriculture de Kayes",
                                        "Association des Expulsés", "Réseau des jeunes ruraux"]
    assert fiche.values("places") == ["Kayes"]  # from the title
    assert [(i["value"], i["women"], i["youth"]) for i in fiche.values("indicators")] == [
        (420, 160, None), (900, None, 900), (12, 5, None), (30, None, None)]
    assert fiche.values("indicators")[3]["unit"] == "returnees opened shop"  # "a" is dropped


def test_units_end_at_a_second_verb_and_a_verb_of_another_subject():
    text = ("KEY-ONE\nUn projet de test pour les communes\n\nObjectifs\n\nAider.\n\n"
            "Réalisations\n\n14 observatoires ont été installés et se réunissent chaque mois. "
            "Une enquête auprès de 1 200 ménages a été réalisée en 2022. Il a permis la mise en "
            "place de 38 périmètres, au bénéfice de 2 300 ménages.\n\nDéfis\n\n- Aucun.\n")
    units = {i["value"]: i["unit"] for i in extract_fiches(text)[0].values("indicators")}
    assert units == {14: "observatoires installés", 1200: "ménages",
                     38: "périmètres permis la mise en place",
                     2300: "ménages au bénéfice périmètres"}


def test_units_of_young_people_a_borrowed_subject_and_another_count_between():
    text = ("KEY-TWO\nUn proyecto de prueba para jóvenes\n\nObjetivo\n\nAyudar.\n\n"
            "Resultados\n\n- 1.640 jóvenes han finalizado la formación, de ellos 912 mujeres y "
            "233 jóvenes retornados.\n- 587 jóvenes han conseguido un empleo formal y 164 han "
            "puesto en marcha un emprendimiento.\n- 12 labour inspectors and 30 staff of "
            "employers' associations trained on the rights of seasonal workers.\n"
            "- 40 projets d'investissement portés conjointement par les communes et des "
            "associations de la diaspora.\n\nDificultades\n\n- Ninguna.\n")
    found = {i["value"]: i for i in extract_fiches(text)[0].values("indicators")}
    assert (found[1640]["women"], found[1640]["youth"]) == (912, 1640)  # all of them young
    assert found[164]["unit"] == "jóvenes puesto en marcha un emprendimiento"
    assert found[164]["youth"] == 164
    assert found[12]["unit"] == "labour inspectors trained on the rights"  # six words kept
    assert found[40]["unit"] == "projets d'investissement portés conjointement par les"


def test_partners_and_a_second_funder_told_in_prose():
    facts = prose_facts(
        "Le projet, financé par la Ville de Lyon à hauteur de 450 000 € et par Expertise France "
        "pour 800 000 €, a démarré en mars 2022. Ses partenaires sont la Commune de Sfax, "
        "l'Office National de l'Emploi et des Compétences (ONEC) et l'association Terre "
        "Solidaire. It is implemented by Enabel with the Flemish employment service VDAB and "
        "Agoria, the technology federation.")
    assert [(n, int(a), c) for n, a, c in facts.funders] == [
        ("Ville de Lyon", 450_000, "EUR"), ("Expertise France", 800_000, "EUR")]
    assert facts.partners == ["Commune de Sfax",
                              "Office National de l'Emploi et des Compétences (ONEC)",
                              "Terre Solidaire", "Flemish employment service VDAB"]
    assert facts.countries == []  # France is a funder's name here


PDF_TABLE_FACTS = """3. Programme profiles
Each profile follows the same structure.

3.1  SKILLBRIDGE
Skills Bridge: Legal Labour Pathways between Tunisia and Germany

Lead agency GIZ

Funding EU Trust Fund for Africa: EUR 4.2 million BMZ: €1.5m

Start date October 2019
Duration 42 months
Countries Tunisia, Germany

Partners

National Agency for Employment (ANETI); Office of
Tunisians Abroad (OTE); German Federal Employment Agency (BA)
Website not available

Objectives
To make labour migration fair.
Challenges
Recognition of qualifications took up to nine months, which delayed departures and
discouraged candidates.
Demand from employers fluctuated strongly, making it difficult to plan training cohorts a
year in advance.
Main features and results
• 58 community projects launched in 22 communes.

4. Cross-cutting findings
All four programmes are aligned with national strategies.
"""


def test_key_facts_from_a_pdf_table_that_lost_its_column_gap():
    (fiche,) = extract_fiches(PDF_TABLE_FACTS)
    assert (fiche.key, fiche.value("start"), fiche.value("duration_months")) == (
        "SKILLBRIDGE", "2019-10", 42)
    assert fiche.values("funders") == [
        {"name": "EU Trust Fund for Africa", "amount": 4_200_000, "currency": "EUR"},
        {"name": "BMZ", "amount": 1_500_000, "currency": "EUR"}]
    assert fiche.values("countries") == ["TN", "DE"]
    assert fiche.values("partners") == ["National Agency for Employment (ANETI)",
                                        "Office of Tunisians Abroad (OTE)",
                                        "German Federal Employment Agency (BA)"]
    assert len(fiche.values("challenges")) == 2  # paragraphs end at a short line
    assert [i["value"] for i in fiche.values("indicators")] == [58]  # "in 22 communes" is where
    assert "Cross-cutting" not in fiche.value("main_features")


PRACTICES_WITH_FOOTERS = """SOMMAIRE

   Pratique n°1 — JOKKO ......................................... 6
4. Conclusions et recommandations ............................... 15


                              Rapport annuel 2021 — page 5

ACCD – Observatoire Migrations & Territoires

3. PRATIQUES INSPIRANTES


PRATIQUE N°1 — JOKKO : Mobiliser l'épargne de la diaspora dans la vallée du fleuve et à
Matam

Objectifs

Contribuer au développement économique local.

Lien migration et développement

Les transferts financent d'abord la consommation des ménages et
                              Rapport annuel 2021 — page 6

ACCD – Observatoire Migrations & Territoires

la construction.

Difficultés rencontrées

• La méfiance initiale d'une partie de la diaspora.

Fiche signalétique

Financement : Coopération luxembourgeoise, mise en œuvre par LuxDev – 3,2 millions d'euros
Durée : 36 mois, prolongée de 12 mois


                              Rapport annuel 2021 — page 7

ACCD – Observatoire Migrations & Territoires

4. CONCLUSIONS ET RECOMMANDATIONS

Les pratiques présentées ne sont pas des modèles.
"""


def test_practices_numbered_with_running_footers_and_an_extended_duration():
    (fiche,) = extract_fiches(PRACTICES_WITH_FOOTERS)  # the contents make no fiche
    assert fiche.key == "JOKKO"
    assert fiche.title.endswith("fleuve et à Matam")  # wrapped after "à"
    assert fiche.value("nexus") == ("Les transferts financent d'abord la consommation des "
                                    "ménages et\nla construction.")  # footer and header gone
    assert fiche.values("funders") == [{"name": "Coopération luxembourgeoise",
                                        "amount": 3_200_000, "currency": "EUR"}]
    assert fiche.value("duration_months") == 48


CATALOGUE_WITH_TABLES = """## RETORNA. Reintegración sostenible en el norte de Honduras

Inicio\tMarzo de 2020
Duración\t36 meses

Objetivo general

Contribuir a la reintegración de las personas retornadas.

Principales características

RETORNA acompaña a las personas desde su llegada.

Resultados alcanzados

Indicador\tValor\tDe las cuales, mujeres
Personas retornadas con plan de reintegración\t2.140\t610
Personas colocadas en empleo formal\t226\t95

Adaptación a la COVID-19

- La gestión de casos pasó a realizarse por teléfono.

DIÁSPORA XELA\tVinculación de la diáspora quetzalteca con el desarrollo local
Inicio\tEnero de 2022

Objetivo general

Canalizar el ahorro de la diáspora.

Adaptación a la COVID-19

No aplica (el proyecto inició en 2022).
"""


def test_key_dot_title_headings_a_key_in_a_table_row_and_results_in_a_table():
    first, second = extract_fiches(CATALOGUE_WITH_TABLES)
    assert (first.key, first.title) == ("RETORNA",
                                        "Reintegración sostenible en el norte de Honduras")
    assert first.values("indicators") == [
        {"value": 2140, "unit": "Personas retornadas con plan de reintegración", "women": 610,
         "youth": None},
        {"value": 226, "unit": "Personas colocadas en empleo formal", "women": 95,
         "youth": None}]
    assert (second.key, second.value("start")) == ("DIÁSPORA XELA", "2022-01")
    assert second.values("covid_adaptations") == []  # "No aplica" is no adaptation


def test_cases_with_the_title_in_parentheses_dash_labels_and_facts_in_prose():
    text = ("3. The cases\n\nCase 2: WAYS (Women and Youth Seasonal mobility pilot)\n"
            "WAYS started in October 2019. Its budget was shared between the Spanish Agency "
            "for Cooperation (AECID), which contributed EUR 900,000, and the Mobility "
            "Partnership Facility (MPF), which contributed EUR 650,000. The pilot ended in "
            "September 2022.\nPartners – ANAPEC; Fundación Cepaim\nCountries – Morocco and "
            "Spain\n\nObjective:\nTo make seasonal work fair.\nObstacles:\n"
            "Employers in Huelva preferred experienced workers, which made it hard to open the "
            "scheme to young first-timers.\nThe closure of the border in 2020 left workers "
            "stranded in Spain for several months.\nQuote:\n“With the money I bought a "
            "sewing machine.”\n")
    (fiche,) = extract_fiches(text)
    assert (fiche.key, fiche.title) == ("WAYS", "Women and Youth Seasonal mobility pilot")
    assert (fiche.value("start"), fiche.value("duration_months")) == ("2019-10", 36)
    assert [f["name"] for f in fiche.values("funders")] == [
        "Spanish Agency for Cooperation (AECID)", "Mobility Partnership Facility (MPF)"]
    assert fiche.values("partners") == ["ANAPEC", "Fundación Cepaim"]
    assert fiche.values("countries") == ["MA", "ES"]
    assert len(fiche.values("challenges")) == 2  # one paragraph per line in a Word export
    assert fiche.value("testimony") == "With the money I bought a sewing machine."


FICHES_AS_TABLES = """# 3. Programme fiches

Fiche 1

Programme\tDJ-URBAN
Title\tInclusive urban services for refugees and host communities in Djibouti
Donor(s)\tAgence Française de Développement (AFD)
Budget\tEUR 7 million
Partners\tThe programme is implemented by Expertise France with the Norwegian Refugee \
Council (NRC). It works with the Municipality of Djibouti and the Obock Regional Council, and \
receives advice from UN-Habitat.
Objective\tRefugees and host households have equal access to water.
Challenges\t• Fiscal transfers to the regions are small. ; • Transit migrants move quickly.
COVID-19\tHand-washing stations were installed at all water points.
Testimony\t“We finally have water in Balbala.” ; — Amina, resident of Balbala
Website\tn/a

# 4. What the programmes tell us

Work through public systems.
"""


def test_a_fiche_written_as_one_two_column_table():
    (fiche,) = extract_fiches(FICHES_AS_TABLES)
    assert (fiche.key, fiche.title) == (
        "DJ-URBAN", "Inclusive urban services for refugees and host communities in Djibouti")
    assert fiche.values("funders") == [{"name": "Agence Française de Développement (AFD)",
                                        "amount": 7_000_000, "currency": "EUR"}]  # the budget
    assert fiche.values("partners") == [
        "Expertise France", "Norwegian Refugee Council (NRC)", "Municipality of Djibouti",
        "Obock Regional Council", "UN-Habitat"]
    assert fiche.values("challenges") == ["Fiscal transfers to the regions are small.",
                                          "Transit migrants move quickly."]
    assert fiche.values("covid_adaptations") == [
        "Hand-washing stations were installed at all water points."]  # not "Website n/a"
    assert fiche.value("testimony") == "We finally have water in Balbala."
    assert fiche.values("sites") == []


NUMBERED_WITH_LETTERED_SECTIONS = """5. Conclusiones y recomendaciones

• Dar a los gobiernos locales un papel central.

ANEXO I. FICHAS DE LAS EXPERIENCIAS

1. MIGRANDES – Gobernanza local de la movilidad humana en la frontera andina

Financiación: Unión Europea (EUR 3 millones) y AECID (EUR 1,5 millones) | Presupuesto total: \
EUR 4,5 millones
Periodo: de enero de 2021 a junio de 2023 | Ámbito: Colombia (Cúcuta, Ipiales)

a) Objetivos

Fortalecer la capacidad de los gobiernos locales de frontera.

c) Descripción

Entre octubre de 2020 y junio de 2023 las oficinas atendieron a 12.600 personas migrantes.

g) Respuesta a la COVID-19

No aplica: el proyecto comenzó después de la pandemia.
"""


def test_numbered_fiches_lettered_sections_and_pipe_separated_facts():
    (fiche,) = extract_fiches(NUMBERED_WITH_LETTERED_SECTIONS)
    assert (fiche.key, fiche.value("start"), fiche.value("duration_months")) == (
        "MIGRANDES", "2021-01", 30)
    assert [(f["name"], f["amount"]) for f in fiche.values("funders")] == [
        ("Unión Europea", 3_000_000), ("AECID", 1_500_000)]  # the total is no funder
    assert (fiche.values("countries"), fiche.values("places")) == (["CO"], ["Cúcuta", "Ipiales"])
    assert fiche.values("indicators")[0]["unit"] == "personas migrantes atendieron oficinas"
    assert fiche.values("covid_adaptations") == []


ALIGNED_LABELS = """2. HOW THE MEETING WORKED

Each team filled in a standard template (objectives, results,
funding, partners, challenges, good practices, COVID-19 adaptations) and
presented it in a 20-minute slot.

3. PROGRAMME PROFILES

------------------------------------------------------------------------------
3.2  RE-ANCRAGE
     Returning migrants and local economies in eastern Senegal
------------------------------------------------------------------------------

Implementing agency : Italian Agency for Development Cooperation (AICS), Dakar
                      office
Funding             : Netherlands Ministry of Foreign Affairs - EUR 3.2
                      million
Duration            : 2019-2022 (4 years), extended by 12 months to December
                      2023
Partners            : General Directorate for Support to Senegalese Abroad
                        (DGASE)
                      Caritas Senegal
                      Regional Development Agencies (ARD) of Tambacounda and
                        Kolda

Objectives

Returning migrants rebuild their livelihoods.

Testimony

No testimony was shared for this profile.

Good practices

Too early to say - the programme is in inception.
"""


def test_aligned_labels_with_hanging_indents_and_sections_marked_empty():
    (fiche,) = extract_fiches(ALIGNED_LABELS)  # the template's list of sections is no fiche
    assert (fiche.key, fiche.title) == (
        "RE-ANCRAGE", "Returning migrants and local economies in eastern Senegal")
    assert fiche.values("funders") == [{"name": "Netherlands Ministry of Foreign Affairs",
                                        "amount": 3_200_000, "currency": "EUR"}]
    assert fiche.value("duration_months") == 60
    assert fiche.values("partners") == [
        "General Directorate for Support to Senegalese Abroad (DGASE)", "Caritas Senegal",
        "Regional Development Agencies (ARD) of Tambacounda and Kolda"]
    assert (fiche.value("testimony"), fiche.values("good_practices")) == (None, [])


def test_numbered_markdown_headings_of_fiches_and_plural_area_words():
    text = ("# 4. Fichas de las intervenciones\n\n## 4.1 RUTAS — Reintegración sostenible en "
            "Honduras\n\nTerritorios\tDepartamentos de Intibucá y Lempira\n\n"
            "### Objetivo general\n\nApoyar la reintegración.\n\n### Buenas prácticas\n\n"
            "Es todavía pronto para identificar buenas prácticas.\n\n## 4.2 PUENTES — Acceso a "
            "derechos en la frontera\n\n### Objetivo general\n\nMejorar el acceso.\n\n"
            "### Principales desafíos\n\n- La xenofobia.\n")
    first, second = extract_fiches(text)
    assert [(f.key, f.title) for f in (first, second)] == [
        ("RUTAS", "Reintegración sostenible en Honduras"),
        ("PUENTES", "Acceso a derechos en la frontera")]
    assert first.values("places") == ["Intibucá", "Lempira"]
    assert first.values("good_practices") == []


def test_a_facts_block_in_french_and_an_attribution_right_under_the_quote():
    text = ("FICHE 1\nTERRA\nTerritoires, emploi rural et retour accompagné\n"
            "========================================\n\n"
            "Pays et zones d'intervention : Sénégal - régions de Tambacounda, Kolda et Sédhiou\n"
            "Agence de mise en œuvre : Expertise France\n"
            "Partenaires :\n   - Chambres de métiers de Tambacounda\n   - Caritas Sénégal\n\n"
            "OBJECTIFS\nAider les jeunes.\n\nDIFFICULTÉS RENCONTRÉES\n- La saison des pluies.\n\n"
            "TÉMOIGNAGE\n« Aujourd'hui j'ai 800 poulets et deux employés. »\n"
            "Mamadou S., 29 ans, aviculteur à Koussanar\n\n"
            "========================================\nFICHE 2\nMIGRALOC\nAppui à la "
            "gouvernance locale des migrations\n\nOBJECTIFS\nAppuyer les communes.\n\n"
            "TÉMOIGNAGE\nNon transmis.\n")
    first, second = extract_fiches(text)
    assert (first.values("countries"), first.values("places")) == (
        ["SN"], ["Tambacounda", "Kolda", "Sédhiou"])
    assert first.values("partners") == ["Chambres de métiers de Tambacounda", "Caritas Sénégal"]
    assert first.value("testimony") == "Aujourd'hui j'ai 800 poulets et deux employés."
    assert second.value("testimony") is None


def test_a_pdf_facts_table_with_names_one_per_line_and_a_dated_results_heading():
    text = ("3.1 TaLeM - Talent and Legal Mobility Partnership\n\n"
            "Bailleurs Union européenne – Fonds fiduciaire : 8,5 M€ Agence française de "
            "développement (AFD) : 2 M€\n\nMise en œuvre Expertise France\nDémarrage janvier "
            "2019\nPays Sénégal\n\nZones d’intervention Régions de Tambacounda et de Kédougou\n"
            "\nPartenaires\n\nAgence régionale de développement de Tambacounda\nGRDR "
            "Migration-Citoyenneté-Développement\nSite web https://www.example.org/pagim\n\n"
            "Objectifs\nContribuer au développement local.\n"
            "Results to date (December 2022)\n\n* 1,250 job-seekers received training.\n")
    (fiche,) = extract_fiches(text)
    assert fiche.key == "TaLeM"
    assert [(f["name"], f["amount"]) for f in fiche.values("funders")] == [
        ("Union européenne – Fonds fiduciaire", 8_500_000),
        ("Agence française de développement (AFD)", 2_000_000)]
    assert fiche.values("places") == ["Tambacounda", "Kédougou"]
    assert fiche.values("partners") == ["Agence régionale de développement de Tambacounda",
                                        "GRDR Migration-Citoyenneté-Développement"]
    assert fiche.values("sites") == ["https://www.example.org/pagim"]
    assert [i["value"] for i in fiche.values("indicators")] == [1250]


BROCHURE_PROFILES = """## Featured programmes

### LINK-MD — Connecting Moldova's diaspora with their home towns

**Budget:** CHF 3.0 million (SDC), co-financed with USD 450,000 from UNDP
**Donors:** SDC; UNDP
**Where:** Moldova — Cahul, Ungheni

#### What we aim for

Local governments engage their diaspora as a partner for local development.

#### What success looks like

By 2024, 40 towns have a diaspora contact point.

#### Hurdles

- Mistrust between diaspora members and local authorities.

#### What we learned

- A small first project convinces more people than an ambitious plan.

**More:** https://www.example.org/link-md

---

### BRIDGE-JO — Decent work in Irbid and Mafraq

**Budget:** CHF 6.5 million (SDC) and EUR 4 million (EU Trust Fund for Africa)
**Donors:** SDC; EU Emergency Trust Fund for Africa
**Where:** Jordan (Irbid)

**What we aim for.** Refugees and Jordanians access decent and formal jobs.

**Hurdles.**

- Childcare and transport are major obstacles for women.
"""


def test_a_brochure_names_its_sections_in_its_own_words_and_splits_its_budget():
    first, second = extract_fiches(BROCHURE_PROFILES)
    assert first.value("objectives") == (
        "Local governments engage their diaspora as a partner for local development.")
    assert first.value("expected_results") == "By 2024, 40 towns have a diaspora contact point."
    assert first.values("challenges") == [
        "Mistrust between diaspora members and local authorities."]
    assert first.values("good_practices") == [
        "A small first project convinces more people than an ambitious plan."]
    assert first.values("sites") == ["https://www.example.org/link-md"]
    assert first.values("partners") == []
    assert first.values("funders") == [
        {"name": "SDC", "amount": 3_000_000, "currency": "CHF"},
        {"name": "UNDP", "amount": 450_000, "currency": "USD"}]
    assert second.value("objectives") == "Refugees and Jordanians access decent and formal jobs."
    assert second.values("challenges") == ["Childcare and transport are major obstacles for women."]
    assert second.values("funders") == [  # the donors' own names, the budget's shares
        {"name": "SDC", "amount": 6_500_000, "currency": "CHF"},
        {"name": "EU Emergency Trust Fund for Africa", "amount": 4_000_000, "currency": "EUR"}]


def test_a_pdf_facts_table_whose_labels_wrap_in_their_narrow_column():
    text = ("3.4 GAMREC\nReturnee Enterprise and Community Resilience in The Gambia\n\n"
            "Funding Swiss Agency for Development and Cooperation (SDC): CHF 2.4 million\n"
            "Start and\nduration 2022 (30 months)\n\n"
            "Regions Upper River Region and Brikama, The Gambia\n\n"
            "Implementing\nagency Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)\n"
            "\nObjectives\nYoung returnees build viable livelihoods at home.\n\n"
            "Link with migration\nMost participants travelled the backway.\n\n"
            "Early challenges\n• Seasonal work reduces attendance.\n")
    (fiche,) = extract_fiches(text)  # not a second fiche "GIZ"
    assert (fiche.values("start"), fiche.values("duration_months")) == (["2022"], [30])
    assert fiche.values("places") == ["Upper River Region", "Brikama"]
    assert fiche.values("partners") == []  # the implementing agency is no partner
    assert fiche.value("nexus") == "Most participants travelled the backway."
    assert fiche.values("challenges") == ["Seasonal work reduces attendance."]


WORD_EXPORT_FICHES = """Annexe 1 – Fiches des programmes

Fiche 1 – JIGI-Kayes
Réinsertion économique des migrants de retour dans la région de Kayes

Financé par la Direction du développement et de la coopération suisse (DDC) à hauteur de \
3,2 millions CHF et cofinancé par la Région Île-de-France (450 000 €), le projet a démarré en \
janvier 2020 pour une durée de 36 mois. Il est mis en œuvre par l’ONG Tiwa avec le Conseil \
régional de Kayes et l’association de ressortissants « Kayes Solidarité France ».

Principales réalisations
•\t2 900 ménages déplacés ont reçu des documents d’état civil, dont 1 400 ménages dirigés par \
des femmes ;
•\t2 100 travailleuses saisonnières ont participé aux séances, dont 1 300 âgées de moins de \
30 ans.

Migration et développement : quel lien ?
Dans la région de Kayes, la migration finance une grande partie des infrastructures.

Enjeux et difficultés
-\tLes contrats saisonniers sont signés tardivement.


Fiche 2 – TERR’ACCUEIL
Cohésion sociale dans les communes d’accueil de personnes déplacées internes

Bailleur : Fonds fiduciaire d’urgence de l’Union européenne (FFU) – 8 000 000 EUR
Partenaires :
•\tMinistère de l’Administration territoriale, de la Décentralisation et de la Sécurité
•\tCommunes de Kaya, Dori et Ouahigouya

Objectifs
Améliorer l’accès des personnes déplacées internes aux services sociaux de base.

Défis
•\tLes arrivées continues de nouveaux déplacés rendent les plans obsolètes.


Fiche 3 – OCM-CI
Observatoires communaux des migrations en Côte d’Ivoire

Financement : BMZ, 2,8 millions EUR
Partenaires : ministère de l’Intérieur et de la Sécurité, Union des villes et communes de \
Côte d’Ivoire (UVICOCI), Office national de la population (ONP) et Université Alassane \
Ouattara de Bouaké.

Objectif
Doter les communes d’un outil permanent d’analyse des migrations locales.

Défis
•\tLa collecte de données auprès des migrants est difficile.
"""


def test_a_word_export_with_facts_in_a_sentence_and_lists_of_names():
    first, second, third = extract_fiches(WORD_EXPORT_FICHES)
    assert [(f["name"], f["amount"], f["currency"]) for f in first.values("funders")] == [
        ("Direction du développement et de la coopération suisse (DDC)", 3_200_000, "CHF"),
        ("Région Île-de-France", 450_000, "EUR")]  # "… et cofinancé par …"
    assert first.values("partners") == ["Conseil régional de Kayes", "Kayes Solidarité France"]
    assert [(i["value"], i["women"], i["youth"]) for i in first.values("indicators")] == [
        (2900, 1400, None),  # households headed by women
        (2100, 2100, 1300)]  # "travailleuses" are all women; "âgées de moins de 30 ans"
    assert first.value("nexus").startswith("Dans la région de Kayes")  # a question heading
    assert first.values("challenges") == ["Les contrats saisonniers sont signés tardivement."]
    assert second.values("partners") == [  # one name per bullet, commas and all
        "Ministère de l’Administration territoriale, de la Décentralisation et de la Sécurité",
        "Communes de Kaya, Dori et Ouahigouya"]
    assert third.values("partners") == [  # a list with a full stop is not a sentence
        "ministère de l’Intérieur et de la Sécurité",
        "Union des villes et communes de Côte d’Ivoire (UVICOCI)",
        "Office national de la population (ONP)", "Université Alassane Ouattara de Bouaké"]


COMPENDIUM = """3. The practices

GOOD PRACTICE 1

SKILLS BRIDGE
Global skills partnership for nursing education in Ghana

  AT A GLANCE
  Budget: EUR 2,650,000 (ADCA EUR 2.1 million; Ministry of Labour of Ghana EUR 550,000)
  Período de ejecución: March 2020 – August 2023
  Implementation: Ghana Reintegration Network (GRN), with the National Youth Council, the
Ministry of Youth and Sports and the Basse Area Council

Partners
• Ministry of Labour, Social Security and Migration of the Kyrgyz Republic
• Union of Local Self-Governments

Expected results by end 2024
• 1,500 nurses and midwives graduated.

Challenges
• Long recognition procedures delayed the first departures.

GOOD PRACTICE 2

MUNI-SERVE
Strengthening municipal services for refugees in northern Jordan

  AT A GLANCE
  Funding: EU Regional Trust Fund (Madad) – EUR 5 million; ADCA
– EUR 800,000
  Implementation: UN-Habitat, in consortium with the Cities and Villages Development Bank

Challenges
• Municipal budgets are small.
"""


def test_a_compendium_of_numbered_good_practices_with_at_a_glance_boxes():
    first, second = extract_fiches(COMPENDIUM)
    assert (first.key, second.key) == ("SKILLS BRIDGE", "MUNI-SERVE")  # not "GOOD PRACTICE 1"
    assert first.values("funders") == [  # a total's named shares
        {"name": "ADCA", "amount": 2_100_000, "currency": "EUR"},
        {"name": "Ministry of Labour of Ghana", "amount": 550_000, "currency": "EUR"}]
    assert (first.values("start"), first.values("duration_months")) == (["2020-03"], [42])
    assert first.values("partners") == [  # one per bullet; then those the implementer works with
        "Ministry of Labour, Social Security and Migration of the Kyrgyz Republic",
        "Union of Local Self-Governments", "National Youth Council",
        "Ministry of Youth and Sports", "Basse Area Council"]
    assert first.value("expected_results") == "1,500 nurses and midwives graduated."
    assert second.values("funders")[1] == {"name": "ADCA", "amount": 800_000, "currency": "EUR"}
    assert second.values("partners") == []  # a consortium member implements


CAPITALISATION = """# 2. Les projets

## Fiche 3 – TAWASSOL

Accueil et orientation des personnes migrantes dans le gouvernorat de Médenine

Coût total\t850 000 euros, dont 755 000 euros AFD (FICOL) et 95 000 euros Ville de Grenoble
Calendrier\tAvril 2021 – septembre 2023 (30 mois)
Acteurs impliqués\tLe projet est mis en œuvre avec la Municipalité de Zarzis et l'Office des \
Tunisiens à l'étranger (OTE).

### Objectifs

Mettre en place un espace d'accueil dans chaque municipalité.

### Bonne pratique

Le choix d'un accueil « tous publics » a facilité l'acceptation du dispositif.

## Fiche 4 – AWDA

Accompagnement des Marocains de retour dans la province de Fquih Ben Salah (Maroc)

### Le projet en bref

Lancé en janvier 2022 pour une durée de 24 mois, le projet est mené en partenariat avec la \
Commune de Souk Sebt Oulad Nemma et l'association Migrations & Terroirs du Tadla.

### Objectif

Faciliter la réinsertion économique et sociale des Marocains de retour.

### Points de vigilance

- Les personnes de retour hésitent à se déclarer auprès des services publics.

# 3. Enseignements transversaux

- Connaître avant d'agir : les diagnostics réalisés par les collectivités sont plus utilisés.
"""


def test_a_capitalisation_report_in_markdown_with_its_own_section_names():
    first, second = extract_fiches(CAPITALISATION)
    assert first.values("funders") == [  # a total and its shares after "dont"
        {"name": "AFD (FICOL)", "amount": 755_000, "currency": "EUR"},
        {"name": "Ville de Grenoble", "amount": 95_000, "currency": "EUR"}]
    assert first.values("partners") == ["Municipalité de Zarzis",
                                        "Office des Tunisiens à l'étranger (OTE)"]
    assert first.values("good_practices") == [
        "Le choix d'un accueil « tous publics » a facilité l'acceptation du dispositif."]
    assert (second.values("start"), second.values("duration_months")) == (["2022-01"], [24])
    assert second.values("partners") == ["Commune de Souk Sebt Oulad Nemma",
                                         "Migrations & Terroirs du Tadla"]
    assert second.values("challenges") == [
        "Les personnes de retour hésitent à se déclarer auprès des services publics."]
    assert second.values("good_practices") == []  # the report's lessons, after "# 3."


def test_a_footer_ending_in_page_n_of_m_and_a_lessons_chapter_after_the_last_fiche():
    footer = "\nRéseau Migration & Développement local - Rapport d'atelier Page {}/8\n\n"
    text = ("3. Fiches des programmes présentés\n\nLes fiches suivent.\n\n"
            "3.1  GOLMI\nGouvernance locale des migrations\n\nObjectifs\nAméliorer la "
            "gouvernance.\n" + footer.format(4) + "Défis\n• Les données manquent.\n"
            + footer.format(5) + "3.2  ORM\nObservatoires régionaux des migrations\n\n"
            "Objectifs\nProduire des données.\n\nDéfis\n• Les moyens sont faibles.\n\n"
            "4. Enseignements transversaux\nLes échanges ont fait ressortir des leçons :\n"
            "• Ouvrir les services à tous réduit les tensions.\n")
    first, second = extract_fiches(text)
    assert first.values("challenges") == ["Les données manquent."]  # no footer among them
    assert second.values("challenges") == ["Les moyens sont faibles."]
    assert second.values("good_practices") == []  # chapter 4 is the report's, not ORM's


def test_facts_told_in_one_sentence_with_areas_and_their_towns_and_articled_names():
    text = ("4.2 ReSkill Ghana\nReintegration through skills for returning migrants in Ghana\n\n"
            "ReSkill Ghana runs from 2020 (42 months). It works in the Ashanti Region (Kumasi) "
            "and the Bono Region (Techiman and Sunyani) with the Ghana Immigration Service "
            "(GIS), the Commission for Technical and Vocational Education and Training (CTVET) "
            "and the Returnee Network Ghana.\n\nObjectives\n- Improve reintegration.\n\n"
            "Key challenges\n- Debts push returnees towards quick income.\n\n"
            "Lessons learned / good practices\n- Peer support groups led by returnees work.\n")
    (fiche,) = extract_fiches(text)
    assert fiche.values("places") == ["Ashanti Region", "Kumasi", "Bono Region", "Techiman",
                                      "Sunyani"]
    assert fiche.values("partners") == [
        "Ghana Immigration Service (GIS)",
        "Commission for Technical and Vocational Education and Training (CTVET)",
        "Returnee Network Ghana"]
    assert fiche.values("good_practices") == ["Peer support groups led by returnees work."]


OBSERVATORY_REVIEW = """### 3.1 PACTE-Jeunes

**Programme d'appui aux collectivités territoriales pour l'emploi des jeunes**

- **Partenaires :** Organisation internationale pour les migrations (OIM), Croix-Rouge \
malienne, Direction régionale du développement social de Kayes, association Retour et \
Développement

#### Objectif général

Améliorer l'insertion économique des jeunes.

#### Principaux résultats

Au 31 décembre 2023, le programme a permis la formation de 1 860 jeunes.

### 3.2 DIASPO-Kayes

**Mobiliser la diaspora pour le développement local**

#### Objectif

Renforcer la contribution des associations de la diaspora.

#### Où en est le projet ?

Fin 2023, 16 projets avaient été réalisés.
"""


def test_an_observatory_review_with_its_own_section_names():
    first, second = extract_fiches(OBSERVATORY_REVIEW)
    assert first.key == "PACTE-Jeunes"  # "Principaux résultats" is a section, not a fiche
    assert first.value("main_features").startswith("Au 31 décembre 2023")
    assert first.values("partners") == [
        "Organisation internationale pour les migrations (OIM)", "Croix-Rouge malienne",
        "Direction régionale du développement social de Kayes",
        "association Retour et Développement"]
    assert second.value("main_features") == "Fin 2023, 16 projets avaient été réalisés."


def test_a_text_without_fiches_gives_none():
    assert extract_fiches("") == []
    assert extract_fiches("Minutes of the meeting.\n\nChallenges\n\nWe discussed a lot.") == []


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("report,truth", [
    (SAMPLE, REPO / "tests" / "data" / "pn-cfm-session1-report-2020.json"),
    *[(p, p.with_suffix(".json")) for p in sorted((REPO / "tests" / "data" / "unseen").glob("*"))
      if p.suffix in (".txt", ".md")],
])
def test_reports_of_the_genre_score_at_least_095(report, truth):
    fiches = [f.as_dict() for f in extract_fiches(report.read_text(encoding="utf-8"))]
    result = evaluate(load(truth), fiches)
    assert result.total.f1 >= 0.95, result.report()


@pytest.mark.parametrize("report", [
    p for folder in sorted((REPO / "tests" / "data").glob("heldout*"))
    for p in sorted(folder.glob("*")) if p.suffix in (".txt", ".md", ".pdf", ".docx")
], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_reports_once_held_out_stay_above_090(report):
    """Reports written blind by people who had not seen the extractor; scored blind first (see
    the commit messages and docs/ingest.md), they now guard against regressions. The .pdf and
    .docx ones go through the same readers as an upload."""
    text = read_document(report.name, report.read_bytes()).text
    fiches = [f.as_dict() for f in extract_fiches(text)]
    result = evaluate(load(report.with_suffix(".json")), fiches)
    assert result.total.f1 >= 0.90, result.report()


LEARNING_REVIEW = """3  Programme fiches
Each fiche follows the workshop's template.

3.1  SAFE-EA: Fair Labour Mobility in East Africa
Key facts

Funding HADC: EUR 6.8 million European Union (co-financing): EUR 1.5 million

Period March 2021 – August 2024 (42 months)
Countries Kenya, Uganda

Objective
Safer and fairer labour migration from Kenya and Uganda.

Challenges
• Recruitment agencies are numerous and often informal.

Voices from the field
“The orientation told me to keep my passport with me.”
— Amina K., domestic worker

Page 4 of 11

HADC  |  Annual Learning Review 2023

3.2   RESTART:  Sustainable  Reintegration  of  Returning  Labour
Migrants in Tajikistan
Key facts

Funding
HADC: EUR 3.5 million
Municipalities of Khujand and Bokhtar: EUR 0.7 million (in kind)
Total: EUR 4.2 million
Start / duration July 2022, 36 months
Country Tajikistan

Objective
Returning migrants find work or start a business at home.

Main features
Returnee counsellors work in twelve jamoats.

4  Cross-cutting lessons
Working through public institutions pays off, but takes time.

Page 5 of 11

HADC  |  Annual Learning Review 2023
"""


def test_numbered_key_and_title_headers_of_a_learning_review():
    first, second = extract_fiches(LEARNING_REVIEW)
    assert (first.key, second.key) == ("SAFE-EA", "RESTART")
    assert second.value("title") == \
        "Sustainable Reintegration of Returning Labour Migrants in Tajikistan"  # wrapped
    assert first.values("funders") == [  # the label ran into the first funder's name
        {"name": "HADC", "amount": 6_800_000, "currency": "EUR"},
        {"name": "European Union (co-financing)", "amount": 1_500_000, "currency": "EUR"}]
    assert second.values("funders") == [  # the total is no funder; "of" carries a name on
        {"name": "HADC", "amount": 3_500_000, "currency": "EUR"},
        {"name": "Municipalities of Khujand and Bokhtar", "amount": 700_000, "currency": "EUR"}]
    assert first.value("testimony") == "The orientation told me to keep my passport with me."
    assert second.value("main_features") == \
        "Returnee counsellors work in twelve jamoats."  # "4  Cross-cutting lessons" ends it


BOOKLET = """2. Expériences de terrain

2.1 JAPPANDO (Sénégal)
Gouvernance locale des migrations dans les régions de Sédhiou et de Kolda

En bref
Porteur : Conseil départemental de Sédhiou
Financement : AFD – 2,8 M€
Calendrier : janvier 2020 – décembre 2023 (48 mois)

Objectifs
Associer la diaspora à la planification locale.

Principales réalisations
Les communes ont adopté leurs profils migratoires.

Témoignage
« Le projet de la diaspora figure dans le plan de la commune. »
— Mamadou Sané, président d’une association installée à
Montreuil

2.2 MADINATI (Maroc)
Des arrondissements accueillants : inclusion des migrants à Tanger et
à Tétouan

En bref
Partenaires  :  Commune  de  Tanger  ;  Commune  de  Tétouan  ;  Conseil  de  la  région
Tanger-Tétouan-Al Hoceïma ; Entraide nationale ; Association Maghreb Solidarités
Financement : Coopération belge (Enabel) – 3,2 M€
Démarrage : avril 2022 – durée prévue : 36 mois

Objectif
Améliorer l’accès des personnes migrantes aux services municipaux.

État d’avancement à mi-parcours
Quatre espaces d’accueil sur six fonctionnent.

Difficultés
• Le démarrage a été retardé de six mois.

Premières bonnes pratiques
• Associer les associations de migrants dès la conception des espaces.
"""


def test_a_capitalisation_booklet_with_country_notes_and_en_bref_boxes():
    first, second = extract_fiches(BOOKLET)
    assert (first.key, second.key) == ("JAPPANDO", "MADINATI")  # without "(Sénégal)"
    assert second.value("title") == \
        "Des arrondissements accueillants : inclusion des migrants à Tanger et à Tétouan"
    assert "Association Maghreb Solidarités" in second.values("partners")
    assert (second.values("start"), second.values("duration_months")) == (["2022-04"], [36])
    assert second.value("main_features") == "Quatre espaces d’accueil sur six fonctionnent."
    assert second.values("challenges") == ["Le démarrage a été retardé de six mois."]
    assert second.values("good_practices") == [
        "Associer les associations de migrants dès la conception des espaces."]


def test_key_facts_of_a_consultant_s_summary_told_in_prose():
    facts = prose_facts(
        "DIASPORA4DEV started in October 2019 for an initial period of 36 months and was "
        "granted a 12-month no-cost extension in 2021. It is funded by the Italian Agency for "
        "Development Cooperation (AICS) with EUR 2,750,000; the Piedmont Region contributes "
        "EUR 180,000 to the matching fund. The project works in the regions of Louga and Kolda "
        "in Senegal and with Senegalese associations in Turin. It is implemented by Sahel "
        "Futuro in partnership with the Louga Regional Development Agency (ARD Louga) and the "
        "Turin Chamber of Commerce.")
    assert (facts.start, facts.duration_months) == ("2019-10", 48)  # the extension counts
    assert [(n, int(a), c) for n, a, c in facts.funders] == [
        ("Italian Agency for Development Cooperation (AICS)", 2_750_000, "EUR"),
        ("Piedmont Region", 180_000, "EUR")]
    assert facts.places == ["Louga", "Kolda"]  # not "Kolda in Senegal"
    assert facts.partners == [  # not "Senegalese associations in Turin"
        "Louga Regional Development Agency (ARD Louga)", "Turin Chamber of Commerce"]
    other = prose_facts("ISHA is a 48-month action that started in July 2019. It is funded by "
                        "the EU Emergency Trust Fund for Africa with EUR 9.8 million, "
                        "complemented by USD 750,000 from UNICEF for the education component.")
    assert other.duration_months == 48
    assert [(n, int(a), c) for n, a, c in other.funders] == [
        ("EU Emergency Trust Fund for Africa", 9_800_000, "EUR"), ("UNICEF", 750_000, "USD")]


def test_a_funder_s_name_with_commas_spelled_by_its_acronym_and_a_lead_in_sentence():
    from observatory.ingest.extract import _funders_of
    from observatory.ingest.lexicon import heading_kind
    assert _funders_of("UK Foreign, Commonwealth & Development Office (FCDO)") == [
        {"name": "UK Foreign, Commonwealth & Development Office (FCDO)", "amount": None,
         "currency": None}]
    assert len(_funders_of("European Union, Belgian Development Agency (Enabel), Ghent")) == 3
    assert heading_kind(
        "The four projects cover different entry points to the migration and development nexus:"
    ) is None


BROCHURE = """Agencia Regional de Cooperación para el Desarrollo (ARCD)

Migración y desarrollo
Programas apoyados por la ARCD 2020-2024

Presentación

Este folleto presenta los programas que la Agencia financia en este ámbito.

 RAÍCES

Alternativas económicas para la juventud rural en Huehuetenango y Quiché

FICHA TÉCNICA
País: Guatemala
Duración: 30 meses
Web: https://www.tierranueva.org/raices

Objetivo general
Que la migración de la juventud rural sea una opción y no una necesidad.

Qué hemos conseguido
Entre 2021 y 2023, 1.120 personas han completado una formación técnica.

Retos
Los presupuestos municipales dependen de transferencias del Gobierno central.

Conclusiones y próximos pasos

Los programas muestran que los gobiernos locales son actores clave.

Más información: cooperacion@arcd.example.org
"""


def test_a_brochure_whose_cover_names_migration_and_development():
    fiche, = extract_fiches(BROCHURE)  # the cover's "Migración y desarrollo" opens no fiche
    assert fiche.key == "RAÍCES"
    assert fiche.value("main_features").startswith("Entre 2021 y 2023")  # "Qué hemos conseguido"
    assert fiche.values("challenges") == [  # the conclusions and the back cover end the fiche
        "Los presupuestos municipales dependen de transferencias del Gobierno central."]
    assert fiche.values("sites") == ["https://www.tierranueva.org/raices"]


NOTION_EXPORT = """# Buenas prácticas de la Red CIMA

<aside>
Compilación actualizada en abril de 2024.
</aside>

## COSECHA SEGURA

Migración laboral temporal ordenada para la cosecha de café en Costa Rica

| Campo | Dato |
|---|---|
| Financiamiento | CHF 2,3 millones (FHDR); aporte en especie del Instituto del Café (ICAFE) |
| País | Costa Rica |

#### Descripción de la práctica

Fincas y trabajadores firman contratos antes del viaje.

#### Qué hicimos

- **1.870 personas** completaron un curso (1.120 mujeres; 640 jóvenes de 18 a 29 años).
- 6.350 personas recibieron orientación, 2.870 de ellas mujeres y 1.410 adolescentes y jóvenes.

#### Desafíos

La cosecha coincide con la temporada de lluvias.

🔗 [Ficha completa en la web de la Red CIMA](https://www.redcima.org/practicas/cosecha-segura)
"""


def test_a_notion_export_with_html_tags_an_in_kind_giver_and_a_link_line():
    fiche, = extract_fiches(NOTION_EXPORT)
    assert fiche.key == "COSECHA SEGURA"
    assert fiche.values("funders")[1] == {
        "name": "Instituto del Café (ICAFE)", "amount": None, "currency": None}
    assert fiche.value("main_features").startswith("Fincas y trabajadores")  # "Descripción de …"
    assert [(i["value"], i["women"], i["youth"]) for i in fiche.values("indicators")] == [
        (1870, 1120, 640), (6350, 2870, 1410)]  # a split in parentheses; "adolescentes y …"
    assert fiche.values("sites") == ["https://www.redcima.org/practicas/cosecha-segura"]
    assert "aside" not in " ".join(fiche.values("challenges"))


MEMORIA = """2. Experiencias de la red

2.1 Cúcuta Incluye
Integración socioeconómica de población migrante, retornada y de acogida en el área
metropolitana de Cúcuta

Datos básicos
Municipio promotor: San José de Cúcuta (Colombia)
Financiación: AECID – 1.250.000 €; Alcaldía de San José de Cúcuta (contrapartida) – COP
750 millones
Inicio: marzo de 2021
Duración: 36 meses
Socios: Servicio Nacional de Aprendizaje (SENA); Cámara de Comercio de Cúcuta

Objetivo general
Mejorar la inclusión socioeconómica de la población migrante venezolana.

Qué se hizo en 2023
El Centro Integrado de Atención al Migrante abrió sus puertas.
"""


def test_a_municipal_network_s_memoria_with_a_promoting_municipality():
    fiche, = extract_fiches(MEMORIA)
    assert fiche.key == "Cúcuta Incluye"  # "Municipio promotor: …" is a label, not the title
    assert fiche.value("title").endswith("en el área metropolitana de Cúcuta")
    assert fiche.values("countries") == ["CO"]  # named only beside the promoter
    assert fiche.values("funders")[1] == {  # the amount wrapped onto the next line
        "name": "Alcaldía de San José de Cúcuta (contrapartida)", "amount": 750_000_000,
        "currency": "COP"}
    assert fiche.values("partners") == [
        "Servicio Nacional de Aprendizaje (SENA)", "Cámara de Comercio de Cúcuta"]
    assert fiche.value("main_features").startswith("El Centro Integrado")


def test_colombian_pesos_are_money_but_a_climate_conference_is_not():
    from observatory.ingest.money import find_money
    assert [(m.amount, m.currency) for m in find_money("COP 2.500 millones")] == [
        (2_500_000_000, "COP")]
    assert find_money("COP 26 in Glasgow") == []


SISTEMATIZACION = """3. Experiencias sistematizadas

3.1 Proyecto RAÍCES: Reintegración sostenible de personas retornadas en Guatemala

3.1.1 Datos generales
- Entidad ejecutora: Asociación para el Desarrollo Integral del Altiplano (ADIA)
- Período de ejecución: marzo de 2020 a febrero de 2024 (48 meses)
- Socios: Instituto Guatemalteco de Migración (IGM); Red de Mujeres Retornadas

3.1.2 Objetivos
Contribuir a la reintegración sostenible de las personas retornadas.

3.1.3 Descripción de la experiencia
Las oficinas municipales atienden a las personas retornadas.

3.2 Proyecto Territorios de Acogida: integración local de personas migrantes en Tapachula y Tijuana

3.2.1 Presentación
{presentacion}

3.2.2 Objetivo
Que las personas migrantes accedan a empleo y servicios.

3.2.3 Principales acciones y resultados
En cada ciudad funciona un centro de integración.
""".format(presentacion=(  # one line in the report, as Word saves a paragraph
    "El proyecto Territorios de Acogida arrancó en septiembre de 2021, con una duración "
    "prevista de 42 meses. Cuenta con un presupuesto de USD 900.000 aportados por la Fundación "
    "Horizonte Compartido y se ejecuta en Tapachula (Chiapas) y Tijuana (Baja California)."))


def test_numbered_project_heads_of_a_systematisation_report():
    first, second = extract_fiches(SISTEMATIZACION)
    assert (first.key, second.key) == ("RAÍCES", "Territorios de Acogida")  # not "Proyecto …"
    assert second.value("title") == \
        "integración local de personas migrantes en Tapachula y Tijuana"
    assert first.values("partners") == [  # "3.1.1 Datos generales" is no partner
        "Instituto Guatemalteco de Migración (IGM)", "Red de Mujeres Retornadas"]
    assert second.values("funders") == [
        {"name": "Fundación Horizonte Compartido", "amount": 900_000, "currency": "USD"}]
    assert second.values("places") == ["Tapachula", "Chiapas", "Tijuana", "Baja California"]
    assert (second.values("start"), second.values("duration_months")) == (["2021-09"], [42])


WIKI = """## SkillBridge — Skills partnership between Tunisia and Belgium

| | |
|---|---|
| **Funding** | EUR 4.2 million (European Union) |
| **Partners** | ANETI (National Agency for Employment); BeDigital employers' federation |
| **Presented by** | Karim Ben Salah, programme coordinator |
| **Website** | — |

### Objectives

Skilled Tunisians find decent work in Belgium.

### Lessons: challenges

- Visa appointments took months.

### Lessons: good practices

- Employers interviewed candidates online.

## PAMOJA — Safe trade and mobility for women cross-border traders (Kenya–Uganda)

| Key facts | |
|---|---|
| Commissioned by | German Federal Ministry for Economic Cooperation and Development (BMZ) |
| Budget | EUR 6.5 million |

### Objectives

Women traders cross the border safely.

### Main achievements

Two one-stop border posts opened desks for women traders.
"""


def test_a_wiki_export_with_lessons_split_in_two_and_a_country_note_after_a_title():
    first, second = extract_fiches(WIKI)
    assert (first.key, second.key) == ("SkillBridge", "PAMOJA")  # not "Kenya–Uganda"
    assert first.values("partners") == [  # the next row is no more names, nor is the website
        "ANETI (National Agency for Employment)", "BeDigital employers' federation"]
    assert first.values("challenges") == ["Visa appointments took months."]
    assert first.values("good_practices") == ["Employers interviewed candidates online."]
    assert second.values("funders") == [{  # "and Development (BMZ)" ends the same name
        "name": "German Federal Ministry for Economic Cooperation and Development (BMZ)",
        "amount": 6_500_000, "currency": "EUR"}]
    assert prose_facts("It has been running since 2019 (48 months, extended in 2022 by a "
                       "further 12 months).").duration_months == 60


def test_grants_and_partners_told_in_a_facts_paragraph():
    facts = prose_facts(
        "Datos básicos. CONVIVE arrancó en febrero de 2022 y tiene una duración de 24 meses. "
        "Cuenta con una subvención de la Unión Europea de 3.000.000 EUR y con una aportación del "
        "Ayuntamiento de Bilbao de 95.000 €. Los socios son la Alcaldía de Cúcuta, la Fundación "
        "Frontera Solidaria y el Servicio Nacional de Aprendizaje (SENA).")
    assert [(n, int(a), c) for n, a, c in facts.funders] == [
        ("Unión Europea", 3_000_000, "EUR"), ("Ayuntamiento de Bilbao", 95_000, "EUR")]
    assert facts.partners == ["Alcaldía de Cúcuta", "Fundación Frontera Solidaria",
                              "Servicio Nacional de Aprendizaje (SENA)"]
    french = prose_facts("Le projet bénéficie d’une subvention de l’Union européenne de 2 M€ "
                         "et d’un apport de la Région Occitanie de 150 000 €.")
    assert [(n, int(a)) for n, a, _c in french.funders] == [
        ("Union européenne", 2_000_000), ("Région Occitanie", 150_000)]


MIDTERM_REVIEW = """# Programme régional « Mobilité, Territoires et Développement » (MTD-AO)

Bilan à mi-parcours

# 3. Fiches des composantes

## 3.1 Composante 1 – JËF-JËL : Insertion économique des jeunes à Tambacounda

Financement : 3,5 M€ (Union européenne)

### Objectif

Améliorer l'insertion socio-économique des jeunes.

### Principales réalisations à mi-parcours

Les antennes régionales accueillent les jeunes.

## 3.2 Composante 2 – ECPT

État civil pour tous dans les régions de Kayes et Mopti

### Objectifs

Enregistrer les naissances des familles mobiles.

### Réalisations

Des audiences foraines ont été tenues.
"""


def test_a_mid_term_review_whose_fiches_are_numbered_components():
    first, second = extract_fiches(MIDTERM_REVIEW)
    assert (first.key, first.value("title")) == (  # not the programme named by the report
        "JËF-JËL", "Insertion économique des jeunes à Tambacounda")
    assert (second.key, second.value("title")) == (
        "ECPT", "État civil pour tous dans les régions de Kayes et Mopti")


LEARNING_BRIEF = """PRACTICE 1  ·  KUMASI, GHANA

KASI-LINK
Kumasi Returnee and Youth Link Desk

KEY FACTS
Funding
EUR 4.2 million
(European Union)
Period
January 2021 –
December 2024
Location
Ghana
Kumasi, Ashanti Region
Partners
Ghana Immigration Service
Returnee Voices Ghana

Objectives
To give returning migrants a single municipal entry point.

What the practice involves
The Link Desk is a municipal one-stop office.

Challenges
• Returnees often arrive with urgent debts.
"""


def test_a_learning_brief_whose_practice_line_says_where():
    fiche, = extract_fiches(LEARNING_BRIEF)
    assert (fiche.key, fiche.value("title")) == ("KASI-LINK", "Kumasi Returnee and Youth Link Desk")
    assert fiche.values("funders") == [  # the funder's name in brackets under its amount
        {"name": "European Union", "amount": 4_200_000, "currency": "EUR"}]
    assert fiche.value("main_features") == "The Link Desk is a municipal one-stop office."


SYNTHESE = """2.2 PAGLM
Gouvernance locale des migrations dans la région de Kayes

Fiche d’identité
Bailleur Agence française de développement (AFD) – 4 500 000 €
Démarrage Octobre 2019
Durée 36 mois
Pays et zones Mali – cercles de Kayes, Diéma et Nioro du Sahel

Synthèse de l’atelier régional de Saint-Louis Page 3/8

Partenaires
Conseil régional de Kayes ; Haut Conseil des Maliens de l’Extérieur (HCME)
; ONG Tilé Kayes Développement
Contact Khady Ndiaye, cheffe de projet
Financements
État malien (contrepartie) : 1,2 milliard FCFA

Objectif
Renforcer la gouvernance locale des migrations.

Principales réalisations
Douze communes ont adopté un plan local.

Synthèse de l’atelier régional de Saint-Louis Page 4/8

Partenaires
"""


def test_a_workshop_synthesis_whose_partners_label_follows_a_page_break():
    fiche, = extract_fiches(SYNTHESE)
    assert fiche.key == "PAGLM"
    assert fiche.values("partners") == [  # "Partenaires" is no running header; "Contact" no name
        "Conseil régional de Kayes", "Haut Conseil des Maliens de l’Extérieur (HCME)",
        "ONG Tilé Kayes Développement"]
    assert "Nioro du Sahel" in fiche.values("places")  # the page break ends the places
    assert {"name": "État malien (contrepartie)", "amount": 1_200_000_000,
            "currency": "XOF"} in fiche.values("funders")  # "(contrepartie)" is no partner


CATALOGO = """RETORNA-GT

Certificación de competencias de personas retornadas

Ficha técnica
Entidad ejecutora\tINTECAP
Socios\tMunicipalidad de Quetzaltenango
Población destinataria\tPersonas retornadas desde México y Estados Unidos
ODS relacionados\t8.8, 10.7

Objetivo
Certificar las competencias de las personas retornadas.

Resultados
Se certificaron 1.200 personas.

¿Por qué es una buena práctica?
- Utiliza una institución nacional existente.
"""


def test_a_ministry_catalogue_with_target_group_and_sdg_rows():
    fiche, = extract_fiches(CATALOGO)
    assert fiche.values("partners") == ["Municipalidad de Quetzaltenango"]
    assert fiche.values("good_practices") == ["Utiliza una institución nacional existente."]
    assert not fiche.values("challenges")


RELATORIA = """Informe del encuentro regional
3
3. Experiencias presentadas
3.1 PUENTE SUR
Inserción laboral de personas migrantes en ciudades de la frontera norte de Chile

Financiación: Fondo Andino (USD 400.000)
Duración: 30 meses (ampliada a 36 meses por la pandemia)
Socios:
- Municipalidad de Iquique
- Universidad Arturo Prat
4
- Cámara de Comercio de Iquique

Objetivo
Mejorar el acceso al empleo formal de las personas migrantes.

Desafíos
• La rotación del personal municipal obliga a repetir las capacitaciones.

Testimonio
«Aquí encontré trabajo y una comunidad que me acompaña.»

Rosa, 31 años, cocinera, Iquique

3.2 CIUDADES ABIERTAS
Observatorios locales de movilidad humana en el norte de Chile y el sur del Perú

Financiador          Fondo Regional para la Movilidad (FRM) – USD 1,2 millones
Inicio y duración    2022 (24 meses)
Países y ciudades    Chile (Arica) y Perú (Tacna)
Socios               Municipalidad de Arica, Municipalidad de Antofagasta, Municipalidad
                     Provincial de Tacna, Universidad de Tarapacá y Coordinadora de
                     Organizaciones Migrantes del Norte

Objetivo
Que los gobiernos locales dispongan de información comparable sobre la movilidad.

Desafíos
• El debate público sobre la migración está polarizado.
5
"""


def test_a_report_copied_from_pdf_to_text_with_numbered_heads_and_aligned_facts():
    first, second = extract_fiches(RELATORIA)
    assert (first.key, second.key) == ("PUENTE SUR", "CIUDADES ABIERTAS")  # not the attribution
    assert first.values("partners") == ["Municipalidad de Iquique", "Universidad Arturo Prat",
                                        "Cámara de Comercio de Iquique"]  # page "4" dropped
    assert first.value("duration_months") == 36  # extended *to* 36 months
    assert first.value("testimony") == "Aquí encontré trabajo y una comunidad que me acompaña."
    assert second.values("funders") == [{"name": "Fondo Regional para la Movilidad (FRM)",
                                         "amount": 1_200_000, "currency": "USD"}]
    assert second.value("duration_months") == 24
    assert second.values("countries") == ["CL", "PE"]
    assert second.values("partners") == [
        "Municipalidad de Arica", "Municipalidad de Antofagasta",
        "Municipalidad Provincial de Tacna", "Universidad de Tarapacá",
        "Coordinadora de Organizaciones Migrantes del Norte"]  # a comma list, wrapped anywhere


COMPTE_RENDU = """Annexe 2 : fiches des projets présentés

FICHE PROJET 1

DIASPO-SUD
Mobilisation  de  la  diaspora  pour  le  développement  des  régions  du  Sud

Financement  :  2,5  M€  (AFD)  et  300  000  €  (Office  des  Tunisiens  à  l’étranger)
Démarrage : 2019 (48 mois)
Partenaires  :  Conseil  régional  de  Médenine,  les  trois  communes  d’intervention,  Conseil
national  de  secours  d’urgence  et  de  réhabilitation
(CONASUR) et l’association locale Wend-Panga

Objectifs
Favoriser  l’investissement  productif  de  la  diaspora  dans  les  régions  du  Sud.

Articulation avec la migration
Le projet relie les transferts des migrants aux plans de développement des communes.

FICHE PROJET 2

JEUNES-GN
Insertion des jeunes et des migrants de retour en Guinée

Financement : 1.200.000 € (Union européenne)

Objectifs
Favoriser l’insertion économique durable des jeunes.

Partenaires
Le  projet  est  conduit  en  partenariat  avec  l’Agence  guinéenne  pour  la  promotion
de l’emploi (AGUIPE), la Chambre de commerce, d’industrie et d’artisanat de Guinée et un réseau de
15 centres de formation professionnelle privés.

Défis
• Les subventions de démarrage sont jugées trop faibles.
"""


def test_a_workshop_annex_of_project_sheets_in_justified_pdf_text():
    first, second = extract_fiches(COMPTE_RENDU)
    assert (first.key, second.key) == ("DIASPO-SUD", "JEUNES-GN")  # "FICHE PROJET n" numbers
    assert first.values("funders") == [
        {"name": "AFD", "amount": 2_500_000, "currency": "EUR"},
        {"name": "Office des Tunisiens à l’étranger", "amount": 300_000, "currency": "EUR"}]
    assert first.value("objectives") == \
        "Favoriser l’investissement productif de la diaspora dans les régions du Sud."
    assert first.value("nexus").startswith("Le projet relie")
    assert first.values("partners") == [
        "Conseil régional de Médenine", "trois communes d’intervention",
        "Conseil national de secours d’urgence et de réhabilitation (CONASUR)",
        "association locale Wend-Panga"]
    assert second.value("objectives") == "Favoriser l’insertion économique durable des jeunes."
    assert second.values("partners") == [  # told in a sentence under a bare label
        "Agence guinéenne pour la promotion de l’emploi (AGUIPE)",
        "Chambre de commerce, d’industrie et d’artisanat de Guinée",
        "réseau de 15 centres de formation professionnelle privés"]


def test_key_facts_told_in_a_paragraph_of_a_sistematizacion():
    facts = prose_facts(
        "La experiencia SENDA se ejecutó entre marzo de 2021 y febrero de 2024 (36 meses) en "
        "los cantones de Loja (Loja) y Machala (El Oro). Fue financiada por la Agencia Española "
        "de Cooperación Internacional para el Desarrollo (AECID) con un aporte de 900.000 €, y "
        "contó con una contraparte de USD 60.000 del Municipio de Loja. Se desarrolló con "
        "financiamiento de la Cooperación Italiana por 200.000 euros y con la participación de "
        "la Prefectura de Loja y la Universidad Nacional de Loja.")
    assert facts.funders == [
        ("Agencia Española de Cooperación Internacional para el Desarrollo (AECID)",
         Decimal("900000"), "EUR"),
        ("Municipio de Loja", Decimal("60000"), "USD"),
        ("Cooperación Italiana", Decimal("200000"), "EUR")]
    assert facts.places == ["Loja", "Machala", "El Oro"]  # "El Oro" keeps its article
    assert facts.partners == ["Prefectura de Loja", "Universidad Nacional de Loja"]
    assert lx.heading_kind("Vínculo entre movilidad humana y desarrollo") == lx.NEXUS
    assert lx.heading_kind("Relación con la movilidad humana y el desarrollo") == lx.NEXUS


NOTE_DE_CAPITALISATION = """2.1 SIRA - Eau potable et gouvernance communale dans le cercle de Nioro
==========================================================================

Où : Mali, région de Kayes - communes de Nioro et Troungoumbé
Quand : 2020, durée 24 mois
Budget total : 110 000 €
  - PRA/OSIM (FORIM / AFD) : 50 000 €
  - Région Île-de-France : 40 000 €
  - cotisations des ressortissants en France : 20 000 €
Mise en oeuvre : ASIM
Avec qui : Mairie de Nioro ; Mairie de Troungoumbé

Objectifs
---------
Rendre l'eau potable accessible toute l'année.

Difficultés
-----------
- Les pannes des pompes en saison chaude.

2.2 Diaspo'Sud - Incubateur de projets portés par la diaspora
==============================================================

Démarrage : septembre 2022
Budget : 96 000 € - Région Île-de-France (80 000 €) et Fonds de dotation
    Diasporas & Territoires (16 000 €)

Objectif
--------
Aider les associations de la diaspora à monter des projets finançables.

Difficultés
-----------
- Les appels à projets sont trop courts.
"""


def test_a_capitalisation_note_with_funders_under_their_total_and_plain_questions():
    first, second = extract_fiches(NOTE_DE_CAPITALISATION)
    assert first.values("funders") == [
        {"name": "PRA/OSIM (FORIM / AFD)", "amount": 50_000, "currency": "EUR"},
        {"name": "Région Île-de-France", "amount": 40_000, "currency": "EUR"},
        {"name": "cotisations des ressortissants en France", "amount": 20_000,
         "currency": "EUR"}]
    assert (first.value("start"), first.value("duration_months")) == ("2020", 24)  # "Quand"
    assert first.values("partners") == ["Mairie de Nioro", "Mairie de Troungoumbé"]
    assert "ASIM" not in first.values("partners")  # "Mise en oeuvre" names the implementer
    assert second.values("funders") == [
        {"name": "Région Île-de-France", "amount": 80_000, "currency": "EUR"},
        {"name": "Fonds de dotation Diasporas & Territoires", "amount": 16_000,
         "currency": "EUR"}]


REVUE_DE_PORTEFEUILLE = """# 3. Fiches projets

## 3.1 PACTE-Est

Fiche signalétique
Intitulé\tProgramme d’appui aux communes pour l’inclusion des migrants dans la région de l’Est
Pays / zone d’intervention\tMaroc – Oujda, Berkane
Financement\tADSI : 1,9 M€ – Région Île-de-France : 250 000 €
Zones\tGouvernorats de Médenine et Gabès ; Région wallonne

### Objectifs

Inclure les migrants dans les services communaux.

### Principaux défis

- La rotation des agents communaux.
"""


def test_a_numbered_markdown_head_over_a_table_of_key_facts():
    fiche, = extract_fiches(REVUE_DE_PORTEFEUILLE)
    assert fiche.key == "PACTE-Est"
    assert fiche.title == ("Programme d’appui aux communes pour l’inclusion des migrants dans "
                           "la région de l’Est")  # the "Intitulé" row, not "Fiche signalétique"
    assert fiche.values("countries") == ["MA"]  # "Pays / zone d'intervention" is one label
    assert fiche.values("funders") == [
        {"name": "ADSI", "amount": 1_900_000, "currency": "EUR"},
        {"name": "Région Île-de-France", "amount": 250_000, "currency": "EUR"}]
    assert {"Médenine", "Gabès", "Région wallonne"} <= set(fiche.values("places"))


@pytest.mark.parametrize("line,kind", [
    ("What has been difficult", lx.CHALLENGES),
    ("PROGRAMME BRIEF 2", None),  # numbers the fiche below it
])
def test_headings_of_a_learning_brief(line, kind):
    assert lx.heading_kind(line) == kind


def test_a_city_named_after_its_country_and_the_report_s_cross_cutting_lessons():
    text = """PROGRAMME BRIEF 1

EDO-LINK
Reintegration, income and skills for returnees in Edo and Delta
States

KEY FACTS
• Country: Nigeria – Edo State (Benin City, Uhunmwonde)

Objectives
Help returnees rebuild their livelihoods.

What has been difficult
• Inflation reduced the value of grants.

Cross-cutting lessons
Public institutions in countries of origin need to own the services.
"""
    fiche, = extract_fiches(text)
    assert fiche.key == "EDO-LINK"
    assert fiche.title.endswith("in Edo and Delta States")  # wrapped onto a one-word line
    assert fiche.values("countries") == ["NG"]  # not Benin
    assert fiche.values("challenges") == ["Inflation reduced the value of grants."]


WIKI_DE_L_OBSERVATOIRE = """## CAP-Sud — Compétences et avenir professionnel des jeunes de Casamance

| Financement | Durée | Zones | Partenaires |
|---|---|---|---|
| Fondation Horizons Sud : USD 750 000 | Démarrage : septembre 2021 · Durée : 24 mois | Ziguinchor, Bignona (Sénégal) | Lycée technique de Ziguinchor ; Association Jeunesse et Retour |

### Objectif général

Offrir aux jeunes des perspectives d'emploi en Casamance.

### Défis

- Les entreprises locales recrutent peu.

## PAIDS-Sud — Investissements de la diaspora dans le Sud

**Partenaires.** Le programme est conduit en partenariat avec la Chambre de commerce, d'industrie et d'agriculture de Ziguinchor (CCIAZ) et la commune de Bignona.

### Objectif

Orienter l'épargne de la diaspora vers des investissements productifs.

### Défis

- Les banques locales hésitent à prêter.

## Enseignements communs et prochaines étapes

- les communes demandent à être associées plus tôt.
"""  # noqa: E501 (a wiki's table row is one line)


def test_a_wiki_page_with_a_table_of_labels_over_one_row_of_values():
    first, second = extract_fiches(WIKI_DE_L_OBSERVATOIRE)
    assert first.values("funders") == [
        {"name": "Fondation Horizons Sud", "amount": 750_000, "currency": "USD"}]
    assert (first.value("start"), first.value("duration_months")) == ("2021-09", 24)
    assert first.values("countries") == ["SN"]
    assert first.values("places") == ["Ziguinchor", "Bignona"]
    assert first.values("partners") == ["Lycée technique de Ziguinchor",
                                        "Association Jeunesse et Retour"]
    assert second.values("partners") == [
        "Chambre de commerce, d'industrie et d'agriculture de Ziguinchor (CCIAZ)",
        "commune de Bignona"]
    assert second.values("challenges") == ["Les banques locales hésitent à prêter."]


SECTIONS = ("Objectives\n\nTo help returnees.\n\nChallenges\n\n- Slow visas.\n\n"
            "Good practices\n\n- Peer mentors.\n")


def test_heads_of_profiles_numbered_out_of_a_total_over_spaced_facts():
    profile = ("PROJECT PROFILE {n}/2\n\n{key}\nSustainable reintegration of returning migrants\n\n"
               "Implementing agency Expertise Solidaire International (ESI)\n"
               "Budget EUR 4.2 million (AMDTF)\nStart / duration 2020 (48 months)\n"
               "Location Guinea – Conakry, Kindia, Labé and Kankan\n\n")
    text = "Annual report.\n\n" + "\n".join(profile.format(n=n, key=key) + SECTIONS
                                        for n, key in ((1, "REINTEGRA-GN"), (2, "COMPASS")))
    fiches = extract_fiches(text)
    assert [f.key for f in fiches] == ["REINTEGRA-GN", "COMPASS"]
    assert fiches[0].values("countries") == ["GN"]
    assert fiches[0].values("places") == ["Conakry", "Kindia", "Labé", "Kankan"]


def test_proceedings_with_a_session_around_each_fiche():
    session = ("SESSION {n}\n\nLegal pathways that build skills: the {key} experience\n\n"
               "Chair: Hélène Dumont (Secretariat) | Rapporteur: Youssef Amrani\n\n"
               "The session opened with a question from the chair: can a scheme be designed so\n"
               "that the country of origin gains as much as the employers abroad? The speakers\n"
               "presented a pilot that tries to answer it.\n\n"
               "{key} – Pathways for Labour and Integration Mobility\n\nProgramme at a glance\n\n"
               "Funding: European Union, EUR 4.2 million\nDuration: January 2021 – December 2024\n"
               "Countries: Morocco, Belgium\n\n")
    text = "".join(session.format(n=n, key=key) + SECTIONS
                   + "More information: https://www.example.org\n"
                   for n, key in ((1, "PALIM"), (2, "TechLink"))) \
        + "CLOSING SESSION – KEY MESSAGES\n\n1. Measure what stays at home.\n"
    first, second = extract_fiches(text)
    assert (first.key, first.title) == ("PALIM", "Pathways for Labour and Integration Mobility")
    assert second.key == "TechLink"
    assert first.values("good_practices") == second.values("good_practices") == ["Peer mentors."]


def test_numbered_markdown_head_with_a_note_and_a_facts_paragraph_under_a_head():
    text = ("# 3. Fiches\n\n## 3.1 PAGLOM (Mali)\n\nIntitulé\tAppui à la gouvernance locale des "
            "migrations\nDurée\t48 mois\n\n### Objectifs\n\nAider.\n\n### Difficultés\n\n- Une.\n\n"
            "## 3.2 CAP-RETOUR (Guinée)\n\nIntitulé\tInsertion des migrants de retour\n\n"
            "### Objectifs\n\nAider.\n\n### Difficultés\n\n- Deux.\n")
    fiches = extract_fiches(text)
    assert [(f.key, f.title) for f in fiches] == [
        ("PAGLOM", "Appui à la gouvernance locale des migrations"),
        ("CAP-RETOUR", "Insertion des migrants de retour")]
    prose = ("Green Pathways – Climate-resilient seasonal mobility in the Fergana Valley\n\n"
             "The pilot has a budget of USD 750,000 and started in September 2020 for 36 months.\n"
             "It operates in the Batken and Osh regions of Kyrgyzstan and in the Sughd region of\n"
             "Tajikistan, working with the district administrations of the pilot areas.\n\n")
    fiche = extract_fiches("Report.\n\n" + prose + SECTIONS)[0]
    assert fiche.key == "Green Pathways" and fiche.value("start") == "2020-09"


def test_a_page_head_over_partners_listed_one_per_line_beats_the_cover():
    text = ("Coordination Migrations & Territoires Solidaires (CMTS)\n\nCatalogue de projets\n\n"
            "JAPPO\nMobiliser la diaspora de la région de Matam pour le développement local\n\n"
            "Porteur Association des Ressortissants de Matam\nPartenaires Commune de Matam\n"
            "Commune de Kanel\nVille de Montreuil\nPays / zones Sénégal (région de Matam)\n"
            "Calendrier Janvier 2022 – décembre 2024 (36 mois)\n\n"
            "Objectifs\n\nRenforcer la diaspora.\n\nDifficultés rencontrées\n\n- Les délais.\n")
    fiche = extract_fiches(text)[0]
    assert (fiche.key, fiche.value("title")) == (
        "JAPPO", "Mobiliser la diaspora de la région de Matam pour le développement local")


def test_a_name_in_capitals_is_no_label_and_a_quote_under_a_list_is_a_testimony():
    text = ("FICHE 2\n\nTERRITOIRES SOLIDAIRES\nAppui à la gouvernance locale des migrations\n\n"
            "Financement 3,5 M€ (Union européenne)\nCalendrier Janvier 2021 – décembre 2024\n"
            "Pays et territoires Maroc — Agadir, Tiznit et Taroudant\n\n"
            "Objectif\n\nAccompagner la région.\n\nBonnes pratiques\n"
            "• Des réunions mensuelles présidées par le maire.\n"
            "“Aujourd'hui le centre est à nous : nos agents enregistrent les arrivées et\n"
            "nous ne faisons plus que réagir.”\n– Ibrahim Moussa, secrétaire général\n\n"
            "Défis\n\n- Les budgets.\n")
    fiche = extract_fiches(text)[0]
    assert fiche.key == "TERRITOIRES SOLIDAIRES"
    assert fiche.values("good_practices") == ["Des réunions mensuelles présidées par le maire."]
    assert fiche.value("testimony").startswith("Aujourd'hui le centre est à nous")


def test_facts_told_in_a_paragraph_with_a_counterpart_and_articled_partners():
    facts = prose_facts(
        "MIGRADATA se ejecutó desde septiembre de 2021 con un presupuesto de 380.000 euros "
        "aportados por la Unión Europea y una contrapartida del GAD Municipal de Cuenca de USD "
        "45.000. Abarca los cantones de Cuenca, Gualaceo y Azogues (Ecuador). En ella participan "
        "el Instituto Nacional de Estadística (INEC), los GAD municipales de Gualaceo, Paute y "
        "Azogues y la Mesa Cantonal de Movilidad Humana.")
    assert [(n, int(a), c) for n, a, c in facts.funders] == [
        ("Unión Europea", 380_000, "EUR"), ("GAD Municipal de Cuenca", 45_000, "USD")]
    assert facts.places == ["Cuenca", "Gualaceo", "Azogues"]
    assert facts.partners == ["Instituto Nacional de Estadística (INEC)",
                              "GAD municipales de Gualaceo, Paute y Azogues",
                              "Mesa Cantonal de Movilidad Humana"]
    assert prose_facts("Il est mis en œuvre par l'ONG ASD, sur financement de la Coopération "
                       "belge (1,8 million d'euros).").funders == [
        ("Coopération belge", Decimal("1800000"), "EUR")]


def test_a_quote_with_its_speaker_in_parentheses_under_it():
    text = ("KEY-THREE\nUn projet de test pour les jeunes\n\nObjectif\n\nAider.\n\nCOVID-19\n"
            "- Les formations ont été suspendues.\n\n« J'ai pris la pirogue en 2018. Avec la "
            "formation, je répare les moteurs de tout le quai. »\n(Modou, 27 ans, mécanicien)\n\n"
            "Défis\n\n- Aucun.\n")
    fiche = extract_fiches(text)[0]
    assert fiche.value("testimony").startswith("J'ai pris la pirogue en 2018")
    assert fiche.values("covid_adaptations") == ["Les formations ont été suspendues."]


def test_partners_of_a_project_carried_out_with_them_and_places_each_after_de():
    text = ("## 2.3 PRIM – Projet de réintégration des migrants de retour\n\nEn bref\n\n"
            "- Zone : Sénégal, région de Matam (départements de Matam et de Kanel)\n\n"
            "- Démarrage : avril 2019 – durée initiale de 36 mois, prolongée de 6 mois\n\n"
            "Le projet est mis en œuvre avec l’Agence régionale de développement (ARD) de Matam, "
            "l’association Jappo Matam et la Chambre de métiers de Matam.\n\n"
            "### Objectifs\n\nAider.\n\n### Défis\n\n- Aucun.\n")
    fiche = extract_fiches(text)[0]
    assert (fiche.value("start"), fiche.value("duration_months")) == ("2019-04", 42)
    assert "Kanel" in fiche.values("places") and "de Kanel" not in fiche.values("places")
    assert fiche.values("partners") == ["Agence régionale de développement (ARD) de Matam",
                                        "Jappo Matam", "Chambre de métiers de Matam"]


def test_labels_run_into_a_facts_paragraph_and_funders_with_their_amounts_in_parentheses():
    text = ("4.4 ARRAIGO – Territorios de oportunidad para la juventud rural en El Salvador\n\n"
            "Financiado por el Ministerio Federal de Cooperación Económica (BMZ) con 3 millones de "
            "euros. Inicio: 2019 (60 meses). Departamentos: La Unión, Morazán y Usulután. Socios: "
            "Instituto Nacional de la Juventud (INJUVE), Ministerio de Trabajo, Red de Jóvenes "
            "Rurales del Oriente.\n\nObjetivo\nMejorar las "
            "oportunidades.\n\nDificultades\n- Ninguna.\n")
    fiche = extract_fiches(text)[0]
    assert (fiche.value("start"), fiche.value("duration_months")) == ("2019", 60)
    assert fiche.values("places") == ["La Unión", "Morazán", "Usulután"]
    assert fiche.values("partners") == ["Instituto Nacional de la Juventud (INJUVE)",
                                        "Ministerio de Trabajo",
                                        "Red de Jóvenes Rurales del Oriente"]
    facts = prose_facts(
        "Cuenta con un presupuesto total de 1.070.000 €, aportados por la AECID (950.000 €) y la "
        "Fundación Ayuda Solidaria (120.000 €). Trabaja con clubes de migrantes en Los Ángeles "
        "(Estados Unidos), donde viven muchos retornados de México.")
    assert [(n, int(a)) for n, a, _c in facts.funders] == [
        ("AECID", 950_000), ("Fundación Ayuda Solidaria", 120_000)]
    assert facts.countries == ["US"]  # not Mexico, where the returnees came back from


def test_grantee_profiles_after_a_contents_list_that_names_them():
    profile = ("GRANTEE PROFILE {n} OF 2\n\n{key}\nUrban integration of Venezuelan migrants in "
               "Cúcuta\n\nGrantee Corporación Frontera Viva\nFunding USD 900,000 (Meridian "
               "Foundation)\nPeriod March 2021 – February 2024\nLocation Colombia — Cúcuta\n\n"
               "Objectives\nTo help the cities.\nWhat the project did\nIt opened desks.\n"
               "What has been hard\n• Informality.\nWhat we would do again\n"
               "• Joint committees.\n\n")
    text = ("Contents\n• Grantee profile 1 — CAMINOS (Guatemala) ..... page 2\n"
            "• Grantee profile 2 — Ciudades Unidas (Colombia) ..... page 3\n\n"
            + "".join(profile.format(n=n, key=key)
                      for n, key in ((1, "CAMINOS"), (2, "Ciudades Unidas"))))
    fiches = extract_fiches(text)
    assert [f.key for f in fiches] == ["CAMINOS", "Ciudades Unidas"]
    second = fiches[1]
    assert second.values("main_features") == ["It opened desks."]
    assert second.values("good_practices") == ["Joint committees."]
    assert "Corporación Frontera Viva" not in second.values("partners")  # the grantee


def test_a_wrapped_sentence_ending_in_a_section_word_opens_no_section():
    text = ("KEY-FOUR\nReintegración sostenible de personas retornadas\n\nObjetivo general\n"
            "Apoyar.\n\nPrincipales avances\nA la fecha de cierre de este informe, el proyecto ha "
            "alcanzado la mayoría de sus\nmetas:\n• 1.372 personas retornadas recibieron "
            "atención.\n\nDificultades\n• Ninguna.\n")
    fiches = extract_fiches(text)
    assert len(fiches) == 1 and fiches[0].value("expected_results") is None
    assert fiches[0].values("indicators")[0]["value"] == 1372


ANNEX_SUMMARIES = """ANNEX - PROGRAMME SUMMARIES

A.1  TALENT-NG
     Mobility partnership for ICT talent between Nigeria and Belgium
-------------------------------------------------------------------

Implemented by: Enabel
Period:         January 2021 - December 2024

Objectives
Young graduates gain work experience abroad.

Main features
Employers co-design the curricula.

A.2  RETURN-SG
     Returnee reinsertion in Senegal and The Gambia
-------------------------------------------------------------------

Implemented by: GIZ

Objective
Returnees find work at home.

Main features
Counsellors work in the regions of departure.
"""


def test_lettered_annex_numbers_are_no_part_of_the_key():
    first, second = extract_fiches(ANNEX_SUMMARIES)
    assert (first.key, second.key) == ("TALENT-NG", "RETURN-SG")  # not "A.1 TALENT-NG"
    assert second.value("title") == "Returnee reinsertion in Senegal and The Gambia"


KEY_FACTS_COLUMN = """JEM-KAYES
Jeunes, emploi et migration dans la région de Kayes

Objectifs
Créer des emplois pour les jeunes de la région.

Principales réalisations
Les centres de formation ont été rénovés.

L'ESSENTIEL
FINANCEMENT
Royaume de Belgique – Direction
générale Coopération au
développement (DGD)
MONTANT
EUR 1,2 million
PAYS
Mali
ZONES
Kayes
Nioro du Sahel
Diéma
PARTENAIRES
Conseil régional de Kayes
Agence pour la promotion de l'emploi
des jeunes (APEJ)
"""


def test_places_one_a_line_and_an_amount_under_labels_in_capitals():
    fiche, = extract_fiches(KEY_FACTS_COLUMN)
    assert fiche.values("funders") == [{  # "MONTANT" gives the amount of the funder above
        "name": "Royaume de Belgique – Direction générale Coopération au développement (DGD)",
        "amount": 1_200_000, "currency": "EUR"}]
    assert fiche.values("countries") == ["ML"]
    assert fiche.values("places") == ["Kayes", "Nioro du Sahel", "Diéma"]  # not one name


MINUTES_BETWEEN_RULES = """3. TOUR DE TABLE : PRÉSENTATION DES PROGRAMMES MEMBRES

Cinq programmes se sont présentés.

----------------------------------------------------------------------
3.1. JAPPO – Gouvernance locale des migrations dans les régions de Tambacounda et Kédougou
----------------------------------------------------------------------

Présenté par M. Abdoulaye Ba, chef de projet.

Objectif
Renforcer la capacité des collectivités territoriales.

Principales réalisations
12 profils migratoires communaux ont été élaborés.

----------------------------------------------------------------------
3.2. PARIM – Programme d'appui à la réintégration des migrants de retour
----------------------------------------------------------------------

Objectif
Contribuer à la réintégration durable des migrants de retour en Guinée.

Difficultés
Les documents d'identité manquent.
"""


def test_numbered_heads_between_rules_of_dashes():
    first, second = extract_fiches(MINUTES_BETWEEN_RULES)  # not "TOUR DE TABLE"
    assert (first.key, second.key) == ("JAPPO", "PARIM")
    assert first.value("title") == \
        "Gouvernance locale des migrations dans les régions de Tambacounda et Kédougou"
    assert second.value("title") == \
        "Programme d'appui à la réintégration des migrants de retour"  # no "-----" after it


NUMBERED_FICHAS = """ANEXO – FICHAS DE LOS PROYECTOS PRESENTADOS

==================================================================
FICHA 1
RETORNO DIGNO
Reintegración sostenible de personas migrantes retornadas en el Valle de Sula
==================================================================

Financiador: AECID – 1.500.000 €

OBJETIVO
Contribuir a la reintegración de las personas retornadas.

RESULTADOS ESPERADOS
R1. 3.000 personas retornadas reciben atención integral.

==================================================================
FICHA 2
RAÍCES – Empleo juvenil y arraigo en comunidades de origen del altiplano occidental
==================================================================

Organización que presenta: Asociación para el Desarrollo Rural Integral (ADRI)
Financiamiento: Unión Europea – EUR 2.1 millones

Objetivo general: Mejorar las oportunidades de empleo de las juventudes rurales.

Avances al 31 de diciembre de 2022:
- 312 emprendimientos en marcha.
"""


def test_a_numbered_ficha_with_its_key_and_title_on_one_line_under_the_number():
    first, second = extract_fiches(NUMBERED_FICHAS)
    assert (first.key, second.key) == ("RETORNO DIGNO", "RAÍCES")  # not the presenter's "ADRI"
    assert second.value("title") == \
        "Empleo juvenil y arraigo en comunidades de origen del altiplano occidental"


FACTS_PARAGRAPH_UNDER_A_WRAPPED_TITLE = """3.1 TALENT-MOVE
Legal mobility pathways for ICT graduates between Tunisia and Germany

Objectives
To open a fair pathway for ICT graduates.

Main features
Language courses and joint selection committees.

Adapting to COVID-19
Job interviews were held by video call.

“I had applied for jobs in Europe for three years without any answer. Through the
programme I learnt German in Sfax, did my interviews online and started as a
back-end developer in Nuremberg in October 2022.”
— Amira B., software developer and programme participant

3.2 JAPPO
Diaspora investment for local development in the Kolda and Sédhiou
regions

Key facts
JAPPO is funded by the Italian Agency for Development Cooperation (AICS) with EUR 2.8 million,
complemented by EUR 350,000 mobilised from Senegalese hometown associations in Italy. It
started in March 2020 for 36 months; a no-cost extension until March 2024 is under discussion.
The programme operates in Senegal (Kolda and Sédhiou regions) and with the Senegalese
diaspora in Italy (Lombardy, Piedmont and Emilia-Romagna). It is implemented together with
the Federation of Senegalese Associations in Lombardy
(FASL) and Banca Popolare Solidale.

Objectives
To channel diaspora savings into productive investments.

Main features
A co-investment fund and business coaching.
"""


def test_a_facts_paragraph_ending_in_a_short_line_under_the_head_and_a_quote_above():
    first, second = extract_fiches(FACTS_PARAGRAPH_UNDER_A_WRAPPED_TITLE)
    assert second.key == "JAPPO"  # not the quote's "programme I learnt …" taken for "PROGRAMME I"
    assert second.value("title") == \
        "Diaspora investment for local development in the Kolda and Sédhiou regions"
    assert (second.value("start"), second.value("duration_months")) == ("2020-03", 36)
    assert first.value("testimony").startswith("I had applied for jobs")


LEARNING_REVIEW_WITH_CONTENTS = """Agency for International Partnerships (AIP)

Migration and Development

Annual Learning Review 2022

Contents

1. Introduction
2. What we learned in 2022
Annex 1 – Programme fiches

1. Introduction

This review brings together what the programmes learnt in 2022.

2. What we learned in 2022

Local authorities are where migration becomes concrete.

Annex 1 – Programme fiches

A1.1 TalentBridge
Skills partnerships between Ghana and Europe

Objective
Graduates find decent work at home or abroad.

Approach and results so far
820 trainees had enrolled.

A1.2 REINTEGRA – Community-based reintegration of returning migrants in Senegal

Objective
Returnees and their communities find work.

Approach and results so far
52 community projects were funded.
"""


def test_chapters_named_in_the_contents_and_lettered_annex_numbers():
    fiches = extract_fiches(LEARNING_REVIEW_WITH_CONTENTS)  # no fiche for the cover's "AIP"
    assert [f.key for f in fiches] == ["TalentBridge", "REINTEGRA"]
    assert fiches[1].value("title") == \
        "Community-based reintegration of returning migrants in Senegal"


TRIP_REPORT = """------------------------------------------------------------------------
3.2  DIASPORA BRIDGE
     Mobilising the Senegalese diaspora in Italy for local investment in
     Louga and Thies
------------------------------------------------------------------------

Objective
Increase productive investment by Senegalese living in Italy.

M&D link
Remittances to Louga go mostly into housing.

Challenges
  - Diaspora investors expect fast procedures.
  - COVID-19 travel restrictions in 2020-21 froze most investment visits
    and delayed the fund by almost a year.

What seems to work
  - Twin coaching in Italy and in Senegal.

------------------------------------------------------------------------
3.3  MIGRA-LOCAL
     Local governance of mobility in the gold-mining areas of eastern
     Senegal
------------------------------------------------------------------------

Objective
Enable municipalities in the mining corridor to manage population movements.

Challenges
  - Very high mobility.
"""


def test_a_trip_report_s_shorthand_headings_and_a_bullet_that_names_the_pandemic():
    first, second = extract_fiches(TRIP_REPORT)
    assert first.values("challenges") == [
        "Diaspora investors expect fast procedures.",
        "COVID-19 travel restrictions in 2020-21 froze most investment visits and delayed the "
        "fund by almost a year."]  # a bullet that goes on is no COVID-19 heading
    assert first.values("good_practices") == ["Twin coaching in Italy and in Senegal."]
    assert first.value("nexus") == "Remittances to Louga go mostly into housing."
    assert second.value("title") == \
        "Local governance of mobility in the gold-mining areas of eastern Senegal"


MINUTES_IN_PROSE = """3.4. PARIM – Programme d'appui à la réintégration des migrants de retour

Objectif
Contribuer à la réintégration durable des migrants de retour.

Difficultés
Parmi les difficultés, le manque de documents d'identité bloque l'inscription.

Principales réalisations
940 migrants de retour ont été accueillis.

3.5. PACSI – Projet d'appui à la cohésion sociale et à l'inclusion

M. Ouédraogo présente le PACSI, mis en œuvre depuis octobre 2020 pour une durée de 42 mois.

L'objectif du projet est d'améliorer l'accès des personnes déplacées aux services de base.

Principaux résultats présentés : 14 forages ont été réhabilités.

Parmi les difficultés, il cite la dégradation de la situation sécuritaire.

Comme bonne pratique, il retient l'implication des chefs coutumiers.

Concernant la COVID-19, le projet a équipé les forages de dispositifs de lavage des mains.
"""


def test_sections_of_minutes_told_by_the_words_that_open_their_paragraphs():
    first, second = extract_fiches(MINUTES_IN_PROSE)
    assert first.values("challenges") == [  # in a section of difficulties: no new fiche
        "Parmi les difficultés, le manque de documents d'identité bloque l'inscription."]
    assert second.key == "PACSI"
    assert second.value("objectives") == \
        "L'objectif du projet est d'améliorer l'accès des personnes déplacées aux services de base."
    assert second.values("challenges") == \
        ["Parmi les difficultés, il cite la dégradation de la situation sécuritaire."]
    assert second.values("good_practices") == \
        ["Comme bonne pratique, il retient l'implication des chefs coutumiers."]
    assert second.values("covid_adaptations") == ["Concernant la COVID-19, le projet a équipé "
                                                  "les forages de dispositifs de lavage des mains."]


BOOKLET_WITH_CONTENTS = """Sommaire

2. Les fiches d’expérience
      Fiche 1 – JAMANA (Mali – France)
      Fiche 2 – UWEZO (Comores – France)
3. Conclusion

FICHE D’EXPÉRIENCE N° 1

JAMANA
Codéveloppement et accès aux services de base dans le cercle de Yélimané

Objectifs
Améliorer l’accès à l’eau potable.

Principales réalisations
Les communes ont construit des forages.

FICHE D’EXPÉRIENCE N° 2

UWEZO
Engagement de la diaspora comorienne pour l’eau à Ngazidja

Objectifs
Transformer la solidarité en engagement durable.

Principales réalisations
Un service de l’eau est en place.
"""


def test_numbered_experience_sheets_after_a_contents_list_that_names_them():
    first, second = extract_fiches(BOOKLET_WITH_CONTENTS)
    assert (first.key, second.key) == ("JAMANA", "UWEZO")  # not the contents' last line
    assert first.value("title") == \
        "Codéveloppement et accès aux services de base dans le cercle de Yélimané"


FACILITATOR_NOTES = """------------------------------------------------------------------------
RETORNO DIGNO
Reintegración sostenible de personas retornadas en el occidente de Honduras
------------------------------------------------------------------------

Financiación: Unión Europea, 2,9 millones de euros
Fechas: 2021 (36 meses)
Ejecuta la ONG Desarrollo y Retorno (DyR). Socios: la Mancomunidad del Valle de Copán.
Presentó: Carlos Interiano (DyR)

Objetivos:
1) Que las personas retornadas encuentren medios de vida en sus municipios de origen.

Qué hace el proyecto y resultados:
Las UMAR reciben a las personas retornadas.
"""


def test_who_presented_the_fiche_is_no_head_of_it():
    fiche, = extract_fiches(FACILITATOR_NOTES)
    assert (fiche.key, fiche.value("title")) == (
        "RETORNO DIGNO",
        "Reintegración sostenible de personas retornadas en el occidente de Honduras")
    assert (fiche.value("start"), fiche.value("duration_months")) == ("2021", 36)


ONE_PARAGRAPH_A_LINE = (
    "SkillBridge\r\n"
    "Skills partnership for welders between Tunisia and Belgium\r\n"
    "Objectives\r\n"
    "Tunisian welders gain certified skills and a placement abroad.\r\n"
    "Adjustments due to COVID-19\r\n"
    "Departures were postponed by three months.\r\n"
    "\u201cI had welded for six years in Sfax, but I never had a certificate that anybody "
    "recognised.\u201d\r\n"
    "Amira B., SkillBridge participant, first cohort\r\n"
    "Website: https://www.skillbridge.example\r\n"
    "\r\n"
    "SafeRoutes\r\n"
    "Safer Labour Migration and Reintegration in Nepal\r\n"
    "At a glance\r\n"
    "SafeRoutes is funded by the UK (GBP 3.1 million). It started in 2019 (48 months) and works "
    "in Koshi Province.\r\n"
    "Objectives\r\n"
    "Women and men who choose to migrate for work do so safely.\r\n"
    "Key challenges\r\n"
    "Recruitment agencies remain in Kathmandu.\r\n")


def test_a_text_saved_one_paragraph_a_line():
    first, second = extract_fiches(ONE_PARAGRAPH_A_LINE)
    assert (first.key, second.key) == ("SkillBridge", "SafeRoutes")  # not "Amira B., …"
    assert second.value("title") == "Safer Labour Migration and Reintegration in Nepal"
    assert (second.value("start"), second.value("duration_months")) == ("2019", 48)
    assert first.value("testimony") == ("I had welded for six years in Sfax, but I never had a "
                                        "certificate that anybody recognised.")
    assert first.values("covid_adaptations") == ["Departures were postponed by three months."]


DONOR_GROUP_MINUTES = """3.1 RISE - Reintegration in Edo State (presented by T. Brandt, GIZ)

Objective: returnees find a livelihood and a place in their communities.

Main features: apprenticeships with master craftspeople in Benin City.

Thomas shared a quote from a returnee: "When I came back I didn’t go out. Now I have a salon."

Discussion: IOM noted overlaps in Benin City.
"""


def test_a_presenter_s_note_after_the_title_and_a_quote_told_in_a_sentence():
    fiche, = extract_fiches(DONOR_GROUP_MINUTES)
    assert fiche.value("title") == "Reintegration in Edo State"
    assert fiche.value("testimony") == "When I came back I didn’t go out. Now I have a salon."


def test_months_extended_in_the_plural():
    text = ("## 3.2 GOLMI – Gouvernance locale des migrations dans la région de Kayes\n\n"
            "Démarrage / durée\tOctobre 2019 – 48 mois, prolongés de 6 mois sans coût additionnel\n"
            "\n### Objectif\n\nRenforcer les collectivités.\n\n### Acquis du projet\n\n"
            "Les cadres de concertation sont opérationnels.\n")
    fiche, = extract_fiches(text)
    assert (fiche.value("start"), fiche.value("duration_months")) == ("2019-10", 54)
    assert fiche.value("main_features") == "Les cadres de concertation sont opérationnels."


def test_an_abbreviation_s_full_stop_does_not_end_the_sentence_of_a_funder():
    facts = prose_facts("It is financed by the EU through the Migration Partnership Facility "
                        "(approx. EUR 2.75m) with a contribution of EUR 300,000 from the Flemish "
                        "Government. Training takes place in Lagos and Ogun State.")
    assert facts.funders == [
        ("EU through the Migration Partnership Facility", Decimal("2750000"), "EUR"),
        ("Flemish Government", Decimal("300000"), "EUR")]
    assert facts.places == ["Lagos", "Ogun State"]


def test_a_co_funder_named_before_its_co_funding():
    facts = prose_facts("Funded by the EU Trust Fund for Africa (EUR 4.2 million) with BMZ "
                        "co-funding of EUR 1.1 million. Funded by the EU (EUR 2 million) with a "
                        "co-funding of EUR 300,000 from the City of Turin.")
    assert [name for name, _amount, _currency in facts.funders] == [
        "EU Trust Fund for Africa", "BMZ", "EU", "City of Turin"]


WORD_PLAIN_TEXT_SUB_BULLETS = """3.3 LoGMiD - Local Governance of Migration in North-West Nigeria

•\tWhere: Kano, Katsina and Sokoto States - six Local Government Areas
•\tPartners:
o\tKano State Ministry of Budget and Economic Planning
o\tArewa Community Dialogue Initiative (ACDI)

Objective: help state and local governments understand internal mobility.

Main features: each LGA has a migration working group.

Challenges: data on seasonal movements are scarce.
"""


def test_word_s_second_level_bullets_and_a_plural_shared_by_listed_places():
    fiche, = extract_fiches(WORD_PLAIN_TEXT_SUB_BULLETS)
    assert fiche.values("places") == ["Kano", "Katsina", "Sokoto"]
    assert fiche.values("partners") == ["Kano State Ministry of Budget and Economic Planning",
                                        "Arewa Community Dialogue Initiative (ACDI)"]


WHERE_AND_PER_WHAT = """FICHE 2 – MIGRA-LINK
Diaspora investment in northern Morocco

Main objectives
Channel diaspora savings into local businesses.

Main features
Five one-stop shops opened, 3 in Tangier and 2 in Tetouan. Each business plan receives a grant
of EUR 30,000 per project. The fund mobilised EUR 5.1 million in private diaspora investment,
and 240 businesses were created.
"""


def test_numbers_that_say_where_or_per_what_are_no_results():
    fiche, = extract_fiches(WHERE_AND_PER_WHAT)
    assert [(i["value"], i["unit"].split()[0]) for i in fiche.values("indicators")] == [
        (5, "one-stop"), (5100000, "in"), (240, "businesses")]


STUDY_VISIT_SAVED_AS_TEXT = """INFORME DE LA VISITA DE INTERCAMBIO ENTRE PARES

Contenido
Siglas y acrónimos\t2
1.\tAntecedentes\t3
2.\tPrincipales aprendizajes\t8
3.\tDesafíos comunes\t9
Anexo 2. Fichas de las experiencias presentadas\t12

Siglas y acrónimos
GAD\tGobierno Autónomo Descentralizado
PAO\tPunto de Atención y Orientación

1.\tAntecedentes
Desde 2017 los municipios de la región reciben a más personas.
2.\tPrincipales aprendizajes
•\tInstitucionalizar antes de ampliar.
3.\tDesafíos comunes
•\tLa rotación del personal.
Anexo 2. Fichas de las experiencias presentadas
FICHA 1
CONVIVE
Convivencia e integración socioeconómica en Ibarra
Objetivos
Mejorar la convivencia.
Desafíos
La rotación del personal municipal.
"""


def test_a_contents_list_with_tabs_before_its_page_numbers_names_the_chapters():
    fiches = extract_fiches(STUDY_VISIT_SAVED_AS_TEXT)  # no fiche "GAD" from the acronyms
    assert [f.key for f in fiches] == ["CONVIVE"]
    assert fiches[0].values("good_practices") == []


EVALUATION_SYNTHESIS_DOCX = """# Sommaire

1. Introduction\t6

3. Fiches de synthèse par projet\t12

3.1 JAPPO – Sénégal\t12

3.2 PASSERELLES – Côte d'Ivoire et Guinée\t21

# 1. Introduction

Quatre projets ont été évalués.

# 3. Fiches de synthèse par projet

## 3.1 JAPPO – Sénégal

Fiche signalétique

Intitulé\tProjet de mobilisation de la diaspora en Haute-Casamance

Partenaires\tConseil départemental de Kolda

### Objectifs

Valoriser les apports de la diaspora.

### Difficultés rencontrées

- Des délais de décaissement longs.

## 3.2 PASSERELLES – Côte d'Ivoire et Guinée

Fiche signalétique

Intitulé\tGouvernance locale de la mobilité transfrontalière

### Objectifs

Faire de la mobilité un levier de développement.

### Difficultés rencontrées

- La fermeture des frontières en 2020.
"""


def test_a_word_heading_names_a_key_and_its_countries_and_the_title_row_below_its_title():
    fiches = extract_fiches(EVALUATION_SYNTHESIS_DOCX)
    assert [(f.key, f.value("title")) for f in fiches] == [
        ("JAPPO", "Projet de mobilisation de la diaspora en Haute-Casamance"),
        ("PASSERELLES", "Gouvernance locale de la mobilité transfrontalière")]


POLICY_BRIEF_BOXES = """CMDP Policy Brief No. 17  |  Beyond the project cycle

BOX 1  |  CASE STUDY
TALENTA
Talent Partnership for Digital Skills between Tunisia and Belgium

Funding:Enabel: EUR 3.1 million
Website –

Objectives
Graduates find work at home or abroad.
Challenges
• Visa appointments were scarce.

www.cmdp-policy.org 5

CMDP Policy Brief No. 17  |  Beyond the project cycle

BOX 2  |  CASE STUDY
LIVES
Livelihoods and Inclusion for Refugees and Host Communities in the
Somali Region

Funding:EU Emergency Trust Fund for Africa: EUR 6.2 million
Website –

Objectives
Refugees and hosts find work.
The migration–development link
Refugees are treated as workers and entrepreneurs.
Challenges
• Work permits remained difficult to obtain.

www.cmdp-policy.org 6

CMDP Policy Brief No. 17  |  Beyond the project cycle
"""


def test_case_study_boxes_with_an_empty_website_row_and_a_web_address_footer():
    talenta, lives = extract_fiches(POLICY_BRIEF_BOXES)
    assert (talenta.key, lives.key) == ("TALENTA", "LIVES")
    assert lives.value("title") == \
        "Livelihoods and Inclusion for Refugees and Host Communities in the Somali Region"
    assert lives.value("nexus") == "Refugees are treated as workers and entrepreneurs."
    assert talenta.values("challenges") == ["Visa appointments were scarce."]
    assert talenta.values("partners") == []  # not the next box's "BOX 2 | CASE STUDY"


REVIEW_SHEETS_PDF = """Annex 2 – Project review sheets

A2.1 JAPPO – Diaspora Co-investment for Local Economic
Development in Kolda and Sédhiou
  Key facts
Lead organisation:Fondazione Terre Comuni (Milan, Italy)
Location:Senegal (Kolda and Sédhiou regions)
Start / duration:March 2019 / 48 months
Website:www.jappo-diaspora.org

Objectives
Diaspora members invest in agri-food value chains.
Challenges
• Bank loans remained expensive.

Meridian Evaluation Partners 13

REMODE-WA Mid-Term Review – Final Report July 2021

A2.2 CoRe Guinée – Community-based Reintegration of Returning
Migrants in Upper and Middle Guinea
  Key facts
Lead organisation Action Jeunesse Guinée (AJG)
Location Guinea: Kankan and Siguiri (Upper Guinea)
Funding REMODE-WA grant: EUR 2,100,000
Start / duration October 2018 / 4 years
Website –

Objectives
Returnees reintegrate in their communes.
Challenges
• Field activities started late.

Meridian Evaluation Partners 14

REMODE-WA Mid-Term Review – Final Report July 2021

A2.3 TRANSCOM – Cross-border Municipal Cooperation for Inclusive
Mobility between Côte d'Ivoire and Burkina Faso
  Key facts
Location:Côte d'Ivoire and Burkina Faso
Start / duration:January 2019 / 48 months

Objectives
Border communes cooperate.
Challenges
• Security deteriorated in the Cascades region.

Meridian Evaluation Partners 15

REMODE-WA Mid-Term Review – Final Report July 2021
"""


def test_review_sheets_with_a_footer_beside_the_page_number_and_a_table_that_lost_its_gaps():
    jappo, core, transcom = extract_fiches(REVIEW_SHEETS_PDF)
    assert core.key == "CoRe Guinée"  # a name and its place, made a key by the "A2.2"
    assert core.value("title") == \
        "Community-based Reintegration of Returning Migrants in Upper and Middle Guinea"
    assert transcom.value("title") == ("Cross-border Municipal Cooperation for Inclusive "
                                       "Mobility between Côte d'Ivoire and Burkina Faso")
    assert (core.value("start"), core.value("duration_months")) == ("2018-10", 48)
    assert (jappo.value("start"), jappo.value("duration_months")) == ("2019-03", 48)
    assert jappo.values("challenges") == ["Bank loans remained expensive."]  # no footer
    assert core.values("partners") == []  # the lead organisation is no partner


PROCEEDINGS_ANNEX = """Annexe 2 : Fiches de présentation des projets

Les fiches ci-après ont été transmises par les porteurs des projets.
Fiche 1 – PAIDEL (Sénégal)
Fiche 2 – JADE (Mali)

Actes de la conférence – page 12

Annexe 2 – Fiche 1

PAIDEL

Programme d'appui aux initiatives de la diaspora pour le
développement local

FICHE SIGNALÉTIQUE
Bailleurs et
montants
Agence française de développement (AFD) : 3,4 M€
Zone d'intervention Sénégal – région de Matam
Démarrage / durée Janvier 2019 – 48 mois
Maître d'œuvre Agence régionale de développement (ARD) de Matam

Objectifs
Mobiliser la diaspora pour le développement local.

Difficultés rencontrées
• Les délais de décaissement.

Actes de la conférence – page 13

Annexe 2 – Fiche 2

JADE

Jeunes, Agriculture, Diaspora et Emploi dans la région de Kayes

Objectifs
Améliorer l'insertion économique des jeunes.

Difficultés rencontrées
• L'insécurité dans les cercles de Diéma et Nioro.

Actes de la conférence – page 14
"""


def test_a_list_of_the_fiches_to_come_and_a_key_in_capitals_atop_a_new_page():
    paidel, jade = extract_fiches(PROCEEDINGS_ANNEX)
    assert (paidel.key, jade.key) == ("PAIDEL", "JADE")
    assert paidel.value("title") == \
        "Programme d'appui aux initiatives de la diaspora pour le développement local"
    assert [(f["name"], f["amount"]) for f in paidel.values("funders")] == [
        ("Agence française de développement (AFD)", 3400000)]
    assert (paidel.value("start"), paidel.value("duration_months")) == ("2019-01", 48)


STEERING_COMMITTEE_ACTA = """3.1 RETORNA – Reintegración de personas retornadas en el Valle de Sula
Presenta: Marcos Aguilar Fúnez (FUNHDEC)

Objetivo
Mejorar el acceso de las personas retornadas a servicios municipales.

Desafíos
•\tLa rotación del personal municipal.

Testimonio
«Cuando me deportaron de Texas llegué sin nada. Hoy tengo mi comedor en Choloma.»
Yesenia M., 31 años, participante del proyecto

Observaciones del Comité:
La Sra. Lindqvist felicita al proyecto por la apropiación municipal lograda.

3.2 FRONTERA VIVA – Gestión local de la movilidad humana en la frontera

Explica que el objetivo del proyecto es que los gobiernos locales gestionen la movilidad.

Entre los resultados esperados menciona la creación de un mecanismo binacional.

En cuanto a los avances, destaca que la Mesa Binacional se instaló en marzo de 2022.

Sobre el vínculo entre migración y desarrollo, subraya que la frontera es un espacio de vida.

Como dificultades señala la presión sobre los servicios de Tapachula.
"""


def test_an_acta_s_lead_ins_and_a_testimony_before_the_committee_s_remarks():
    retorna, frontera = extract_fiches(STEERING_COMMITTEE_ACTA)
    assert retorna.value("testimony") == ("Cuando me deportaron de Texas llegué sin nada. Hoy "
                                          "tengo mi comedor en Choloma.")
    assert retorna.values("partners") == []  # "Presenta:" names who spoke
    assert frontera.value("objectives").startswith("Explica que el objetivo")
    assert frontera.value("expected_results").startswith("Entre los resultados esperados")
    assert frontera.value("main_features").startswith("En cuanto a los avances")
    assert frontera.value("nexus").startswith("Sobre el vínculo")
    assert frontera.values("challenges") == [
        "Como dificultades señala la presión sobre los servicios de Tapachula."]


COMPLETION_SUMMARY_DOCX = """## 2.2 SOMINVEST – Diaspora co-investment in Somaliland

Project at a glance

Lead grantee\tHorn Diaspora Forum (HDF), London
Start date / duration\tJanuary 2020 / 3 years
Completion rating\tA+ (outputs moderately exceeded expectations)

### Project objectives

Diaspora investors co-finance small businesses.

### What the project did and achieved

64 businesses received co-investment.

### Challenges

- Investors were slow to commit.
"""


def test_a_completion_summary_s_slashed_label_rating_and_achievements():
    fiche, = extract_fiches(COMPLETION_SUMMARY_DOCX)
    assert (fiche.value("start"), fiche.value("duration_months")) == ("2020-01", 36)
    assert fiche.values("partners") == []  # a rating is no partner
    assert fiche.value("main_features") == "64 businesses received co-investment."


SELECTION_COMMITTEE_DOCX = """## 4.1 HOMEGROWN – Agribusiness skills for returnees in Edo State

Reference\tDMIF-21-02-017
Lead applicant\tEdo Returnee Agribusiness Network

### Objectives

Returnees earn a living from farming.

### Innovative elements and good practice

- In-kind start-up kits reduce the risk of diversion.

### Committee decision

Approved with a grant of EUR 742,500, subject to a written agreement with FarmLink.

### Appréciation synthétique de l'évaluation finale

Critère\tAppréciation
Pertinence\tTrès satisfaisant
Efficacité\tPlutôt insatisfaisant
"""


def test_what_a_committee_or_reviewers_say_about_a_fiche_belongs_to_no_field():
    fiche, = extract_fiches(SELECTION_COMMITTEE_DOCX)
    assert fiche.values("good_practices") == [
        "In-kind start-up kits reduce the risk of diversion."]
    assert fiche.values("partners") == []
    assert not any("Approved" in str(f.value) for f in fiche.fields)


def test_asides_are_known_by_their_heading():
    assert lx.aside_heading("### Committee decision")
    assert lx.aside_heading("Observaciones del Comité:")
    assert lx.aside_heading("Discussion: IOM noted overlaps in Benin City.")
    assert not lx.aside_heading("Discussion of results shows progress.")
    assert not lx.aside_heading("Main features")


COMPENDIUM_DOCX = """## 3.2 PUENTES – Diáspora ecuatoriana e inversión productiva en Tungurahua

Datos generales

Período de ejecución\tInicio: julio de 2020. Duración: dos años y medio
Financiamiento\tUnión Europea: 3,4 millones de euros ; ACNUR: USD 500.000 (componente jurídico)

### Objetivos

Canalizar el ahorro de la diáspora.

### Desafíos

- La pandemia redujo la capacidad de ahorro.
"""


def test_a_start_and_a_duration_told_apart_and_what_a_funder_s_amount_pays_for():
    fiche, = extract_fiches(COMPENDIUM_DOCX)
    assert (fiche.value("start"), fiche.value("duration_months")) == ("2020-07", 30)
    assert [(f["name"], f["amount"]) for f in fiche.values("funders")] == [
        ("Unión Europea", 3400000), ("ACNUR", 500000)]


OUTLOOK_PROFILE = """PROFILE 3: TALENT-LINK
Ghana–Belgium Skills Partnership for ICT Talent
------------------------------------------------------------
Donor(s) & budget:\tEuropean Union – Mobility Partnership Facility (MPF): EUR 2.5 million
Start / duration:\tJuly 2019 | 4 years (phase I)

Objective
To pilot a skills partnership in ICT.

Challenges
•\tVisa appointments were scarce.
"""


def test_a_funder_s_name_with_a_dash_and_a_duration_after_a_bar():
    fiche, = extract_fiches(OUTLOOK_PROFILE)
    assert [(f["name"], f["amount"]) for f in fiche.values("funders")] == [
        ("European Union – Mobility Partnership Facility (MPF)", 2500000)]
    assert fiche.values("partners") == []
    assert (fiche.value("start"), fiche.value("duration_months")) == ("2019-07", 48)


EMBASSY_BROCHURE = """FICHE PROJET N° 1

TERANGA INVEST

Mobiliser l’épargne de la diaspora pour l’investissement productif en Casamance

EN BREF

Bailleurs Agence française de développement (AFD) : 4,5 M€

Opérateur Agence sénégalaise pour l’investissement de la diaspora (ASID)

Partenaires
Région Nouvelle-Aquitaine ; Crédit mutuel de Casamance (CMC)

Démarrage Janvier 2019

Durée 4 ans

OBJECTIFS
Orienter l’épargne de la diaspora vers l’investissement.

DIFFICULTÉS RENCONTRÉES
• Les banques restent frileuses.
"""


def test_a_partner_whose_name_opens_with_a_label_word_under_its_label():
    fiche, = extract_fiches(EMBASSY_BROCHURE)
    assert fiche.values("partners") == ["Région Nouvelle-Aquitaine",
                                        "Crédit mutuel de Casamance (CMC)"]
    assert fiche.values("places") == []


def test_a_no_cost_extension_told_after_the_duration():
    text = ("FICHA 1\nCONVIVE\nConvivencia e integración en Ibarra\n"
            "Inicio y duración\tMarzo de 2020 – 36 meses, más una ampliación sin costo de 6 meses\n"
            "Objetivos\nMejorar la convivencia.\nDesafíos\n•\tLa rotación del personal.\n")
    fiche, = extract_fiches(text)
    assert (fiche.value("start"), fiche.value("duration_months")) == ("2020-03", 42)
    facts = prose_facts("The project started in May 2019 for 36 months, with a no-cost "
                        "extension of 6 months.")
    assert facts.duration_months == 42


CONFERENCE_CHAPTERS = """1. Contexte et justification

La vallée du fleuve Sénégal est l'une des plus anciennes zones d'émigration d'Afrique de
l'Ouest. Dès les années 1960, les Soninké et les Haalpulaar du Fouta se sont installés en
France, puis dans d'autres pays d'Europe.

2. Objectifs et résultats attendus de la conférence

Objectif général : contribuer à une meilleure articulation entre les initiatives des diasporas
et les politiques de développement local.
Résultats attendus :
• les expériences présentées sont capitalisées et diffusées ;
• des recommandations partagées sont adoptées.

3. Participation et déroulement

Plus de 200 personnes ont participé.
"""


def test_a_conference_s_own_objectives_under_its_context_make_no_fiche():
    assert extract_fiches(CONFERENCE_CHAPTERS) == []


def test_places_in_states_and_departments_and_partners_after_a_lower_case_one():
    facts = prose_facts(
        "Interviene en los municipios de Tapachula y Suchiate, en el estado de Chiapas "
        "(México), y en Ayutla (Tecún Umán) y Malacatán, en el departamento de San Marcos "
        "(Guatemala), en alianza con los gobiernos municipales de los cuatro municipios, el "
        "Centro de Acogida Nuestra Señora de la Frontera y el Instituto de Estudios "
        "Fronterizos del Soconusco (IEFS).")
    assert facts.places == ["Tapachula", "Suchiate", "Chiapas", "Ayutla", "Tecún Umán",
                            "Malacatán", "San Marcos"]
    assert facts.partners == ["Centro de Acogida Nuestra Señora de la Frontera",
                              "Instituto de Estudios Fronterizos del Soconusco (IEFS)"]


def test_numbered_keys_are_no_running_footer():
    fiche = ("\n\n{key}\nA programme of the series number {n}\n\nMain objectives\n\n"
             "Returnees find work.\n\nKey challenges\n\n- Funding came late.\n")
    for keyed in ("AJUMI {n:03d}", "### AJUMI {n:03d}"):
        text = "".join(fiche.format(key=keyed.format(n=n), n=n) for n in (9, 15, 29, 46))
        assert [f.key for f in extract_fiches(text)] == [
            "AJUMI 009", "AJUMI 015", "AJUMI 029", "AJUMI 046"]


KNOWLEDGE_HUB_CASES = """CASE STUDY 1  |  NEPAL
SAFE-Mig: Safer Foreign Employment through Migrant Resource Centres

Key facts
Countries:Nepal
Lead organisation:Sahayatra Nepal

Objectives
Safer migration for Nepalis who leave for work in the Gulf.
Challenges
• Recruitment agencies resisted the centres.

CASE STUDY 2  |  KYRGYZSTAN
RE-START: Economic reintegration of returning labour migrants in southern Kyrgyzstan

Key facts
Countries:Kyrgyzstan

Objectives
Returnees find work at home.
Challenges
• Returnees lacked capital.
"""


def test_a_case_study_numbered_with_its_country_and_a_key_that_holds_a_label_word():
    safe, restart = extract_fiches(KNOWLEDGE_HUB_CASES)
    assert (safe.key, restart.key) == ("SAFE-Mig", "RE-START")  # not "NEPAL", not a start date
    assert restart.value("title") == \
        "Economic reintegration of returning labour migrants in southern Kyrgyzstan"


LEARNING_BRIEFS = """About this series
Each brief follows the same outline:
* Expected results
* What the programme did
* What worked
* Voices


Learning Brief 1 – RESTART-GN (Guinea)
Coming home to a plan: community-based reintegration in Guinea


At a glance
Programme\tReintegration Support for Returnees in Upper and Middle Guinea (RESTART-GN)
Implemented by\tAction Sahel Développement (ASD)


What the programme set out to do
Help returning migrants rebuild a livelihood.


What got in the way
* Land was hard to find.


COVID-19: how the programme adapted
* Counselling moved to the telephone.


Learning Brief 2 – CLIMB (Bangladesh)
Arriving in the city: climate-related migration in Khulna


At a glance
Programme\tCLIMB – Climate-Linked Internal Mobility in Bangladesh


What the programme set out to do
Make the cities plan for newcomers.


What got in the way
* Data on arrivals were scarce.
"""


def test_learning_briefs_under_a_template_outline_named_in_full_in_their_facts():
    restart, climb = extract_fiches(LEARNING_BRIEFS)
    assert (restart.key, climb.key) == ("RESTART-GN", "CLIMB")
    assert restart.value("title") == \
        "Reintegration Support for Returnees in Upper and Middle Guinea"
    assert climb.value("title") == "Climate-Linked Internal Mobility in Bangladesh"
    assert restart.value("objectives") == "Help returning migrants rebuild a livelihood."
    assert restart.values("challenges") == ["Land was hard to find."]
    assert restart.values("covid_adaptations") == ["Counselling moved to the telephone."]


EVALUATION_COMPONENT_DOCX = """# 3. Componente 1 (Guatemala): RETORNA

## 3.1 Ficha del componente

Tabla 2. Ficha del componente RETORNA

Nombre del componente\tReintegración sostenible de personas retornadas en Huehuetenango
Sigla\tRETORNA
Duración\t42 meses

## 3.2 Objetivos y resultados esperados

### Objetivo específico

Mejorar las condiciones de reintegración de las personas retornadas.

## 3.5 Dificultades encontradas

- La rotación del personal municipal.

Recuadro 1. Testimonio

“Cuando me deportaron ya no quería salir de la casa.”

## 3.8 Valoración del equipo evaluador

Criterio\tValoración\tComentario
Pertinencia\tAlta\tResponde a una necesidad prioritaria.
"""


def test_an_evaluation_s_component_chapter_with_its_data_table_box_and_rating():
    fiche, = extract_fiches(EVALUATION_COMPONENT_DOCX)
    assert (fiche.key, fiche.value("title")) == (
        "RETORNA", "Reintegración sostenible de personas retornadas en Huehuetenango")
    assert fiche.value("objectives") == \
        "Mejorar las condiciones de reintegración de las personas retornadas."
    assert fiche.value("testimony") == "Cuando me deportaron ya no quería salir de la casa."
    assert fiche.values("partners") == []  # no caption, no rating row
    assert fiche.values("challenges") == ["La rotación del personal municipal."]


SEMESTER_REPORT_DOCX = """## 3.1 Sénégal – PAIDIR

Fiche signalétique

Intitulé\tProjet d’appui aux initiatives de la diaspora dans la région de Kolda
Sigle\tPAIDIR

### Objectif

Orienter l’épargne de la diaspora vers l’investissement.

### Difficultés

- Les banques restent frileuses.

## 3.2 Niger – ECMOB

Fiche signalétique

Intitulé\tÉtat civil des populations mobiles dans la région de Tahoua

### Objectif

Enregistrer les naissances des enfants des familles mobiles.

### Difficultés

- L’insécurité limite les déplacements.
"""


def test_a_head_that_names_the_country_before_the_key():
    paidir, ecmob = extract_fiches(SEMESTER_REPORT_DOCX)
    assert (paidir.key, ecmob.key) == ("PAIDIR", "ECMOB")
    assert ecmob.value("title") == "État civil des populations mobiles dans la région de Tahoua"


def test_a_key_and_title_apart_by_a_middle_dot():
    text = ("## TEJE · Integración socioeconómica de población migrante en Cúcuta\n\n"
            "### Objetivo\n\nMejorar la integración.\n\n### Desafíos\n\n- La xenofobia.\n")
    fiche, = extract_fiches(text)
    assert (fiche.key, fiche.value("title")) == (
        "TEJE", "Integración socioeconómica de población migrante en Cúcuta")


HEADS_OF_MISSION_BRIEFING = """## 5.4 Netherlands – SANAD

Programme\tProtection and access to basic services for migrants in Sfax

### Objectives

Migrants and hosts reach basic services.

### Challenges

- Protection incidents rose in 2023.

## 5.5 European Union – MADINA

Programme: MADINA – Municipalities for Inclusive Local Migration Governance in Tunisia

### Objectives

Municipalities plan for migration.

### Challenges

- Municipal leadership changes often.
"""


def test_a_briefing_s_member_before_the_key_and_its_programme_row():
    sanad, madina = extract_fiches(HEADS_OF_MISSION_BRIEFING)
    assert (sanad.key, madina.key) == ("SANAD", "MADINA")
    assert sanad.value("title") == "Protection and access to basic services for migrants in Sfax"
    assert madina.value("title") == \
        "Municipalities for Inclusive Local Migration Governance in Tunisia"


def test_a_funder_named_in_its_label():
    head = "## 5.1 FAIR-HIRE – Ethical recruitment from Nepal to Malaysia\n\nGrantee\tPSK\n"
    tail = ("Website\thttps://x.org\n\n### Objectives\n\nSafer recruitment.\n\n"
            "### Challenges\n\n- Agencies resist.\n")
    for facts, funders in (
            ("MCF funding\tPhase 1: USD 850,000. Phase 2 (proposed): USD 1,100,000.\n",
             [("MCF", 850000), ("MCF", 1100000)]),
            ("DMIF grant\tEUR 742,500\n", [("DMIF", 742500)])):
        fiche, = extract_fiches(head + facts + tail)
        assert [(f["name"], f["amount"]) for f in fiche.values("funders")] == funders


PROGRAMME_OFFICER_EMAIL = """======================================================================
TRACK - Fair recruitment of Kenyan domestic workers to the Gulf
======================================================================
Funding: USD 850,000 from MLF; co-funding of EUR 95,000 from OSIEA

Objective:
Safer recruitment of domestic workers.

Results reported:
1,240 prospective migrant workers completed the five-day orientation.

Quote from the final report:
"This time I paid nothing to go. The agency showed me the contract."

Challenges:
Agencies resisted the new rules.
"""


def test_an_officer_s_summary_with_results_reported_and_a_quote_from_the_report():
    fiche, = extract_fiches(PROGRAMME_OFFICER_EMAIL)
    assert fiche.value("main_features").startswith("1,240 prospective migrant workers")
    assert fiche.value("testimony") == \
        "This time I paid nothing to go. The agency showed me the contract."
    assert [(f["name"], f["amount"]) for f in fiche.values("funders")] == [
        ("MLF", 850000), ("OSIEA", 95000)]


ANNUAL_REPORT_PDF = """Índice
Carta de la presidenta 3
Programas 7
      TEMPORA 14
Sensibilización e incidencia 16
Informe económico 17

TEMPORA
Migración circular ordenada entre Marruecos y la provincia de Huelva

Objetivos
Que las temporeras vuelvan con ahorros y formación.

Desafíos
• La vivienda en las fincas.

Adaptación a la COVID-19
• Las formaciones pasaron a ser en línea.

Sensibilización e incidencia

Además de los programas, en 2021 dedicamos una parte importante de nuestro esfuerzo a campañas.

Informe económico

Las cuentas anuales de 2021 han sido auditadas.
"""


def test_a_chapter_named_in_the_contents_ends_the_last_fiche():
    fiche, = extract_fiches(ANNUAL_REPORT_PDF)
    assert fiche.values("covid_adaptations") == ["Las formaciones pasaron a ser en línea."]


def test_a_title_wrapped_under_a_case_study_number_and_cross_cutting_insights():
    text = ("CASE STUDY 1  |  NEPAL\nSAFE-Mig: Safer Foreign Employment through Migrant\n"
            "Resource Centres\n\nKey facts\nCountries:Nepal\n\nObjectives\nSafer migration.\n"
            "Challenges\n• Agencies resisted.\n\nCross-cutting insights\n\nThe four initiatives "
            "share several features.\n")
    fiche, = extract_fiches(text)
    assert fiche.value("title") == "Safer Foreign Employment through Migrant Resource Centres"
    assert fiche.values("challenges") == ["Agencies resisted."]


LEARNING_EXCHANGE_NOTES = """--- PROJECT SNAPSHOT 1: ARISE (Arua, Uganda) ---
Full name: Arua Refugee and Host Integrated Skills for Employment
Lead: Arua District Local Government

Objectives
Refugees and hosts find work.

Challenges
* Land is scarce.

--- PROJECT SNAPSHOT 2: TUMAINI (Kakuma–Kalobeyei, Kenya) ---
Full name: Turkana Market Integration Initiative

Objectives
Traders reach the markets.

Challenges
* Roads flood.
"""


def test_project_snapshots_between_dashes_with_a_place_and_a_full_name():
    arise, tumaini = extract_fiches(LEARNING_EXCHANGE_NOTES)
    assert (arise.key, tumaini.key) == ("ARISE", "TUMAINI")
    assert arise.value("title") == "Arua Refugee and Host Integrated Skills for Employment"
    assert tumaini.value("title") == "Turkana Market Integration Initiative"
    title = next(f for f in arise.fields if f.name == "title")  # its span leaves the label out
    assert LEARNING_EXCHANGE_NOTES[title.start:title.end] == arise.value("title")


def test_a_city_and_its_country_before_the_key():
    text = ("### 4.1 Cuenca (Ecuador) — RETORNA\n\n**Retorno y reintegración en el Azuay**\n\n"
            "**Objetivo**\n\nReintegrar a las personas retornadas.\n\n**Desafíos**\n\n- La "
            "rotación.\n\n### 4.2 Quetzaltenango (Guatemala) — Xela Joven\n\n**Empleo juvenil en "
            "Quetzaltenango**\n\n**Objetivo**\n\nEmplear a los jóvenes.\n\n**Desafíos**\n\n- La "
            "migración.\n")
    assert [f.key for f in extract_fiches(text)] == ["RETORNA", "Xela Joven"]


COMPONENT_SHEETS = """4. The components

Each component is described in a sheet of the same form, filled in by its team.

Table 3. Sheet of the component AMAL-NORD
Lead agency: Ministry of Labour

Objectives
AMAL-NORD trains young people. AMAL-NORD works with the chambers of trade.

Challenges
* Staff turnover slowed AMAL-NORD in its first year.

Table 4. Sheet of the component WATAN-SUD
Lead agency: Municipality of Sfax

Objectives
WATAN-SUD links returnees to jobs. WATAN-SUD places them in small firms.

Challenges
* WATAN-SUD met delays in procurement.
"""


def test_a_template_label_heading_every_fiche_gives_way_to_the_name_the_fiche_repeats():
    fiches = extract_fiches(COMPONENT_SHEETS)
    assert [f.key for f in fiches] == ["AMAL-NORD", "WATAN-SUD"]
    assert fiches[1].values("challenges") == ["WATAN-SUD met delays in procurement."]


def test_a_head_of_an_unknown_shape_is_named_by_the_name_its_fiche_repeats():
    text = ("~~ programme card ~~ KORA-MALI ~~\n\nObjectives\nKORA-MALI helps returnees. The "
            "teams of KORA-MALI work in Kayes.\n\nChallenges\n* Roads.\n\n"
            "~~ programme card ~~ SAHEL-WORK ~~\n\nObjectives\nSAHEL-WORK trains youth in "
            "Niamey.\n\nChallenges\n* Prices.\n")
    assert [f.key for f in extract_fiches(text)] == ["KORA-MALI", "SAHEL-WORK"]


def test_a_short_name_row_in_the_key_facts_names_the_fiche_whatever_its_head_says():
    text = ("## 4.3 Tapachula (México): integración local de personas refugiadas\n\nFicha técnica"
            "\n\nNombre de la experiencia\tIntegración local de personas refugiadas en Tapachula\n"
            "Siglas / nombre corto\tTapachula Incluye\nPaís\tMéxico\n\n### Objetivos\n\nIntegrar a"
            " las personas refugiadas.\n\n### Dificultades\n\n- La saturación de los albergues.\n")
    fiche, = extract_fiches(text)
    assert fiche.key == "Tapachula Incluye"
    assert fiche.value("title") == "Integración local de personas refugiadas en Tapachula"


def test_an_organisation_s_acronym_is_no_name_for_a_head_that_has_none():
    text = ("— Una tarde en Quetzaltenango —\n\nLo ejecuta el Instituto Técnico de Capacitación "
            "(INTECAP) en tres municipios.\n\n"
            "Objetivos\nEl INTECAP forma a los retornados. El INTECAP certifica sus "
            "competencias.\n\nDificultades\n* Pocos cupos en el INTECAP.\n")
    assert all(f.key != "INTECAP" for f in extract_fiches(text))


def test_a_label_alone_over_its_first_value_is_no_head_even_when_it_looks_like_a_pair():
    text = ("A.1   KRIOLA INVEST\nDiaspora investment for local economic development\n\n\n"
            "Implementing agency LuxDev\n\nPartners\n\nMinistry of Communities (Cabo Verde)\n"
            "Municipality of Praia\n\nObjectives\nTo invest.\n\nExpected results\nFirms grow.\n\n"
            "A.2   YES-Dosso\nYouth Employment and Skills in the Dosso region\n\n\n"
            "Implementing agency LuxDev\n\nProposed partners\n\nRegional Council of Dosso\n\n"
            "Objectives\nTo train.\n\nExpected results\nYouth work.\n")
    assert [f.key for f in extract_fiches(text)] == ["KRIOLA INVEST", "YES-Dosso"]


def test_a_numbered_fiche_s_title_may_read_like_a_label_with_its_colon():
    text = ("FICHE 1 SÉNÉGAL\n\nTERRA-MIG\n\nTerritoires et migrations : renforcer la gouvernance"
            " locale des\nmobilités au Sénégal\n\nEN BREF\n\nDurée:4 ans\n\nObjectifs\nRenforcer "
            "les communes.\n\nDéfis rencontrés\n• Les élections.\n")
    fiche, = extract_fiches(text)
    assert fiche.key == "TERRA-MIG"
    assert fiche.value("title") == ("Territoires et migrations : renforcer la gouvernance locale "
                                    "des mobilités au Sénégal")


def test_an_unnumbered_fiche_projet_line_with_its_country_stands_over_the_key_and_title():
    text = ("FICHE PROJET – TUNISIE\n\nZARZIS TERRE & MER\nPêche artisanale durable, emploi des "
            "jeunes et alternatives à la migration\nirrégulière à Zarzis\n\n Fiche d’identité\n"
            "Pays / territoires:Tunisie\n\nObjectifs\nPêcher mieux.\n"
            "\nDifficultés\n• Les prix.\n\nFICHE PROJET – MALI\n\nKAYES SANTÉ DIASPORA\n"
            "Amélioration de l’accès aux soins de santé\n\n Fiche d’identité\nPays:Mali\n\n"
            "Objectifs\nSoigner.\n\nDifficultés\n• Les routes.\n")
    assert [f.key for f in extract_fiches(text)] == ["ZARZIS TERRE & MER", "KAYES SANTÉ DIASPORA"]


def test_a_component_of_a_country_with_an_apostrophe_before_the_key():
    text = ("## A3.3 Composante Guinée – REDI\n\nIntitulé\tRéintégration durable\n\n### Objectifs"
            "\n\nRéintégrer.\n\n### Difficultés\n\n- Les routes.\n\n"
            "## A3.4 Composante Côte d'Ivoire – PROMIR\n\nIntitulé\tProjet de mobilisation des "
            "acteurs locaux\n\n### Objectifs\n\nInformer.\n\n### Difficultés\n\n- Les prix.\n")
    fiches = extract_fiches(text)
    assert [f.key for f in fiches] == ["REDI", "PROMIR"]
    assert fiches[1].value("title") == "Projet de mobilisation des acteurs locaux"


def test_contributions_named_in_their_label_are_funders_and_the_total_cost_is_not():
    text = ("## 4.1. RAÍCES\n\nTítulo del proyecto\tArraigo de la juventud rural\n"
            "Aportación Ayuntamiento de Burgos\t74.500,00 €\n"
            "Otras aportaciones\tFundación Vía Sur: 12.000,00 €\nCoste total\t86.500,00 €\n\n"
            "### Objetivos\n\nArraigar.\n\n### Dificultades\n\n- Las lluvias.\n")
    fiche, = extract_fiches(text)
    assert fiche.values("funders") == [
        {"name": "Ayuntamiento de Burgos", "amount": 74500, "currency": "EUR"},
        {"name": "Fundación Vía Sur", "amount": 12000, "currency": "EUR"}]


def test_key_facts_of_a_bulletin_s_spotlight():
    text = ("RETORNA AZUAY\nRetorno productivo de personas migrantes retornadas en Azuay\n\n"
            "FICHA TÉCNICA\nÁmbito Ecuador: provincias de Azuay y Cañar\n"
            "Inicio Septiembre de 2019\nDuración 36 meses, ampliados seis meses por la pandemia\n"
            "Web https://tierradelsol.org/retorna\n\nObjetivos\nEmprender.\n\n"
            "Lo realizado hasta ahora\n• 74 emprendimientos siguen activos.\n\n"
            "Dificultades\n• La inflación.\n")
    fiche, = extract_fiches(text)
    assert fiche.values("countries") == ["EC"]
    assert fiche.values("places") == ["Azuay", "Cañar"]
    assert fiche.value("duration_months") == 42
    assert fiche.value("main_features").startswith("74 emprendimientos")


def test_dates_that_run_to_the_extended_end_already_hold_the_extension():
    def months(value: str) -> int | None:
        text = (f"PALIM – Pathways for Labour Mobility\n\nTimeframe: {value}\n\nObjectives\n"
                "To train.\n\nChallenges\n• Visas.\n")
        return extract_fiches(text)[0].value("duration_months")

    assert months("January 2018 – June 2023 (five years, extended by six months)") == 66
    assert months("2019-2022 (4 years), extended by 12 months to December 2023") == 60


def test_a_website_row_without_an_address_is_a_key_fact_not_the_next_fiche_s_heading():
    row = "Sitio web\tNo disponible\n"
    text = ("## 4.1 Quetzaltenango (Guatemala): Ventanilla\n\nSiglas / nombre corto\tVEMAR\n\n"
            "### Objetivos\n\nAtender.\n\n### Dificultades\n\n- La rotación.\n\n"
            "## 4.2 San Miguel (El Salvador): emprendimiento juvenil\n\nSiglas / nombre corto\t"
            "EMPRENDE+\nDuración\t24 meses, ampliados a 30 por la pandemia\n" + row +
            "\n### Objetivos\n\nEmprender.\n\n### Dificultades\n\n- Las ventas.\n")
    assert [f.key for f in extract_fiches(text)] == ["VEMAR", "EMPRENDE+"]


WEBINAR_NOTES = """[10h12] PRÉSENTATION 1 – DIASPO'LINK (Sénégal / France)
Intervenant : Moussa Dramé, coordinateur, ONG Jappo Développement
====================================================================

Titre complet : Diaspora et investissement productif dans la région de Matam

Objectifs :
Investir.

Difficultés :
- Les délais.

[11h33] PRÉSENTATION 2 – JUSOOR (Tunisie / Suisse)
Intervenant : Karim Ben Salah, directeur, ATMEJ
====================================================================

JUSOOR – Ponts pour l'emploi des jeunes diplômés du Sud tunisien

Objectifs :
Employer.

Difficultés :
- Les visas.
"""


def test_presentations_of_a_webinar_with_their_time_and_speaker():
    first, second = extract_fiches(WEBINAR_NOTES)
    assert (first.key, second.key) == ("DIASPO'LINK", "JUSOOR")
    assert first.value("title") == "Diaspora et investissement productif dans la région de Matam"
    assert second.value("title") == "Ponts pour l'emploi des jeunes diplômés du Sud tunisien"


@pytest.mark.parametrize("head", ["CANDIDATURA 1 – RETORNA: Retorno productivo en Azuay",
                                  "PROJECT HIGHLIGHT 1: RETORNA\nRetorno productivo en Azuay"])
def test_an_entry_to_a_prize_and_a_digest_s_highlight_are_numbered_heads(head):
    text = (f"{head}\n----------\n\nObjetivos:\nEmprender.\n\nDificultades:\n- La inflación.\n\n"
            + head.replace("1", "2").replace("RETORNA", "PUENTE ANDINO").replace(
                "Retorno productivo en Azuay", "Codesarrollo entre Getafe y Cochabamba")
            + "\n----------\n\nObjetivos:\nCodesarrollar.\n\nDificultades:\n- Las distancias.\n")
    assert [f.key for f in extract_fiches(text)] == ["RETORNA", "PUENTE ANDINO"]


def test_a_ministry_s_flagship_programmes_numbered_n_of_m():
    text = "".join(
        f"PROGRAMA EMBLEMÁTICO {n} DE 2\n\n{key}\n{title}\n\n  FICHA TÉCNICA\nEntidad ejecutora "
        f"DAMF\n\nObjetivos\nAtender.\n\nDificultades\n• Los recursos.\n\n"
        for n, key, title in [(1, "REINTEGRA", "Programa Nacional de Reintegración"),
                              (2, "Frontera Solidaria", "Red de Centros de Atención Integral")])
    fiches = extract_fiches("Nuestros programas emblemáticos:\n\n" + text)
    assert [(f.key, f.value("title")) for f in fiches] == [
        ("REINTEGRA", "Programa Nacional de Reintegración"),
        ("Frontera Solidaria", "Red de Centros de Atención Integral")]


def test_a_good_practice_s_theme_after_its_number_and_who_submitted_it():
    text = "".join(
        f"GOOD PRACTICE {n}  |  {theme}\n\n{key}\n{title}\nSubmitted by the Republic of {state}\n"
        f"Implementing entity Ministry of Labour\n\nObjectives\nTo train.\n\nChallenges\n"
        f"• Visas.\n\n"
        for n, theme, key, title, state in [
            (1, "RETURN AND SUSTAINABLE REINTEGRATION", "GREEN-Return",
             "Reintegration of Returnees through Climate-Smart Agriculture", "The Gambia"),
            (2, "LABOUR MOBILITY AND SKILLS", "TALENT-TN",
             "Skills Partnership for Nursing between Tunisia and Germany", "Tunisia")])
    fiches = extract_fiches(text)
    assert [(f.key, f.value("title")) for f in fiches] == [
        ("GREEN-Return", "Reintegration of Returnees through Climate-Smart Agriculture"),
        ("TALENT-TN", "Skills Partnership for Nursing between Tunisia and Germany")]


def test_a_numbered_name_between_rules_takes_its_title_from_the_title_row_wrapped():
    text = ("3. NEXT SIX MONTHS - KEY DATES\n\n- 15 April: comments due on SAFE-LM.\n\n"
            "4. THE PROGRAMMES\n\nFor each one I used the headings of the fiches.\n\n"
            "----------------------------------------\n4.1  SAFE-LM\n"
            "----------------------------------------\n\nTitle: Safe and Fair Labour Mobility "
            "from Ethiopia to the\nMiddle East\nImplementer: Horn Mobility Partners\n\n"
            "Objective\nWomen and men migrate safely.\n\nChallenges\n- Brokers.\n")
    fiche, = extract_fiches(text)
    assert fiche.key == "SAFE-LM"
    assert fiche.value("title") == "Safe and Fair Labour Mobility from Ethiopia to the Middle East"


def test_an_officer_s_handover_notes_quote_pending_points_and_a_funding_channel():
    text = ("4.3  KALO-LIVE\n----------\n\nTitle: Kalobeyei Livelihoods for Refugees\n"
            "Funding: SDC CHF 1 950 000; EU EUR 2.5 million through the KISEDP window (this part "
            "ended in 2022)\n\nObjective\nRefugees earn a living.\n\nCOVID-19\nMarkets closed for "
            "two months.\n\nQuote (from the NLK annual report 2022, a young woman in Kakuma):\n"
            "\"Before, I thought refugees were here to take what belongs to us.\" - Akai, 24\n\n"
            "Pending\n- Exit strategy: NLK draft due end of April.\n")
    fiche, = extract_fiches(text)
    assert fiche.values("funders") == [{"name": "SDC", "amount": 1950000, "currency": "CHF"},
                                       {"name": "EU", "amount": 2500000, "currency": "EUR"}]
    assert fiche.value("testimony").startswith("Before, I thought refugees")
    assert fiche.values("covid_adaptations") == ["Markets closed for two months."]


OBSIDIAN_NOTE = """## PAIJ-Matam — Insertion des jeunes et des migrants de retour à Matam

#projet #Sénégal #retour

statut:: en cours
pays:: Sénégal
zone:: région de Matam (communes d'Ourossogui et de Thilogne)
partenaires:: ANPEJ ; Chambre de métiers de Matam
financement:: UE : 3,4 M€ ; FSDT : 180 000 €
démarrage:: janvier 2021
durée:: 36 mois

### Objectifs

Insérer les jeunes.

### Difficultés

- Les crédits arrivent tard.

> [!quote] Verbatim — Mamadou B., 27 ans, Thilogne
> « J'ai passé deux ans en Libye et je suis revenu sans rien. »

![[IMG_2022-11-15_atelier.jpg]]

### Suivi

- 2022-11-15 : visite terrain Thilogne.
- [ ] relancer AEF pour le tableau de suivi
"""


def test_an_obsidian_note_with_dataview_fields_tags_a_quote_callout_and_a_follow_up_log():
    fiche, = extract_fiches(OBSIDIAN_NOTE)
    assert fiche.values("partners") == ["ANPEJ", "Chambre de métiers de Matam"]
    assert fiche.values("funders") == [{"name": "UE", "amount": 3400000, "currency": "EUR"},
                                       {"name": "FSDT", "amount": 180000, "currency": "EUR"}]
    assert (fiche.value("start"), fiche.value("duration_months")) == ("2021-01", 36)
    assert fiche.value("testimony") == "J'ai passé deux ans en Libye et je suis revenu sans rien."
    assert fiche.values("challenges") == ["Les crédits arrivent tard."]


def test_a_country_tag_in_capitals_over_the_key_is_neither_key_nor_title():
    text = ("MAROC\n\nMIGR'INCLUSION\nInclusion économique et sociale des personnes migrantes\n"
            "dans la région de l'Oriental\n\nFiche d'identité du projet\nDurée : 3 ans\n\n"
            "Objectifs\nInclure.\n\nDifficultés\n• Les loyers.\n")
    fiche, = extract_fiches(text)
    assert fiche.key == "MIGR'INCLUSION"
    assert fiche.value("title") == ("Inclusion économique et sociale des personnes migrantes "
                                    "dans la région de l'Oriental")


@pytest.mark.parametrize("head,key,title", [
    ("### 3.1 RISE — Remittances for Investment and Skills in rural Economies (SDC)", "RISE",
     "Remittances for Investment and Skills in rural Economies"),  # SDC presents it
    ("### 3.2 CONECTA-HN — Unidades Municipales de Atención al Migrante Retornado (UMAR)",
     "CONECTA-HN", "Unidades Municipales de Atención al Migrante Retornado (UMAR)"),
])
def test_the_presenting_agency_after_a_title_is_no_part_of_it(head, key, title):
    text = f"{head}\n\n**Objectives**\nTo invest.\n\n**Challenges**\n- Rates.\n"
    fiche, = extract_fiches(text)
    assert (fiche.key, fiche.value("title")) == (key, title)


README_SHEETS = """### Tangier – TANJA-IN

**One-stop shops for the inclusion of migrants in the city of Tangier**

#### Objectives

To open one-stop shops.

#### Challenges

- Staff turnover.

### Bergamo / Louga – LINK-LOUGA

**Linking the Senegalese diaspora of Bergamo to Louga**

#### Objectives

To link.

#### Challenges

- Distance.

## How to contribute

Copy the empty sheet below.

```markdown
### <City> – <ACRONYM>

**<Full title of the project>**

#### Objectives

#### Challenges
```
"""


def test_a_readme_s_city_and_key_heads_and_its_template_in_a_code_block():
    fiches = extract_fiches(README_SHEETS)
    assert [(f.key, f.value("title")) for f in fiches] == [
        ("TANJA-IN", "One-stop shops for the inclusion of migrants in the city of Tangier"),
        ("LINK-LOUGA", "Linking the Senegalese diaspora of Bergamo to Louga")]


def test_a_country_project_s_number_with_its_country_after_a_bar():
    text = ("Limitations: security conditions prevented visits to two sites.\n\n"
            "SMILE-WA at a glance\n\nTotal budget:EUR 8.7 million\n\n"
            "COUNTRY PROJECT 1  |  GHANA\n\nRISE-Bono\nReturnee Inclusion and Skills for "
            "Employment in Bono\n\nWhere Ghana – Bono region\n\nProject objective\nTo reintegrate."
            "\n\nIntended results\n• Returnees work.\n")
    fiche, = extract_fiches(text)
    assert (fiche.key, fiche.value("title")) == (
        "RISE-Bono", "Returnee Inclusion and Skills for Employment in Bono")


POLICY_REVIEW = """4.3  Programme profiles

  Box 4.1  Reading the programme profiles
Each profile starts with a key facts table.

4.3.1  Sustainable Reintegration of Returning Migrants in Bono,
Bono East and Ahafo Regions (ReStart)
Key facts
Period February 2019 – January 2023 (48 months)

Objectives
To reintegrate returnees.

Challenges
• Land is scarce.

4.3.2  Ghana Diaspora Investment Platform – Italy Corridor
(GhaDIP)
Key facts
Period 2020 – 2023

Objectives
To invest.

Challenges
• Rates.
"""


def test_a_numbered_title_wrapped_onto_its_key_in_brackets_and_a_numbered_box():
    fiches = extract_fiches(POLICY_REVIEW)
    assert [(f.key, f.value("title")) for f in fiches] == [
        ("ReStart", "Sustainable Reintegration of Returning Migrants in Bono, Bono East and "
                    "Ahafo Regions"),
        ("GhaDIP", "Ghana Diaspora Investment Platform – Italy Corridor")]
    title = next(f for f in fiches[0].fields if f.name == "title")  # its span, on both lines
    assert POLICY_REVIEW[title.start:title.end] == (
        "Sustainable Reintegration of Returning Migrants in Bono,\nBono East and Ahafo Regions")


WORKSHOP_FICHAS = """### 5.1 Ipiales (Colombia) – CAMI

- **Nombre corto:** CAMI
- **Nombre completo:** Centro de Atención a la Movilidad Humana de Ipiales
- **Territorio:** Ipiales (Colombia)

#### Objetivos

Atender.

#### Dificultades

- La saturación.

### 5.3 Huaquillas (Ecuador) y Aguas Verdes (Perú) – Emprende Sin Fronteras

- **Nombre corto:** Emprende Sin Fronteras
- **Nombre completo:** Programa binacional de emprendimiento de Huaquillas y Aguas Verdes
- **Territorio:** Huaquillas (Ecuador)

#### Objetivos

Emprender.

#### Dificultades

- La frontera.
"""


def test_short_name_and_full_name_in_a_bulleted_list_of_bold_labels():
    fiches = extract_fiches(WORKSHOP_FICHAS)
    assert [(f.key, f.value("title")) for f in fiches] == [
        ("CAMI", "Centro de Atención a la Movilidad Humana de Ipiales"),
        ("Emprende Sin Fronteras",
         "Programa binacional de emprendimiento de Huaquillas y Aguas Verdes")]


def test_a_summary_table_s_header_row_of_labels_is_no_head():
    text = ("Programa Ámbito Países Periodo\n\nPUENTES Remesas e inversión Ecuador, España "
            "2019-2023\n\nDIES Inversión de la diáspora Senegal 2021-2023\n\n"
            "PUENTES\nCanalización de remesas hacia el ahorro y la inversión productiva en\n"
            "la Sierra Sur del Ecuador\n\nPaíses:Ecuador y España\n\nObjetivo general\n"
            "Canalizar.\n\nResultados esperados\n• Ahorro.\n")
    fiche, = extract_fiches(text)
    assert fiche.key == "PUENTES"


SLIDE_DECK = """=== Slide 11 ===
MOSAIC
Mobility, Skills and Inclusion in Secondary Cities
Grace Atim, Programme Manager, Urban Refuge Alliance (URA)

Notes:
Grace presented on behalf of the consortium, with two mayors in the room who added comments.

=== Slide 12 ===
MOSAIC at a glance
• Where: Uganda (Arua, Koboko)
• Funding: SDC - CHF 3.4 million

=== Slide 13 ===
Objectives & expected results
Overall objective
• Refugees share in local growth.

=== Slide 14 ===
Challenges
• Staff turnover.

=== Slide 20 ===
RISE
Returnee Integration through Skills and Enterprise
Dr. Dawit Alemu, Team Leader - Selam Development Association (SDA)

Notes:
Dawit explained that the EU contribution came later, in 2020, as a top-up for the response.

=== Slide 22 ===
What RISE wants to achieve
Returnees rebuild their lives.

=== Slide 23 ===
Challenges
• Stigma.
"""


def test_programme_spotlights_in_a_slide_deck_saved_as_text():
    fiches = extract_fiches(SLIDE_DECK)
    assert [(f.key, f.value("title")) for f in fiches] == [
        ("MOSAIC", "Mobility, Skills and Inclusion in Secondary Cities"),
        ("RISE", "Returnee Integration through Skills and Enterprise")]
    assert fiches[1].value("objectives") == "Returnees rebuild their lives."


def test_a_presenter_indented_under_a_numbered_head_is_no_part_of_its_title():
    text = ("2. HomeGrown - Returnee Enterprise and Skills Recognition Programme\n"
            "   Bikash Thapa Magar (Sahayatri Nepal)\n"
            "-----------------------------------------------------------------\n\n"
            "Objectives:\nHelp returnees.\n\nChallenges:\n   - staff turnover\n")
    fiche, = extract_fiches(text)
    assert fiche.value("title") == "Returnee Enterprise and Skills Recognition Programme"


def test_a_run_in_heading_with_a_note_in_brackets():
    text = ("HomeGrown - Returnee Enterprise and Skills Recognition\n\nObjectives:\nHelp returnees."
            "\n\nWhy it matters for development (his words, roughly): remittances are a quarter "
            "of GDP.\n\nChallenges:\n- staff turnover\n")
    fiche, = extract_fiches(text)
    assert fiche.value("nexus") == "remittances are a quarter of GDP."


def test_a_heading_of_the_fiches_level_after_the_last_fiche_ends_it():
    text = ("## 4. STAR — Skills Transfer by African Returnees\n\n### Objectives\n\nTo transfer "
            "skills.\n\n### Lessons so far\n\n- Start small.\n\n## Cross-portfolio reflections\n\n"
            "- The diaspora contribution is more than money.\n\n## Decisions needed\n\n"
            "- [ ] Approve a no-cost extension.\n")
    fiche, = extract_fiches(text)
    assert fiche.values("good_practices") == ["Start small."]


def test_an_intitule_row_whose_gap_the_pdf_lost():
    from observatory.ingest.extract import _title_text
    assert _title_text("Intitulé Jeunes, agriculture et perspectives productives") == (
        "Jeunes, agriculture et perspectives productives")
    assert _title_text("Intitulé\tJeunes et emploi") == "Jeunes et emploi"
    assert _title_text("Intitulés des communes partenaires") == "Intitulés des communes partenaires"


def test_a_second_part_with_its_verb_left_out_counts_young_people_or_women():
    text = ("KEY-THREE\nA test project for towns\n\nObjectives\n\nTo help.\n\nResults\n\n"
            "- 1,096 jobs created or consolidated, 388 of them held by women and 517 by young "
            "people;\n- 148 returnees received certificates; 31 of them are women and 96 are "
            "under 30.\n- 41,300 people had been served by the centres, 58% of them women and "
            "9,600 of them young people aged 14–28;\n- 97 enterprises have been created (41 of "
            "them led by women and 29 by people under 35), mainly in tourism.\n"
            "- 356 emplois créés ou consolidés, dont 139 occupés par des femmes et 201 par des "
            "jeunes de moins de 35 ans ;\n- 780 personas certificaron competencias, de las "
            "cuales 260 eran jóvenes menores de 29 años.\n- 412 empleos, 169 de ellos ocupados "
            "por mujeres y 220 por jóvenes menores de 30 años.\n- 412 jobs were created, 158 of "
            "which are held by young people under 35.\n- 1,020 trainees (672 men, 348 women; "
            "841 under 35) completed short courses.\n- 1.120 personas completaron cursos; de "
            "ellas, 437 mujeres y 504 jóvenes de 18 a 29 años.\n\nChallenges\n\n- None.\n")
    parts = [(i["value"], i["women"], i["youth"])
             for i in extract_fiches(text)[0].values("indicators")]
    assert parts == [(1096, 388, 517), (148, 31, 96), (41300, 23954, 9600), (97, 41, 29),
                     (356, 139, 201), (780, None, 260), (412, 169, 220), (412, None, 158),
                     (1020, 348, 841), (1120, 437, 504)]


def test_a_key_over_a_title_that_wraps_above_a_facts_table_without_colons():
    text = ("Nuestros proyectos\n\nEn esta memoria presentamos las fichas de dos proyectos "
            "representativos de\nnuestras líneas de trabajo y de sus resultados en el año.\n\n"
            "RAÍCES\nRetorno productivo y emprendimiento rural en la sierra sur de\nEcuador\n\n"
            "  FICHA TÉCNICA\nPaís y zona Ecuador (provincias de Cañar y Azuay)\n"
            "Socio local Fundación Sembrar Futuro (Cuenca)\n\n"
            "Otros socios GAD Provincial del Cañar; Asociación de Ecuatorianos Residentes en "
            "Madrid (ASERMA)\n\nInicio octubre de 2020\nDuración 36 meses\n\n"
            "Objetivos\nMejorar los ingresos de las personas retornadas.\n\n"
            "Dificultades\n• La sequía retrasó las cosechas.\n")
    fiche = extract_fiches(text)[0]
    assert (fiche.key, fiche.value("title")) == (
        "RAÍCES", "Retorno productivo y emprendimiento rural en la sierra sur de Ecuador")
    assert fiche.values("partners") == [
        "Fundación Sembrar Futuro (Cuenca)", "GAD Provincial del Cañar",
        "Asociación de Ecuatorianos Residentes en Madrid (ASERMA)"]


def test_a_numbered_heading_project_key_named_in_full_in_its_facts_table():
    text = ("## 3. Projets visités\n\nLes projets sont présentés ci-dessous.\n\n"
            "## 3.1 Projet MIGRALOC\n\nFiche signalétique\n\n"
            "Intitulé\tMigration et développement local dans la région de Dosso\n"
            "Période\t1er avril 2021 – 31 mars 2025 (48 mois)\n"
            "Zone d'intervention\tNiger – région de Dosso\n\n"
            "### Objectifs\n\nRenforcer les communes.\n\n"
            "### Difficultés\n\n- Insécurité.\n\n"
            "## 3.2 Projet PISEM\n\nFiche signalétique\n\n"
            "Intitulé\tProgramme d'insertion socio-économique des migrants de retour\n\n"
            "### Objectifs\n\nInsérer les migrants de retour.\n")
    assert [(f.key, f.value("title")) for f in extract_fiches(text)] == [
        ("MIGRALOC", "Migration et développement local dans la région de Dosso"),
        ("PISEM", "Programme d'insertion socio-économique des migrants de retour")]


def test_numbered_headings_in_words_over_a_row_that_names_the_initiative_in_full():
    row = "Nombre de la iniciativa\t"
    text = ("# 5. Fichas de las iniciativas\n\nSe presentan las fichas de las iniciativas.\n\n"
            "## 5.1. Jokkoo Tabax (Senegal)\n\n" + row + "Jokkoo Tabax – Cooperativa "
            "agroecológica en la región de Louga\nPeriodo de ejecución\tOctubre 2019 – "
            "septiembre 2022\n\n### Objetivos\n\nCrear empleo.\n\n### Retos\n\n- La sequía.\n\n"
            "## 5.2. Tejiendo Paz (Colombia)\n\n" + row + "Red de Mujeres Tejiendo Paz – "
            "Reintegración económica de mujeres retornadas\n\n### Objetivos\n\nApoyar a las "
            "mujeres.\n\n### Retos\n\n- El acceso al crédito.\n\n"
            "## 5.3. JISR (Marruecos)\n\n" + row + "JISR – Mentoría profesional de la diáspora "
            "marroquí\n\n### Objetivos\n\nAcompañar a los jóvenes.\n\n### Retos\n\n- Ninguno.\n")
    assert [(f.key, f.value("title")) for f in extract_fiches(text)] == [
        ("Jokkoo Tabax", "Cooperativa agroecológica en la región de Louga"),
        ("Tejiendo Paz", "Reintegración económica de mujeres retornadas"),
        ("JISR", "Mentoría profesional de la diáspora marroquí")]


def test_a_heading_anchor_is_no_part_of_the_title_and_a_specific_objective_goes_on():
    text = ("## MAISHA — Migrant Access to Information and Health {#maisha}\n\n"
            "### Objectives\n\nTo inform migrants.\n\n### Challenges\n\n- Fear.\n\n"
            "## DIRI — Diaspora Investment for Resilient Irrigation {#diri}\n\n"
            "Objetivo general: Contribuir a la autonomía de las mujeres.\n"
            "Objetivo específico: Consolidar las cooperativas.\n\n"
            "Riesgos y dificultades identificados:\n- La sequía.\n")
    fiches = extract_fiches(text)
    assert [(f.key, f.value("title")) for f in fiches] == [
        ("MAISHA", "Migrant Access to Information and Health"),
        ("DIRI", "Diaspora Investment for Resilient Irrigation")]
    assert fiches[1].value("objectives") == ("Contribuir a la autonomía de las mujeres.\n"
                                             "Objetivo específico: Consolidar las cooperativas.")


def test_a_title_row_in_the_key_facts_names_the_fiche_over_its_heading_s_short_title():
    text = ("## 4.1 JOKKO – Mobilising diaspora savings (AICS)\n\n"
            "Project title\tMobilising Diaspora Savings and Skills for Local Development in "
            "Senegal\nShort name\tJOKKO\nLocation\tSenegal: Louga region.\n"
            "Objective(s)\tTo increase diaspora investment.\n"
            "Challenges\tSlow procurement.\n")
    fiche = extract_fiches(text)[0]
    assert (fiche.key, fiche.value("title")) == (
        "JOKKO", "Mobilising Diaspora Savings and Skills for Local Development in Senegal")


def test_a_facts_box_titled_ficha_del_proyecto_under_the_fiche_s_name():
    text = ("Proyectos de la red\n\nEn esta sección damos a conocer proyectos de los municipios "
            "miembros de la red.\n\nPROYECTOS DE LA RED · ZARAGOZA\n\nACOGE-LAB\n"
            "Laboratorio municipal de inclusión sociolaboral para personas\nrefugiadas\n\n"
            "  Ficha del proyecto\nEntidad promotora:Ayuntamiento de Zaragoza\n"
            "Inicio:Enero de 2021\nDuración:36 meses\n\nObjetivos\nMejorar el acceso al "
            "empleo.\n\nRetos\n• La vivienda.\n")
    fiche = extract_fiches(text)[0]
    assert (fiche.key, fiche.value("title")) == (
        "ACOGE-LAB", "Laboratorio municipal de inclusión sociolaboral para personas refugiadas")


def test_a_page_band_that_numbers_the_grant_stops_the_search_for_its_name():
    text = ("Portfolio at a glance\nRef. Grant Grantee Country Award\n"
            "ALF-ML-2019-03 PUENTES ARA Guatemala £520,000\nTotal £1,900,000\n\n"
            "  3. GRANT SUMMARIES   |   GRANT 1 OF 5   |   REF. ALF-ML-2019-03\n\n"
            "PUENTES\nYouth skills and local jobs as an alternative to irregular migration in "
            "western\nGuatemala\n\nGrantee:Asociación Raíces del Altiplano\n"
            "Location:Guatemala (San Marcos department)\nALF grant £520k RAG status Green\n\n"
            "Purpose\nTo give young people a reason to stay.\n\nIssues and risks\n"
            "• Staff turnover.\n")
    fiche = extract_fiches(text)[0]
    assert fiche.key == "PUENTES"
    assert fiche.value("title").startswith("Youth skills and local jobs")


def test_a_country_and_theme_after_the_fiche_s_number_leave_the_name_below_it():
    text = ("EXPERIENCIA 4 · HONDURAS Retorno, protección y género\n\nRED MARIPOSA\n"
            "Acompañamiento psicosocial y económico a mujeres retornadas y sus\nfamilias en el "
            "Valle de Sula\n\nFicha técnica\nEntidad ejecutora:CEAMM\nInicio:2021\n\n"
            "Objetivos\nAcompañar a las mujeres retornadas.\n\nRetos\n• El estigma.\n")
    fiche = extract_fiches(text)[0]
    assert fiche.key == "RED MARIPOSA"
    assert fiche.value("title") == ("Acompañamiento psicosocial y económico a mujeres "
                                    "retornadas y sus familias en el Valle de Sula")


def test_an_obsidian_grantee_note_its_key_field_gloss_and_officer_s_callout():
    text = ('## Jashtar Jolu ("Youth Road") - return and local employment in Osh\n\n'
            "key:: JJ\npartners:: [[Osh Youth Centre]], [[Kara-Suu Municipality]], "
            "[[Aga Khan Fund]]\n"
            "start:: 2021-03\n\n### Objective\nYoung returnees find work at home.\n\n"
            "### COVID-19\n- Sessions moved to WhatsApp.\n\n> [!warning] PO note\n"
            "> Figures are self-reported.\n\n- [ ] Ask for the sex breakdown\n")
    fiche = extract_fiches(text)[0]
    assert fiche.key == "Jashtar Jolu"
    assert fiche.values("partners") == ["[[Osh Youth Centre]]", "[[Kara-Suu Municipality]]",
                                        "[[Aga Khan Fund]]"]  # and not "key:: JJ"
    assert fiche.values("covid_adaptations") == ["Sessions moved to WhatsApp."]


def test_the_rule_that_parts_the_fiches_ends_the_last_one_and_a_file_number_is_no_partner():
    fiche = ("{n}. KEY{n} – Un proyecto de codesarrollo en la región\n\n"
             "Otros socios: Cooperativa Jatun Ñan; GAD Parroquial de Juncal\n"
             "Expediente: COD-0{n}/2020\nInicio: septiembre de 2020\n\n"
             "Objetivo: apoyar a las familias.\n\nDificultades: la sequía.\n\n"
             "________________________________________\n\n")
    text = (fiche.format(n=1) + fiche.format(n=2) + "Otras cosas para la Comisión:\n\n"
            "- La convocatoria de 2022 está prevista para abril.\n\nUn saludo,\n\nLucía\n")
    fiches = extract_fiches(text)
    assert [f.key for f in fiches] == ["KEY1", "KEY2"]
    assert fiches[1].values("partners") == ["Cooperativa Jatun Ñan", "GAD Parroquial de Juncal"]
    assert fiches[1].end < text.index("Otras cosas")


def test_a_laureate_s_band_and_its_funding_listed_under_a_label_alone():
    text = ("KAWRAL Lauréat 2021 · Sénégal\n"
            "Insertion agricole des jeunes et des migrants de retour à Matam\n\n"
            "Fiche d'identité\nPorteur ARMO (Toulouse)\nDémarrage Janvier 2021\n"
            "Durée 30 mois\nBudget total 89 200 €\n\nFinancements\n\n"
            "Région Occitanie : 40 000 €\nAFD – PRA/OSIM (FORIM) : 15 000 €\n"
            "Conseil départemental de Matam : 8 millions de FCFA\n\n"
            "Objectifs\nAméliorer les revenus des jeunes ruraux.\n\n"
            "Difficultés\n• L'accès au foncier.\n")
    fiche = extract_fiches(text)[0]
    assert fiche.key == "KAWRAL"
    assert [(f["name"], f["amount"]) for f in fiche.values("funders")] == [
        ("Région Occitanie", 40000), ("AFD – PRA/OSIM (FORIM)", 15000),
        ("Conseil départemental de Matam", 8000000)]


def test_a_speaker_s_lead_in_to_a_quoted_message_is_no_part_of_the_testimony():
    text = ("PRIME-Kolda – Programme de réinsertion dans la région de Kolda\n\n"
            "Objectifs\n\nRéinsérer les migrants de retour.\n\nDifficultés\n\n- Le foncier.\n\n"
            "Pour terminer, le message d’Aliou, un jeune revenu de Libye en 2018\u00a0: "
            "«\u00a0Quand je suis rentré, je n’osais même pas sortir de la maison. Aujourd’hui "
            "j’ai mon poulailler.\u00a0»\n")
    fiche = extract_fiches(text)[0]
    assert fiche.value("testimony") == ("Quand je suis rentré, je n’osais même pas sortir de la "
                                        "maison. Aujourd’hui j’ai mon poulailler.")


def test_a_partners_label_alone_over_names_one_a_line_is_no_part_of_the_head():
    text = ("Nuestros programas\n\nEn 2023 la fundación gestionó cuatro programas con "
            "financiación externa, además de su actividad crediticia.\n\n"
            "RETORNA EMPRENDE\nCrédito y acompañamiento empresarial para personas retornadas en\n"
            "el Austro ecuatoriano\n\nDATOS CLAVE\n\nInicio Abril de 2021\n\n"
            "Duración 36 meses\nPaís Ecuador\n\nZona de intervención Provincia de Azuay\n\n"
            "Socios\n\nMinisterio de Relaciones Exteriores\n"
            "Cooperativa de Ahorro y Crédito Sumak Kawsay Ltda.\nUniversidad de Cuenca\n\n"
            "Objetivos\nMejorar el acceso al crédito.\n\nDesafíos\n• La morosidad.\n")
    fiche = extract_fiches(text)[0]
    assert fiche.key == "RETORNA EMPRENDE"
    assert fiche.value("title") == ("Crédito y acompañamiento empresarial para personas "
                                    "retornadas en el Austro ecuatoriano")
    assert fiche.values("partners") == ["Ministerio de Relaciones Exteriores",
                                        "Cooperativa de Ahorro y Crédito Sumak Kawsay Ltda.",
                                        "Universidad de Cuenca"]


def test_a_numbered_sub_project_heading_keyed_by_its_name_and_titled_by_its_row():
    text = ("# 6. Fichas de los subproyectos\n\nSe presentan los cuatro subproyectos.\n\n"
            "## 6.3 Subproyecto MUNICIPIOS DE ACOGIDA (El Salvador)\n\nDatos básicos\n\n"
            "Título del subproyecto\tFortalecimiento de la gobernanza local de la movilidad\n"
            "Fecha de inicio\t1 de marzo de 2020\n\n### Objetivo específico\n\nMejorar la "
            "acogida.\n\n### Dificultades encontradas\n\n- La rotación del personal.\n")
    fiche = extract_fiches(text)[0]
    assert (fiche.key, fiche.value("title")) == (
        "MUNICIPIOS DE ACOGIDA", "Fortalecimiento de la gobernanza local de la movilidad")


def test_a_forum_s_blank_template_is_no_fiche_and_a_name_row_names_the_one_filled_in():
    template = ("Nom du projet (et acronyme) :\nObjectifs :\nRésultats attendus :\n"
                "Principales activités et réalisations :\nDifficultés rencontrées :\n"
                "Bonnes pratiques / enseignements :\nPartenaires :\n")
    text = ("------------------------------------------------------------\nMessage n°1\n"
            "De : Mariam (modération)\n\nMerci de suivre la grille :\n\n" + template +
            "\nBelle semaine à tous,\nMariam\n\n"
            "------------------------------------------------------------\nMessage n°2\n"
            "De : Awa Diallo Sow (AJT, Tambacounda)\n\nBonjour à tous, voici notre projet.\n\n"
            "Nom du projet (et acronyme) : KAWRAL – Initiatives économiques des migrants de "
            "retour à Tambacounda\n\nObjectifs :\nCréer des emplois.\n\nRésultats attendus :\n"
            "- 300 jeunes formés.\n\nDifficultés rencontrées :\n- Le foncier.\n")
    fiches = extract_fiches(text)
    assert [(f.key, f.value("title")) for f in fiches] == [
        ("KAWRAL", "Initiatives économiques des migrants de retour à Tambacounda")]


def test_a_project_title_row_whose_box_lost_its_column_gap_titles_the_numbered_box():
    text = ("PROJECT BOX 1\nRISE\n\nAt a glance\nProject title Reintegration, Inclusion and "
            "Skills for Employment of Returnees\nDuration March 2020 – February 2023 (36 "
            "months)\nFunding European Union: EUR 4.2 million\nLocations Greater Banjul "
            "Area\nWebsite https://www.undp.org/gambia/rise\n\nObjective\nTo support "
            "returning migrants.\n\nChallenges\n• Slow procurement.\n")
    fiche = extract_fiches(text)[0]
    assert (fiche.key, fiche.value("title")) == (
        "RISE", "Reintegration, Inclusion and Skills for Employment of Returnees")


def test_a_brochure_s_own_in_brief_page_far_above_does_not_name_the_first_fiche():
    intro = "".join(f"Le programme finance des partenariats, paragraphe {n}.\n\n"
                    for n in range(30))
    text = ("PARCOURS en bref\n\nPARCOURS – Partenariats pour la mobilité circulaire – est un "
            "programme régional.\n\n" + intro +
            "PARTENARIAT N° 1 · MAROC ↔ BELGIQUE\n\nTAWASOL-Santé\nMobilité circulaire des "
            "infirmières entre l’Oriental et la Wallonie\n\nFICHE D’IDENTITÉ\nPays:Maroc, "
            "Belgique\nDémarrage:Janvier 2022\nDurée:36 mois\n\nObjectifs\nRenforcer les "
            "compétences.\n\nDifficultés\n• La reconnaissance des diplômes.\n")
    fiche = extract_fiches(text)[0]
    assert fiche.key == "TAWASOL-Santé"


def test_a_lead_member_row_is_the_agency_not_the_title_of_a_head_above_it():
    text = ("Mji Wetu\nUrban refugee and host community inclusion in Kampala\n"
            "Entry submitted by the Kampala Urban Refugee Network (KURN), member of the Local\n"
            "Governance working group\n\n  At a glance\n"
            "Lead member Kampala Urban Refugee Network (KURN)\n\nStart 2017\n\n"
            "Duration Six years\n\nCountry Uganda\n\nObjectives\nInclude urban refugees.\n\n"
            "Challenges\n• Rents.\n")
    fiche = extract_fiches(text)[0]
    assert (fiche.key, fiche.value("title")) == (
        "Mji Wetu", "Urban refugee and host community inclusion in Kampala")


def test_a_markdown_heading_with_the_carrier_s_acronym_after_the_name():
    fiche = ("### {key} – {org}\n\n**Intitulé :** {title}\n\nPorteur : {org}\n\n"
             "Objectifs :\n- Former des jeunes.\n\nDifficultés :\n- Le foncier.\n\n")
    text = (fiche.format(key="KAWRAL", org="FAFRA", title="Appui à l'insertion agricole des "
                         "jeunes à Matam") +
            fiche.format(key="ELLES ENTREPRENNENT", org="IFDS", title="Accompagnement de "
                         "femmes entrepreneures de la diaspora"))
    assert [(f.key, f.value("title")) for f in extract_fiches(text)] == [
        ("KAWRAL", "Appui à l'insertion agricole des jeunes à Matam"),
        ("ELLES ENTREPRENNENT", "Accompagnement de femmes entrepreneures de la diaspora")]


def test_an_appendix_s_lettered_number_is_no_part_of_the_key():
    fiche = ("## B.{n} {key} – {title}\n\nStart date\tJuly 2020\nDuration\t36 months\n\n"
             "### Objectives\n\nTo help.\n\n### Challenges\n\n- Delays.\n\n")
    text = (fiche.format(n=1, key="UPLIFT", title="Urban Partnerships for Livelihoods") +
            fiche.format(n=2, key="GDIF", title="Gulu Diaspora Investment Facility"))
    assert [(f.key, f.value("title")) for f in extract_fiches(text)] == [
        ("UPLIFT", "Urban Partnerships for Livelihoods"),
        ("GDIF", "Gulu Diaspora Investment Facility")]


def test_a_numbered_name_spelt_out_in_parentheses_over_a_full_title_row():
    text = ("Voice from the field:\n\"When I came back I did not leave my compound.\" - Ousman,\n"
            "27, Basse (returnee, 2021)\n\n3.2 DIC Casamance (Diaspora Invest Casamance)\n\n"
            "Full title: Mobilising diaspora investment for youth-led agribusiness\n"
            "Implementer: GIZ\nStart / duration: January 2022, 36 months\n\n"
            "Objectives:\n- Invest in agribusiness.\n\nChallenges:\n- Slow loans.\n")
    fiche = extract_fiches(text)[-1]
    assert (fiche.key, fiche.value("title")) == (
        "DIC Casamance", "Mobilising diaspora investment for youth-led agribusiness")
