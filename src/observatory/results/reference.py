"""Reference data of the results capability, loaded by a data migration and by
``load_results_reference()``: disaggregation dimensions with their categories, and the library
of reference indicators (SDG indicators on migration, EU Emergency Trust Fund for Africa common
output indicators). Names are our wording of the official lists; administrators may edit them.
"""

from __future__ import annotations

from typing import Any

# (code, English name, French name, IATI dimension name, categories)
DIMENSIONS: list[tuple[str, str, str, str, list[tuple[str, str, str]]]] = [
    ("sex", "Sex", "Sexe", "sex", [
        ("female", "Female", "Femmes"),
        ("male", "Male", "Hommes"),
        ("other", "Other or unknown", "Autre ou inconnu"),
    ]),
    ("age_group", "Age group", "Tranche d'âge", "age", [
        ("0-14", "0–14", "0–14"),
        ("15-24", "15–24", "15–24"),
        ("25-34", "25–34", "25–34"),
        ("35-64", "35–64", "35–64"),
        ("65+", "65 and over", "65 et plus"),
    ]),
    ("population_group", "Population group", "Groupe de population", "population group", [
        ("migrant", "Migrant", "Migrant"),
        ("refugee", "Refugee", "Réfugié"),
        ("asylum_seeker", "Asylum seeker", "Demandeur d'asile"),
        ("idp", "Internally displaced", "Déplacé interne"),
        ("returnee", "Returnee", "Migrant de retour"),
        ("host_community", "Host community", "Communauté d'accueil"),
        ("diaspora", "Diaspora", "Diaspora"),
        ("other", "Other", "Autre"),
    ]),
]

SDG = "SDG"
EUTF = "EUTF"
SDG_VOCABULARY = "9"  # IATI IndicatorVocabulary: UN Sustainable Development Goals Indicators

# (framework, code, English name, French name, unit, IATI measure, expected dimensions)
REFERENCE_INDICATORS: list[tuple[str, str, str, str, str, str, list[str]]] = [
    (SDG, "8.8.1", "Fatal and non-fatal occupational injuries per 100,000 workers",
     "Accidents du travail mortels et non mortels pour 100 000 travailleurs",
     "per 100,000 workers", "1", ["sex", "population_group"]),
    (SDG, "8.8.2", "Level of national compliance with labour rights (freedom of association "
     "and collective bargaining)",
     "Niveau de respect des droits du travail (liberté d'association et négociation collective)",
     "score", "4", ["sex", "population_group"]),
    (SDG, "10.7.1", "Recruitment cost borne by employee as a proportion of monthly income "
     "earned in country of destination",
     "Coût du recrutement à la charge du salarié en proportion de son revenu mensuel dans le "
     "pays de destination", "%", "2", ["sex"]),
    (SDG, "10.7.2", "Number of countries with migration policies that facilitate orderly, "
     "safe, regular and responsible migration and mobility of people",
     "Nombre de pays ayant mis en place des politiques migratoires facilitant des migrations "
     "ordonnées, sûres, régulières et responsables", "countries", "1", []),
    (SDG, "10.7.3", "Number of people who died or disappeared in the process of migration "
     "towards an international destination",
     "Nombre de personnes décédées ou disparues au cours d'une migration vers une destination "
     "internationale", "people", "1", ["sex", "age_group"]),
    (SDG, "10.7.4", "Proportion of the population who are refugees",
     "Proportion de la population composée de réfugiés", "%", "2", []),
    (SDG, "10.c.1", "Remittance costs as a proportion of the amount remitted",
     "Coût des envois de fonds en proportion du montant transféré", "%", "2", []),
    (SDG, "16.9.1", "Proportion of children under 5 years of age whose births have been "
     "registered with a civil authority",
     "Proportion d'enfants de moins de 5 ans dont la naissance a été enregistrée par une "
     "autorité d'état civil", "%", "2", ["sex"]),
    (SDG, "17.3.2", "Volume of remittances as a proportion of total GDP",
     "Volume des envois de fonds en proportion du PIB total", "%", "2", []),
    (SDG, "17.18.1", "Statistical capacity indicator for SDG monitoring",
     "Indicateur de capacité statistique pour le suivi des ODD", "score", "4", []),
    (EUTF, "1.1", "Number of jobs created or supported",
     "Nombre d'emplois créés ou soutenus", "jobs", "1", ["sex", "age_group", "population_group"]),
    (EUTF, "1.2", "Number of micro, small and medium enterprises created or supported",
     "Nombre de micro, petites et moyennes entreprises créées ou soutenues", "enterprises",
     "1", []),
    (EUTF, "1.3", "Number of people assisted to develop income-generating activities",
     "Nombre de personnes accompagnées dans le développement d'activités génératrices de "
     "revenus", "people", "1", ["sex", "age_group", "population_group"]),
    (EUTF, "1.4", "Number of people benefitting from professional training or skills "
     "development", "Nombre de personnes bénéficiant d'une formation professionnelle ou d'un "
     "renforcement des compétences", "people", "1", ["sex", "age_group", "population_group"]),
    (EUTF, "1.5", "Number of job placements facilitated or supported",
     "Nombre de placements en emploi facilités ou soutenus", "placements", "1",
     ["sex", "population_group"]),
    (EUTF, "2.1", "Number of local development plans directly supported",
     "Nombre de plans de développement local directement soutenus", "plans", "1", []),
    (EUTF, "2.2", "Number of basic social services delivered",
     "Nombre de services sociaux de base fournis", "services", "1", []),
    (EUTF, "2.7", "Number of people reached by information campaigns on resilience and basic "
     "rights", "Nombre de personnes touchées par des campagnes de sensibilisation sur la "
     "résilience et les droits fondamentaux", "people", "1", ["sex"]),
    (EUTF, "2.8", "Number of staff of local authorities and basic service providers trained "
     "to strengthen service delivery", "Nombre d'agents des autorités locales et des "
     "prestataires de services de base formés", "people", "1", ["sex"]),
    (EUTF, "2.9", "Number of people with improved access to basic services",
     "Nombre de personnes ayant un meilleur accès aux services de base", "people", "1",
     ["sex", "population_group"]),
    (EUTF, "3.1", "Number of projects by diaspora members",
     "Nombre de projets portés par des membres de la diaspora", "projects", "1", []),
    (EUTF, "3.2", "Number of migrants in transit, children in mobility, internally displaced "
     "people and refugees protected or assisted", "Nombre de migrants en transit, d'enfants en "
     "mobilité, de déplacés internes et de réfugiés protégés ou assistés", "people", "1",
     ["sex", "age_group", "population_group"]),
    (EUTF, "3.3", "Number of migrants and potential migrants reached by information campaigns "
     "on migration and its risks", "Nombre de migrants et migrants potentiels touchés par des "
     "campagnes d'information sur la migration et ses risques", "people", "1",
     ["sex", "population_group"]),
    (EUTF, "3.4", "Number of voluntary returns or humanitarian repatriations supported",
     "Nombre de retours volontaires ou de rapatriements humanitaires soutenus", "people", "1",
     ["sex", "age_group"]),
    (EUTF, "3.5", "Number of returning migrants receiving post-arrival assistance",
     "Nombre de migrants de retour bénéficiant d'une assistance après leur arrivée", "people",
     "1", ["sex", "age_group"]),
    (EUTF, "3.6", "Number of institutions and non-state actors supported on migration "
     "management", "Nombre d'institutions et d'acteurs non étatiques soutenus en matière de "
     "gestion des migrations", "institutions", "1", []),
    (EUTF, "3.7", "Number of individuals trained on migration management",
     "Nombre de personnes formées à la gestion des migrations", "people", "1", ["sex"]),
    (EUTF, "3.10", "Number of people benefitting from legal migration and mobility "
     "programmes", "Nombre de personnes bénéficiant de programmes de migration légale et de "
     "mobilité", "people", "1", ["sex", "age_group"]),
    (EUTF, "4.6", "Number of strategies, policies and plans developed or directly supported",
     "Nombre de stratégies, politiques et plans élaborés ou directement soutenus",
     "documents", "1", []),
    (EUTF, "5.1", "Number of multi-stakeholder groups and learning mechanisms formed and "
     "regularly gathering", "Nombre de groupes multi-acteurs et de mécanismes d'apprentissage "
     "créés et se réunissant régulièrement", "groups", "1", []),
    (EUTF, "5.2", "Number of planning, monitoring, learning, data-collection and analysis "
     "systems set up or strengthened", "Nombre de systèmes de planification, de suivi, "
     "d'apprentissage, de collecte et d'analyse de données mis en place ou renforcés",
     "systems", "1", []),
    (EUTF, "5.3", "Number of field studies, surveys and other research conducted",
     "Nombre d'études de terrain, d'enquêtes et d'autres recherches menées", "studies", "1", []),
]


def load_results_reference(dimension_model: Any, category_model: Any,
                           disaggregation_model: Any, reference_model: Any) -> None:
    """Create or refresh dimensions, categories, the total disaggregation and the reference
    indicators. Takes the models so that a data migration can pass its historical ones."""
    dimensions = {}
    for order, (code, name, name_fr, iati_name, categories) in enumerate(DIMENSIONS):
        dimension, _created = dimension_model.objects.update_or_create(
            code=code, defaults={"name": name, "name_fr": name_fr, "iati_name": iati_name,
                                 "order": order})
        dimensions[code] = dimension
        for cat_order, (cat_code, cat_name, cat_name_fr) in enumerate(categories):
            category_model.objects.update_or_create(
                dimension=dimension, code=cat_code,
                defaults={"name": cat_name, "name_fr": cat_name_fr, "order": cat_order})
    disaggregation_model.objects.get_or_create(key="")
    for framework, code, name, name_fr, unit, measure, dims in REFERENCE_INDICATORS:
        reference, _created = reference_model.objects.update_or_create(
            framework=framework, code=code,
            defaults={"name": name, "name_fr": name_fr, "unit": unit, "measure": measure,
                      "vocabulary": SDG_VOCABULARY if framework == SDG else ""})
        reference.dimensions.set([dimensions[d] for d in dims])
