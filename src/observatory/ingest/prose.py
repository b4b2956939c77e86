"""Key facts told in a sentence rather than in labelled lines: "Financé par le Fonds fiduciaire
… à hauteur de 30 M€, PRISME est mis en œuvre … en partenariat avec l'OIM et l'AGUIPE. Lancé en
octobre 2018 pour une durée de 48 mois, il intervient à Abidjan, Daloa et Man." Only the
paragraphs between a fiche's title and its first section are read this way."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .dates import find_start_duration, spelled_numbers
from .geo import find_countries
from .layout import GENERIC_LEAD, GENERIC_TAIL
from .money import find_money

ARTICLE = re.compile(r"(?i)^(?:(?:the|le|la|les|el|los|las|lo)\s+|l['’]\s*)")
PLACE_ARTICLE = re.compile(r"^(?:(?:the|le|la|les|el|los|las|lo)\s+|l['’]\s*)")
FUNDED = re.compile(
    r"(?i)\b(?:funded|financed|co-?funded|commissioned|financ[ée]e?s?|cofinanc[ée]e?s?|financiad[oa]s?|"
    r"cofinanciad[oa]s?|(?:aportad[oa]s|apport[ée]e?s|provided|contributed)(?=\s+(?:by|par|por)"
    r"\s+(?:(?:la|el|los|las|le|les|the)\s+|l['’])?[A-ZÀ-Ý][^(),;.]{1,60}\s*\([^()]*\d))"
    r"\s+(?:by|par|por)\s+(?P<rest>.+)|(?:con (?:el )?(?:financiamiento|"
    r"financiaci[oó]n|apoyo financiero|cofinanciamiento) de|with (?:funding|financing|financial "
    r"support) (?:from|of)|(?:avec|sur|gr[aâ]ce [àa]) (?:un |le )?(?:financement|soutien "
    r"financier|appui financier) (?:de|du|des)|gracias a(?: la| una)? financiaci[oó]n de)"
    r"\s+(?P<source>.+)")
FUNDER_END = re.compile(r"\s*(?:\((?=[^)]*\d)|,\s+(?![A-ZÀ-Ý])|(?i:\s(?:à hauteur|for a total|"
                        r"for (?=an? |the |\d|[A-Z]{3}\b|[€$£])|with|and (?:is )?implemented|"
                        r"et (?:est )?mis|y (?:es )?ejecutad|"
                        r"avec|con un|(?:pour|para)(?!\s+(?:el |la |le |l['’])?[A-ZÀ-Ý])|et par|"
                        r"and by|y por)\b))")
ALSO_BY = re.compile(r"(?i)\s(?:et|and|y|ainsi que)\s+(?:aussi\s+|also\s+|tambi[ée]n\s+)?"
                     r"(?:(?:co-?funded|co-?financed|cofinanc[ée]e?|cofinanciad[oa])\s+)?"
                     r"(?:par|by|por)\s+(?P<rest>[A-ZÀ-Ýl].+)")  # "… et (cofinancé) par X"
BEGAN = re.compile(r"(?i)\b(?:began|begun|commenced|arranc[óo]|comenz[óo]|inici[óo]|"
                   r"d[ée]marr[ée]e?|a d[ée]but[ée])\s+(?=(?:in|en)\b)")
EXTENSION = re.compile(r"(?i)\b(?:(?:ampliad[oa]s?|prorrogad[oa]s?|extended|prolong[ée]e?s?)"
                       r"(?:\s+(?:in|en)\s+(?:19|20)\d\d)?\s+(?:(?:en|by|de|d['’]|por)\s+)?"
                       r"(?:a further |another |an additional |otros |encore )?"
                       r"(?P<terms>(?:\d{1,2}|[a-zé]{3,9})\s*(?:months?|mois|meses))|"
                       r"(?:granted|given|received|obtained|got)\s+an?\s+(?P<more>\d{1,2})[- ]month"
                       r"s?\s+(?:no-cost\s+|cost-free\s+)?extension|"
                       r"(?:plus|más|and|et|y|with|avec|con)\s+(?:une?|una|an?)\s+(?:no-cost\s+|"
                       r"cost-free\s+)?(?:extension|prolongation|ampliaci[oó]n|pr[oó]rroga|"
                       r"extensi[oó]n)(?:\s+(?:sin costo|sans frais|at no cost|no-cost|gratuite?))?"
                       r"\s+(?:de|of|d['’])\s+(?P<terms2>\d{1,2}\s*(?:months?|mois|meses)))")


def extension_terms(match: re.Match[str]) -> str:
    """The months an EXTENSION match adds: "prolongée de 12 mois", "más una ampliación sin
    costo de 6 meses", "granted a 6-month extension"."""
    return spelled_numbers(match.group("terms") or match.group("terms2")
                           or f"{match.group('more')} months")  # "ampliados seis meses"
MONEY_FROM = re.compile(r"^\s*(?:(?:aportad[oa]s|otorgad[oa]s|provided|contributed|granted|"
                        r"apport[ée]s|octroy[ée]s|accord[ée]s)\s+(?:por|by|par)\s+"
                        r"(?:la |el |los |las |the |le |les |l['’])?|"
                        r"del|de la|de los|de las|de l['’]|du|des|from(?: the)?|de)\s*"
                        r"(?P<name>[A-ZÀ-Ý][^.;]*?)(?=\s+(?:y|and|et)\s+(?:con\s+|with\s+)?"
                        r"(?:\d|[A-Z]{3}\b|[€$£])|\s+(?:y|and|et)\s+(?:una?|une|an?)\s+"
                        r"(?:contrapartida|contraparte|contrepartie|counterpart|cofinanciaci[oó]n|"
                        r"cofinancement|co-?financing)\b|\s+(?:and|et|y)\s+(?:is\s+|est\s+|es\s+|se\s+)?"
                        r"(?:implemented|mise? en|ejecut|run|led|carried|d[ée]roul|desarroll|"
                        r"realiz|implement)|,\s+(?=[a-z])|[.;]|$)")
PARTNERS = re.compile(
    r"(?i)\b(?:in partnership with|together with|in cooperation with|in collaboration with|"
    r"en partenariat avec|en collaboration avec|avec l['’]appui de|aux côtés de|"
    r"en alianza con|junto con|en colaboraci[oó]n con|en asociaci[oó]n con|"
    r"con la participaci[oó]n de|avec la participation de|with the (?:participation|"
    r"involvement) of|en (?:ella|[ée]l|el (?:proyecto|programa)|la iniciativa) participan|"
    r"(?:works|operates|intervient|travaille|trabaja|opera)\s+(?:in|en|dans|à)\s[^.;]{1,150}?"
    r"(?<!\band)(?<!\bet)(?<!\by)\s(?:with|avec|con)|"  # "It works in … (Kumasi) with A, B and C",
    # not "… in Senegal and with associations in Turin"
    r"(?:implemented|carried out|run|led|mise? en (?:œ|oe)uvre|ejecutad[oa]|implementad[oa]|"
    r"llevad[oa] a cabo) (?:by|par|por) [A-ZÀ-Ý][^,.;]{1,60}? (?:with|avec|con)|"
    r"(?:mise? en (?:œ|oe)uvre|implemented|carried out|ejecutad[oa]|implementad[oa]|"
    r"llevad[oa] a cabo) (?:avec|with|con)|"  # "Le projet est mis en œuvre avec l'ARD, …"
    r"(?:ses|its|their|sus|leurs|los|les|the) (?:principaux |main |key |principales )?"
    r"(?:partenaires|partners|socios)"
    r"(?: de mise en (?:œ|oe)uvre| d['’]ex[ée]cution| de ejecuci[oó]n)? (?:sont|are|include|"
    r"incluent|comprennent|son|incluyen)(?: notamment)?)"
    r"\s+(?P<list>[^.;]+)")
PARTNERS_AS = re.compile(r"(?i)\bwith\s+(?P<list>[^.;]+?)\s+as\s+(?:its\s+|their\s+)?"
                         r"(?:main\s+|key\s+)?partners\b")
PLACES = re.compile(
    r"(?i)\b(?:runs(?: for [^.,]{1,30}?)? in|"
    r"(?:trabaja|interviene|opera|works|operates|intervient|travaille)\s+(?:en|in|dans)"
    r"\s+(?:los|las|la|el|les|the)\s+(?:[a-zà-ÿ]+\s+){1,2}(?:de|of|d['’])|"
    r"in the (?:provinces?|regions?|districts?|municipalities|cities|towns|counties)"
    r" of|(?:intervient|travaille|op[èe]re) (?:à|dans les (?:villes|communes|r[ée]gions) de)|"
    r"(?:interviene|trabaja|opera) en(?: las (?:provincias|regiones|ciudades) de| los "
    r"(?:municipios|departamentos) de)?|(?:works|operates) in|"
    r"se (?:ejecuta|implementa|desarrolla|realiza|lleva a cabo|ejecut[oó]|implement[oó]|"
    r"desarroll[oó]|realiz[oó]|llev[oó] a cabo) en|"
    r"(?:is )?(?:implemented|carried out|being implemented) in|"
    r"se d[ée]roule (?:à|dans|en)|takes place in|tiene lugar en|a lieu (?:à|dans|en)|"
    r"est mis en (?:œ|oe)uvre (?:à|dans|en)|"
    r"(?:en|in|dans|abarca|cubre|covers|couvre) (?:los|las|les|the) (?:cantones|cantons|"
    r"municipios|municipalities|communes|"
    r"provincias|provinces|departamentos|d[ée]partements|departments|regiones|r[ée]gions|"
    r"distritos|districts|ciudades|villes|cities) (?:de|of|d['’])|"
    r"en (?:el|la) (?:estado|departamento|provincia|regi[oó]n|municipio|cant[oó]n|distrito) de|"
    r"dans (?:le|la) (?:d[ée]partement|r[ée]gion|province|commune|cercle) d[e'’]|"
    r"in the (?:state|department|district|county|governorate|municipality) of)"
    r"\s+(?P<list>[^.;]+)")
LIST_SEPARATORS = re.compile(r"\s*,\s*(?:(?:and|et|y)\s+)?(?:(?:à|en|in)\s+(?=[A-ZÀ-Ý]))?|"
                             r"\s+(?:and|et|y|ainsi qu['’]à|"
                             r"as well as|así como)\s+(?:(?:à|en|in)\s+)?")
# in a list of organisations, a conjunction before a lower-case word joins the words of one
# name: "l'Agence … de l'Emploi et des Compétences"
DESCRIPTOR = re.compile(r"^(?:association|asociaci[oó]n|ong|ngo|the ngo|organisation|"
                        r"organization|organizaci[oó]n|fondation|foundation|fundaci[oó]n|"
                        r"r[ée]seau|network|red|coop[ée]rative|cooperativa)\s+(?=[A-ZÀ-Ý])")
NAME_SEPARATORS = re.compile(LIST_SEPARATORS.pattern
                             + r"(?=(?:the |l['’]|la |le |les |el |los |las )?(?:(?:"
                             + DESCRIPTOR.pattern[1:] + r")?[A-ZÀ-Ý]|[\w'’ ]{0,40}[«“]))")
# in a list whose names take an article ("the A, the B and the C"), a conjunction without one
# is inside a name: "the Commission for Technical and Vocational Education"
ARTICLED_NAME_SEPARATORS = re.compile(
    r"\s*,\s*(?:(?:and|et|y)\s+)?(?=(?:the |l['’]|la |le |les |el |los |las )?[A-ZÀ-Ý«“])|"
    r"\s+(?:and|et|y|as well as|así como|ainsi qu['’]à)\s+(?=(?:the |l['’]|la |le |les |el |los |"
    r"las )[A-ZÀ-Ý«“a-zà-ÿ])")
# where every name takes its article ("el Instituto …, los GAD municipales de Gualaceo, Paute
# y Azogues y la Mesa …"), a comma without one is inside a name
EVERY_NAME_ARTICLED = re.compile(
    r"\s*,\s*(?:(?:and|et|y)\s+)?(?=(?:the |l['’]|la |le |les |el |los |las )[A-ZÀ-Ý«“a-zà-ÿ]|"
    r"[A-ZÀ-Ý][\w'’-]*\s+(?!(?:and|et|y)\s)\S)|"  # not one word: "…, Hope for Returnees"
    r"\s+(?:and|et|y|as well as|así como|ainsi qu['’]à)\s+(?=(?:the |l['’]|la |le |les |el |los |"
    r"las )[A-ZÀ-Ý«“a-zà-ÿ])")
QUOTED_NAME = re.compile(r"[«“]\s*(?P<name>[^»”]{3,80}?)\s*[»”]")  # "l'association « X »"
DURATION = re.compile(
    r"(?i)\b(?:runs? for|for an? (?:initial |first )?period of|for|pour une dur[ée]e de|pour|"
    r"sur|durante|por un periodo de|over|"
    r"duraci[oó]n (?:prevista )?de|dur[ée]e (?:pr[ée]vue )?de|duration of)\s+"
    r"(?P<terms>\d{1,3}\s*(?:months?|mois|meses|years?|ans|a[ñn]os))\b")


GRANT_OF = re.compile(
    r"(?i)\b(?:subvenci[oó]n|aportaci[oó]n|contribuci[oó]n|financiaci[oó]n|subvention|"
    r"contrapartida|contraparte|contrepartie|counterpart(?: funding)?|"
    r"contribution|apport|financement|grant|funding)\s+(?:de la |del |de l['’]|du |de |des |"
    r"from the |from |of the |of )"
    r"(?P<name>(?-i:[A-ZÀ-Ý])[^,.;()\d€$£]{1,80}?(?:\s\([^()]{2,12}\))?)"
    r"\s+(?:de|of|worth|d['’]un montant de|por (?:un )?(?:valor|importe|monto) de)\s*$")
GIVES = re.compile(r"(?i)\s+(?:contributes|contributed|provides|provided|adds|added|apporte|"
                   r"a apport[ée]|aporta|aport[óo]|(?:co-?funding|co-?financing|cofinancement|"
                   r"cofinanciaci[oó]n)\s+(?:of|de))\s*$")  # "the Piedmont Region contributes",
# "with BMZ co-funding of EUR 1.1 million"
LONG = re.compile(  # "ISHA is a 48-month action", "un projet de 36 mois"
    r"(?i)\b(?:an?|un|une|una)\s+(?P<terms>\d{1,3}[- ](?:months?|years?))[- ](?:long\s+)?"
    r"(?:action|project|programme|program|initiative|intervention)\b|"
    r"\b(?:projet|programme|action|proyecto|programa|acci[oó]n)\s+de\s+"
    r"(?P<terms2>\d{1,3}\s(?:mois|meses|ans|a[ñn]os))\b")
WHICH_GAVE = re.compile(r"(?i),?\s*(?:which|who|qui|que|quien|el cual|la cual)\s+"
                        r"(?:has\s+|a\s+|ha\s+)?(?:contributed|provided|granted|gave|funded|financed|apport[ée]|"
                        r"apporte|fourni|aport[óa]|financ[óa]|otorg[óa])\s*$")
NAME_JOINERS = {"of", "for", "and", "the", "de", "du", "des", "la", "le", "del", "pour", "y",
                "et", "on", "in", "d'", "l'"}
ENDED = re.compile(r"(?i)\b(?:ended|ends|will end|closed|closes|s['’]est achev[ée]e?|"
                   r"s['’]ach[eè]ve(?:ra)?|prend fin|a pris fin|se termin[ea]|termin[óo]|"
                   r"finaliz[óo]|concluy[óo])\s+(?:in|en|au mois de|à la fin de)?\s*"
                   r"(?P<date>[A-Za-zÀ-ÿ]+\s+(?:de\s+)?(?:19|20)\d\d)")


@dataclass
class ProseFacts:
    start: str | None = None
    duration_months: int | None = None
    countries: list[str] = field(default_factory=list)
    funders: list[tuple[str, Decimal | None, str | None]] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


RETURNED_FROM = re.compile(r"(?i)\b(?:returnees|returned|returning|deported|expelled|"
                           r"retornad[oa]s|deportad[oa]s|retour|rentr[ée]e?s|expuls[ée]e?s|"
                           r"refoul[ée]e?s)\s+(?:\w+\s+){0,2}(?:from|de|d['’]|du|des)\s+"
                           r"(?:the\s+|la\s+|l['’])?$")


# a full stop ends a sentence, but not the one of an abbreviation: "(approx. EUR 2.75m)"
ABBREVIATIONS = ("approx", "aprox", "env", "ca", "incl", "e.g", "i.e", "cf", "Mr", "Mrs", "Ms",
                 "Dr", "No", "Nr", "St", "Sr", "Sra", "Mme", "Pr", "Prof", "vs", "p.ex")
SENTENCE_BREAK = re.compile("".join(rf"(?<!\b{re.escape(a)}\.)" for a in ABBREVIATIONS)
                            + r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])")


def prose_facts(text: str) -> ProseFacts:
    text = re.sub(r"\s+", " ", text)
    facts = ProseFacts()
    for sentence in SENTENCE_BREAK.split(text):
        _dates(facts, sentence)
        _funders(facts, sentence)
        for match in [*PARTNERS.finditer(sentence), *PARTNERS_AS.finditer(sentence)]:
            facts.partners += [n for n in _names(match.group("list"), places=False)
                               if len(n.split()) >= 2]
        for match in _place_lists(sentence):
            listed = PLACES_END.split(match.group("list"))[0]  # not "… with the Ministry"
            for name in map(_without_country, _place_names(listed)):
                if not find_countries(name) and len(name.split()) <= 4 \
                        and name not in facts.places:
                    facts.places.append(name)
    _end_date(facts, text)
    named = text
    for name in [n for n, _a, _c in facts.funders] + facts.partners:
        named = named.replace(name, " " * len(name))  # "UK Foreign, Commonwealth … Office"
    for mention in find_countries(named):
        if RETURNED_FROM.search(named[max(0, mention.start - 40):mention.start]):
            continue  # "returnees from Saudi Arabia": where they were, not where it works
        if mention.code not in facts.countries:
            facts.countries.append(mention.code)
        inside = re.match(r"\s*\(([^()]{3,120})\)", named[mention.end:])
        if inside and not find_money(inside.group(1)):  # "Morocco (Casablanca, Rabat, Tangier)"
            facts.places += [n for n in _names(inside.group(1)) if n not in facts.places]
    return facts


def _place_lists(sentence: str) -> list[re.Match[str]]:
    """Each list of places a sentence opens, also one inside another's: "en las provincias de
    Azuay y Cañar, en particular en los cantones de Cuenca, Gualaceo y Azogues"."""
    found = []
    match = PLACES.search(sentence)
    while match:
        found.append(match)
        match = PLACES.search(sentence, match.start("list"))
    return found


def _dates(facts: ProseFacts, sentence: str) -> None:
    sentence = spelled_numbers(BEGAN.sub("started ", sentence))  # "began in 2018 … five years"
    found = find_start_duration(sentence)
    if found and found.start and facts.start is None:
        facts.start = found.start
    known = facts.duration_months
    if found and found.duration_months and known is None:
        facts.duration_months = found.duration_months
    duration = DURATION.search(sentence) or LONG.search(sentence)
    if duration and facts.duration_months is None:
        terms = duration.group("terms") or duration.group("terms2")
        months = find_start_duration(f"({terms.replace('-', ' ')})")
        facts.duration_months = months.duration_months if months else None
    extension = EXTENSION.search(sentence) if known is None else None
    terms = extension_terms(extension) if extension else None
    extra = find_start_duration(f"({terms})") if terms else None
    before = find_start_duration(sentence[:extension.start()]) if extension else None
    counted = bool(found and before and found.duration_months and before.duration_months
                   and found.duration_months > before.duration_months)  # "(48 + 6 months)"
    if facts.duration_months and extra and extra.duration_months and not counted:
        facts.duration_months += extra.duration_months  # "24 meses, ampliada en 6 meses"


def _end_date(facts: ProseFacts, text: str) -> None:
    """"… started in October 2019 … ended in September 2022": the months from start to end."""
    ended = ENDED.search(text)
    if facts.duration_months is not None or not facts.start or "-" not in facts.start \
            or not ended:
        return
    end = find_start_duration("Starting " + ended.group("date"))
    if end is None or not end.start or "-" not in end.start:
        return
    (y0, m0), (y1, m1) = (map(int, d.split("-")) for d in (facts.start, end.start))
    months = (y1 - y0) * 12 + m1 - m0 + 1
    if 0 < months <= 240:
        facts.duration_months = months


def _funders(facts: ProseFacts, sentence: str) -> None:
    matches = list(FUNDED.finditer(sentence))
    if not matches:
        for money in find_money(sentence):  # "con 980.000 euros del Mecanismo … y con …"
            grant = GRANT_OF.search(sentence[:money.start])  # "una subvención de la UE de 3 M€"
            if grant and money.amount is not None:
                facts.funders.append((grant.group("name"), money.amount, money.currency))
                continue
            source = MONEY_FROM.match(sentence[money.end:])
            giver = WHICH_GAVE.search(sentence[:money.start]) or GIVES.search(
                sentence[:money.start])  # "AECID, which contributed", "the Region contributes"
            name = source.group("name").strip(" ,") if source else \
                _trailing_name(sentence[:giver.start()]) if giver else ""
            if name and money.amount is not None:
                facts.funders.append((name, money.amount, money.currency))
        return
    also = ALSO_BY.search(matches[-1].group("rest") or matches[-1].group("source"))
    rests = [m.group("rest") or m.group("source") for m in matches] + (
        [also.group("rest")] if also else [])
    for rest in rests:  # "financé par l'UE à hauteur de 3 M€, … financé par l'AFD pour 2 M€"
        monies = find_money(rest)
        end = FUNDER_END.search(rest)
        cut = min([m.start for m in monies[:1]] + ([end.start()] if end else []) + [len(rest)])
        name = ARTICLE.sub("", re.sub(r"\s+(?:por|for|pour|of|de|d['’]un montant de)\s*$", "",
                                      rest[:cut].strip(" ,–-")))  # "… Italiana por 850.000 €"
        money = monies[0] if monies and monies[0].start - cut < 40 else None
        if name:
            facts.funders.append((name, money.amount if money else None,
                                  money.currency if money else None))
        opened = re.match(r"\s*\([^()]*\)", rest[cut:])
        at = cut + opened.end() if opened and money else len(rest)
        while (more := PAREN_FUNDER.match(rest, at)) is not None:  # "… y la Fundación X
            amounts = find_money(more.group("amount"))  # (120.000 €)"
            if not amounts or amounts[0].amount is None:
                break
            facts.funders.append((more.group("name"), amounts[0].amount, amounts[0].currency))
            at = more.end()
    for money in find_money(sentence):  # "…; the Piedmont Region contributes EUR 180,000",
        giver = GIVES.search(sentence[:money.start])  # "complemented by USD 750,000 from UNICEF"
        source = re.match(r"\s+(?:from|de la part de|de parte de|del|de la|de los|du|de l['’])"
                          r"\s*(?:the\s+)?(?=[A-ZÀ-Ý])", sentence[money.end:])
        names = organisation_names(sentence[money.end + source.end():]) if source else []
        name = ARTICLE.sub("", _trailing_name(sentence[:giver.start()])) if giver else ""
        if not name and names and sentence[money.end + source.end():].startswith(names[0]):
            name = names[0]
        if name and money.amount is not None and name not in [n for n, _a, _c in facts.funders]:
            facts.funders.append((name, money.amount, money.currency))


PAREN_FUNDER = re.compile(r"(?:,\s*|\s+(?:y|and|et)\s+)(?:(?:la|el|los|las|le|les|the)\s+|"
                          r"l['’])?(?P<name>[A-ZÀ-Ý][^(),;.]{1,80}?)\s*"
                          r"\((?P<amount>[^()]*\d[^()]*)\)")  # ", Y (950.000 €) y Z (…)"
ORGANISATION = re.compile(
    r"(?:[A-ZÀ-Ý][\w'’&.-]*|\([A-Z][\w&-]{1,12}\))(?:\s+(?:(?:of|for|the|de|du|des|la|le|"
    r"l['’]|d['’]|del|pour|aux?|on|in|en|à)\s+|(?:and|et|y)\s+(?!(?:the|la|le|les|el|los|las)\b|"
    r"l['’]))*(?:[A-ZÀ-Ý][\w'’&.-]*|[a-zà-ÿ]['’][A-ZÀ-Ý][\w'’-]*|\([A-Z][\w&-]{1,12}\)|"
    r"(?<=à )l['’][a-zà-ÿ]+))*")  # "Office des Tunisiens à l'étranger (OTE)"
# "and the" opens the next name
NOT_NAMES = {"the", "it", "its", "this", "these", "they", "le", "la", "les", "il", "elle", "el",
             "los", "las", "in", "en", "a", "an"}


def organisation_names(text: str) -> list[str]:
    """The names of organisations in sentences about partners: "implemented by Expertise
    France in a consortium with the Norwegian Refugee Council (NRC). It works with the
    Municipality of Djibouti, …": names of two words or more, or with a capital inside."""
    names: list[str] = []
    for match in ORGANISATION.finditer(text):
        words = match.group(0).split()
        while words and words[0].lower() in NOT_NAMES:
            words.pop(0)
        while words and words[-1].lower() in NAME_JOINERS:
            words.pop()
        name = " ".join(words).rstrip(".,")
        if name and (len(words) >= 2 or re.search(r".[A-Z]", name)) and name not in names:
            names.append(name)
    return names


def _trailing_name(text: str) -> str:
    """The capitalised name that ends a stretch of text: "… shared between the Spanish Agency
    for Development Cooperation (AECID)" gives "Spanish Agency for Development Cooperation
    (AECID)"."""
    words = text.rstrip(" ,").split()
    name: list[str] = []
    while words:
        word = words[-1]
        if word[:1].isupper() or word.startswith("(") or (
                word.lower() in NAME_JOINERS and name):
            name.insert(0, words.pop())
        else:
            break
    while name and name[0].lower() in NAME_JOINERS:
        name.pop(0)
    return " ".join(name)


def _without_country(name: str) -> str:
    """"Kolda in Senegal" gives "Kolda"."""
    tail = re.search(r"\s+(?:in|en|au|aux)\s+(?P<country>.+)$", name)
    mentions = find_countries(tail.group("country")) if tail else []
    return name[:tail.start()] if tail and mentions and mentions[0].start == 0 else name


PLACES_END = re.compile(r"\s(?:with|avec|con|together with|in partnership with|thanks to)\s")
AREA_AND_PLACES = re.compile(r"^(?P<area>[^()]+?)\s*\((?P<places>[^()]+)\)$")


def _place_names(listed: str) -> list[str]:
    """Places of an enumeration, an area's own places after it: "the Ashanti Region (Kumasi)
    and the Bono Region (Techiman and Sunyani)"."""
    names = []
    for name in _names(listed):
        inside = AREA_AND_PLACES.match(name)
        names += [inside.group("area"), *_names(inside.group("places"))] if inside else [name]
    return names


# a local authority named by what it is and where: "la commune de Bignona"
LOCAL_BODY = re.compile(r"(?:commune|municipalit[ée]|mairie|ville|municipio|alcald[ií]a|"
                        r"ayuntamiento|prefectura|pr[ée]fecture|city|municipality|town|county)"
                        r"\s+(?:de|d['’]|of|du|del)\s+[A-ZÀ-Ý]")


def _names(listed: str, places: bool = True) -> list[str]:
    """The capitalised names of an enumeration, up to the first part that is not a name."""
    names = []
    depth_safe = re.sub(r"\(([^)]*)\)", lambda m: "(" + re.sub(
        r"\s(and|et|y)\s", "\x01\\1\x01", m.group(1).replace(",", "\0")) + ")", listed)
    articled = re.search(r"\s(?:and|et|y)\s+(?:the|la|le|les|el|los|las)\s|\s(?:et|y)\s+l['’]",
                         listed)  # "…, the B and the C": the last name takes its article too
    every_articled = articled and ARTICLE.match(listed.strip()) is not None
    separators = LIST_SEPARATORS if places else EVERY_NAME_ARTICLED if every_articled \
        else ARTICLED_NAME_SEPARATORS if articled else NAME_SEPARATORS
    parts = separators.split(depth_safe)
    for n, part in enumerate(parts):
        article = PLACE_ARTICLE if places else ARTICLE  # "El Oro", "La Paz" keep theirs
        name = article.sub("", part.replace("\0", ",").replace("\x01", " ").strip(" .")).strip()
        if not places:  # "l'association Terre d'Asile Tunisie": the name after what it is
            quoted = QUOTED_NAME.search(name)
            name = quoted.group("name") if quoted else DESCRIPTOR.sub("", name)
        if places:
            name = GENERIC_TAIL.sub("", GENERIC_LEAD.sub("", name))  # "provincia de Huelva"
        clause = None if places else re.search(r",\s+(?!d['’]|de |du |des )[a-zà-ÿ]", name)
        if clause:  # "… du Tadla, le projet a démarré …", "… Bassikounou, à Nouakchott"
            name = name[:clause.start()]
        if not name or not (name[:1].isupper() or (not places and LOCAL_BODY.match(name))):
            if separators is EVERY_NAME_ARTICLED and name and n + 1 < len(parts):
                continue  # "los gobiernos municipales …, el Centro …": the next names count
            break
        names.append(name)
        if clause:
            break
    return names
