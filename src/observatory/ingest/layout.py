"""The text's lines and blocks, with character offsets, and the cues the extractor reads
from their shape: bullets, headings, quotes, and the short lines of a sidebar cell."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from .geo import find_countries
from .lexicon import heading_kind
from .money import find_money

# "o", "§" and "Ø" then a tab: Word's plain-text export of its second-level list symbols
BULLET = re.compile(r"^\s*(?:(?:[-•*–·▪◦‣]|\d{1,2}[.)]|[a-z][.)]|\(\w\))\s+|[o§Ø]\t\s*)")
URL = re.compile(r"<?(https?://[^\s<>()\"']+|www\.[^\s<>()\"']+)>?")
MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|^#{1,6}\s*|^>\s?")
# Generic words around a listed place: "circles of Bandiagara", "Tillabéri regions"
GENERIC_LEAD = re.compile(r"^(?:(?:the|les?|la|los|las|el|rural|urban|urbaines?|rurales?|"
                          r"[a-zà-ÿ]+s|provincia|province|r[ée]gion|regi[oó]n|department|"
                          r"d[ée]partement|departamento|district|distrito|county|condado|"
                          r"wilaya|municipio|ciudad|city|ville)\s+)*(?:of|de|d'|du|del|des|di|in|en)\s+"
                          r"(?:l['’]|la |le |les |el |los |las |the )?")
GENERIC_TAIL = re.compile(r"(?:\s+[a-zà-ÿ]{3,})+$")
OPEN_QUOTES = "“«„\"‘"
CLOSE_QUOTES = "”»\"’"
SIDEBAR_MAX = 48  # characters: a line of the layout's narrow column


@dataclass
class Line:
    index: int
    start: int
    end: int
    text: str  # without the line break
    listed: str | None = None  # the kind of the list label ("Partners") this line is a value of

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Block:
    """Consecutive non-blank lines, with the number of blank lines before it."""

    lines: list[Line]
    gap_before: int

    @property
    def start(self) -> int:
        return self.lines[0].start + len(self.lines[0].text) - len(self.lines[0].text.lstrip())

    @property
    def end(self) -> int:
        last = self.lines[-1]
        return last.start + len(last.text.rstrip())

    @property
    def text(self) -> str:
        return "\n".join(line.stripped for line in self.lines)

    @property
    def joined(self) -> str:
        return " ".join(line.stripped for line in self.lines)


def split_lines(text: str) -> list[Line]:
    """The text's lines; HTML tags that a Markdown export keeps ("<aside>", "<summary>…
    </summary>") become spaces, so that the words between them keep their offsets ("<br>",
    which parts the names of a table's cell, stays)."""
    lines, offset = [], 0
    for index, raw in enumerate(text.split("\n")):
        if "<" in raw and HTML_TAG.search(raw):
            raw = HTML_TAG.sub(lambda m: " " * len(m.group(0)), raw)
        lines.append(Line(index, offset, offset + len(raw), raw))
        offset += len(raw) + 1
    return lines


HTML_TAG = re.compile(r"</?(?:aside|details|summary|div|span|p|b|i|em|strong|u|sup|sub|"
                      r"font|center|blockquote|figure|figcaption)\b[^<>]*/?>", re.IGNORECASE)


def blocks_of(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    current: list[Line] = []
    gap = 0
    for line in lines:
        if line.blank:
            if current:
                blocks.append(Block(current, gap))
                current, gap = [], 0
            gap += 1
        else:
            current.append(line)
    if current:
        blocks.append(Block(current, gap))
    return blocks


@lru_cache(maxsize=65536)  # a pure function of one line, asked of the same lines often
def clean(text: str) -> str:
    """Markdown emphasis, heading marks and bullet markers removed, white space folded."""
    text = MARKUP.sub("", text.strip())
    text = BULLET.sub("", text, count=1)
    return re.sub(r"\s+", " ", text).strip()


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line)) and not line.strip().startswith("**")


def is_heading(line: str) -> bool:
    return heading_kind(line) is not None


def is_url_line(line: str) -> bool:
    stripped = line.strip().strip("<>")
    return bool(URL.fullmatch(stripped)) or bool(URL.fullmatch(line.strip()))


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def looks_like_sidebar(block: Block) -> bool:
    """A cell of the narrow column: short lines, no bullets, no sentence ending, no heading."""
    for line in block.lines:
        stripped = line.stripped
        if len(stripped) > SIDEBAR_MAX or is_bullet(line.text) or is_heading(stripped):
            return False
        if stripped[0] in OPEN_QUOTES or stripped[-1] in "”»":
            return False
    if any(URL.search(line.text) for line in block.lines):
        return False
    last = block.lines[-1].stripped
    if last.endswith((".", ":", ";", "?", "!", ",")) and not re.search(r"\b(mio|Mio|etc)\.$", last):
        return False
    return not is_url_line(last)


# -- labelled sidebar lines: "Funding: EU (EUR 3 million)", "| **Partners** | A<br>B |" -------

LABELLED = re.compile(r"^\s*(?:>\s*)?(?:[-*•]\s+)?(?:\|\s*)?(?:\*\*|__)?\s*"
                      r"(?P<label>[^:|*_\t]{2,40}?)\s*(?:\*\*|__)?\s*"
                      r"(?::(?:\*\*|__)?|\||\t+|\s?\.{3,}|(?<=\*\*)(?=\s*$)|(?<=\s)[–—](?=\s|$))\s*"
                      r"(?P<value>.*?)\s*\|?\s*$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# A total amount with no funder named: "Budget", "Enveloppe financière", "Monto asignado"
BUDGET_WORDS = (r"(?:total )?budget(?: total)?|presupuesto(?: total)?|montant(?: total)?|"
                r"co[uû]t(?: total)?(?: du (?:projet|programme))?|total (?:project )?cost|"
                r"cost[oe] total(?: del (?:proyecto|programa))?|dotaci[oó]n(?: presupuestaria)?|"
                r"(?:total )?amount|total value|(?:financial )?envelope|"
                r"enveloppe(?: financi[eè]re)?|monto(?: total| asignado)?|importe(?: total)?|"
                r"valor total")
BUDGET_LABEL = re.compile(rf"(?i)^\W*(?:{BUDGET_WORDS})\W*$")
SIDEBAR_LABELS = {
    "funders": r"funding|funders?|donors?|financ(?:ing|ed by)|financements?|financiaciones|"
               r"bailleurs?(?: de fonds)?|financiaci[oó]n|financiamiento|donantes?|"
               r"cofinanciaci[oó]n|source of funding|financeurs?|funded by|"
               r"financiador(?:es|as?)?|financian|financia|financ[ée] par|"
               r"financial partners?|partenaires? financiers?|socios? financieros?|"
               r"co-?financement|co-?financ[ée] par|(?:co)?financiado por|supported by|"
               r"commissioned by|mandated by|command[ée] par|encargado por|"
               r"with (?:the )?support (?:of|from)|avec le (?:soutien|concours) de|soutenu par|"
               r"con el apoyo de|apoyado por|origine des fonds|sources? des fonds|"
               r"qui finance|who funds|qui[eé]n financia|(?:otras )?aportaci[oó]n(?:es)?|"
               r"(?:autres )?apports?|other contributions|"
               r"partenaires techniques et financiers|ptf|cooperantes?|"
               r"avec le (?:soutien|concours|appui) financier de|con el apoyo financiero de|"
               r"with (?:the )?financial support (?:of|from)|"
               r"(?:bailleurs?|funders?|donors?|financements?|financiadores?|donantes?|"
               r"financiaci[oó]n) (?:et|and|y|&) (?:montants?|amounts?|montos?|importes?)|"
               + BUDGET_WORDS,
    "date": r"start(?: date)?|starting|duration|d[ée]marrage|start(?: and| /|/) ?duration|"
            r"duration and start(?: date)?|start date and duration|quand|when|cu[aá]ndo|"
            r"(?:implementation )?period|dates?|timeframe|time ?frame|calendar|"
            r"d[ée]but|dur[ée]e|p[ée]riode|calendrier|d[ée]but(?: et| /|/) ?dur[ée]e|"
            r"inicio|duraci[oó]n|per[ií]odo(?: de ejecuci[oó]n)?|"
            r"inicio(?: y| /|/) ?duraci[oó]n|fechas?|calendario|start and end dates?|"
            r"lifetime|timeline|(?:p[ée]riode|dur[ée]e) de mise en (?:œ|oe)uvre|"
            r"(?:duration|period) of implementation|"
            r"fechas? de inicio y (?:de )?fin(?:alizaci[oó]n)?|"
            r"plazo de ejecuci[oó]n|cronograma|vigencia|dates de d[ée]but et de fin",
    "place": r"countries|country|locations?|where|"
             r"geographic(?:al)? (?:scope|coverage|areas?|focus)|"
             r"p[ée]rim[eè]tre(?: d'intervention)?|alcance(?: geogr[aá]fico| territorial)?|"
             r"(?:wilayas?|provinces?|d[ée]partements?|cercles?|villes?) d'intervention|"
             r"countries and (?:regions|territories|areas|locations|zones|sites|cities|"
             r"provinces|districts)|pays|lieux?|"
             r"zones? d'intervention|localisation|pays et (?:r[ée]gions|territoires|zones?|"
             r"localit[ée]s|sites|villes|communes)(?: d'intervention)?|pa[ií]s(?:es)?|"
             r"pa[ií]s(?:es)? y (?:territorios|regiones|zonas?|localidades|ciudades|municipios|"
             r"departamentos|provincias)"
             r"(?: de intervenci[oó]n)?|"
             r"territorios?|localizaci[oó]n|"
             r"zonas?(?: de intervenci[oó]n)?|[aá]mbito(?: geogr[aá]fico| territorial| de "
             r"(?:intervenci[oó]n|actuaci[oó]n))?|zones?|"
             r"territoires?|r[ée]gions? d'intervention|d[oó]nde|o[uù]|lugar(?:es)?|ubicaci[oó]n|"
             r"emplacements?|sites? d'intervention|localit[ée]s?|localidades?|"
             r"intervention areas?|areas? of intervention|zones? de mise en (?:œ|oe)uvre|"
             r"couverture g[ée]ographique|communes? d'intervention|[aá]reas? de intervenci[oó]n|"
             r"cobertura(?: geogr[aá]fica| territorial)?|municipios de intervenci[oó]n|"
             r"couverture(?: territoriale)?|(?:geographic(?:al)? )?coverage",
    "partners": r"(?:implementing |main |key )?partners?(?: organi[sz]ations)?|"
                r"acteurs(?: impliqu[ée]s| associ[ée]s)?|actores(?: implicados)?|"
                r"stakeholders(?: involved)?|parties prenantes|"
                r"partenaires?(?: de mise en (?:œ|oe)uvre)?|socios?|contrapartes?|aliados|"
                r"socios? local(?:es)?|(?:otros|other|autres) (?:socios|partners|partenaires)|"
                r"local partners?|partenaires? locaux|partenaire local|"
                r"entidades socias|organizaciones socias|consortium|consorcio|"
                r"(?:national )?counterparts?|contreparties?(?: nationales?)?|"
                r"contrapartes? nacional(?:es)?|in partnership with|en partenariat avec|"
                r"instituciones socias|en alianza con|aliados estrat[ée]gicos|partnerships?|"
                r"co-?demandeurs?|co-?applicants?|co-?solicitantes?|avec qui|with whom|"
                r"con qui[eé]n(?:es)?|"
                r"(?:instituciones|entidades|organizaciones) (?:participantes|colaboradoras)|"
                r"participating (?:organi[sz]ations|institutions)|"
                r"(?:institutions?|structures?|organisations?) partenaires",
    "agency": r"(?:implementing|lead|executing) (?:agency|organi[sz]ation|partner|member)|"
              r"agence (?:de mise en (?:œ|oe)uvre|d'ex[ée]cution|ex[ée]cutante|chef de file)|"
              r"(?:organisme|op[ée]rateur|structure) (?:de mise en (?:œ|oe)uvre|porteuse|"
              r"chef de file)|"
              r"(?:entidad|agencia|organizaci[oó]n) (?:ejecutora|implementadora|responsable)|"
              r"agence d'ex[ée]cution|"
              r"op[ée]rateur|agencia ejecutora|entidad ejecutora|implementers?|implemented by|"
              r"implementation|"
              r"ejecuta(?:do por)?|ejecutor(?:a|es)?|mis en (?:œ|oe)uvre par|mise en (?:œ|oe)uvre|"
              r"lead (?:implementing )?partner|executed by|managed by|project lead|"
              r"ex[ée]cut[ée] par|organisme d'ex[ée]cution|ma[iî]tre d'(?:œ|oe)uvre|"
              r"ma[iî]tre d'ouvrage(?: d[ée]l[ée]gu[ée])?|chef de file|"
              r"porteur(?: du (?:projet|programme))?|agencia de implementaci[oó]n|"
              r"implementado por|entidad (?:l[ií]der|gestora)|gestionado por|"
              r"l[ií]der del consorcio|socio principal|grantee|grant ?holder|"
              r"b[ée]n[ée]ficiaire de la subvention|beneficiario de la subvenci[oó]n|"
              r"(?:municipio|entidad|organizaci[oó]n|instituci[oó]n|ayuntamiento) promotora?|"
              r"promotora?|promoteur|(?:commune|collectivit[ée]) porteuse|"
              r"(?:lead|promoting) (?:municipality|city|authority)|lead applicant|"
              r"(?:entidad|organizaci[oó]n) solicitante|demandeur principal|coordinated by|"
              r"coordinado por|coordonn[ée] par|operators?|operador(?:a)?|project holder|"
              r"porteur de projet|responsible (?:organi[sz]ation|institution|entity)|"
              r"(?:organi[sz]ation|institution) responsable|l[ií]der del (?:proyecto|programa)",
    "sites": r"(?:project |programme )?(?:web ?site|site(?: (?:web|internet))?|web|web ?page|"
             r"p[aá]gina web|page web|sitio(?: web)?|(?:pour )?en savoir plus|"
             r"more information|m[aá]s informaci[oó]n|links?|liens?|enlaces?|online|en ligne|www|"
             r"url|further information|plus d'informations?|site internet du (?:projet|programme)|"
             r"sitio web del (?:proyecto|programa)|p[aá]gina del (?:proyecto|programa)|"
             r"en l[ií]nea|home ?page|internet|p[aá]gina web del (?:proyecto|programa))",
    # key facts the platform does not keep (whom to ask, who is served, which SDG):
    # recognised so that they are not read as partners
    "other": r"contacts?|contact person|personne[- ]contact|persona de contacto|contacto|"
             r"point focal|focal point|cheff?e de projet|project manager|"
             r"presented by|pr[ée]sent[ée] par|presentado por|present[oóa]|presents|"
             r"intervenant(?:e)?s?|speakers?|presenters?|ponentes?|intervenciones?|"
             r"target (?:group|population)s?|population cible|publics? cibles?|"
             r"poblaci[oó]n (?:destinataria|meta|objetivo)|beneficiaries|b[ée]n[ée]ficiaires|"
             r"beneficiari[oa]s|(?:ODS|ODD|SDGs?)(?: relacionados| concern[ée]s| addressed)?|"
             r"th[eè]mes?|tem[aá]tica|temas?|sectors?|secteurs?|sectores?|"
             r"(?:(?:completion|mtr|mid-term|final|overall|performance) )?(?:rating|score)s?|"
             r"notation|note (?:globale|finale)|calificaci[oó]n|puntuaci[oó]n|"
             r"(?:project |grant |contract )?(?:reference|code|number|no\.?)|r[ée]f[ée]rence|"
             r"statut|status|estado|[ée]tat d'avancement|"
             r"referencia|c[oó]digo|num[ée]ro de (?:projet|contrat|convention)|"
             r"n[uú]mero de (?:proyecto|contrato|convenio)|(?:n[uú]mero de )?expediente|"
             r"(?:n° de |num[ée]ro de )?dossier|file (?:no\.?|number)",
    # titles over a sidebar ("Key facts", "Ficha técnica"): recognised so they are not taken
    # for an organisation, and give no value
    "title": r"(?:(?:(?:le|the|el) )?(?:projet|project|programme|program|proyecto|programa) )?"
             r"(?:in brief|in short|en bref|en breve|at a glance|en resumen)|"
             r"in brief|in short|summary|resumen|r[ée]sum[ée]|at a glance|key facts|fact ?sheet|"
             r"en bref|fiche technique|ficha (?:del|de la|de) (?:componente|proyecto|programa|"
             r"experiencia|pr[aá]ctica)|fiche (?:du|de la) (?:projet|programme|composante|volet)|"
             r"(?:project|programme|component) (?:sheet|card|data)|"
             r"fiche signal[ée]tique|l'essentiel|ficha t[ée]cnica|datos clave|en resumen|"
             r"en breve|de un vistazo|(?:en )?un vistazo|d'un coup d'[œo]e?il|"
             r"key (?:data|figures|information)|chiffres cl[ée]s|donn[ée]es cl[ée]s|cifras clave|"
             r"datos (?:b[aá]sicos|generales)|basic (?:data|facts)|donn[ée]es de base|"
             r"informaci[oó]n general|(?:fiche|carte) d'identit[ée](?: (?:du|de la|de l') ?"
             r"(?:projet|programme|initiative|action|pratique))?|ficha de identidad|"
             r"informations? cl[ée]s|"
             r"informaci[oó]n clave|datos principales|donn[ée]es principales",
}
_LABEL_KINDS = [(kind, re.compile(rf"(?:{pattern})", re.IGNORECASE))
                for kind, pattern in SIDEBAR_LABELS.items()]
_LABEL_WORDS = {kind: re.compile(rf"(?<!\w)(?<!(?-i:[A-Z])-)(?:{pattern})(?!\w)",
                                 re.IGNORECASE)  # a word of a label, not of "RE-START"
                for kind, pattern in SIDEBAR_LABELS.items()}
# Sub-national areas as a label with its value ("Regions: Piedmont and Lombardy"); alone on a
# line these words are too often part of a name ("Union of / Municipalities / of the River").
_AREAS = (r"(?:regions?|r[ée]gions?|regiones|provinces?|provincias|municipios|departamentos|"
          r"d[ée]partements|departments|counties|condados|wilayas|governorates|gouvernorats|"
          r"municipalit(?:y|ies)|communes|cities|ciudades|villes|districts?|distritos|"
          r"target areas?)")
SUBNATIONAL = re.compile(rf"{_AREAS}(?:\s+(?:and|et|y|&)\s+{_AREAS})?", re.IGNORECASE)
_TITLE_LABEL = re.compile(rf"(?:{SIDEBAR_LABELS['title']})", re.IGNORECASE)


@lru_cache(maxsize=65536)  # a pure function of one line, asked of the same lines often
def label_alone(line: str) -> str | None:
    """The kind of a label written alone on its line in capitals, as a sidebar cell's title:
    "FUNDING", "INICIO", "PARTENAIRES"."""
    text = line.strip().strip("*_: ")
    if not text or text.upper() != text or len(text) > 30 or not re.search(r"[A-ZÀ-Ý]{3}", text):
        return None
    for kind, pattern in _LABEL_KINDS:
        if pattern.fullmatch(text.lower()):
            return kind
    return None


@lru_cache(maxsize=65536)  # a pure function of one line, asked of the same lines often
def label_kind(label: str) -> str | None:
    """The kind of a label given exactly, in any case: "Budget", "Fecha de inicio"."""
    text = label.strip().strip("*_: ").lower().replace("’", "'")
    text = re.sub(r"^(?:proposed|planned|indicative)\s+(?=\w)", "", text)  # a proposal's
    return next((kind for kind, pattern in _LABEL_KINDS if pattern.fullmatch(text)), None)


def is_sidebar_title(line: str) -> bool:
    """A sidebar's title alone on its line, in any case: "Ficha técnica", "**Key facts**"."""
    text = line.strip().strip("#*_:|> ").strip().replace("’", "'")
    text = re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+", "", text)  # "3.1.1 Datos generales"
    return bool(text) and _TITLE_LABEL.fullmatch(text.lower()) is not None


@lru_cache(maxsize=65536)  # a pure function of one line, asked of the same lines often
def labelled_field(line: str) -> tuple[str, str] | None:
    """(kind, value) of a labelled sidebar line, or None; the value is "" for a label that
    stands alone on its line ("**Funding**", "Partners:") with its values below it."""
    field = re.match(r"(\s*)([^\W\d_][\w' -]{1,40}?)::(?=\s)", line)  # an Obsidian or Dataview
    if field and field.group(2).strip().lower() in ("key", "short name", "acronym"):
        return "other", line[field.end():].strip()  # "key:: SAFAL": the name its heading gives
    if field:  # field ("partenaires:: ANPEJ ; …"), in lower case as those are written
        line = field.group(1) + field.group(2).capitalize() + ": " + line[field.end():]
    match = LABELLED.match(line)
    if not match:
        return None
    label = match.group("label").strip().replace("’", "'")
    if label[:1].islower() and not TABLE_ROW.match(line) \
            and not re.match(r"(?:https?://|www\.)", match.group("value")):
        return None  # "partnership: remittances and …", a wrapped sentence's line; not "www: …"
    if len(label.split()) > 6 or heading_kind(label) not in (None, "sites") \
            or re.search(r"[\[\]]|https?$|www\.", label):  # "[www.x.org](https://…)" has no label
        return None  # "Results to date:" opens a section, whatever word it contains
    # a bullet's bold lead-in must be a label exactly, and a sentence is no label; so must a
    # label before a dash ("Partners – …"), where "Bailleurs Union européenne – …" is a name
    dash = re.match(r"\s*(?:\*\*|__)?\s*[–—]", line[match.end("label"):]) is not None
    loose = not BULLET.match(line) and not re.search(r"[.!?]\s", label) and not dash
    exact = next((kind for kind, pattern in _LABEL_KINDS if pattern.fullmatch(label)), None) \
        or _either_label(label)
    named = None if exact else _label_before_a_name(label, match.group("value"))
    if named is not None:  # "Funding HADC: EUR 6.8 million": a table row that lost its gap
        at = line.find(named[1], match.start("label")) + len(named[1])
        return named[0], line[at:].strip().strip("|").strip().replace("**", "")
    for kind, _pattern in _LABEL_KINDS:  # "Démarrage (durée)", "Zones d'intervention"
        word = _LABEL_WORDS[kind].search(re.sub(r"\([^()]*\)", " ", label))
        if kind == exact or (not exact and loose and word and (
                len(label.split()) <= 3 or "(" in label)):
            value = match.group("value").replace("**", "").replace("__", "")
            if kind == "place" and word and not exact and word.start() == 0 \
                    and find_countries(label[word.end():]):  # "Ámbito Ecuador: provincias …":
                value = f"{label[word.end():].strip()}: {value}"  # the country is the value's
            return kind, value
    if SUBNATIONAL.fullmatch(label) and match.group("value").strip():
        return "place", match.group("value").replace("**", "").replace("__", "")
    return None


def _either_label(label: str) -> str | None:
    """The kind of "Pays / zone d'intervention", "Start / end", "Régions / villes": labels of
    one kind joined by a slash."""
    kinds = {"place" if SUBNATIONAL.fullmatch(part.strip()) else label_kind(part)
             for part in re.split(r"\s*/\s*", label)} if "/" in label else set()
    return kinds.pop() if len(kinds) == 1 and None not in kinds else None


def _label_before_a_name(label: str, value: str) -> tuple[str, str] | None:
    """(kind, label words) of a label that runs into the first name of its value: "Funding
    HADC" before ": EUR 6.8 million", "Funding European Union" before ": EUR 3 million"."""
    words = label.split()
    for size in (3, 2, 1):
        lead, rest = " ".join(words[:size]), words[size:]
        kind = label_kind(lead) if rest else None
        if kind in ("funders", "partners", "agency") and rest[0][:1].isupper() and (
                re.fullmatch(r"[A-Z][A-Z0-9&-]+", rest[0]) or find_money(value)):
            return kind, lead
    return None


def is_table_furniture(line: str) -> bool:
    """A table's rule or a row without a labelled value (its header); or a note's tags
    ("#projet #Sénégal #retour") or an embedded image ("![[IMG_2022.jpg]]")."""
    return bool(TABLE_RULE.match(line)) or (bool(TABLE_ROW.match(line))
                                            and labelled_field(line) is None) \
        or bool(re.fullmatch(r"\s*(?:#[^\s#]+\s*)+|\s*!\[\[[^\]]*\]\]\s*", line))


# -- page furniture: page numbers and running headers of a text taken from a paged layout ------

PAGE_NUMBER = re.compile(r"(?i)^\s*(?:[-–—]\s*)?(?:(?:page|p\.|p[aá]gina|pag\.)\s*)?\d{1,3}"
                         r"(?:\s*(?:/|of|sur|de)\s*\d{1,3})?(?:\s*[-–—])?\s*$")
SENTENCE_END = (".", "!", "?", ":", "»", "”", '"')
NUMBERED_FOOTER = re.compile(  # a report's name beside its page number, either way round
    r"(?i)^\s*(?:[^\n]{3,60}?\s[—–|·-]\s*(?:page|p\.|p[aá]gina|pag\.)?\s*\d{1,3}"
    r"(?:\s*(?:/|of|sur|de)\s*\d{1,3})?|(?:page|p\.|p[aá]gina|pag\.)?\s*\d{1,3}\s*[—–|·-]"
    r"\s[^\n]{3,60}?|[^\n]{3,80}?\s(?:page|p[aá]gina)\s*\d{1,3}(?:\s*(?:/|of|sur|de)\s*\d{1,3})?|"
    r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/?\s+\d{1,3}|"  # "www.x.org 5"
    r"\d{1,3}\s+(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/?)"
    r"\s*$")  # "Réseau … - Rapport d'atelier Page 4/8"


def drop_page_furniture(lines: list[Line]) -> list[Line]:
    """The lines without page numbers and the running headers or footers printed beside them
    (a line repeated on several pages next to a page number). Where a paragraph runs on over
    the page break, the blank lines around the furniture go too, so the paragraph is whole
    again. Lines keep their offsets in the text and are numbered anew."""
    inside = {i for i in _page_sequence(lines) if not _beside_blank_or_furniture(lines, i)}
    if inside:  # a page number inside a paragraph or a list: the text goes on around it
        lines = [Line(n, ln.start, ln.end, ln.text)
                 for n, ln in enumerate(ln for ln in lines if ln.index not in inside)]
    footers: dict[str, int] = {}  # "Rapport annuel 2021 — page 7" with its number blanked
    for ln in lines:
        if not ln.blank and NUMBERED_FOOTER.match(ln.text):
            template = re.sub(r"\d+", "#", ln.stripped)
            footers[template] = footers.get(template, 0) + 1
    running = _running_names(lines)
    numbers = {ln.index for ln in lines if not ln.blank and (
        PAGE_NUMBER.match(ln.text) or (NUMBERED_FOOTER.match(ln.text) and footers.get(
            re.sub(r"\d+", "#", ln.stripped), 0) >= 2) or _name_of_numbered(ln) in running)
        and _beside_blank_or_furniture(lines, ln.index)}
    if len(numbers) < 2:
        return lines
    counts: dict[str, int] = {}
    for ln in lines:
        if not ln.blank:
            counts[ln.stripped] = counts.get(ln.stripped, 0) + 1
    furniture = set(numbers)
    for index in numbers:
        for step in (-1, 1):
            seen, at = 0, index + step
            while 0 <= at < len(lines) and seen < 2:
                if not lines[at].blank:
                    seen += 1
                    text = lines[at].stripped
                    if counts[text] >= 2 and len(text) >= 10 and not is_heading(text) \
                            and not is_bullet(text) and labelled_field(text) is None \
                            and label_kind(text) is None and not is_sidebar_title(text):
                        furniture.add(at)
                at += step
    kept: list[Line] = []
    n = 0
    while n < len(lines):
        if n not in furniture:
            kept.append(lines[n])
            n += 1
            continue
        while n < len(lines) and (n in furniture or lines[n].blank):
            n += 1  # the furniture and the blank lines around it
        while kept and kept[-1].blank:
            kept.pop()
        following = lines[n] if n < len(lines) else None
        if kept and following is not None and not _runs_on(kept[-1], following):
            kept.append(Line(0, kept[-1].end, kept[-1].end, ""))  # the paragraph break stays
    return [Line(i, ln.start, ln.end, ln.text) for i, ln in enumerate(kept)]


# the words that number a fiche: "FICHE 2", "GOOD PRACTICE 1", "BOX 3"
ORDINAL_WORDS = (r"fiches?(?:[ -](?:d['’]|de |du )?(?:projets?|programmes?|pratiques?|"
                 r"exp[ée]riences?|initiatives?))?|"
                 r"fichas?(?: (?:de )?(?:proyectos?|programas?|experiencias?|pr[aá]cticas?))?|"
                 r"(?:project |programme )?fact ?sheets?|sheets?|projects?|projets?|proyectos?|"
                 r"profiles?|profils?|perfil(?:es)?|pratiques?|pr[aá]cticas?|practices?|cases?|"
                 r"programmes?|programas?|programs?|experiences?|exp[ée]riences?|experiencias?|"
                 r"initiatives?|iniciativas?|case stud(?:y|ies)|cas|casos?|composantes?|"
                 r"components?|componentes?|volets?|briefs?|notes?|examples?|exemples?|"
                 r"ejemplos?|stories|story|histoires?|historias?|spotlights?|portraits?|boxe?s?|"
                 r"encadr[ée]s?|recuadros?|snapshots?|aper[çc]us?|instant[aá]neas?|"
                 r"pr[ée]sentations?|presentaci[oó]n(?:es)?|candidatures?|candidaturas?|"
                 r"highlights?|grants?|subventions?|subvenciones?")  # "PRÉSENTATION 1 – KEY",
# "CANDIDATURA 2", "PROJECT HIGHLIGHT 3", "GRANT 1 OF 5"
ORDINAL_QUALIFIER = (r"(?:(?:programme|project|projet|proyecto|programa|good|bonnes?|buenas?|"
                     r"promising|inspiring|grantee|partner|partenaire|socio|learning|policy|"
                     r"country|pays|pa[ií]s)\s+)?")  # "GOOD PRACTICE 1", "Learning Brief 2",
# "COUNTRY PROJECT 1 | GHANA"

NAME_AND_NUMBER = re.compile(r"^(?:(?P<name>[^\d\s].{2,79}?)\s+(?P<n>\d{1,3})|"
                             r"(?P<n2>\d{1,3})\s+(?P<name2>[^\d\s].{2,79}?))$")


def _name_of_numbered(line: Line) -> str | None:
    match = NAME_AND_NUMBER.match(line.stripped) if not line.blank else None
    return (match.group("name") or match.group("name2")) if match else None


def _running_names(lines: list[Line]) -> set[str]:
    """The texts printed beside a page number that grows page after page ("Meridian
    Evaluation Partners 13"): a footer however it is laid out, at least three times."""
    numbers: dict[str, list[int]] = {}
    for line in lines:
        name = _name_of_numbered(line)
        if name is not None:
            match = NAME_AND_NUMBER.match(line.stripped)
            numbers.setdefault(name, []).append(int(match.group("n") or match.group("n2")))
    return {name for name, found in numbers.items()  # page after page: mostly one more
            if len(found) >= 3 and all(a < b for a, b in pairwise(found))
            and 2 * sum(b == a + 1 for a, b in pairwise(found)) >= len(found) - 1
            and not name.startswith("#")
            and len(name.split()) >= 2 and not re.fullmatch(  # not "Fiche 1", "SESSION 2"
                rf"(?i){ORDINAL_QUALIFIER}(?:{ORDINAL_WORDS})(?:\s+n[°ºo]?\.?)?", name)}


def _page_sequence(lines: list[Line]) -> set[int]:
    """Bare numbers that count the pages, wherever a copied text left them ("… San Pedro
    Sula" / "6" / "- Alcaldía …"): each is one more than the bare number some lines before
    it, or one less than the one after."""
    bare = [(ln.index, int(ln.stripped)) for ln in lines if re.fullmatch(r"\d{1,3}", ln.stripped)]
    found = set()
    for (i, a), (j, b) in pairwise(bare):
        if b == a + 1 and j - i >= 10:
            found |= {i, j}
    return found if len(found) >= 3 else set()


def _beside_blank_or_furniture(lines: list[Line], index: int) -> bool:
    before = lines[index - 1] if index else None
    after = lines[index + 1] if index + 1 < len(lines) else None
    return before is None or after is None or before.blank or after.blank


def _runs_on(before: Line, after: Line) -> bool:
    """The text after a page break goes on with the sentence before it."""
    first = after.stripped[:1]
    if first.islower() and not is_bullet(after.text):
        return True
    if before.stripped.endswith(SENTENCE_END) or is_bullet(after.text) \
            or is_heading(after.text) or label_kind(after.stripped) not in (None, "title") \
            or is_sidebar_title(after.text) or re.match(r"\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÀ-Ý]",
                                                    after.stripped) \
            or (after.stripped.isupper() and len(after.stripped.split()) <= 4):
        return False  # the next page opens with a list, a heading, a numbered section or a
    # name in capitals ("PAIDEL" over its title)
    return not re.match(r"[—–-]\s*[A-ZÀ-Ý]", before.stripped)  # "— Amina K., …" signs a quote


# Words that carry a name on after its first word: "Municipalities of Cúcuta" is no label
NAME_GOES_ON = re.compile(r"(?i)(?:de la|de l['’]|del?|du|des|of|for|pour|para)\s")
SPACED_RUN = 3  # label lines within a few lines of each other that make a table of key facts


def mark_spaced_labels(lines: list[Line]) -> list[Line]:
    """Key facts printed as a two-column table whose text layer lost the column gap ("Start
    date October 2019", "Duration 42 months"): where three such lines stand together, the
    space after each label becomes a colon, so that they read as "Label: value" lines. The
    text keeps its length, and so its offsets."""
    lines = _join_wrapped_labels(lines)
    labels: dict[int, int] = {}  # line index -> the label's length (0 for a label alone)
    fielded: set[int] = set()  # "Location: …" lines of the same table that kept their colon
    for line in lines:
        if not line.blank and labelled_field(line.text) is not None:
            fielded.add(line.index)
        if line.blank or labelled_field(line.text) is not None \
                or heading_kind(line.text) not in (None, "sites"):
            continue  # "Link with migration" is a section's heading, not "Link: with …"
        stripped = line.text.lstrip()
        if label_kind(stripped) not in (None, "title") and len(stripped) <= 30:
            labels[line.index] = 0  # "Partners" over its values
            continue
        if stripped.isupper() and not re.search(r"[€$£%]|\d\s*(?:M|K|EUR|USD)\b", stripped):
            continue  # "TERRITOIRES SOLIDAIRES", "GRANTEE PROFILE 4 OF 5": no "Label: value"
        above = next((i for i in range(line.index - 1, max(line.index - 3, -1), -1)
                      if not lines[i].blank), None)
        if above is not None and labels.get(above) == 0:
            continue  # "Région Nouvelle-Aquitaine ; …" under "Partenaires": its value
        words = stripped.split(" ")
        for size in (3, 2, 1):
            label = " ".join(words[:size])
            kind = label_kind(label) or _either_label(label) or (
                "place" if SUBNATIONAL.fullmatch(label) else None)  # "Démarrage / durée"
            gap = len(words) > size + 1 and not words[size] and any(words[size + 1:])
            if len(words) > size and label[:1].isupper() and kind not in (None, "title") and (
                    gap or (words[size] and not NAME_GOES_ON.match(words[size] + " "))):
                labels[line.index] = len(label)
                break
    for index in [i for i, size in labels.items() if size]:  # "Ciudades Unidas" over its title
        before, after = lines[index - 1] if index else None, lines[index + 1:index + 2]
        if (before is None or before.blank) and after and not after[0].blank \
                and after[0].index not in labels and after[0].stripped[:1].isupper() \
                and len(lines[index].stripped.split()) <= 3:
            del labels[index]
    marked = list(lines)
    filled = [line.index for line in lines if not line.blank]
    position = {index: n for n, index in enumerate(filled)}
    for index, size in labels.items():
        line = lines[index]
        around = filled[max(0, position[index] - 6):position[index] + 7]  # non-blank lines
        spaced = sum(1 for i in around if i in labels)
        fields_around = sum(1 for i in around if i in fielded)
        if spaced < SPACED_RUN and (  # a run made up with "Location: …" lines around: only
                (spaced < 2 and (size or fields_around < SPACED_RUN))  # ("Socios" alone
                # among "Inicio: …" rows will do)
                or spaced + fields_around < SPACED_RUN + 1
                or not re.match(r"\s*[A-ZÀ-Ý\d]", line.text[len(line.text) - len(
                    line.text.lstrip()) + size:])):  # a value that begins as a name does
            continue
        if size:
            at = len(line.text) - len(line.text.lstrip()) + size
            marked[index] = Line(index, line.start, line.end,
                                 line.text[:at] + ":" + line.text[at + 1:])
            continue
        kind = label_kind(line.text)
        if kind == "funders" and BUDGET_LABEL.match(clean(line.text)):
            kind = "budget"  # "MONTANT" under the funders it gives the amounts of
        values = _list_paragraph(lines, index, labels)
        for value in values if kind in ("partners", "funders", "budget", "place") else []:
            marked[value.index] = Line(value.index, value.start, value.end, value.text, kind)
    return marked


def _join_wrapped_labels(lines: list[Line]) -> list[Line]:
    """A label wrapped in its narrow table column ("Implementing" over "agency Deutsche
    Gesellschaft …") is put back on one line, the value's; the line above goes blank. The
    line break becomes a space, so the text keeps its offsets."""
    joined = list(lines)
    for line, following in pairwise(lines):
        head, words = line.stripped, following.text.split(" ")
        if not head[:1].isupper() or len(head.split()) > 2 or line.text != head \
                or not words[0][:1].islower():
            continue
        for size in (2, 1):
            label = " ".join([head, *words[:size]])
            if len(words) >= size and label_kind(label) not in (None, "title"):
                joined[line.index] = Line(line.index, line.start, line.start, "")
                joined[following.index] = Line(following.index, line.start, following.end,
                                               head + " " + following.text)
                break  # ("Bailleurs et" over "montants", a label alone, its values below)
    return joined


ORGANISATION_ABBREVIATION = re.compile(r"(?i)\b(?:ltda|ltd|inc|corp|cía|s\.\s?a|s\.\s?l|"
                                       r"a\.\s?c|e\.\s?v|s\.\s?a\.\s?s|coop)\.$")


def _list_paragraph(lines: list[Line], label: int, labels: dict[int, int]) -> list[Line]:
    """The lines of the paragraph under a list label alone on its line, when they read as a
    list (names separated by semicolons, or amounts) rather than a sentence."""
    n = label + 1
    if n < len(lines) and lines[n].blank:
        n += 1
    paragraph = []
    while n < len(lines) and not lines[n].blank and n not in labels \
            and labelled_field(lines[n].text) is None and not BULLET.match(lines[n].text):
        paragraph.append(lines[n])
        n += 1
    text = " ".join(line.stripped for line in paragraph)
    names = len(paragraph) >= 2 and not any(
        line.stripped.endswith((".", ":")) and not ORGANISATION_ABBREVIATION.search(line.stripped)
        for line in paragraph)  # one name per line ("Cooperativa … Sumak Kawsay Ltda." too)
    if not text or text.endswith(".") or not (";" in text or re.search(r"\d", text) or names):
        return []
    return paragraph
