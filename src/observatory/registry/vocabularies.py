"""Reference vocabularies every installation starts with: themes, tags, target groups, SDGs.

Loaded by a data migration (so every database, the test ones included, has them) and kept
idempotent, so ``observatory load_vocabularies`` can refresh names after an upgrade.
"""

from typing import Any

# (slug, English, French)
THEMES = [
    ("migration-governance", "Migration governance", "Gouvernance des migrations"),
    ("inclusive-social-policies", "Inclusive social policies", "Politiques sociales inclusives"),
    ("nexus-education-in-emergencies",
     "Humanitarian–development nexus and education in emergencies",
     "Nexus humanitaire–développement et éducation en situation d'urgence"),
    ("labour-mobility-and-skills", "Labour mobility and skills",
     "Mobilité de la main-d'œuvre et compétences"),
    ("diaspora-engagement", "Diaspora engagement", "Engagement de la diaspora"),
]

TAGS = [
    ("gender", "Gender", "Genre"),
    ("youth", "Youth", "Jeunesse"),
    ("climate", "Climate", "Climat"),
    ("covid-19", "COVID-19", "COVID-19"),
    ("returnees", "Returnees", "Migrants de retour"),
    ("refugees-and-displaced", "Refugees and displaced people",
     "Personnes réfugiées et déplacées"),
    ("private-sector", "Private sector", "Secteur privé"),
    ("local-authorities", "Local authorities", "Autorités locales"),
    ("data-and-evidence", "Data and evidence", "Données et preuves"),
]

TARGET_GROUPS = [
    ("migrants", "Migrants", "Migrants"),
    ("refugees", "Refugees", "Réfugiés"),
    ("asylum-seekers", "Asylum seekers", "Demandeurs d'asile"),
    ("idps", "Internally displaced people", "Personnes déplacées internes"),
    ("returnees", "Returnees", "Migrants de retour"),
    ("host-communities", "Host communities", "Communautés d'accueil"),
    ("diaspora", "Diaspora", "Diaspora"),
    ("women", "Women", "Femmes"),
    ("youth", "Youth", "Jeunes"),
]

# SDG targets that migration-and-development programmes report against most.
SDG_TARGETS = [
    ("1.3", "Social protection systems and measures for all"),
    ("4.4", "Youth and adults with relevant skills for employment"),
    ("5.1", "End all forms of discrimination against women and girls"),
    ("8.5", "Full and productive employment and decent work for all"),
    ("8.8", "Protect labour rights, including those of migrant workers"),
    ("10.2", "Social, economic and political inclusion of all"),
    ("10.7", "Orderly, safe, regular and responsible migration and mobility"),
    ("10.c", "Reduce transaction costs of migrant remittances"),
    ("11.3", "Inclusive and sustainable urbanization and participatory planning"),
    ("16.3", "Rule of law and equal access to justice for all"),
    ("16.6", "Effective, accountable and transparent institutions"),
    ("16.7", "Responsive, inclusive and participatory decision-making"),
    ("16.9", "Legal identity for all, including birth registration"),
    ("17.17", "Effective public, public-private and civil society partnerships"),
    ("17.18", "Capacity for high-quality, timely and disaggregated data"),
]


def load_vocabularies(theme_model: Any, target_group_model: Any, sdg_model: Any) -> None:
    """Create or rename the reference rows; model classes are passed so migrations can call it."""
    for kind, rows in (("theme", THEMES), ("tag", TAGS)):
        for order, (slug, name, name_fr) in enumerate(rows):
            theme_model.objects.update_or_create(
                slug=slug, defaults={"name": name, "name_fr": name_fr, "kind": kind,
                                     "order": order},
            )
    for order, (slug, name, name_fr) in enumerate(TARGET_GROUPS):
        target_group_model.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_fr": name_fr, "order": order})
    for code, title in SDG_TARGETS:
        sdg_model.objects.update_or_create(code=code, defaults={"title": title})
