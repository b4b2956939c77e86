"""The five programme fiches of annex 2 ("Project forms") of the report of session 1 of the
PN-CFM online series, "Linking development and migration governance: a multilevel and
cross-cutting approach" (Enabel, 13 May 2020), as structured facts.

Texts are summaries in our own words; facts and figures follow the report. Every span is a pair
of character offsets [start, end) into the report's text as read by
``open(path, encoding="utf-8").read()`` (file ``pn-cfm-session1-report-2020.txt``, SHA-256
below); they were computed once and are kept here as numbers, so the demo loads without the file.

Codes: organisation types, partner roles and activity statuses are IATI 2.03 codes (see
``registry.codelists``), places ISO 3166 codes, currencies ISO 4217, themes / target groups / SDG
targets the slugs and codes of ``registry.vocabularies``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from observatory.registry.codelists import ActivityStatus, OrganisationRole, OrganisationType

Span = tuple[int, int]

# -- the source document ------------------------------------------------------------------

REPORT_FILENAME = "pn-cfm-session1-report-2020.txt"
REPORT_SHA256 = "667841e09a83eb5499cf92e212194f42f38e114160cb7ebeff864a979bc2af11"
REPORT_LENGTH = 49697  # characters, not bytes
REPORT = {
    "title": "Linking development and migration governance: a multilevel and cross-cutting "
             "approach \u2014 Session 1 Report",
    "publisher": "Enabel",
    "published_on": dt.date(2020, 5, 13),
    "filename": REPORT_FILENAME,
    "sha256": REPORT_SHA256,
}

# -- organisations ------------------------------------------------------------------------


@dataclass(frozen=True)
class Org:
    name: str
    acronym: str = ""
    org_type: str = OrganisationType.OTHER
    country: str = ""  # ISO 3166-1 alpha-2, blank for international bodies
    website: str = ""
    is_diaspora: bool = False
    iati_ref: str = ""  # IATI organisation identifier, as the organisation publishes it


# OECD DAC purpose code of every demo programme (not in the report; chosen by us).
DEMO_SECTOR = ("15190", "Facilitation of orderly, safe, regular and responsible migration "
               "and mobility")

GOV = OrganisationType.GOVERNMENT
LOCAL_GOV = OrganisationType.LOCAL_GOVERNMENT
PUBLIC = OrganisationType.OTHER_PUBLIC_SECTOR
MULTILATERAL = OrganisationType.MULTILATERAL

# Keyed by a handle that the programmes below refer to.
ORGANISATIONS: dict[str, Org] = {
    # implementing agencies
    "GIZ": Org("Deutsche Gesellschaft für Internationale Zusammenarbeit", "GIZ", PUBLIC, "DE",
               "https://www.giz.de"),
    "Enabel": Org("Enabel, Belgian development agency", "Enabel", PUBLIC, "BE",
                  "https://www.enabel.be", iati_ref="BE-BCE_KBO-0264814354"),
    "SNV": Org("SNV Netherlands Development Organisation", "SNV",
               OrganisationType.INTERNATIONAL_NGO, "NL", "https://snv.org"),
    "AFD": Org("Agence Française de Développement", "AFD", PUBLIC, "FR", "https://www.afd.fr"),
    "FIIAPP": Org("Fundación Internacional y para Iberoamérica de Administración y Políticas "
                  "Públicas", "FIIAPP", PUBLIC, "ES", "https://www.fiiapp.org"),
    # funders
    "EUTF": Org("EU Emergency Trust Fund for Africa", "EUTF", MULTILATERAL, "",
                "https://trustfundforafrica.europa.eu"),
    "BMZ": Org("Federal Ministry for Economic Cooperation and Development (Germany)", "BMZ", GOV,
               "DE", "https://www.bmz.de"),
    "MFA-BE": Org("Ministry of Foreign Affairs (Belgium)", "", GOV, "BE",
                  "https://diplomatie.belgium.be"),
    "MFA-NL": Org("Ministry of Foreign Affairs (Netherlands)", "", GOV, "NL",
                  "https://www.government.nl/ministries/ministry-of-foreign-affairs"),
    "EC": Org("European Commission", "EC", MULTILATERAL, "", "https://commission.europa.eu"),
    # partners
    "NE-LOCAL": Org("Municipalities and regional councils of Agadez, Tahoua and Zinder", "",
                    LOCAL_GOV, "NE"),
    "MOI-NE": Org("Ministry of the Interior (Niger)", "", GOV, "NE"),
    "MDCMREAM": Org("Ministry Delegate in charge of Moroccans Living Abroad and Migration "
                    "Affairs (Morocco)", "MDCMREAM", GOV, "MA"),
    "EN": Org("Entraide Nationale", "", PUBLIC, "MA"),
    "ANAPEC": Org("Agence Nationale de Promotion de l'Emploi et des Compétences", "ANAPEC",
                  PUBLIC, "MA", "https://www.anapec.org"),
    "AMAPPE": Org("Association Marocaine d'Appui à la Promotion de la Petite Entreprise",
                  "AMAPPE", OrganisationType.PARTNER_COUNTRY_NGO, "MA"),
    "IFPRI": Org("International Food Policy Research Institute", "IFPRI",
                 OrganisationType.ACADEMIC, "US", "https://www.ifpri.org"),
    "MFA-MA": Org("Ministry of Foreign Affairs, African Cooperation and Moroccans Living Abroad "
                  "(Morocco)", "", GOV, "MA", "https://www.diplomatie.ma"),
    "REG-ORIENTAL": Org("Regional Council of L'Oriental", "", LOCAL_GOV, "MA"),
    "REG-SOUSS-MASSA": Org("Regional Council of Souss-Massa", "", LOCAL_GOV, "MA"),
    "EF": Org("Expertise France", "", PUBLIC, "FR", "https://www.expertisefrance.fr"),
    "IILA": Org("International Italo-Latin American Organisation", "IILA", MULTILATERAL, "IT",
                "https://www.iila.org"),
    "SISCA": Org("Secretariat of Central American Social Integration", "SISCA", MULTILATERAL,
                 "SV"),
}

# -- places that ISO 3166 does not provide ------------------------------------------------

WORLD_REGION, MUNICIPALITY = 0, 4  # registry.models.PlaceLevel


@dataclass(frozen=True)
class LocalPlace:
    name: str
    level: int
    parent: str = ""  # ISO code of the parent; blank for world regions
    iati_region: str = ""  # IATI Region code, world regions only
    name_fr: str = ""


# Keyed by a handle; programmes refer to these handles or to ISO codes.
LOCAL_PLACES: dict[str, LocalPlace] = {
    # IATI has no "Latin America": 498 "America, regional" is the closest code that covers
    # Mexico, Central and South America; the EU is closest to 89 "Europe, regional".
    "latin-america": LocalPlace("Latin America", WORLD_REGION, iati_region="498",
                                name_fr="Amérique latine"),
    "european-union": LocalPlace("European Union", WORLD_REGION, iati_region="89",
                                 name_fr="Union européenne"),
    "agadez-town": LocalPlace("Agadez", MUNICIPALITY, parent="NE-1"),
    "arlit": LocalPlace("Arlit", MUNICIPALITY, parent="NE-1"),
    "assamaka": LocalPlace("Assamaka", MUNICIPALITY, parent="NE-1"),
}

# -- programmes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Funder:
    org: str  # handle in ORGANISATIONS
    amount: int | None = None
    currency: str = ""
    note: str = ""


@dataclass(frozen=True)
class Partner:
    org: str
    role: str
    description: str = ""


@dataclass(frozen=True)
class PlaceRef:
    place: str  # ISO 3166 code or handle in LOCAL_PLACES
    note: str = ""


@dataclass(frozen=True)
class Source:
    field: str
    span: Span
    excerpt: str = ""


@dataclass(frozen=True)
class StatementData:
    kind: str  # knowledge.models.StatementKind value
    text: str
    span: Span | None = None
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    url: str
    label: str = "Project site"


@dataclass(frozen=True)
class ProgrammeData:
    key: str
    title: str
    agency: str  # handle in ORGANISATIONS
    status: str
    start: dt.date | None
    start_precision: str  # "year" | "month" | "day"
    duration_months: int | None
    objectives: str = ""
    expected_results: str = ""
    main_features: str = ""
    nexus: str = ""
    funders: tuple[Funder, ...] = ()
    partners: tuple[Partner, ...] = ()
    places: tuple[PlaceRef, ...] = ()
    themes: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    sdg_targets: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    sources: tuple[Source, ...] = ()
    statements: tuple[StatementData, ...] = ()
    published: bool = True
    from_report: bool = True


CHALLENGE, GOOD_PRACTICE = "challenge", "good_practice"
COVID, TESTIMONY = "covid_adaptation", "testimony"
IMPLEMENTING, ACCOUNTABLE = OrganisationRole.IMPLEMENTING, OrganisationRole.ACCOUNTABLE
IMPLEMENTATION = ActivityStatus.IMPLEMENTATION


PROGEM = ProgrammeData(
    key="ProGEM",
    title="Management of migration challenges in Niger",
    agency="GIZ",
    status=IMPLEMENTATION,
    start=dt.date(2016, 1, 1), start_precision="year", duration_months=60,
    objectives=(
        "Communities of origin, transit and destination in Niger can handle the social and "
        "economic effects of migration on their development and give people better access to "
        "basic services."
    ),
    main_features=(
        "Partner municipalities run local working groups, the \"migration observatories\", in "
        "which mayors, councillors, municipal agents, civil society and migrant representatives "
        "analyse local migration patterns and their effects again and again and advise the "
        "municipal council; project advisers sit in each observatory and training and coaching "
        "deepen members' expertise. The project co-finances the priority measures the "
        "municipalities choose (mostly water, health, education and business infrastructure, "
        "and its management), supports awareness and dialogue activities, and brings municipal "
        "staff together with national officials so that local experience feeds national "
        "policy.\n\n"
        "Reported results: 87 infrastructure projects (health, drinking water, education, "
        "vocational training, economic infrastructure) giving more than 300,000 people, migrants "
        "and hosts, better access to services and economic opportunities, with about 4,000 "
        "temporary construction jobs; more than 750 municipal agents, elected officials and "
        "civil-society actors trained repeatedly; more than 60 micro, small and medium "
        "enterprises supported; waste management reviewed in Agadez and Arlit to cope with "
        "urban growth driven by migration; more than 70,000 people reached by awareness "
        "campaigns and dialogue on social cohesion and stereotypes; local experience used in "
        "drafting Niger's national migration policy."
    ),
    nexus=(
        "Covers every kind of mobility the municipalities face (seasonal, transit, rural-urban, "
        "return, internal displacement) and how it weighs on local authorities, so that they "
        "can keep health, water and education services open to hosts and migrants alike, make "
        "use of the economic opportunities of migration while limiting its downsides, and "
        "strengthen social cohesion and integration."
    ),
    funders=(
        Funder("EUTF", 25_000_000, "EUR"),
        Funder("BMZ", 13_500_000, "EUR"),
    ),
    partners=(
        Partner("NE-LOCAL", IMPLEMENTING,
                "18 municipalities and 3 regional councils (host, transit and origin "
                "communities)"),
        Partner("MOI-NE", ACCOUNTABLE,
                "Ministry of the Interior and its decentralised departments for migration and "
                "displacement"),
    ),
    places=(
        PlaceRef("NE"),
        PlaceRef("NE-1"), PlaceRef("NE-5"), PlaceRef("NE-7"),
        PlaceRef("agadez-town", "Municipal waste management adapted to migration-driven growth"),
        PlaceRef("arlit", "Municipal waste management adapted to migration-driven growth"),
        PlaceRef("assamaka", "Border town; health centre built (testimony)"),
    ),
    themes=("migration-governance", "local-authorities", "data-and-evidence", "returnees",
            "refugees-and-displaced"),
    target_groups=("migrants", "host-communities", "returnees", "idps"),
    sdg_targets=("10.7", "11.3", "16.6", "16.7"),
    links=(Link("https://www.giz.de/en/worldwide/43838.html"),),
    sources=(
        Source("key", (16668, 16674), "ProGEM"),
        Source("title", (16676, 16719), "Management of migration challenges in Niger"),
        Source("objectives", (16738, 16913)),
        Source("main_features", (16930, 18755)),
        Source("nexus", (18820, 19025)),
        Source("funders", (19029, 19067), "EUTF (EUR 25 mio) & BMZ (EUR 13,5 mio)"),
        Source("start", (19071, 19075), "2016"),
        Source("duration", (19076, 19087), "(60 months)"),
        Source("places", (19091, 19124), "Niger (Agadez, Tahoua and Zinder)"),
        Source("partners", (19128, 19297),
               "18 municipalities and 3 regional councils (host, transit and origin "
               "communities) Ministry of the Interior (and decentralized departments for "
               "migration and displacement)"),
        Source("links", (25114, 25156), "https://www.giz.de/en/worldwide/43838.html"),
    ),
    statements=(
        StatementData(CHALLENGE,
                      "Local partners and the parties committing funds expected quick, visible "
                      "results, which had to be weighed against the slower but lasting effect of "
                      "technical advice and good-quality investments.",
                      (21570, 21787), ("migration-governance", "local-authorities")),
        StatementData(CHALLENGE,
                      "Building capacity this way was demanding: advisers placed in "
                      "municipalities and regional councils needed constant training, "
                      "supervision and coaching, and also room to experiment.",
                      (21788, 22002), ("local-authorities",)),
        StatementData(CHALLENGE,
                      "At first, local authorities looked mainly at the (perceived) harm of "
                      "migration and at how to curb it, and hardly at development opportunities, "
                      "positive effects or migrants' rights.",
                      (22003, 22220), ("migration-governance", "local-authorities")),
        StatementData(GOOD_PRACTICE,
                      "Letting each municipality's analysis, priorities and policies follow its "
                      "own migration context, rather than one type of migration, and naming "
                      "benefits as well as harms calmed a polarised debate and led to policies "
                      "that serve migrants and hosts alike.",
                      (22283, 22733), ("migration-governance", "local-authorities")),
        StatementData(GOOD_PRACTICE,
                      "Accompanying municipalities through the whole migration policy cycle with "
                      "advice, money and investments raised local actors' long-term commitment "
                      "and let them practise making and carrying out policy on a concrete, "
                      "complex subject.",
                      (22734, 23102), ("migration-governance", "local-authorities")),
        StatementData(GOOD_PRACTICE,
                      "The observatories' analyses and recommendations brought humanitarian and "
                      "development actors together, and municipalities used them to direct, "
                      "attract and negotiate additional funding.",
                      (23103, 23400),
                      ("nexus-education-in-emergencies", "local-authorities",
                       "data-and-evidence")),
        StatementData(TESTIMONY,
                      "In Assamaka, the border town in Agadez region where migrants expelled "
                      "from Algeria arrive on foot across the desert, the regional council's "
                      "observatory found health care lacking; the project built and equipped a "
                      "health centre that local authorities run and IOM and MSF also use, for "
                      "hosts and migrants alike.",
                      (23402, 24393),
                      ("local-authorities", "returnees", "nexus-education-in-emergencies")),
        StatementData(COVID,
                      "Delivered personal protective equipment to more than 25 hospitals and "
                      "health facilities in the partner municipalities.",
                      (24521, 24615), ("covid-19",)),
        StatementData(COVID,
                      "Ran awareness campaigns for the public and for health staff by radio, "
                      "door-to-door visits, panels and training.",
                      (24616, 24725), ("covid-19",)),
        StatementData(COVID,
                      "Helped the observatories assess the pandemic's social and economic "
                      "effects, seasonal migrants in particular.",
                      (24726, 24820), ("covid-19", "data-and-evidence")),
        StatementData(COVID,
                      "The crisis response built on the observatories' analyses and on health "
                      "facilities the project had already supported, while training sessions "
                      "and forums were put on hold.",
                      (24822, 25096), ("covid-19",)),
    ),
)

AMUDDU = ProgrammeData(
    key="AMUDDU",
    title="Project supporting the national strategy on migration and asylum",
    agency="Enabel",
    status=IMPLEMENTATION,
    start=dt.date(2018, 1, 1), start_precision="year", duration_months=48,
    objectives=(
        "Make migrants in Morocco more employable so that their economic integration improves."
    ),
    expected_results=(
        "Migrants can use the existing social guidance and vocational training systems; they "
        "reach (self-)employment support and the labour market more easily; and the bodies "
        "working on migrants' economic integration act together with more energy and better "
        "coordination."
    ),
    main_features=(
        "Four community agents with a migrant background (from Guinea, Cameroon and Côte "
        "d'Ivoire) work in local offices of the public employment service ANAPEC. 145 migrants "
        "learnt about vocational training options and 78 of them, 58 women among them, enrolled "
        "in training; 303 migrants were introduced to ANAPEC's employment and self-employment "
        "services and had at least a first support session; migrants created 6 cooperatives "
        "with the help of the community agents and national partners. The public institutions "
        "in charge of migrants' economic integration cooperate more closely, and monitoring of "
        "the vocational training and employment part of the National Strategy on Immigration "
        "and Asylum (SNIA) improved through better data and reports on results rather than "
        "activities."
    ),
    nexus=(
        "Raises the employability of third-country nationals in Morocco by matching their "
        "profiles to labour-market needs and opening existing integration measures to them. "
        "Support goes both to individuals (social assistance, vocational training, employment) "
        "and to institutions, which adapt their services to migrant users, so that migrants "
        "become more autonomous and contribute to the Moroccan economy."
    ),
    funders=(Funder("MFA-BE"),),
    partners=(
        Partner("MDCMREAM", ACCOUNTABLE,
                "Ministry Delegate in charge of Moroccans living abroad; coordinates the national "
                "strategy on immigration and asylum (SNIA)"),
        Partner("EN", IMPLEMENTING, "Public institution in charge of social assistance"),
        Partner("ANAPEC", IMPLEMENTING,
                "Public employment service; hosts the migrant community agents"),
        Partner("AMAPPE", IMPLEMENTING, "Moroccan NGO"),
    ),
    places=(PlaceRef("MA"), PlaceRef("MA-RAB"), PlaceRef("MA-CAS")),
    themes=("labour-mobility-and-skills", "inclusive-social-policies", "migration-governance",
            "data-and-evidence", "gender"),
    target_groups=("migrants", "women"),
    sdg_targets=("10.7", "8.5", "4.4", "1.3"),
    links=(Link("https://open.enabel.be/fr/MAR/2221/p/amuddu-appui--la-mise-en-oeuvre-de-la-"
                "strategie-nationale-d-immigration-et-d-asile.html"),),
    sources=(
        Source("key", (25161, 25167), "AMUDDU"),
        Source("title", (25169, 25233),
               "Project supporting the national strategy on migration and Asylum"),
        Source("objectives", (25252, 25379)),
        Source("expected_results", (25400, 25707)),
        Source("main_features", (25724, 26772)),
        Source("nexus", (26837, 27112)),
        Source("funders", (27116, 27151), "Belgian Ministry of Foreign Affairs"),
        Source("start", (27155, 27159), "2018"),
        Source("duration", (27160, 27171), "(48 months)"),
        Source("places", (27175, 27205), "Morocco (Rabat and Casablanca)"),
        Source("partners", (27209, 27415),
               "Ministry Delegate in charge of Moroccans living abroad Moroccan public "
               "institution in charge of social assistance (Entraide nationale) Moroccan Public "
               "Employment Service (ANAPPEC) A Moroccan NGO (AMAPPE)"),
        Source("links", (31683, 31807),
               "https://open.enabel.be/fr/MAR/2221/p/amuddu-appui--la-mise-en-oeuvre-de-la-"
               "strategie-nationale-d-immigration-et-d-asile.html"),
    ),
    statements=(
        StatementData(CHALLENGE,
                      "Balancing support to institutions, which pays off in the long run, with "
                      "the quick, tangible results expected for the target population was hard.",
                      (28332, 28536), ("migration-governance",)),
        StatementData(CHALLENGE,
                      "Agreeing on the target group was difficult: partners differed on whether "
                      "to include migrants with and without residence papers and Moroccans in "
                      "very precarious situations.",
                      (28537, 28811), ("inclusive-social-policies",)),
        StatementData(CHALLENGE,
                      "The project works through structures set up by national public "
                      "institutions instead of building parallel ones, since lasting economic "
                      "integration of migrants has to happen with and through them.",
                      (28812, 29103), ("migration-governance",)),
        StatementData(GOOD_PRACTICE,
                      "A first for Morocco: community agents from the migrant population, "
                      "recruited by Enabel, work inside local agencies of the public employment "
                      "service.",
                      (29166, 29341), ("labour-mobility-and-skills",)),
        StatementData(GOOD_PRACTICE,
                      "Public institutions and civil society are encouraged to try new "
                      "approaches such as community mobilisation, incentives for companies that "
                      "hire migrants, and mentoring.",
                      (29342, 29543), ("labour-mobility-and-skills", "private-sector")),
        StatementData(GOOD_PRACTICE,
                      "A two-track approach: strategic support to monitoring and reporting on the "
                      "SNIA, alongside actions that bring concrete results for migrants.",
                      (29544, 29720), ("migration-governance", "data-and-evidence")),
        StatementData(TESTIMONY,
                      "Migrant community agents placed in public employment offices first met "
                      "surprise and some resistance from colleagues, Moroccan users and migrants "
                      "themselves; within three months more migrants came to the offices, the "
                      "agents became part of the team, and migrant registrations keep rising.",
                      (29722, 30543), ("labour-mobility-and-skills",)),
        StatementData(COVID,
                      "Backed Entraide Nationale's emergency social assistance, run with civil "
                      "society, that gave food and hygiene kits to vulnerable migrants.",
                      (30759, 31069), ("covid-19", "inclusive-social-policies")),
        StatementData(COVID,
                      "Strengthened Entraide Nationale's capacity to assist vulnerable people, "
                      "migrants in particular, through the effects of the crisis.",
                      (31070, 31316), ("covid-19", "inclusive-social-policies")),
        StatementData(COVID,
                      "Relayed the Ministry of Health's prevention advice and emergency numbers "
                      "to the project's beneficiaries.",
                      (31317, 31515), ("covid-19",)),
        StatementData(COVID,
                      "Moved ANAPEC's self-employment support to remote formats such as online "
                      "meetings.",
                      (31516, 31665), ("covid-19", "labour-mobility-and-skills")),
    ),
)

V4CP = ProgrammeData(
    key="V4CP",
    title="Voice for Change Partnership",
    agency="SNV",
    status=IMPLEMENTATION,
    start=dt.date(2016, 1, 1), start_precision="year", duration_months=60,
    objectives=(
        "Give civil-society organisations (CSOs) a stronger voice so that they advocate well for "
        "the people they represent; shape programmes and policies by encouraging cooperation "
        "and mutual accountability between CSOs, governments, business and others; and improve "
        "public and private service delivery for inclusive development."
    ),
    main_features=(
        "Three strategies (CSO capacity building, producing and spreading evidence, support to "
        "advocacy plans) and an advocacy style that is collaborative, evidence-based and "
        "solution-oriented. In Burkina Faso 9 CSOs work on three themes: 4 on food and "
        "nutrition security, 3 on renewable energy and 2 on pastoral resilience, the theme "
        "presented here. Its CSOs, APESS and PASMEP, allied with about fifteen others to press "
        "for local and national policies that meet the needs of pastoralists and "
        "agro-pastoralists amid decentralisation and climate change, addressing ministries "
        "(animal resources, economy, agriculture, environment), the National Assembly, local "
        "governments, business and donors.\n\n"
        "Results: review of the Pastoralism Guidance Law (LORP) under way; better access to and "
        "cooperation with the lead ministry (MRAH); MPs better informed about pastoralism; an "
        "alliance of 16 pastoral CSOs; effective use of TV, radio and social media; a Prime "
        "Minister's decree on institutional purchase of milk for school canteens; a ministerial "
        "decree making APESS and SNV members of the technical bodies of the Pastoral "
        "Information System; annual pastoral investment plans by the chairs of regional "
        "councils."
    ),
    nexus=(
        "Pastoral CSOs traced rural exodus and youth migration to the pressures on pastoralism: "
        "farmland expansion and shrinking, fragmented grazing land, climate change, conflicts "
        "over land and water, stigmatisation and association with security threats, political "
        "and economic marginalisation, rising insecurity, little say in decision-making and weak "
        "application of existing texts. Rather than leaving, they promote pastoral resilience "
        "as a sustainable development strategy, citing supportive frameworks (the UN Sahel "
        "strategy of 2018, the AU pastoralism framework of 2011, ECOWAS transhumance rules and "
        "PRIASAN 2017-2021, national laws) and lobbying local governments, parliament and the "
        "ministries of animal resources and finance, e.g. to raise pastoralism's budget share "
        "from 1.5 to 3% given its 18% share of GDP."
    ),
    funders=(Funder("MFA-NL"),),
    partners=(
        Partner("SNV", IMPLEMENTING, "SNV Netherlands Development Organisation; runs the "
                "partnership with the CSOs"),
        Partner("IFPRI", IMPLEMENTING, "International Food Policy Research Institute; research "
                "partner helping CSOs build evidence"),
    ),
    places=(PlaceRef("BF", "Pastoral resilience theme presented in the report"),
            PlaceRef("GH"), PlaceRef("RW"), PlaceRef("ID"), PlaceRef("KE")),
    themes=("migration-governance", "data-and-evidence", "climate", "youth", "local-authorities"),
    target_groups=("youth",),
    sdg_targets=("10.7", "16.7", "17.17"),
    links=(Link("https://snv.org/project/voice-change-partnership-v4cp"),),
    sources=(
        Source("key", (31812, 31816), "V4CP"),
        Source("title", (31818, 31846), "Voice for Change Partnership"),
        Source("objectives", (31865, 32286)),
        Source("main_features", (32303, 34326)),
        Source("nexus", (34589, 38385)),
        Source("funders", (34330, 34363), "Dutch Ministry of Foreign Affairs"),
        Source("start", (34367, 34371), "2016"),
        Source("duration", (34372, 34383), "(60 months)"),
        Source("places", (34387, 34428), "Burkina Faso Ghana Rwanda Indonesia Kenya"),
        Source("partners", (34432, 34524),
               "SNV Netherlands Development Organisation IFPRI International Food Policy "
               "Research Institute"),
        Source("links", (40224, 40277), "https://snv.org/project/voice-change-partnership-v4cp"),
    ),
    statements=(
        StatementData(CHALLENGE,
                      "CSOs had to learn a new way of advocating: persuading decision-makers "
                      "with evidence and proposed solutions.",
                      (38431, 38538), ("data-and-evidence",)),
        StatementData(CHALLENGE,
                      "Advocacy results are hard to measure: change is not linear, and tracking "
                      "and recording it takes a lot of preparation.",
                      (38539, 38648), ("data-and-evidence",)),
        StatementData(CHALLENGE,
                      "Tension between generations: young people aged 18 to 35 no longer accept "
                      "being silent victims and want to be heard.",
                      (38649, 38769), ("youth",)),
        StatementData(GOOD_PRACTICE,
                      "The project's new, collaborative approach produced an alliance of pastoral "
                      "organisations around a common advocacy agenda.",
                      (38832, 39019), ()),
        StatementData(GOOD_PRACTICE,
                      "Members of parliament were drawn into the work through field visits, "
                      "presentations of findings and workshops.",
                      (39020, 39132), ("migration-governance",)),
        StatementData(GOOD_PRACTICE,
                      "The media were used to carry the advocacy messages.",
                      (39133, 39148), ()),
        StatementData(TESTIMONY,
                      "René Milogo, coordinator of PASMEP, tells how pastoral CSOs led by APESS "
                      "and PASMEP got the Ministry of Animal and Fisheries Resources to start "
                      "revising the contested, outdated Pastoralism Guidance Law, a goal few had "
                      "dared to pursue.",
                      (39150, 39824), ("migration-governance",)),
        StatementData(COVID,
                      "Kept in touch with the CSOs by Skype, Zoom, WhatsApp and telephone.",
                      (39853, 39935), ("covid-19",)),
        StatementData(COVID,
                      "Produced videos and texts on COVID-19 and its effects on pastoral "
                      "activities.",
                      (39936, 40013), ("covid-19",)),
        StatementData(COVID,
                      "Kept holding face-to-face meetings of ten or more people, with social "
                      "distancing.",
                      (40014, 40124), ("covid-19",)),
        StatementData(COVID,
                      "Relied on resource persons to send draft documents quickly and validated "
                      "them online.",
                      (40125, 40199), ("covid-19",)),
    ),
)

R2PM = ProgrammeData(
    key="R2PM",
    title="Regionalising migration policies in Morocco (Souss Massa and Oriental)",
    agency="AFD",
    # The report (May 2020) announces the start for September 2020; the demo treats it as
    # running, like the other programmes of 2020.
    status=IMPLEMENTATION,
    start=dt.date(2020, 9, 1), start_precision="month", duration_months=36,
    objectives=(
        "Support the regionalisation of Morocco's migration policy. Specific objectives: set up "
        "a regional migration fund; give social and administrative support to Moroccans living "
        "abroad (MRE) and to immigrants; make access to services more equal between women and "
        "men."
    ),
    main_features=(
        "Social and administrative support answers the vulnerabilities that migration creates "
        "for Moroccans abroad and for immigrants. In Souss-Massa and L'Oriental a regional "
        "migration fund is to finance close to 100 regional projects with a social or "
        "solidarity purpose in education, health, agriculture and culture, so that migration "
        "contributes more to the territory's development. A gender component addresses the "
        "specific vulnerabilities of migrant women, whose number is growing. Some 30 local "
        "authorities (provinces or municipalities) receive equipment and training for their "
        "staff, and associations and community referents are helped to connect migrants with "
        "institutions."
    ),
    nexus=(
        "Turns the regional migration strategy into practice by paying for concrete actions. "
        "Regional stakeholders' expertise sets the fund's priorities and the kind, selection and "
        "financing of projects; the fund's governance opens a dialogue among many actors, builds "
        "everyone's capacity on migration and makes the region answerable to citizens through "
        "visible results."
    ),
    funders=(
        Funder("AFD", 9_000_000, "EUR",
               "The fiche gives the amount without naming a funder; recorded against AFD, the "
               "implementing agency."),
    ),
    partners=(
        Partner("MFA-MA", ACCOUNTABLE, "Ministry of Foreign Affairs and Moroccans living abroad "
                "(MRE)"),
        Partner("REG-ORIENTAL", IMPLEMENTING, "Region of L'Oriental; regional migration fund"),
        Partner("REG-SOUSS-MASSA", IMPLEMENTING, "Region of Souss-Massa; regional migration fund"),
    ),
    places=(PlaceRef("MA"), PlaceRef("MA-02", "Named in the title"),
            PlaceRef("MA-09", "Named in the title")),
    themes=("migration-governance", "diaspora-engagement", "inclusive-social-policies",
            "gender", "local-authorities"),
    target_groups=("migrants", "diaspora", "women"),
    sdg_targets=("10.7", "5.1", "16.7"),
    sources=(
        Source("key", (40282, 40286), "R2PM"),
        Source("title", (40288, 40358),
               "REGIONALISING MIGRATION POLICIES IN MOROCCO (SOUSS MASSA AND ORIENTAL)"),
        Source("funders", (40362, 40373), "9.000.000 €"),
        Source("start", (40377, 40394), "Starting Sep 2020"),
        Source("duration", (40395, 40406), "(36 months)"),
        Source("places", (40410, 40417), "Morocco"),
        Source("partners", (40421, 40492),
               "Ministry of Foreign Affairs and MRE Region of Oriental and Souss Massa"),
        Source("objectives", (40511, 40758)),
        Source("main_features", (40775, 41659)),
        Source("nexus", (41724, 42161)),
    ),
    statements=(
        StatementData(CHALLENGE,
                      "Coordinating well with other partners in the field, GIZ and Enabel among "
                      "them.",
                      (42207, 42258), ("migration-governance",)),
        StatementData(CHALLENGE,
                      "Finding enough expertise and staff.",
                      (42259, 42290), ()),
        StatementData(CHALLENGE,
                      "Serving Moroccans living abroad and immigrants in one programme.",
                      (42291, 42338), ("diaspora-engagement",)),
        StatementData(GOOD_PRACTICE,
                      "Decisions on what to fund are taken at regional level.",
                      (42401, 42438), ("migration-governance", "local-authorities")),
        StatementData(GOOD_PRACTICE,
                      "All regional stakeholders take part: the region, the wilaya, technical "
                      "services and civil society.",
                      (42439, 42530), ("local-authorities",)),
        StatementData(COVID,
                      "Sped up contracting so that small emergency grants could reach partner "
                      "associations.",
                      (42559, 42658), ("covid-19",)),
    ),
)

EUROSOCIAL = ProgrammeData(
    key="EUROsociAL+",
    title="Programme for cooperation between the EU and Latin America to promote social cohesion",
    agency="FIIAPP",
    status=IMPLEMENTATION,
    start=dt.date(2016, 1, 1), start_precision="year", duration_months=60,
    objectives=(
        "Through cooperation between the European Union and Latin America, reduce inequality, "
        "improve social cohesion and strengthen institutions in 19 Latin American countries."
    ),
    expected_results=(
        "Substantial and lasting results in policy reform in three public-policy areas: "
        "democratic governance, social and employment policies, and gender equality. The "
        "programme provides expertise and support for good-quality public policies and their "
        "effect on social cohesion."
    ),
    main_features=(
        "A regional programme that accompanies public policies, guided by demand orientation, "
        "focus on results, strategic relevance, intersectorality, a regional dimension, "
        "South-South and triangular cooperation, complementarity and concentration.\n\n"
        "Reported results: 49 actions concluded with 28 countries of both continents (41 with "
        "single countries, 5 regional or multi-country); 14 European countries shared knowledge "
        "in 48 actions and 14 Latin American countries supported their neighbours in 45, the "
        "main European contributors being Spain (17 actions), France (10), Italy (6) and "
        "Portugal (3); 106 public institutions (54 European, 52 Latin American) took part in "
        "peer learning; cooperation with more than 15 international and regional networks, "
        "including support to the Inter-American Association of Public Defenders (AIDEF) for a "
        "regional model of legal assistance to migrants, refugees and asylum seekers."
    ),
    nexus=(
        "Treats migration across its three policy areas; works regionally so that countries "
        "with different migration realities exchange information and agree common protocols, "
        "backed nationally; shares experience between Europe and Latin America in both "
        "directions; builds multi-sector, multi-level alliances with civil society, academia "
        "and international organisations; and follows a human-rights-based approach, "
        "mainstreams gender and brings a territorial-development view into migration policy, "
        "including migration in urban planning under the New Urban Agenda."
    ),
    funders=(Funder("EC", 32_000_000, "EUR"),),
    partners=(
        Partner("FIIAPP", IMPLEMENTING, "Leads the programme (FIIAAP in the fiche)"),
        Partner("EF", IMPLEMENTING, "French public agency for international technical "
                "cooperation"),
        Partner("IILA", IMPLEMENTING, "International Italo-Latin American Organisation"),
        Partner("SISCA", IMPLEMENTING, "Secretariat of Central American Social Integration"),
    ),
    places=(PlaceRef("european-union"), PlaceRef("latin-america")),
    themes=("inclusive-social-policies", "migration-governance", "gender",
            "refugees-and-displaced"),
    target_groups=("migrants", "refugees", "asylum-seekers", "returnees"),
    sdg_targets=("10.7", "10.2", "16.3", "5.1"),
    links=(Link("https://eurosocial.eu/en/"),),
    sources=(
        Source("key", (42662, 42673), "EUROSociAL+"),
        Source("title", (42675, 42760),
               "Programme for cooperation between the EU and Latin America to promote social "
               "cohesion"),
        Source("objectives", (42781, 42998)),
        Source("expected_results", (43019, 43423)),
        Source("main_features", (43464, 44676)),
        Source("main_features", (44897, 45765)),
        Source("nexus", (45830, 47193)),
        Source("funders", (44680, 44716), "European Commission (EUR 32 million)"),
        Source("start", (44720, 44724), "2016"),
        Source("duration", (44725, 44734), "(5 years)"),
        Source("places", (44738, 44754), "UE Latin America"),
        Source("partners", (44758, 44895),
               "FIIAAP Expertise France IILA (International Italo-Latin American Organisation) "
               "SISCA (Secretariat of Central American Social Integration)"),
        Source("links", (49671, 49696), "https://eurosociAL.eu/en/"),
    ),
    statements=(
        StatementData(CHALLENGE,
                      "Institutions coordinate poorly, horizontally and vertically, and "
                      "institutional structures are weak in some countries.",
                      (47239, 47364), ("migration-governance",)),
        StatementData(CHALLENGE,
                      "Migration policy is incoherent or undefined, with responsibility spread "
                      "across ministries of labour, social development, trade, education, "
                      "health, justice and home affairs.",
                      (47365, 47610), ("migration-governance",)),
        StatementData(CHALLENGE,
                      "Across the region there is no common legal framework or binding structure "
                      "for cross-border movement, and each government pursues its own aims.",
                      (47611, 47864), ("migration-governance",)),
        StatementData(CHALLENGE,
                      "Justice operators and public administrations at every level need capacity "
                      "building.",
                      (47865, 47956), ()),
        # The fiche has no good-practice section; these two come from the body of the report.
        StatementData(GOOD_PRACTICE,
                      "The Guatemala-Mexico binational strategy showed the value of vertical and "
                      "horizontal cooperation in a territorial approach: NGOs and local "
                      "authorities became a gateway to justice and basic services, above all in "
                      "border areas governed through many actors and levels.",
                      (11064, 11728), ("migration-governance", "local-authorities")),
        StatementData(GOOD_PRACTICE,
                      "Pairing technical support with policy dialogue, through cooperation "
                      "between public institutions, made a difference.",
                      (13459, 13613), ("migration-governance",)),
        StatementData(TESTIMONY,
                      "For the action with AIDEF, experts made a regional diagnostic, visiting "
                      "migrant camps at borders and noting good legal-aid and public-defender "
                      "practices; with migrants' legal needs these will shape a regional "
                      "protocol for AIDEF to adopt and pilot in some countries.",
                      (47958, 48627), ("migration-governance", "refugees-and-displaced")),
        StatementData(COVID,
                      "Moved work online: 70% of activities were reprogrammed with digital tools.",
                      (48656, 48777), ("covid-19",)),
        StatementData(COVID,
                      "Gave partner countries quick access to public expertise from EU member "
                      "states on the crisis's effects on vulnerable migrants (informal workers, "
                      "returnees, migrants in transit, unaccompanied minors, detainees, "
                      "trafficking victims), coordinated with EU Delegations and DEVCO.",
                      (48778, 49503), ("covid-19", "returnees")),
        StatementData(COVID,
                      "Shared knowledge in webinars on topics such as migrants' access to justice "
                      "and their inclusion in the labour market.",
                      (49504, 49653), ("covid-19",)),
    ),
)

# An invented record, not from the report: shows how unpublished drafts are hidden.
DRAFT = ProgrammeData(
    key="DRAFT-DEMO",
    title="Draft: diaspora investment pilot (unpublished demo record)",
    agency="Enabel",
    status=ActivityStatus.PIPELINE,
    start=None, start_precision="year", duration_months=None,
    objectives=(
        "Demonstration record, not a real programme: an unpublished draft that only its "
        "organisation's accounts and administrators can see."
    ),
    places=(PlaceRef("SN"),),
    themes=("diaspora-engagement", "private-sector"),
    target_groups=("diaspora",),
    sdg_targets=("10.7",),
    published=False,
    from_report=False,
)

PROGRAMMES: tuple[ProgrammeData, ...] = (PROGEM, AMUDDU, V4CP, R2PM, EUROSOCIAL, DRAFT)
