"""Finds programme fiches in a report's text and extracts their fields with character spans.

The genre: a fiche opens with a short-name line and a title line, then sections under headings
(objectives, main features, nexus, challenges, good practices, COVID-19, project site) in
English, French or Spanish; the cells of the original layout's narrow column (funders and
amounts, start and duration, places, partners) stand between the sections as runs of short
lines. Everything here is plain Python over the text, so it runs the same in a test, the
command line, the upload page and the evaluation harness.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from observatory.text import normalize

from . import lexicon as lx
from .dates import StartDuration, find_start_duration, spelled_numbers
from .geo import find_countries, find_world_regions
from .indicators import find_indicators
from .layout import (
    BUDGET_LABEL,
    BULLET,
    CLOSE_QUOTES,
    GENERIC_LEAD,
    GENERIC_TAIL,
    LABELLED,
    NAME_GOES_ON,
    OPEN_QUOTES,
    ORDINAL_QUALIFIER,
    ORDINAL_WORDS,
    SENTENCE_END,
    SIDEBAR_MAX,
    TABLE_ROW,
    TABLE_RULE,
    URL,
    Block,
    Line,
    blocks_of,
    clean,
    drop_page_furniture,
    is_bullet,
    is_sidebar_title,
    is_table_furniture,
    is_url_line,
    label_alone,
    label_kind,
    labelled_field,
    looks_like_sidebar,
    mark_spaced_labels,
    split_lines,
    word_count,
)
from .money import find_money
from .prose import EXTENSION, extension_terms, organisation_names, prose_facts

SINGLE_FIELDS = ("key", "title", "objectives", "expected_results", "main_features", "nexus",
                 "testimony", "start", "duration_months")
LIST_FIELDS = ("challenges", "good_practices", "covid_adaptations", "sites", "funders",
               "countries", "places", "partners", "indicators")
STATEMENT_SECTIONS = {lx.CHALLENGES: "challenges", lx.GOOD_PRACTICES: "good_practices",
                      lx.COVID: "covid_adaptations", lx.LESSONS: "good_practices"}
TEXT_SECTIONS = {lx.OBJECTIVES: "objectives", lx.EXPECTED_RESULTS: "expected_results",
                 lx.MAIN_FEATURES: "main_features", lx.NEXUS: "nexus"}
HEADER_WINDOW = 40  # lines looked at above a fiche's first heading for its name and title
STRONG_HEADER = 8  # a header this clear starts a new fiche even without a repeated section
CONNECTORS = {"of", "and", "for", "the", "in", "on", "to", "de", "du", "des", "la", "le", "les",
              "et", "pour", "en", "y", "del", "para", "por", "&", "-", "–", "a", "with", "à",
              "au", "aux", "dans", "sur", "entre", "between", "from", "by", "par", "con", "al",
              "los", "las", "el"}
PLACE_SEPARATORS = re.compile(r"\s*(?:,|;|&|/|\s:\s|\band\b|\bet\b|\by\b|\be\b)"
                              r"(?:\s*(?:de|d['’]|du|del)(?=\s*(?-i:[A-ZÀ-Ý])))?\s*",
                              re.IGNORECASE)  # "de Matam et de Kanel"
FUNDER_SEPARATORS = re.compile(r"\s+(?:&|\+|and|et|y|—)\s+|\s*[;&+]\s*|,\s+(?=[A-Z])|"
                               r"(?<=\))\s+(?=[A-ZÀ-Ý])|,?\s+(?:co-?financed|co-?funded|"
                               r"cofinanc[ée]e?|cofinanciad[oa]) (?:with|by|avec|par|con|por)\s+")
REGION_QUALIFIER = re.compile(r"\b(?:Central|Western|Eastern|Northern|Southern|West|East|"
                              r"North|South|Greater|Upper|Lower)\s+$")
ANNEX_LINE = re.compile(r"(?i)^(annex(es|e)?|anexos?|appendix|appendices|ap[ée]ndices?)\b"
                        r"[\s\d.:–—-]*[A-Z0-9]*\b.{0,80}$")
# Lower-case generic words only: "Tillabéri region" but not "Región de Murcia".
_AREA_WORDS = (r"region|r[ée]gion|regi[oó]n|province|provincia|district|distrito|department|"
               r"d[ée]partement|departamento|wilaya|commune|municipality|gouvernorat|governorate|"
               r"cercle|cant[oó]n|comuna")
PLACE_GENERIC = re.compile(  # "Departamentos de Intibucá"; not "Región de Murcia"
    rf"^(?:(?:the |la |le |les |el |los |las )?(?:{_AREA_WORDS})s? |(?i:(?:{_AREA_WORDS})s|"
    r"regiones|municipalities) )(?:of |de |d'|du |del )?|\s+(?:regions?|r[ée]gions?|"
    r"regi[oó]n(?:es)?|provinces?|provincias?|districts?|departments?|d[ée]partements?|"
    r"wilayas?|municipalit(?:y|ies)|States|states|counties|Counties|governorates|Governorates)$")
TITLE_AREA = re.compile(r"\b(?:provinc(?:e|ia)|r[ée]gion|regi[oó]n|department|d[ée]partement|"
                        r"departamento|district|distrito|county|wilaya|cant[oó]n|governorate|"
                        r"gouvernorat)\s+(?:of|de|del|du|d['’])\s*(?:la |le |el |the )?"
                        r"(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+(?:du |de |del )?[A-ZÀ-Ý][\w'’-]+){0,2})")
MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\((https?://[^)\s]+)\)")
ORGANISATION_TAILS = {"council", "administration", "organisation", "organization", "institute",
                      "agency", "service", "services", "office", "association", "committee",
                      "commission", "centre", "center", "foundation", "network", "authority",
                      "department", "unit", "secretariat", "union", "federation", "bank", "fund",
                      "assembly", "assemblies", "initiative", "alliance", "development",
                      "conseil", "agence", "comité", "fondation", "réseau", "consejo", "agencia",
                      "fundación", "red", "ministerio", "ministère", "municipality", "region"}
IN_KIND = re.compile(r"(?i)\s*(?:[:–—-]\s*|\(\s*)?(?:in[- ]kind|(?:contribuci[oó]n |aportes? )?"
                     r"en especie|(?:contribution |apports? )?en nature)\b.*$")
IN_KIND_FROM = re.compile(  # "aporte en especie del Instituto del Café (ICAFE)": the giver
    r"(?i)^\s*(?:in[- ]kind (?:contribution|support) (?:from|of|by)(?: the)?|(?:contribuci[oó]n|"
    r"aportes?|apports?|contribution) en (?:especie|nature) (?:del|de la|de los|de l['’]|du|"
    r"de|des|por parte de)|(?:contribution|apport) (?:en nature )?(?:de la|de l['’]|du|des))"
    r"\s*")
NOT_APPLICABLE = re.compile(  # a section that says it has nothing to say
    r"(?i)^(?:(?:no aplica|n/?a|not applicable|sans objet|non applicable|ninguna?|none|aucune?|"
    r"n[ée]ant|nothing to report|rien [àa] signaler|nada que (?:reportar|se[ñn]alar)|"
    r"non (?:transmis|communiqu[ée]|disponible)|no (?:disponible|comunicado)|not available|"
    r"not provided)\b"
    r"(?:\W*$|\s*[(:.,;–-].*$)|(?:too early to (?:say|tell|report)|(?:il est )?(?:encore )?"
    r"trop t[ôo]t|(?:es )?(?:todav[ií]a |a[uú]n )?(?:demasiado )?pronto para|it is (?:still )?too "
    r"early|no (?:testimony|testimonio|quote) (?:was|has been|fue)|aucun t[ée]moignage)\b.*)")
IMPLEMENTED_BY = re.compile(r"(?i),?\s*\(?(?:mise? en (?:œ|oe)uvre|implemented|ejecutad[oa]|"
                            r"implementad[oa]|executed) (?:par|by|por)\b[^;()]*\)?$")
FUNDER_FILLER = re.compile(r"^(?:funded by|financed by|from|by|de la|de l'|du|de|par|por|"
                           r"(?:phase|fase|tranche) \w+\s*:)\s+", re.IGNORECASE)


@dataclass
class Field:
    name: str
    value: Any
    start: int
    end: int


@dataclass
class Fiche:
    key: str
    title: str
    start: int
    end: int
    fields: list[Field] = field(default_factory=list)

    def add(self, name: str, value: Any, start: int, end: int) -> None:
        if value in (None, "", []):
            return
        self.fields.append(Field(name, value, start, end))

    def values(self, name: str) -> list[Any]:
        return [f.value for f in self.fields if f.name == name]

    def value(self, name: str) -> Any:
        values = self.values(name)
        return values[0] if values else None

    def as_dict(self) -> dict[str, Any]:
        """In the ground-truth format of docs/ingest-ground-truth.md."""
        data: dict[str, Any] = {name: self.value(name) for name in SINGLE_FIELDS}
        data.update({name: self.values(name) for name in LIST_FIELDS})
        return data


# -- finding the fiches -------------------------------------------------------------------

def clear_line_caches() -> None:
    """Forget the per-line classifications cached across documents (for benchmarks that time
    a document more than once)."""
    for cached in (lx.heading_kind, lx.report_section, lx.aside_heading, clean, label_kind,
                   labelled_field, label_alone):
        cached.cache_clear()


def extract_fiches(text: str) -> list[Fiche]:
    lines = _without_code_blocks(mark_spaced_labels(drop_page_furniture(split_lines(text))))
    lines = [Line(ln.index, ln.start, ln.start, "") if SLIDE_MARKER.match(ln.text) else ln
             for ln in lines]  # "=== Slide 11 ===" in a deck saved as text: a page break
    lines = [_without_anchor(ln) for ln in lines]
    template = _listed_headings(lines)  # "* Expected results" / "* What worked" / …
    chapters = _contents(lines)
    contents = chapters | template
    kinds = [None if line.blank or FICHE_ORDINAL.match(clean(line.text))  # "GOOD PRACTICE 1"
             or _ends_a_sentence(lines, line) or _bullet_goes_on(lines, line)
             or line.index in contents or line.text.count("\t") >= 2  # a table's row
             else lx.heading_kind(line.text) or _run_in_kind(line.text)
             or _lead_in_kind(lines, line) for line in lines]
    markers = _markers(lines, kinds)
    groups = _heading_groups(lines, kinds, markers)
    headers = []
    for n, group in enumerate(groups):
        previous = max((i for i, _k in groups[n - 1] if not _inline_site(lines[i])),
                       default=-1) if n else -1
        marker = max((m for m in markers if previous < m < group[0][0]), default=None)
        headers.append(_marker_header(lines, kinds, (marker, markers[marker])) if marker is not None
                       else _find_header(lines, kinds, group[0][0], previous))
    for header in headers:
        header.first_line = _ordinal_above(lines, header.first_line)
        _wrapped_title(lines, kinds, header)
    for n in range(1, len(groups)):  # a "Website: …" line below the next fiche's header
        moved = [h for h in groups[n - 1] if h[0] >= headers[n].first_line]
        if moved and headers[n].key_line is not None and len(moved) < len(groups[n - 1]):
            groups[n - 1] = [h for h in groups[n - 1] if h[0] < headers[n].first_line]
            groups[n] = moved + groups[n]
    _named_by_its_text(lines, kinds, groups, headers)
    fiches = []
    kept = [n for n, header in enumerate(headers) if (header.key or header.title) and not (
        _prose(header.title) and not _keyish(header.key))  # else section names in an
        and not _blank_template(lines, groups[n])]  # introduction or a paragraph's lead-ins:
    # no fiche
    following = _next_report_number(lines, kinds, headers[kept[0]].first_line) if kept else None
    for n, (group, header) in enumerate(zip(groups, headers, strict=True)):
        if n not in kept:
            continue
        end_line = headers[n + 1].first_line if n + 1 < len(groups) else len(lines)
        own = _markdown_level(lines[header.first_line])
        higher = next((i for i, _k in group[1:] if (own and 0 < _markdown_level(lines[i]) < own)
                       or (following is not None and re.match(
                           following, lines[i].stripped.strip("*_# ")))),
                      None)  # "# 3. Enseignements transversaux" after "## Fiche 4"
        if higher is not None:
            group = [(i, k) for i, k in group if i < higher]
            end_line = higher
        last = next((i for i, k in reversed(group) if k != lx.SITES), group[-1][0])
        annex = next((ln.index for ln in lines[last + 1:end_line]
                      if ANNEX_LINE.match(clean(ln.text)) or ln.index in template
                      or (ln.index in chapters and _opens_paragraph(lines, ln))
                      or _report_heading(lines, ln, lines[header.first_line],
                                         lines[group[-1][0]])
                      or (following is not None and _opens_paragraph(lines, ln)
                          and re.match(following, ln.stripped.strip("*_ ")))), None)
        if annex is None and n == kept[-1] and len(kept) >= 2 and all(
                _ruled_above(lines, headers[m].first_line) for m in kept[1:]):
            annex = next((ln.index for ln in lines[last + 1:end_line] if RULE.match(ln.text)),
                         None)  # the rule that parts the fiches ends the last one too
        if annex is not None:  # "Más información: contacto@…" on the report's back cover
            group = [(i, k) for i, k in group if i < annex]
        fiches.append(_extract_fiche(lines, group, header, annex or end_line))
    return fiches


SHORT_NAME = r"(?:short name|acronym|nombre corto|siglas?|acr[oó]nimo|acronyme|nom court|sigle)"
SHORT_NAME_ROW = re.compile(rf"(?i)^{SHORT_NAME}(?:\s*/\s*{SHORT_NAME})?\s*(?::\s*|\t+)")
NAME_TOKEN = re.compile(r"(?<![\w+-])[A-ZÀ-Ý0-9][\w+]*(?:[-–][\w+]+)*\+?(?![\w-])")


def _named_by_its_text(lines: list[Line], kinds: list[str | None],
                       groups: list[list[tuple[int, str]]], headers: list[_Header]) -> None:
    """A head of a shape no rule knows. A short-name row in its key facts names the fiche; else,
    where a fiche's head has no name, or the same "name" heads several fiches (a template's
    label, "Ficha del componente"), the fiche's name is the short name written above its first
    heading that its own text keeps repeating, and the other fiches' texts do not."""
    names = [h.key.lower() for h in headers if h.key]
    ends = [h.first_line for h in headers[1:]] + [len(lines)] if headers else []
    bodies = [" ".join(ln.text for ln in lines[g[0][0]:end])
              for g, end in zip(groups, ends, strict=True)]
    for n, (group, header) in enumerate(zip(groups, headers, strict=True)):
        first, body, key = group[0][0], bodies[n], header.key
        if _prose(header.title):
            continue  # an introduction's paragraph (no fiche)
        previous = max((i for i, _k in groups[n - 1] if not _inline_site(lines[i])),
                       default=-1) if n else -1  # not the "Sitio web" row of its own facts
        start = max(previous + 1, first - HEADER_WINDOW)
        if _named_in_a_short_name_row(lines[start:first], header):
            continue
        if key and names.count(key.lower()) == 1 and _keyish(key) \
                and re.match(r"[\w¿¡«\"“]", key):
            continue  # a clear name
        head_lines = {ln.index for ln in (header.key_line, header.title_line) if ln is not None}
        best: tuple[bool, int, str, Line] | None = None  # a name on the line read as the head
        for line in lines[start:first]:  # first, then the name the text repeats most
            if line.blank or line.stripped.startswith("|") or _sidebar_label_line(line.text) \
                    or ("\t" in line.text and line.index not in head_lines):  # a table's row
                continue
            for match in NAME_TOKEN.finditer(clean(line.text)):
                token = match.group(0)
                if re.match(r"\s*\)", clean(line.text)[match.end():]):
                    continue  # "Instituto Técnico … (INTECAP)": an organisation
                if len(token) < 3 or not _strong_key(token) or token.isdigit() \
                        or token.lower() in names or _only_countries(token) or find_money(token):
                    continue
                own = _mentions(body, token)
                other = max((_mentions(b, token) for m, b in enumerate(bodies) if m != n),
                            default=0)
                on_head = line.index in head_lines
                if own >= 2 - on_head and own > other and own > _mentions(body, key) \
                        and (best is None or (on_head, own) > best[:2]):
                    best = (on_head, own, token, line)
        if best is None:
            continue
        _, _, token, line = best
        header.key, header.key_line = token, _part_of(line, token)
        rest = clean(line.text).replace(token, " ")
        numbered = after_ordinal(rest)  # "Learning Brief 1 –": a number, no title
        rest = re.sub(r"\([^()]*\)", " ", rest if numbered is None else numbered)
        rest = re.sub(r"^[\W\d_]+|[\W_]+$", "", rest).strip()
        below = next((ln for ln in lines[line.index + 1:first] if not ln.blank), None)
        if _titleish(rest) and not _names_a_place(rest):
            header.title, header.title_line = rest, _part_of(line, rest)
        elif below is not None and kinds[below.index] is None \
                and not re.search(r"[\t|]", below.text) and not _sidebar_label_line(below.text) \
                and _titleish(_title_text(below.text)):
            header.title, header.title_line = _title_text(below.text), below
        else:
            header.title, header.title_line = "", None
        header.first_line = min(header.first_line, line.index)


def _named_in_a_short_name_row(window: list[Line], header: _Header) -> bool:
    """A short-name row in the key facts ("Siglas / nombre corto<TAB>VEMAR") names the fiche,
    whatever its head says; the title then comes from a title row (see _named_in_facts). So
    does a name row with the key and the title ("Nom du projet (et acronyme) : KAWRAL – …")."""
    short = next((ln for ln in window if _short_name(ln)), None)
    named = next((ln for ln in window if _name_row(ln)), None) if short is None else None
    if named is not None:
        key, title = _name_row(named) or ("", "")
        header.key, header.key_line = key, _part_of(named, key)
        header.title, header.title_line = title, _part_of(named, title)
        header.first_line = min(header.first_line, named.index)
        return True
    if short is None:
        return False
    name = _short_name(short)
    if name.lower() != header.key.lower():
        headless = header.key_line is None or not header.key
        header.key, header.key_line = name, _part_of(short, name)
        top = short.index  # up to the first row of its facts
        while top - 1 >= window[0].index and not window[top - 1 - window[0].index].blank:
            top -= 1
        if headless:  # no head was found: the fiche starts at its facts
            header.first_line = min(header.first_line, top)
            header.last_line = min(header.last_line, top - 1)
        if any(TITLE_LABEL.match(ln.stripped) or TITLE_LABEL.match(clean(ln.text))
               for ln in window):
            header.title, header.title_line = "", None
    return True


def _name_row(line: Line) -> tuple[str, str] | None:
    """(key, title) of a row that names the programme with both: "Nom du projet (et
    acronyme) : KAWRAL – Initiatives économiques …", "Project name: CLIMB – …"."""
    text = re.sub(r"^([^:(\t]{3,40}?)\s*\([^()]{1,30}\)\s*(?=:)", r"\1", line.stripped)
    label = TITLE_LABEL.match(text) or KEY_LABEL.match(text)
    pair = re.match(r"^(.{2,40}?)\s+[–—-]\s+(.{8,})$", clean(text[label.end():])) \
        if label else None  # not "«Orígenes»: ciclo de …", a title in two parts
    if pair and _keyish(pair.group(1)) and len(pair.group(1).split()) <= 3:
        return pair.group(1), pair.group(2)
    return None


def _short_name(line: Line) -> str:
    """The value of a short-name row: "Siglas / nombre corto<TAB>VEMAR", "- **Nombre corto:**
    CAMI"."""
    for text in (line.stripped, line.stripped.strip("-*• ").replace("**", "")):
        if SHORT_NAME_ROW.match(text) and _keyish(clean(SHORT_NAME_ROW.sub("", text))):
            return clean(SHORT_NAME_ROW.sub("", text))
    return ""


def _mentions(text: str, name: str) -> int:
    return 0 if not name else len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))


SLIDE_MARKER = re.compile(r"(?i)^\s*[=#*-]{2,}\s*(?:slide|diapositive|diapositiva|diapo)\s*"
                          r"\d{1,3}\s*[=#*-]{2,}\s*$")


HEADING_ANCHOR = re.compile(r"\s*\{#[\w.-]+\}\s*$")


def _without_anchor(line: Line) -> Line:
    """A Markdown heading without its anchor: "## MAISHA — Migrant Access … {#maisha}"."""
    anchor = HEADING_ANCHOR.search(line.text) if line.text.lstrip().startswith("#") else None
    if anchor is None:
        return line
    return Line(line.index, line.start, line.start + anchor.start(), line.text[:anchor.start()])


def _without_code_blocks(lines: list[Line]) -> list[Line]:
    """Markdown's fenced blocks left blank: a README's empty fiche template ("```" /
    "### <City> – <ACRONYM>" / …) is code to copy, not a fiche."""
    kept, fenced = [], False
    for line in lines:
        fence = line.stripped.startswith(("```", "~~~"))
        kept.append(Line(line.index, line.start, line.start, "") if fenced or fence else line)
        fenced = fenced != fence
    return kept if not fenced else lines  # an unclosed fence is no block


def _listed_headings(lines: list[Line]) -> set[int]:
    """Bullets that are section headings, three or more in a row ("* Expected results" /
    "* What the programme did" / …): a report describing its template, not a fiche."""
    run: list[int] = []
    found: set[int] = set()
    for line in [*lines, Line(len(lines), 0, 0, "")]:
        if not line.blank and is_bullet(line.text) and lx.heading_kind(
                BULLET.sub("", line.text)) is not None:
            run.append(line.index)
            continue
        if len(run) >= 3:
            found.update(run)
        run = []
    return found


CONTENTS = re.compile(r"(?i)^\W*(?:(?:table of )?contents|sommaire|table des mati[eè]res|"
                      r"[ií]ndice|contenidos?|tabla de contenidos?)\W*$")


def _contents(lines: list[Line]) -> set[int]:
    """The lines of a table of contents (the short lines right under "Contents", up to the
    first blank line) and the chapter headings they name: "2. What we learned in 2022" is
    the report's chapter, not a fiche's section, both there and where the chapter begins."""
    found: set[int] = set()
    for line in lines:
        if line.blank or not CONTENTS.match(clean(line.text)):
            continue
        below = itertools.dropwhile(lambda ln: ln.blank, lines[line.index + 1:])
        after_gap = False
        for entry in below:
            if entry.blank:
                after_gap = True
                continue
            if word_count(entry.stripped) > 14 or entry.stripped.endswith((".", ";", ":")) \
                    or (after_gap and not TOC_LINE.search(entry.text)):
                break  # past a blank line, only a line with its page number goes on the list
            found.add(entry.index)  # (a Word document's lines are paragraphs apart)
            after_gap = False
    named = {re.sub(r"\s+\d{1,3}$", "", clean(TOC_LINE.sub("", lines[i].text)))
             for i in found}  # "Sensibilización e incidencia 16"
    return found | {line.index for line in lines if not line.blank and clean(line.text) in named}


# Minutes tell a fiche's sections in paragraphs that open with what they are about: "Parmi
# les difficultés, il cite …", "Comme bonne pratique, il retient …", "Concernant la COVID-19".
REPORTED = r"(?:[\w.’'-]+ ){1,4}(?:que|that) "  # "Explica que …", "She explained that …"
LEAD_INS = {kind: re.compile(rf"(?i)^(?:{pattern})\b") for kind, pattern in {
    lx.OBJECTIVES: rf"(?:{REPORTED})?(?:l['’]objectif (?:général |principal )?(?:du projet|du "
                   r"programme|de l['’]initiative) est|the (?:main |overall )?(?:aim|objective) "
                   r"of the (?:project|programme) is|el objetivo (?:general |principal )?del "
                   r"(?:proyecto|programa) es)",
    lx.EXPECTED_RESULTS: r"(?:parmi|entre) (?:les|los) (?:résultats attendus|resultados "
                         r"esperados)|among the expected results|(?:les résultats attendus "
                         r"sont|los resultados esperados son|the expected results are)",
    lx.MAIN_FEATURES: r"(?:en cuanto a|respecto a|sobre) (?:los avances|las actividades|los "
                      r"logros)|(?:concernant|quant aux|s['’]agissant des) (?:avancées|"
                      r"réalisations|activités)|(?:as for|as regards|regarding|on) (?:the )?"
                      r"(?:progress|achievements|activities)",
    lx.NEXUS: r"(?:sobre|en cuanto a) el vínculo entre (?:la )?migración y (?:el )?desarrollo|"
              r"(?:sur|concernant) le lien entre (?:la )?migration et (?:le )?développement|"
              r"(?:on|as regards|regarding) the (?:link|nexus) between migration and development",
    lx.CHALLENGES: r"parmi les (?:principales )?difficultés|among the (?:main )?(?:challenges|"
                   r"difficulties)|entre las (?:principales )?dificultades|como dificultades|"
                   r"comme difficultés|as (?:main )?challenges",
    lx.GOOD_PRACTICES: r"comme (?:bonne pratique|bonnes pratiques|leçon)|as (?:a )?good "
                       r"practices?|como (?:buena práctica|buenas prácticas|lección)|"
                       r"(?:entre|parmi) (?:las|les) (?:buenas prácticas|bonnes pratiques)|"
                       r"among the good practices",
    lx.COVID: r"(?:concernant|s['’]agissant de|quant à) la covid|(?:as regards|regarding|as "
              r"for) (?:the )?covid|(?:en cuanto a|respecto a|con respecto a) la covid",
}.items()}


def _lead_in_kind(lines: list[Line], line: Line) -> str | None:
    """The section a paragraph of minutes is about, told by the words that open it."""
    if not _break(lines[line.index - 1] if line.index else None):
        return None  # a sentence inside a paragraph
    return next((kind for kind, lead in LEAD_INS.items() if lead.match(line.stripped)), None)


def _bullet_goes_on(lines: list[Line], line: Line) -> bool:
    """A bullet whose sentence goes on below it ("- COVID-19 travel restrictions froze most
    visits" / "and delayed the fund"): an item of a list, not a heading."""
    after = lines[line.index + 1] if line.index + 1 < len(lines) else None
    return is_bullet(line.text) and after is not None and after.stripped[:1].islower()


def _ends_a_sentence(lines: list[Line], line: Line) -> bool:
    """A line in lower case under one that goes on: the end of a wrapped sentence ("… la
    mayoría de sus" / "metas:"), not a heading."""
    before = lines[line.index - 1] if line.index else None
    return line.stripped[:1].islower() and before is not None and not before.blank \
        and not before.stripped.endswith((".", ":", "!", "?", ";"))


def _prose(title: str) -> bool:
    """A "title" that is a paragraph's lines: a sentence ended, or cut after "de"."""
    words = title.split()
    return bool(words) and (title.endswith((".", ",", ";")) or len(words) > 24
                            or words[-1] in CONNECTORS)


RULE = re.compile(r"^\s*(?:[-=_*]\s*){3,}$")
NUMBERED_HEADING = re.compile(r"^(\d{1,2})(?:[.)]\s+|\s{2,}|\s(?=[A-ZÀ-Ý][a-zà-ÿ]))"
                              r"[A-ZÀ-Ý][^.;:]{2,70}$")  # "3. Profiles", "3  Programme fiches"


def _next_report_number(lines: list[Line], kinds: list[str | None], first: int) -> str | None:
    """A pattern for the report's next numbered heading ("4. Cross-cutting lessons") when the
    fiches sit under a numbered one ("3. Programme profiles"): that heading ends the last
    fiche whatever it is called."""
    for line in reversed(lines[:first]):
        match = NUMBERED_HEADING.match(line.stripped.strip("*_ "))
        if match and kinds[line.index] is None and _opens_paragraph(lines, line):
            return rf"^{int(match.group(1)) + 1}(?:[.)]\s+|\s+)[A-ZÀ-Ý][^.;:]{{2,70}}$"
    return None


def _blank_template(lines: list[Line], group: list[tuple[int, str]]) -> bool:
    """The template a moderator posts for others to fill in: headings one under the other
    ("Objectifs :", "Résultats attendus :", …) with nothing written under any of them."""
    headings = {index for index, _kind in group}
    if len(headings) < 4 or not all(re.fullmatch(r"[^:\t]{2,80}:?", lines[i].stripped)
                                    for i in headings):
        return False  # not a table's rows, "Objective(s)<TAB>To increase …"
    between = lines[min(headings):max(headings) + 1]
    return not any(ln.index not in headings and not ln.blank
                   and not re.fullmatch(r"[^:]{2,60}:", ln.stripped) for ln in between)


def _over_listed(lines: list[Line], index: int) -> bool:
    """The line is a label alone over its listed values ("Socios" over the partners' names),
    maybe with a blank line between."""
    below = next((ln for ln in lines[index + 1:index + 3] if not ln.blank), None)
    return below is not None and bool(below.listed)


def _ruled_above(lines: list[Line], index: int) -> bool:
    """A rule ("________", "-----") stands above the line, over blank lines only."""
    above = next((ln for ln in reversed(lines[max(0, index - 4):index]) if not ln.blank), None)
    return above is not None and RULE.match(above.text) is not None


def _markdown_level(line: Line) -> int:
    return len(line.stripped) - len(line.stripped.lstrip("#"))


def _report_heading(lines: list[Line], line: Line, fiche_first: Line, last_section: Line
                    ) -> bool:
    """A heading of the report itself after a fiche's last section, which ends the fiche: a
    markdown heading of a higher level than the fiche's own ("## 4. Recommendations" after
    "### Fiche 3"), any markdown heading after a fiche that has none, or a line in capitals
    standing alone after a wide gap or a rule."""
    level, own = _markdown_level(line), _markdown_level(fiche_first)
    if level and not own and not last_section.stripped.startswith("#") \
            and lx.heading_kind(line.text) is None:
        return True  # "# 4. What the programmes tell us" after fiches written as tables
    if lx.report_section(line.text) and (level or _opens_paragraph(lines, line)
                                         or re.match(r"\d{1,2}(\.\d+)*[.)]?\s", line.stripped)
                                         or _after_page_break(lines, line)):
        return True
    if level:  # "## Cross-portfolio reflections" after "## 4. STAR — …": the fiches' level
        return own > 0 and level <= own
    text = clean(line.text)
    if not _alone(lines, line) or text.upper() != text or not re.search(r"[A-ZÀ-Ý]{4}", text):
        return False
    if lx.heading_kind(line.text) or label_alone(line.text) or is_sidebar_title(line.text) \
            or _sidebar_label_line(line.text):
        return False
    above = [ln for ln in lines[max(0, line.index - 4):line.index]]
    blanks = 0
    for earlier in reversed(above):
        if not earlier.blank:
            return bool(RULE.match(earlier.text)) or blanks >= 2
        blanks += 1
    return blanks >= 2


OF_ALL = r"(?:\s*(?:/|of|sur|de)\s*\d{1,2}\b)?"  # "PROJECT PROFILE 1/5", "Fiche 2 sur 6"
FLAGSHIP = r"(?:\s+(?:emblem[aá]tic[oa]s?|phares?|flagship|destacad[oa]s?))?"  # "PROGRAMA
# EMBLEMÁTICO 2 DE 4"
FICHE_ORDINAL = re.compile(
    rf"(?i)^{ORDINAL_QUALIFIER}(?:{ORDINAL_WORDS}){FLAGSHIP}\s*"
    r"(?:n[°ºo]?\.?\s*)?(?:\d{1,2}|[IVX]{1,4})\b(?!\.\d)" + OF_ALL + r"(?:\s*[(:–—|-].{0,60})?$")
ORDINAL_PREFIX = re.compile(
    rf"(?i)^(?:\d{{1,2}}(?:\.\d{{1,2}})*\.?\s+)?{ORDINAL_QUALIFIER}(?:{ORDINAL_WORDS}){FLAGSHIP}\s*"
    r"(?:n[°ºo]?\.?\s*)?(?:\d{1,2}|[IVX]{1,4})\b(?!\.\d)" + OF_ALL
    + r"\s*[.:–—|-]?\s*(?P<rest>.*)$")  # (not "Box 4.1", a report's numbered box)
SHEET_LINE = re.compile(r"(?i)^(?:fiches?[ -](?:projets?|programmes?|d['’]exp[ée]rience)|"
                        r"fichas? (?:de|del) (?:proyectos?|programas?|experiencias?)|"
                        r"(?:project|programme) (?:fact ?)?sheets?)"
                        r"\s*(?:[–—|:·-]\s*(?P<rest>.+))?$")
KEY_AND_TITLE = re.compile(r"^(.{2,40}?)(?:\s+[–—:|·-]|\s*:|\.)\s+(.{8,})$")  # "KEY. Title",
# "KEY · Title" too


def after_ordinal(text: str) -> str | None:
    """What follows a fiche's number on its line ("Project 2 - KEY: Title" -> "KEY: Title",
    "EXPERIENCIA 3" -> ""), or None when the line does not begin with one; a note in
    parentheses ("Project 3 (presented in English)") counts as nothing."""
    text = re.sub(r"^[\[(]?\d{1,2}[h:.]\d{2}[\])]?\s+", "", text)  # "[10h12] PRÉSENTATION 1"
    match = ORDINAL_PREFIX.match(re.sub(r"^[-=*–—]{2,}\s*|\s*[-=*–—]{2,}$", "", text))
    if not match:  # (the rule of dashes around "--- PROJECT SNAPSHOT 1: ARISE (Arua) ---")
        sheet = SHEET_LINE.match(text)  # "FICHE PROJET – TUNISIE": a fiche's number, unnumbered
        return "" if sheet and (not sheet.group("rest") or _only_countries(sheet.group("rest"))) \
            else None
    rest = match.group("rest").strip()
    rest = re.sub(r"^\([^()]{2,40}\)\s*(?=[:–—-])", "", rest)  # "Componente 1 (Guatemala): KEY"
    rest = re.sub(r"(?i)^[/|:–—·•-]\s*(?:(?:programme|project|projet|proyecto|programa)\b\s*)?",
                  "", rest).strip()
    if rest and lx.heading_kind(rest.strip(". ")) not in (None, lx.SITES):
        return None  # "Recuadro 1. Testimonio", "Box 2: Lessons": a box of the fiche's own;
    # not "Ficha 4 · ENLACES", a programme named "links"
    place = re.fullmatch(r"[^,:;()]{2,40},\s*(?P<country>[^,:;()]{3,40})", rest)
    if place and _only_countries(place.group("country")):
        return ""  # "PRACTICE 1 · KUMASI, GHANA": where, not which
    if re.fullmatch(rf"(?i)(?:{ORDINAL_WORDS})", rest) or _only_countries(rest):
        return ""  # "BOX 2 | CASE STUDY", "CASE STUDY 1 | NEPAL": what kind, where, not which
    return "" if rest.startswith("(") else rest


# a contents line's page number after dot leaders, a gap or a tab (Word's plain-text export)
TOC_LINE = re.compile(r"(?:\.{3,}|…{2,}|\s{3,}|\t)\s*(?:page|p\.|p[aá]gina)?\s*\d{1,3}\s*$",
                      re.IGNORECASE)


def _ordinal_line(text: str) -> bool:
    """"PROFILE 2", "Project 3 (presented in English)", or a long "PRATIQUE N°1 — JOKKO :
    Title …" whose name and title follow the number; not a sentence that starts with one."""
    rest = after_ordinal(text)
    if rest is None or TOC_LINE.search(text):
        return False  # not "Grantee profile 5 — NOUR (Morocco) ..... page 6" in the contents
    return word_count(text) <= 12 or _parenthesised_key(rest) is not None \
        or _key_and_title(rest) is not None


def _ordinal_band(text: str) -> bool:
    """A page's band of which one part is a fiche's number: "3. GRANT SUMMARIES | GRANT 1 OF
    5 | REF. ALF-ML-2019-03"."""
    parts = [clean(part) for part in re.split(r"\s+[|·]\s+", text.strip())]
    return len(parts) >= 2 and any(part and after_ordinal(part) == "" for part in parts[1:])


def _in_ordinal_list(lines: list[Line], line: Line) -> bool:
    """A line of a list of the fiches to come ("Fiche 4 – PEAD (Sénégal)" over "Fiche 5 –
    FINDIASPO (Mauritanie)"): a line right above or below it is the fiche number before or
    after; not "Ficha 1. RETORNA" under the list's "Ficha 4 – …", where the numbers start
    again."""
    number = re.search(r"\d{1,2}", line.text)
    for n, step in ((line.index - 1, -1), (line.index + 1, 1)):
        other = re.search(r"\d{1,2}", lines[n].text) if 0 <= n < len(lines) else None
        if number and other and int(other.group()) == int(number.group()) + step \
                and _ordinal_line(clean(lines[n].text)):
            return True
    return False


def _ordinal_above(lines: list[Line], first: int) -> int:
    """The index of a "FICHA 2" / "Project 3 (presented in English)" line just above a fiche's
    header, which belongs to that fiche rather than to the one before; else ``first``."""
    index = first - 1
    while index >= 0 and first - index <= 4 and lines[index].blank:
        index -= 1
    if index >= 0 and not lines[index].blank and FICHE_ORDINAL.match(clean(lines[index].text)):
        return index
    return first


RUN_IN = re.compile(r"^\s*\*\*(?P<heading>[^*]{2,70}?)\s*[.:]?\s*\*\*\s*[.:]?\s+(?P<rest>\S.*)$")
PLAIN_RUN_IN = re.compile(r"^(?P<heading>[A-ZÀ-Ý][^:.!?;,()]{1,50}?)(?:\s*\([^()]{1,40}\))?"
                          r"\s*:\s+(?P<rest>\S.*)$")  # "Why it matters (his words): …"
TAB_RUN_IN = re.compile(r"^\s*(?P<heading>[^\t]{2,60}?)\t+(?P<rest>\S.*)$")  # a table's row
CELL_PARAGRAPHS = re.compile(r"\s;\s(?=[•▪◦·*–—-]\s|[\"“«]|[A-ZÀ-Ý])")  # a cell's paragraphs
DOT_RUN_IN = re.compile(r"^(?P<heading>[A-ZÀ-Ý][^:.!?;,()]{1,40}?)\.\s+(?P<rest>\S.*)$")


def _run_in(text: str) -> re.Match[str] | None:
    """A heading run into its section's first line: "**Objectif.** Favoriser la …", or
    "Objective: To improve …" written flush left with a colon."""
    match = RUN_IN.match(text) or PLAIN_RUN_IN.match(text) or TAB_RUN_IN.match(text)
    if match is None:  # "Objectives. To channel …": a short heading ended by a full stop
        match = DOT_RUN_IN.match(text)
        if match is not None and len(match.group("heading").split()) > 4:
            return None
    if match is None or len(match.group("heading").split()) > 8:
        return None
    kind = _run_in_heading_kind(match)
    return match if kind not in (None, lx.SITES) else None


def _run_in_heading_kind(match: re.Match[str]) -> str | None:
    return lx.heading_kind(match.group("heading") + ":")  # a label: "What we aim for."


def _run_in_kind(text: str) -> str | None:
    match = _run_in(text)
    return _run_in_heading_kind(match) if match else None


def _markers(lines: list[Line], kinds: list[str | None]) -> dict[int, tuple[str, str]]:
    """Markdown headings that name a fiche ("### CONECTA", "## TEJIDO – Title"): line index ->
    (name, title on the same line or "")."""
    found: dict[int, tuple[str, str]] = {}
    for line in lines:
        if not line.stripped.startswith("#") or kinds[line.index] is not None:
            continue
        text = clean(line.text)
        if re.match(r"^#+\s*\d", line.stripped):  # "## 2. Introduction": the report's, but
            numbered = re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+", "", text)  # "## 4.1 KEY — Title"
            rest = after_ordinal(numbered)  # "## 3.2 Composante 2 – ECPT"
            pair = _key_and_title(rest if rest else numbered)
            if pair is None and rest and _keyish(rest) and _strong_key(rest):
                pair = (rest, "")
            bare = _without_note(numbered)  # "## 3.1 PAGLOM (Mali)"
            if pair is None and rest is None and _keyish(bare) and _strong_key(bare):
                pair = (bare, "")  # "## 3.1 PACTE-Oriental" over its key facts
            pair = pair or _numbered_key_and_title(line.stripped)  # "## 3.2 PROMIR – Mali"
            if pair:
                found[line.index] = pair
            continue
        unnumbered = re.sub(rf"^{OUTLINE_NUMBER}\s+", "", text)  # "## B.1 UPLIFT – Urban …"
        text = unnumbered if _key_and_title(unnumbered) else text
        text = after_ordinal(text) or text  # "### Fiche 1 — PIUR"
        where = re.fullmatch(r"(.{3,40}?)\s+[–—-]\s+(\S.{0,40})", text)  # "### Cuenca (Ecuador)
        if where and (_place_named(where.group(1)) or _a_town(where.group(1))) \
                and _keyish(where.group(2)) and _strong_key(where.group(2).split()[0]):  # —
            # RETORNA", "### Tangier – TANJA-IN", "### Bergamo / Louga – LINK-LOUGA"
            found[line.index] = (where.group(2), "")
            continue
        carrier = re.fullmatch(r"(.{2,40}?)\s+[–—-]\s+([A-Z][A-Z0-9&'-]{1,9})", text)
        if carrier and _keyish(carrier.group(1)) and not _only_countries(carrier.group(2)) \
                and not re.search(r"\d", carrier.group(1)) and not find_countries(carrier.group(1)):
            found[line.index] = (carrier.group(1), "")  # "### KAWRAL – FAFRA": the name and
            continue  # the acronym of the association that carries it
        text = _without_note(text)  # "CODEV-SN (phases 1 et 2)"
        if _keyish(text) and _strong_key(text):
            found[line.index] = (text, "")
            continue
        parenthesised = _parenthesised_key(text)
        if parenthesised:
            found[line.index] = parenthesised
            continue
        pair = _key_and_title(text)
        if pair:
            found[line.index] = pair
    return found


def _a_town(text: str) -> bool:
    """"Tangier", "Bergamo / Louga": a name or two in capitalised words, not a short name."""
    words = [w for w in text.split() if w != "/"]
    return 0 < len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words)


def _without_note(text: str) -> str:
    """A programme's name without the note in parentheses after it ("PAGLOM (Mali)")."""
    bare = re.sub(r"\s+\([^()]{2,40}\)$", "", text)
    return bare if _strong_key(bare) else text


def _marker_header(lines: list[Line], kinds: list[str | None], marker: tuple[int, tuple[str, str]]
                   ) -> _Header:
    index, (key, title) = marker
    line = lines[index]
    following = next((ln for ln in lines[index + 1:index + 6]
                      if not ln.blank and not is_sidebar_title(ln.text)), None)
    labelled = KEY_LABEL.match(following.stripped) if following is not None and not title \
        else None
    if labelled:  # "Programme<TAB>Skills Partnerships for …", "Programme: RADICI – Mobilising …"
        value = clean(following.stripped[labelled.end():])
        named = _parenthesised_key(value) or _key_and_title(value)
        if named and named[0].lower() == key.lower():
            value = named[1]
        if _titleish(value) and not _strong_key(value):
            return _Header(key, value, line, _part_of(following, value), index,
                           following.index, STRONG_HEADER)
    if following is not None and TITLE_LABEL.match(following.stripped) and (
            not title or _only_countries(title)):  # "Intitulé\tProgramme …" under the key, or
        # under "## 3.4 PASSERELLES – Côte d'Ivoire et Guinée"
        value = _title_text(following.text)
        value = _title_after_name(value, key) or value  # "Nombre de la iniciativa<TAB>JISR – …"
        return _Header(key, value, line, _part_of(following, value), index, following.index,
                       STRONG_HEADER)
    if title:
        return _Header(key, title, line, line, index, index, STRONG_HEADER)
    if following is not None and kinds[following.index] is None and \
            not _sidebar_label_line(following.text) and _titleish(_title_text(following.text)) \
            and not KEY_LABEL.match(clean(following.text)):  # not "- **Nombre corto:** CAMI"
        return _Header(key, _title_text(following.text), line, following, index, following.index,
                       STRONG_HEADER)
    return _Header(key, "", line, None, index, index, STRONG_HEADER)


def _heading_groups(lines: list[Line], kinds: list[str | None],
                    markers: dict[int, tuple[str, str]]) -> list[list[tuple[int, str]]]:
    """Headings grouped by fiche: a fiche ends where a section kind it already had comes again,
    or where a clear name-and-title header stands before a heading. A heading of the section
    just opened ("Specific objectives" under "Main objectives") is part of that section."""
    groups: list[list[tuple[int, str]]] = []
    headed: set[int] = set()  # groups under a clear header: a fiche even with one section
    seen: set[str] = set()
    last: str | None = None
    previous = -1
    for index, kind in enumerate(kinds):
        if kind is None:
            continue
        marked = any(previous < m < index for m in markers)

        def strong(index: int = index, previous: int = previous) -> bool:
            return _find_header(lines, kinds, index, previous).score >= STRONG_HEADER

        if _lead_in_kind(lines, lines[index]) and not lx.heading_kind(lines[index].text) \
                and (not groups or (kind in seen and not marked and not strong())):
            kinds[index] = None  # "Parmi les difficultés, …" in a section of difficulties
            continue

        header_here = bool(groups) and (marked or (kind not in seen and strong()))
        if kind == last and not header_here and not strong():
            kinds[index] = None  # "Specific objectives" under "Main objectives": one section
            previous = index  # and no head for what follows
            continue
        header_here = header_here or kind == last
        if not groups or kind in seen or header_here or kind == lx.OBJECTIVES:
            if header_here or (groups and kind in seen and strong()):
                headed.add(len(groups))
            groups.append([])
            seen = set()
        previous = index
        groups[-1].append((index, kind))
        seen.add(kind)
        last = kind
    several = [len({kind for i, kind in g if not _inline_site(lines[i])}) >= 2 for g in groups]
    return [g for n, g in enumerate(groups)
            if (n in headed or any(kind in CORE_KINDS for _i, kind in g)) and (
        several[n] or (  # a one-section fiche, headed,
            n in headed and n and several[n - 1]  # after a fiche, before a fiche or at the end
            and (n + 1 == len(groups) or n + 1 in headed)))]


# A fiche says what its programme aims at or does; headings of challenges and lessons alone,
# under no clear header of their own, are the report's own synthesis ("3.4 Difficultés
# partagées", "3.5 Pendant la pandémie").
CORE_KINDS = {lx.OBJECTIVES, lx.EXPECTED_RESULTS, lx.MAIN_FEATURES, lx.NEXUS}


def _site_field(text: str) -> bool:
    """A "Website: not available" line: a key fact, with or without an address."""
    field = labelled_field(text) if ":" in text or "\t" in text else None  # or a table's row
    return field is not None and field[0] == "sites" and bool(field[1].strip())


def _inline_site(line: Line) -> bool:
    """A "Website: https://…" or "Website: not available" line: a field of the fiche rather
    than a section heading."""
    empty = re.search(r"\s[–—-]\s*$", line.stripped)  # "Website –": a box's row with no site
    return (bool(URL.search(line.text)) or _site_field(line.text) or bool(empty)) \
        and lx.heading_kind(line.text) == lx.SITES


def _stops_header_search(line: Line, kind: str | None) -> bool:
    stripped = line.stripped
    tab_row = "\t" in line.text and not _strong_key(stripped.split("\t")[0].strip())
    return (kind is not None or lx.report_section(line.text) or is_url_line(stripped)
            or (is_bullet(line.text) and not (re.match(r"\s*\d{1,2}[.)]\s", line.text)
                                              and _key_and_title(clean(line.text)) is not None))
            or tab_row
            or word_count(stripped) > 25 or (stripped.endswith(".") and word_count(stripped) > 12))


def _continues_label(lines: list[Line], index: int) -> bool:
    """A line under a "Label : value" line which continues its value: indented, or the
    rest of a list of names ("Partenaires : A ; B ;" over "C ; D")."""
    at = index - 1
    while at >= 0 and index - at <= 4 and not lines[at].blank:
        field = _sidebar_label_line(lines[at].text)
        if field is not None:
            if field[0] not in WRAPPING_KINDS or not field[1].strip():
                break
            labelled = (lines[at], field)
            for following in lines[at + 1:index + 1]:  # each line goes on with the value
                if not _wraps_value(labelled, following):
                    break
                labelled = _joined_value(labelled, following)
            else:
                return True
            break
        at -= 1
    if _indent(lines[index]) < 2:
        return False
    at = index - 1
    while at >= 0 and index - at <= 8 and not lines[at].blank:
        if _sidebar_label_line(lines[at].text):
            return True
        if _indent(lines[at]) < 2:
            return False
        at -= 1
    return False


def _between_labels(lines: list[Line], index: int) -> bool:
    """A line of a box of key facts between two labelled lines, with no blank line between:
    one more of the partners listed one per line under "Partenaires: Commune de Matam"."""
    def labelled_towards(step: int) -> bool:
        at = index + step
        while 0 <= at < len(lines) and abs(at - index) <= 8 and not lines[at].blank:
            if _sidebar_label_line(lines[at].text):
                return True
            at += step
        return False
    return labelled_towards(-1) and labelled_towards(1)


def _key_and_title(text: str) -> tuple[str, str] | None:
    """(key, title) of "MIGRANDES – Gobernanza local …": a name and a title on one line."""
    match = KEY_AND_TITLE.match(text)
    if match and _keyish(match.group(1)) and _strong_key(match.group(1)):
        return match.group(1), match.group(2)
    return None


def _numbered_key_and_title(text: str) -> tuple[str, str] | None:
    """(key, title) of a numbered head: "3.1  SAFE-EA: Safe and Fair …", "3.3 Proyecto
    Territorios de Acogida: integración local …" (a name in words after its number)."""
    text = re.sub(r"^\s*#{1,6}\s+", "", text)  # a Word heading: "## 3.1 JAPPO – Sénégal"
    if not SECTION_NUMBER.match(text):
        return None
    rest = SECTION_NUMBER.sub("", clean(text))
    country_first = re.match(r"^(.{3,40}?)\s+[–—-]\s+(\S.{0,40})$", rest)  # "3.1 Sénégal – PAIDIR"
    before, after = (country_first.group(1), country_first.group(2)) if country_first \
        else ("", "")
    before = re.sub(r"(?i)^(?:composante|component|componente|volet)\s+", "", before)  # "A3.4
    # Composante Côte d'Ivoire – PROMIR"
    named = _keyish(after) and len(after.split()) <= 3 and all(
        w[:1].isupper() for w in after.split())  # "4.2 Quetzaltenango (Guatemala) — Xela Joven"
    if country_first and ((_place_named(before) and named) or (  # "5.5 European Union –
            len(before.split()) <= 3 and not _strong_key(before)  # MADINA": a donor, then key
            and all(w[:1].isupper() for w in before.split())
            and _keyish(after) and _strong_key(after) and len(after.split()) <= 2)):
        return after, ""
    pair = _key_and_title(rest)
    if pair:
        return pair
    named = KEY_AND_TITLE.match(rest)  # "A2.2 CoRe Guinée – Community-based …": the number
    words = named.group(1).split() if named else []  # makes a name and its place a key
    if named and 1 < len(words) <= 3 and _keyish(named.group(1)) and _strong_key(words[0]) \
            and all(w[:1].isupper() for w in words):
        return named.group(1), named.group(2)
    where = re.match(r"^(\S.{0,40}?)\s+[–—-]\s+(.+)$", rest)  # "3.2 PROMIR – Mali"
    if where and _only_countries(where.group(2)) and _keyish(where.group(1)) \
            and _strong_key(where.group(1)):
        return where.group(1), where.group(2)
    match = re.match(r"^(.{2,50}?)\s*(?::|\s[–—-])\s+(.{8,})$", rest)
    key = GENERIC_KEY_WORD.sub("", match.group(1)) if match else ""
    if match and key != match.group(1) and _keyish(key) and key[:1].isupper():
        return key, match.group(2)  # "Proyecto X: …" names its project
    return None


GENERIC_KEY_WORD = re.compile(r"(?i)^(?:the |el |le |la )?(?:proyecto|projet|project|programme|"
                              r"program|programa|initiative|iniciativa|sub-?proyecto|"
                              r"sub-?project|sous-projet|sub-?programa)\s+(?=\S)")


def _keyish(text: str) -> bool:
    words = text.split()
    if not text or len(text) > 40 or len(words) > 5 or text.endswith((":", ".", ",", ";")) \
            or text.startswith("("):
        return False
    if re.match(r"(?:l|d|qu)['’]", text):
        return False  # "l'Ouest. Dès les années 1960 …": a sentence's words, not a name
    if re.fullmatch(r"(?i)dr|mr|mrs|ms|mme|mlle|sr|sra|srta|prof|st|hon", text):
        return False  # "Dr. Hodan Warsame, SDHPA": a speaker's title, not a short name
    if not re.search(r"[A-Z0-9]", text) or words[-1] in CONNECTORS \
            or re.search(r":\s", text):  # "Título: Retorno …" is a labelled line, no name
        return False
    if re.match(r"(?i)(annex(es|e)?|anexos?|appendix|appendices|table|session|page|contents)\b",
                text):
        return False
    return not (find_money(text) or find_start_duration(text))


TITLE_LABEL = re.compile(r"(?i)^(?:(?:full |project |programme |official )?title|"
                         r"(?:intitul[ée]|titre)(?: (?:du|complet du) (?:projet|programme))?|"
                         r"titre complet|"
                         r"t[ií]tulo(?: (?:del|completo del) (?:sub)?(?:proyecto|programa))?|"
                         r"nombre (?:completo )?del (?:proyecto|programa|componente)|"
                         r"nom (?:complet )?du (?:projet|programme|volet)|"
                         r"(?:full )?(?:project|programme|component) name|full name|"
                         r"nom complet|nombre completo|nombre de la (?:experiencia|iniciativa)|"
                         r"nom de l['’]initiative|(?:name of the )?initiative(?: name)?|"
                         r"nom de l['’]exp[ée]rience|(?:name of the )?experience(?: name)?)"
                         r"\s*(?::\s*|\t+)")


TITLE_ROW_SPACED = re.compile(r"(?i)^(?:(?:full |project |programme |official )title|"
                              r"t[ií]tulo del (?:sub)?proyecto|titre du projet|"
                              r"intitul[ée] du projet)\s+(?=(?-i:[A-ZÀ-Ý]))")  # a box that
# lost its column gap: "Project title Reintegration, Inclusion and Skills …"


KEY_LABEL = re.compile(r"(?i)^(?:short name|acronym|nombre corto|siglas?|acr[oó]nimo|acronyme|"
                       r"nom court|sigle|programme|program|project|projet|proyecto|programa)"
                       r"\s*(?::\s*|\t+)")


OUTLINE_NUMBER = r"(?:\d{1,2}|[A-Z]\d{0,2})(?:\.\d{1,2})+\.?"  # "3.1", "A.2", "A1.2" in an annex
SECTION_NUMBER = re.compile(rf"^\s*(?:\d{{1,2}}[.)]|{OUTLINE_NUMBER})\s+")


def _key_text(text: str) -> str:
    """A key line's text without a "Short name:" label or a section number ("3.1  PAIDS")."""
    text = clean(KEY_LABEL.sub("", text.strip()))  # the label first: clean folds its tab
    text = KEY_LABEL.sub("", re.sub(rf"^{OUTLINE_NUMBER}\s+", "", text))
    bare = GENERIC_KEY_WORD.sub("", text)
    if bare != text and _strong_key(bare):
        text = bare  # "Proyecto RAÍCES"
    note = re.search(r"\s*\(([^()]{3,40})\)$", text)  # "JAPPANDO (Sénégal)", "X (Mali / France)"
    if note and note.start() and _names_a_place(note.group(1)):
        text = text[:note.start()]
    where = re.search(r"\s+[–—·|-]\s+([^–—·|]{3,40})$", text)  # "JAPPO – Sénégal"
    if where and _only_countries(where.group(1)):
        text = text[:where.start()]
    return AWARD_TAG.sub("", text)  # "KAWRAL Lauréat 2021 · Sénégal" on a brochure's band


AWARD_TAG = re.compile(r"(?i)(?<=\S)\s+(?:laur[ée]at(?:e)?s?|laureate|winner|ganador(?:a)?|"
                       r"finalist[ea]?|premiad[oa]|grantee)\s+(?:19|20)\d\d$")


def _place_named(text: str) -> bool:
    """"Sénégal", or a town and its country: "Cuenca (Ecuador)", "Arua, Uganda"."""
    inside = re.fullmatch(r"[^()]{2,40}\(([^()]{3,40})\)", text.strip())
    return _names_a_place(text) or (inside is not None and _only_countries(inside.group(1)))


def _names_a_place(text: str) -> bool:
    """"Sénégal", "Mali / France", or a place and its country: "Arua, Uganda"."""
    return _only_countries(text) or ("," in text and _only_countries(text.rsplit(",", 1)[1]))


def _only_countries(text: str) -> bool:
    """"Sénégal", "Mali / France", "Kenya–Uganda": country names and what joins them."""
    rest = text
    for mention in reversed(find_countries(text)):
        rest = rest[:mention.start] + rest[mention.end:]
    return rest != text and not re.sub(r"[\s,;/&–-]|\b(?:et|and|y)\b", "", rest)


def _title_text(text: str) -> str:
    """A title line's text without a "Title:" label, or an "Intitulé" whose gap to the title
    the PDF's text layer lost ("Intitulé Jeunes, agriculture et …")."""
    title = TITLE_LABEL.sub("", clean(TITLE_LABEL.sub("", text.strip())))
    title = TITLE_ROW_SPACED.sub("", title)
    return re.sub(r"^(?:Intitul[ée]|INTITUL[ÉE]|T[ií]tulo|Nombre completo|Nom complet)\s+"
                  r"(?=[A-ZÀ-Ý])", "", title)


CAPTION = re.compile(r"(?i)^(?:tabla|table|tableau|figura|figure|gr[aá]fico|graphique|"
                     r"recuadro|encadr[ée]|box|cuadro)\s+\d{1,2}\s*[.:–-]")  # "Tabla 2. Ficha …"


def _titleish(text: str) -> bool:
    if word_count(text) < 2 or len(text) > 250 or lx.heading_kind(text) or CAPTION.match(text) \
            or is_sidebar_title(text):
        return False
    if re.search(r"(?:\.{4,}|…{2,})\s*\d{1,3}\s*$", text):
        return False  # a line of the table of contents
    if text[:1].islower() or text[:1] in "(-–&":
        return False
    return not (find_money(text) or (find_start_duration(text) and word_count(text) < 5))


@dataclass
class _Header:
    key: str
    title: str
    key_line: Line | None
    title_line: Line | None
    first_line: int  # index of the fiche's first line
    last_line: int  # index of the header's last line
    score: int = 0


def _find_header(lines: list[Line], kinds: list[str | None], first_heading: int,
                 previous_heading: int) -> _Header:
    """The name and title of the fiche whose first heading is at ``first_heading``."""
    numbered = next((ln for ln in reversed(lines[previous_heading + 1:first_heading])
                     if not ln.blank and (_ordinal_line(clean(ln.text)) or _ordinal_band(ln.text))
                     and not _in_ordinal_list(lines, ln)), None)
    if numbered is not None:  # "PROFILE 2" above a box of key facts, whatever the box holds
        header = _ordinal_header(lines, [ln for ln in lines[numbered.index:first_heading]
                                         if not ln.blank and not RULE.match(ln.text)])
        if header.key or header.title or not is_sidebar_title(numbered.text):
            return header  # else "Ficha del proyecto" heads the box under the fiche's name
    glance = _at_a_glance_header(lines, previous_heading, first_heading)
    if glance is not None:  # "MOSAIC at a glance" over a slide's key facts
        return glance
    for line in reversed(lines[previous_heading + 1:first_heading]):  # "4. KEY – Title"
        pair = _numbered_key_and_title(line.text)  # "3.1  KEY: Title"
        bare = re.fullmatch(rf"\s*(?:#{{1,6}}\s+)?{OUTLINE_NUMBER}\s+(\S.{{1,58}})",
                            clean(line.text))
        name = _key_text(GENERIC_KEY_WORD.sub("", bare.group(1).strip())) if bare else ""
        ruled = line.index + 1 < len(lines) and RULE.match(lines[line.index + 1].text)
        if pair is None and bare and (ruled or (  # "4.1  SAFE-LM" over a rule, or the
                line.stripped.startswith("#") and name != bare.group(1).strip())) \
                and _keyish(name) and _strong_key(name):  # heading "## 3.1 Projet MIGRALOC",
            pair = (name, "")  # its title in a "Title:" row below
        below = next((ln for ln in lines[line.index + 1:first_heading] if not ln.blank), None)
        spelt = KEY_THEN_TITLE.match(bare.group(1).strip()) if bare else None
        if pair is None and spelt and below is not None and TITLE_LABEL.match(below.stripped) \
                and _keyish(spelt.group("key")):  # "3.2 DIC Casamance (Diaspora Invest
            pair = (spelt.group("key"), "")  # Casamance)" over "Full title: Mobilising …"
        if pair is None and bare and line.stripped.startswith("#") \
                and _keyish(_key_text(name)) and _row_names(
                    lines[line.index + 1:first_heading], _key_text(name)):
            pair = (_key_text(name), "")  # "## 5.1. Jokkoo Tabax (Senegal)" over a row
            # "Nombre de la iniciativa<TAB>Jokkoo Tabax – Cooperativa agroecológica …"
        wrapped = _numbered_title_wrapped(lines, line) if pair is None else None
        if wrapped is not None and _opens_paragraph(lines, line):
            return wrapped
        if pair and _opens_paragraph(lines, line) and not TOC_LINE.search(line.text):
            key, title = pair
            if _only_countries(title):  # "3.1 JAPPO – Sénégal": the "Intitulé" row below it
                title = ""  # names the programme (see _named_in_facts)
            return _Header(key, title, _part_of(line, key), _part_of(line, title) if title
                           else None, line.index,
                           line.index, STRONG_HEADER)
    window: list[Line] = []
    index = first_heading - 1
    skipped = False  # one paragraph of key facts told in prose may stand under the title
    while index > previous_heading and len(window) < HEADER_WINDOW:
        line = lines[index]
        if not line.blank and not _sidebar_label_line(line.text) and not _inline_site(line) \
                and not _continues_label(lines, index) and not line.listed \
                and not _between_labels(lines, index) \
                and not is_sidebar_title(line.text) \
                and not _over_listed(lines, index) \
                and not RULE.match(line.text):  # a title's "=====" underline
            if _stops_header_search(line, kinds[index]):
                same_paragraph = bool(window) and not any(
                    ln.blank for ln in lines[index:window[-1].index]) \
                    and not is_url_line(line.stripped) and not lx.report_section(line.text) \
                    and all(word_count(ln.stripped) >= 6 for ln in window[:-1]) \
                    and word_count(window[0].stripped) >= 6  # the last line may be short
                if (window and not same_paragraph) or skipped or kinds[index] is not None:
                    break
                window = []  # the lines below it were that paragraph's last ones
                skipped = True
                index -= 1
                while index > previous_heading and not lines[index].blank \
                        and not is_sidebar_title(lines[index].text):
                    index -= 1  # over the rest of that paragraph, up to an "At a glance"
                continue  # over it, where a text saved one paragraph a line has no blank
            window.insert(0, line)
        index -= 1
    ordinal = next((n for n in range(len(window) - 1, -1, -1)
                    if _ordinal_line(clean(window[n].text))
                    and not _in_ordinal_list(lines, window[n])), None)  # not "programme I learnt"
    if ordinal is not None:
        return _ordinal_header(lines, window[ordinal:])
    header = _header_in(lines, window, first_heading)
    if header.key_line is None:  # a title with its key above a paragraph of key facts
        wider = [ln for ln in lines[previous_heading + 1:first_heading] if not ln.blank]
        found = _parenthesised_header(lines, wider)
        if found is not None and not re.search(r"[(:]", found.title):
            header = found
    return header


AT_A_GLANCE = re.compile(r"(?i)^(?P<key>\S.{1,30}?)\s+(?:at a glance|in brief|in short|en bref|"
                         r"en resumen|de un vistazo|en un vistazo|en breve)\s*:?$")


def _at_a_glance_header(lines: list[Line], previous_heading: int, first_heading: int
                        ) -> _Header | None:
    """"MOSAIC at a glance" over the key facts names the fiche; its title is the line under
    the same name alone further up ("MOSAIC" / "Mobility, Skills and Inclusion …")."""
    top = max(previous_heading + 1, first_heading - HEADER_WINDOW)  # not a brochure's own
    glance = next((ln for ln in reversed(lines[top:first_heading])  # "PARCOURS en bref"
                   if AT_A_GLANCE.match(clean(ln.text))), None)  # pages before
    if glance is None:
        return None
    key = AT_A_GLANCE.match(clean(glance.text)).group("key")  # type: ignore[union-attr]
    if not (_keyish(key) and _strong_key(key)):
        return None
    named = next((ln for ln in reversed(lines[previous_heading + 1:glance.index])
                  if clean(ln.text) == key), None)
    below = lines[named.index + 1] if named is not None and named.index + 1 < len(lines) \
        else None
    if named is None or below is None or not _titleish(_title_text(below.text)):
        return _Header(key, "", _part_of(glance, key), None, glance.index, glance.index,
                       STRONG_HEADER)
    return _Header(key, _title_text(below.text), named, below, named.index, below.index,
                   STRONG_HEADER)


def _numbered_title_wrapped(lines: list[Line], line: Line) -> _Header | None:
    """"4.3.1  Sustainable Reintegration of Returning Migrants in Bono," over "Bono East and
    Ahafo Regions (ReStart)": a numbered title wrapped onto a line that ends with its key."""
    below = lines[line.index + 1] if line.index + 1 < len(lines) else None
    if below is None or below.blank or not SECTION_NUMBER.match(line.text) \
            or line.stripped.endswith(SENTENCE_END) or TOC_LINE.search(line.text) \
            or is_sidebar_title(line.text) or is_bullet(below.text) \
            or _sidebar_label_line(below.text):  # not "3.1.1 Datos generales" over
        return None  # "- Entidad ejecutora: … (ADIA)"
    found = _parenthesised_key(SECTION_NUMBER.sub("", clean(line.text)) + " " + clean(below.text))
    if found is None or not _titleish(found[1]) or word_count(found[1]) > 25:
        return None
    key, title = found
    first = _part_of(line, title)
    rest = below.text[:below.text.rfind("(")].rstrip()  # the span: the title's words as printed
    return _Header(key, title, _part_of(below, key),
                   Line(first.index, first.start, below.start + len(rest),
                        line.text[first.start - line.start:] + "\n" + rest),
                   line.index, below.index, STRONG_HEADER)


def _wrapped_title(lines: list[Line], kinds: list[str | None], header: _Header) -> None:
    """Extends a header's title over the lines it wraps onto: "Mobiliser la diaspora … dans
    les territoires" / "d'origine"."""
    if header.title_line is None or header.title_line.index != header.last_line:
        return
    index = header.last_line + 1
    below = lines[header.last_line + 1] if header.last_line + 1 < len(lines) else None
    numbered = SECTION_NUMBER.match(lines[header.title_line.index].text) is not None or (
        header.first_line < header.title_line.index  # "3.3  K: T", or under "CASE STUDY 1"
        and below is not None and ":" not in below.text  # not "Lead: …" under "Full name: …"
        and _ordinal_line(clean(lines[header.first_line].text)))
    while index < len(lines) and index - header.last_line <= 2:
        line = lines[index]
        words = header.title.split()
        following = lines[index + 1] if index + 1 < len(lines) else None
        boxed = following is None or _break(following) or is_sidebar_title(following.text)
        run_on = numbered and index == header.last_line + 1 and (
            word_count(line.stripped) <= 6 or (  # "… for Inclusive" / "Mobility between Côte
                boxed and word_count(line.stripped) <= 12  # d'Ivoire and Burkina Faso" over
                and len(lines[index - 1].stripped) >= 50)) \
            and not is_sidebar_title(line.text) and not label_alone(line.text) \
            and not RULE.match(line.text)  # "Key facts"
        tail = len(lines[index - 1].stripped) >= 55 and word_count(line.stripped) <= 3 \
            and _break(lines[index + 1] if index + 1 < len(lines) else None) \
            and not is_sidebar_title(line.text) and not label_alone(line.text) \
            and not line.stripped.endswith(":") and re.search(r"[^\W\d_]", line.stripped) \
            and not RULE.match(line.text)  # "… in Edo and Delta" / "States", not "-----"
        if line.blank or kinds[index] is not None or _sidebar_label_line(line.text) \
                or is_bullet(line.text) or header.title.endswith(SENTENCE_END) \
                or SUBMITTED_BY.match(line.stripped) \
                or _indent(line) > _indent(lines[header.title_line.index]) + 1 \
                or not (line.stripped[:1].islower() or words[-1] in CONNECTORS or run_on
                        or tail) \
                or len(words) + word_count(line.stripped) > 30:
            return
        found = _parenthesised_key(header.title + " " + _title_text(line.text))
        if found and header.key_line is None:
            header.key = found[0]
        header.title = found[1] if found else header.title + " " + _title_text(line.text)
        first = header.title_line  # the source span covers every line of the title
        header.title_line = Line(first.index, first.start, line.end, first.text + "\n" + line.text)
        header.last_line = index
        index += 1


SUBMITTED_BY = re.compile(r"(?i)(?:submitted|presented|pr[ée]sent[ée]e?|soumise?|presentad[oa]|"
                          r"enviad[oa])\s+(?:by|par|por)\b")  # under a title, not its words


PARENTHESISED_KEY = re.compile(r"^(?P<title>.{8,}?)\s*\((?P<key>[^()]{2,30})\)\s*$")
KEY_THEN_TITLE = re.compile(r"^(?P<key>[^()]{2,30}?)\s*\((?P<title>[^()]{8,})\)\s*$")


def _parenthesised_key(text: str) -> tuple[str, str] | None:
    """(key, title) of a title that ends with its short name: "Youth Employment and Return in
    the Sahel (YERS)"."""
    match = PARENTHESISED_KEY.match(text)
    if match and _keyish(match.group("key")) and _strong_key(match.group("key")) \
            and not _only_countries(match.group("key")):  # not "… traders (Kenya–Uganda)"
        return match.group("key"), match.group("title")
    match = KEY_THEN_TITLE.match(text)  # "MOBILAB (Mobility Laboratory for Skills …)"
    if match and _names_a_place(match.group("title")):
        return None  # "MOBIL-TEC (Tunisia and Italy)", "TUMAINI (Kakuma, Kenya)": where
    if match and _keyish(match.group("key")) and _strong_key(match.group("key")) \
            and word_count(match.group("title")) >= 3:
        return match.group("key"), match.group("title")
    return None


def _parenthesised_header(lines: list[Line], window: list[Line]) -> _Header | None:
    """The nearest title line ending with "(KEY)", joined with the lines it wraps from, that
    starts a paragraph of its own."""
    for n in range(len(window) - 1, -1, -1):
        found = _parenthesised_key(_title_text(window[n].text))
        if found is None or _sidebar_label_line(window[n].text):
            continue  # not "Implementing agency: Expertise Solidaire International (ESI)"
        first = n
        while first > 0 and n - first < 3 and not window[first - 1].stripped.endswith(
                SENTENCE_END) and (window[first].stripped[:1].islower() or window[
                first - 1].stripped.split()[-1] in CONNECTORS):
            first -= 1
        text = " ".join(_title_text(line.text) for line in window[first:n + 1])
        key, title = _parenthesised_key(text) or found
        before = window[first].index - 1
        opens = before < 0 or lines[before].blank or bool(RULE.match(lines[before].text)) \
            or bool(FICHE_ORDINAL.match(clean(lines[before].text)))
        if opens and _titleish(title) and word_count(title) <= 20:
            return _Header(key, title, window[first], window[first], window[first].index,
                           window[n].index, STRONG_HEADER - 1)
    return None


def _header_in(lines: list[Line], window: list[Line], first_heading: int) -> _Header:
    best: tuple[int, int, bool] | None = None  # (score, position, name and title on one line)
    last_pair = -2
    for n, line in enumerate(window[:-1]):
        key, title = _key_text(line.text), _title_text(window[n + 1].text)
        if _keyish(key) and _titleish(title) and not label_kind(key) \
                and not label_kind(title) and not _only_countries(key) \
                and sum(bool(label_kind(w)) for w in key.split()) < 2:  # not "Partners"
            # over the first of them, nor the country tag "MAROC" over "MIGR'INCLUSION", nor a
            # table's header row of labels ("Programa Ámbito Países Periodo")
            last_pair = n
            score = _header_score(lines, line, window[n + 1], key, title)
            wraps = n + 3 == len(window) and title.split()[-1] in CONNECTORS \
                and word_count(window[-1].stripped) <= 6  # "… en la sierra sur de" / "Ecuador"
            if (n + 2 == len(window) or wraps) and _strong_key(key):
                score = max(score + 3, STRONG_HEADER - 1)  # right over the key facts and the
                # first section: the fiche's head, whatever stands further up the page
            if best is None or score >= best[0]:  # on a tie, the pair nearest the section
                best = (score, n, False)
    for n in range(len(window) - 1, last_pair + 1, -1):  # nearer the section than any pair
        line = window[n]
        one_line = _key_and_title(clean(line.text)) if _alone(lines, line) else None
        if one_line and re.match(r"\s*[–—-]", clean(line.text)[len(one_line[0]):]):
            # "PALIM – Pathways for Labour …" alone over a box of key facts; not so clear a
            # head that it starts a fiche by itself ("R3. 300 emprendimientos …")
            best = (min(_header_score(lines, line, line, *one_line), STRONG_HEADER - 1), n, True)
            break
    parenthesised = _parenthesised_header(lines, window)
    if parenthesised is not None and (best is None or best[0] < parenthesised.score or (
            best[0] == parenthesised.score and parenthesised.last_line > window[best[1]].index)):
        return parenthesised
    if best is not None and best[2]:
        line = window[best[1]]
        key, title = _key_and_title(clean(line.text)) or ("", "")
        return _Header(key, title, _part_of(line, key), _part_of(line, title), line.index,
                       line.index, best[0])
    if best is not None:
        line, title_line = window[best[1]], window[best[1] + 1]
        return _Header(_key_text(line.text), _title_text(title_line.text), line, title_line,
                       line.index,
                       title_line.index, best[0])
    for line in window:  # "KEY – Title" on one line, or a table's row "KEY<tab>Title"
        match = KEY_AND_TITLE.match(_key_text(re.sub(r"\s*\t+\s*", " – ", line.stripped)))
        if match and _keyish(match.group(1)):
            return _Header(match.group(1), match.group(2), line, line, line.index, line.index)
    for line in window:
        title = _title_text(line.text)
        if _titleish(title):
            return _Header(title[:60], title, None, line, line.index, line.index)
    return _Header("", "", None, None, first_heading, first_heading - 1)


def _ordinal_header(lines: list[Line], window: list[Line]) -> _Header:
    """The header of a numbered fiche: "Project 2 - KEY: Title", or "EXPERIENCIA 3" with the
    name and title on the lines below it. The number makes it a clear header."""
    first = window[0]  # the name and title stand right under the number, above key facts
    near = [ln for ln in window[1:6] if (_sidebar_label_line(ln.text) or ("", ""))[0] != "other"
            and not is_sidebar_title(ln.text)]  # nor "At a glance" over the box
    below = list(itertools.takewhile(lambda ln: not _sidebar_label_line(ln.text), near[:3]))
    # (over "Intervenant : …", the speaker, whom the fiche does not keep)
    if len(below) == 1 and len(near) > 1 and _strong_key(_key_text(below[0].text)) \
            and _keyish(_key_text(below[0].text)) and _alone(lines, below[0]) \
            and not label_kind(re.split(r"[:\t|]", near[1].text)[0]):
        below.append(near[1])  # "TERRA-MIG" over "Territoires et migrations : renforcer …"
    rest = after_ordinal(clean(first.text)) or ""
    match = KEY_AND_TITLE.match(rest)
    parenthesised = _parenthesised_key(rest)
    if parenthesised:  # "Case 1: MOBILAB (Mobility Laboratory …)"
        key, title = parenthesised
        header = _Header(key, title, _part_of(first, key), _part_of(first, title), first.index,
                         first.index)
    elif match and _keyish(match.group(1)):
        key_line = _part_of(first, match.group(1))
        header = _Header(match.group(1), match.group(2), key_line, _part_of(first, match.group(2)),
                         first.index, first.index)
    elif rest and _keyish(rest) and not ((_theme(rest) or _country_tag(rest)) and below
                                         and _keyish(below[0].stripped)
                                         and _strong_key(below[0].stripped)):
        title = below[0] if below and _titleish(_title_text(below[0].text)) else None
        key = _key_text(rest)  # "Learning Brief 1 – RESTART-GN (Guinea)"
        named = _title_text(title.text) if title else ""
        again = _key_and_title(named)  # "JUSOOR – Ponts pour l'emploi …" under "… 4 – JUSOOR"
        if again and again[0].lower() == key.lower():
            named = again[1]
        header = _Header(key, named, _part_of(first, key),  # the span without "Full name:"
                         _part_of(title, named) if title else None, first.index,
                         (title or first).index)
    elif below and _key_and_title(clean(below[0].text)):  # "FICHA 2" / "RAÍCES – Título"
        key, title = _key_and_title(clean(below[0].text)) or ("", "")
        header = _Header(key, title, _part_of(below[0], key), _part_of(below[0], title),
                         first.index, below[0].index)
    else:
        header = _header_in(lines, below, first.index + 1)
    header.first_line = first.index
    header.score = STRONG_HEADER
    return header


def _country_tag(text: str) -> bool:
    """"HONDURAS Retorno, protección y género" after "EXPERIENCIA 4 ·": the country in
    capitals, then the theme."""
    match = re.match(r"(?P<country>[A-ZÀ-Ý][A-ZÀ-Ý' -]+?)\s+[A-ZÀ-Ý][a-zà-ÿ]", text)
    return match is not None and _only_countries(match.group("country"))


def _theme(text: str) -> bool:
    """"RETURN AND SUSTAINABLE REINTEGRATION" after "GOOD PRACTICE 2 |": a theme in capitals,
    when the fiche's own short name stands on the line below."""
    words = text.split()
    return text.isupper() and len(words) >= 3 and any(w.lower() in CONNECTORS
                                                       for w in words[1:-1])


def _part_of(line: Line, part: str) -> Line:
    """The stretch of a line that holds ``part`` (its first characters as printed)."""
    at = line.text.find(part[:12])
    start = line.start + at if at >= 0 else line.start
    return Line(line.index, start, start + len(part) if at >= 0 else line.end, part)


def _opens_paragraph(lines: list[Line], line: Line) -> bool:
    """A short line after a blank one: a heading, also where a PDF's text has no blank line
    between a heading and its text."""
    before = lines[line.index - 1] if line.index > 0 else None
    return _break(before) and (
        len(" ".join(line.stripped.split())) <= 60 or _alone(lines, line)
        or (SECTION_NUMBER.match(line.text) is not None and word_count(line.stripped) <= 16))


def _after_page_break(lines: list[Line], line: Line) -> bool:
    """A short line with a blank one under it, right after a line that ends its paragraph: the
    page's furniture between them was dropped ("More information: https://…" / "SESSION 2")."""
    before = lines[line.index - 1] if line.index > 0 else None
    after = lines[line.index + 1] if line.index + 1 < len(lines) else None
    return before is not None and (after is None or after.blank) \
        and word_count(line.stripped) <= 8 \
        and (before.stripped.endswith(SENTENCE_END) or is_url_line(before.stripped)
             or bool(URL.search(before.stripped.split()[-1] if before.stripped else "")))


def _alone(lines: list[Line], line: Line) -> bool:
    """The line is a paragraph of its own (blank lines, or the text's edge, around it)."""
    before = lines[line.index - 1] if line.index > 0 else None
    after = lines[line.index + 1] if line.index + 1 < len(lines) else None
    return _break(before) and _break(after)


def _break(line: Line | None) -> bool:
    """The text's edge, a blank line or a rule of dashes: what stands between paragraphs."""
    return line is None or line.blank or bool(RULE.match(line.text))


def _strong_key(text: str) -> bool:
    """A name that looks like a programme's short name: ProGEM, V4CP, EUROsociAL+, A / B."""
    parts = [p for p in re.split(r"\s*[/&+]\s*|\s+", text) if p]
    return all(len(re.findall(r"[A-Z0-9]", p)) >= 2 or p in "+" for p in parts) and \
        len(parts) <= 3


def _header_score(lines: list[Line], key_line: Line, title_line: Line, key: str,
                  title: str) -> int:
    """How much a (name, title) pair looks like a fiche's header rather than two lines of
    a sidebar or an agenda that happen to fit."""
    score = 4 * _alone(lines, key_line) + 2 * _alone(lines, title_line)
    score += 2 * (_strong_key(key) or key_line.stripped.startswith(("#", "**")))
    score += word_count(title) >= 3 and title[:1].isupper()
    if SECTION_NUMBER.match(key_line.text) and _strong_key(key):
        score += 2  # "3.3 RETORNAR" over its title: a numbered head
    if SECTION_NUMBER.match(title_line.text) and _strong_key(title):
        score -= 4  # nor is it the title of an attribution line above it
    return score


def _span(line: Line) -> tuple[int, int]:
    text = line.text
    return line.start + len(text) - len(text.lstrip()), line.start + len(text.rstrip())


# -- one fiche ----------------------------------------------------------------------------

def _spelt_out(acronym: str, words: str) -> bool:
    """"UMAR" after "Unidades Municipales de Atención al Migrante Retornado": the words'
    capitals spell it, so it names what they name."""
    capitals = iter(w[0] for w in words.split() if w[:1].isupper())
    return all(letter in capitals for letter in acronym if letter.isalpha())


AGENCY_NOTE = re.compile(r"\s+\(([A-Z][A-Z0-9&]{1,7})\)$")
PRESENTER_NOTE = re.compile(r"(?i)\s*\((?:presented by|pr[ée]sent[ée]e? par|presentad[oa] por)"
                            r"[^()]*\)\s*$")


GLOSS = re.compile(r"(?<=\S)\s*\(\s*[\"“«][^\"“”«»()]{2,40}[\"”»]\s*\)$")


def _extract_fiche(lines: list[Line], group: list[tuple[int, str]], header: _Header,
                   end_line: int) -> Fiche:
    first, last = lines[header.first_line], lines[max(end_line - 1, header.first_line)]
    header.title = PRESENTER_NOTE.sub("", header.title)  # "… (presented by Lieve V., Enabel)"
    presenter = AGENCY_NOTE.search(header.title)  # "… in rural Economies (SDC)": who presents
    if presenter and header.key and presenter.group(1).lower() not in header.key.lower() \
            and header.title[:presenter.start()].split()[-1] not in CONNECTORS \
            and not _spelt_out(presenter.group(1), header.title[:presenter.start()]):
        header.title = header.title[:presenter.start()]
    header.key = GLOSS.sub("", header.key)  # 'Jashtar Jolu ("Youth Road")': its translation
    presenter = AGENCY_NOTE.search(header.key)
    if presenter and len(header.key[:presenter.start()].split()) >= 2:  # "Women on the Move
        header.key = header.key[:presenter.start()]  # (FCDO)"
    heading_lines = {index for index, _kind in group}
    body = _without_asides(lines[header.last_line + 1:end_line], heading_lines)
    named = _named_in_facts(lines[header.first_line:header.last_line + 1] + body, header.key,
                            header.title)  # "Programme<TAB>Reintegration Support … (RESTART-GN)"
    if named is not None:  # in the key facts (the head may end on that row): the name, over a
        # headline
        header.title, header.title_line = named
    fiche = Fiche(key=header.key, title=header.title, start=first.start, end=last.end)
    if header.key_line is not None:
        fiche.add("key", header.key, *_span(header.key_line))
    if header.title_line is not None:
        fiche.add("title", header.title, *_span(header.title_line))

    labelled, label_lines = _labelled_lines(body)
    skipped = label_lines | {line.index for line in body if is_table_furniture(line.text)
                             or RULE.match(line.text) or CAPTION.match(line.stripped)}
    blocks = _split_at(blocks_of([ln if ln.index not in skipped else Line(ln.index, ln.start,
                                                                            ln.start, "")
                                  for ln in body]), heading_lines)
    testimonies, blocks = _take_testimonies(blocks)
    for quote, start, end in testimonies[:1]:
        fiche.add("testimony", quote, start, end)

    sections = _sections(blocks, group)
    attributions = _attributions(sections)
    cells = [b for b in blocks if id(b) not in sections.heading_ids and looks_like_sidebar(b)
             and id(b) not in attributions]
    cell_ids = {id(c) for c in cells}
    for kind, heading_block, content in sections.items:
        _extract_section(fiche, kind, heading_block, [b for b in content if id(b) not in cell_ids])
    _extract_sidebar(fiche, cells)
    _extract_labelled(fiche, labelled)
    countries_given = bool(fiche.values("countries"))
    first_heading = min(index for index, _kind in group)
    intro = [b for b in blocks if b.lines[0].index < first_heading and id(b) not in cell_ids
             and word_count(b.text) >= 12]
    if intro:
        _extract_prose_facts(fiche, intro)
    if not countries_given and header.title_line is not None:
        for mention in find_countries(header.title):  # "… Skills for Employment in Ethiopia"
            if mention.code not in fiche.values("countries"):
                fiche.add("countries", mention.code, *_span(header.title_line))
    if header.title_line is not None:  # "… local de la région de Kayes"
        for area in TITLE_AREA.finditer(header.title):
            name = area.group("name")
            if not find_countries(name) and name not in fiche.values("places"):
                fiche.add("places", name, *_span(header.title_line))
    return fiche


def _row_names(rows: list[Line], name: str) -> bool:
    """A key-facts row names the programme in full, starting with ``name``: "Nombre de la
    iniciativa<TAB>Jokkoo Tabax – Cooperativa agroecológica …"."""
    for line in rows:
        label = TITLE_LABEL.match(line.stripped) or KEY_LABEL.match(line.stripped)
        if label and _title_after_name(clean(line.stripped[label.end():]), name) is not None:
            return True  # or "Red de Mujeres Tejiendo Paz – …" under "5.3. Tejiendo Paz"
    return False


def _title_after_name(value: str, name: str) -> str | None:
    """The title of a row's value that starts with the programme's name: "Jokkoo Tabax –
    Cooperativa agroecológica …" gives "Cooperativa agroecológica …"; else None."""
    pair = KEY_AND_TITLE.match(value)
    return pair.group(2) if pair and pair.group(1).lower().endswith(name.lower()) else None


def _named_in_facts(body: list[Line], key: str, title: str) -> tuple[str, Line] | None:
    """(title, line) of a key-facts row that names the programme in full with its key:
    "Programme<TAB>Reintegration Support for Returnees in Upper and Middle Guinea (RESTART-GN)",
    "Programme<TAB>CLIMB – Climate-Linked Internal Mobility in Bangladesh". A "Project
    title" row names it whatever short title its heading gives."""
    for n, line in enumerate(body[:40]):
        named = TITLE_LABEL.match(line.stripped) or TITLE_LABEL.match(clean(line.text)) \
            or TITLE_ROW_SPACED.match(line.stripped)
        after = _title_after_name(clean(line.stripped[named.end():]), key) \
            if named and key else None
        if after is not None:
            return after, _part_of(line, after)  # "Jokkoo Tabax – Cooperativa …"
        if named and _titleish(_title_text(line.text)):  # "Nombre del componente
            part = _part_of(line, _title_text(line.text))  # <TAB>…"
            after = body[n + 1] if n + 1 < len(body) else None
            if after is not None and not after.blank and (
                    after.stripped[:1].islower() or part.text.split()[-1] in CONNECTORS) \
                    and not _sidebar_label_line(after.text):  # "Título: … como alternativa a
                part = Line(part.index, part.start, after.end, part.text + "\n" + after.text)
                return _title_text(line.text) + " " + after.stripped, part  # la" / "migración"
            return _title_text(line.text), part
        label = KEY_LABEL.match(line.stripped) or named
        value = clean(line.stripped[label.end():]) if label else ""
        found = _parenthesised_key(value) or _key_and_title(value)  # or "CLIMB – Climate-…"
        if found and key and found[0].lower() == key.lower():
            return found[1], _part_of(line, found[1])
    return None


def _without_asides(body: list[Line], heading_lines: set[int]) -> list[Line]:
    """The fiche's lines with what the report says about it ("Committee decision",
    "Reviewers' assessment", "Discussion: …", up to the fiche's next section) left blank."""
    kept: list[Line] = []
    aside = False
    for line in body:
        if line.index in heading_lines:
            aside = False
        if not line.blank and lx.aside_heading(line.text) and (
                not kept or kept[-1].blank or line.index in heading_lines):
            aside = True
        kept.append(Line(line.index, line.start, line.start, "") if aside else line)
    return kept


RUN_IN_LABEL = re.compile(r"(?<=\.)\s+(?=[A-ZÀ-Ý][^:.;]{2,30}:\s)")


def _extract_prose_facts(fiche: Fiche, intro: list[Block]) -> None:
    """Key facts told in the paragraph under the title, for the fields nothing else gave:
    sentences, or labels run into it ("… con 3 millones de euros. Inicio: 2019 (60 meses).
    Departamentos: La Unión, Morazán y Usulután. Socios: …")."""
    start, end = intro[0].start, intro[-1].end
    text = " ".join(b.joined for b in intro)
    run_in = []
    for sentence in RUN_IN_LABEL.split(text)[1:]:
        field = _sidebar_label_line(sentence.rstrip(". "))
        filled = {"date": "start", "place": "places"}.get(field[0], field[0]) if field else ""
        if field is not None and field[0] != "title" and not fiche.values(filled):
            run_in.append((Line(intro[0].lines[0].index, start, end, sentence.rstrip(". ")),
                           field))
    if run_in:
        _extract_labelled(fiche, run_in)
    facts = prose_facts(text)
    single = {"start": facts.start, "duration_months": facts.duration_months}
    for name, value in single.items():
        if not fiche.values(name):
            fiche.add(name, value, start, end)
    lists = {"countries": facts.countries, "partners": facts.partners, "places": facts.places,
             "funders": [{"name": n, "amount": _number(a), "currency": c}
                         for n, a, c in facts.funders]}
    for name, values in lists.items():
        if not fiche.values(name):
            for value in values:
                fiche.add(name, value, start, end)


def _sidebar_label_line(text: str) -> tuple[str, str] | None:
    if not (":" in text or "|" in text or "\t" in text or "..." in text or " –" in text
            or " —" in text or text.strip().endswith("**")):
        return None
    field = labelled_field(text)
    if field is not None and field[0] == "sites" and not URL.search(field[1]):
        return None  # "Project site:" over its address: a section heading
    if field is not None and field[0] == "title" and word_count(field[1]) > 8:
        return None  # "In short: REINTEG-GN is implemented by …": key facts told in prose
    return field


def _labelled_lines(body: list[Line]) -> tuple[list[tuple[Line, tuple[str, str]]], set[int]]:
    """Sidebar values written as "Label: value" lines, table rows, or a label alone on its
    line with its values as the bullets below; and the indices of all the lines they use."""
    found: list[tuple[Line, tuple[str, str]]] = []
    used: set[int] = set()
    pending: str | None = None  # the kind of a label that stands alone, waiting for bullets
    cell_kind: str | None = None  # a capitals label over cells of short lines ("FUNDING")
    cell: list[Line] = []

    def close_cell() -> None:
        if cell and cell_kind:
            entries: list[list[Line]] = []
            top = min((_indent(x) for x in cell if is_bullet(x.text)), default=0)
            for x in cell:  # one entry per bullet, wrapped lines joined
                if not entries or (is_bullet(x.text) and _indent(x) <= top):
                    entries.append([x])
                else:
                    entries[-1].append(x)
            if not any(is_bullet(x[0].text) for x in entries):
                entries = [list(cell)]
            for entry in entries:  # wrapped lines kept apart for the partner splitter
                text = "\n".join(clean(x.text) for x in entry)
                found.append((Line(entry[0].index, _span(entry[0])[0], _span(entry[-1])[1],
                                   "\n".join(x.stripped for x in entry)), (cell_kind, text)))
        cell.clear()

    blanks = values_since_label = plain_values = 0
    label_indent = 10_000  # lines indented under a "Partners:" label are its values
    wrapping: int | None = None  # the labelled value the next lines may continue
    listing: int | None = None  # the value of a list label that its next lines continue
    prose: int | None = None  # a paragraph of partners told in sentences, being read
    shares = False  # a total was given: bullets with amounts below it name its funders
    columns = _column_tables(body)
    for line in body:
        if line.index in columns:  # "| Financement | Durée |" over its one row of values
            found.extend((line, field) for field in columns[line.index])
            used.add(line.index)
            continue
        if line.blank:
            blanks += 1
            close_cell()
            continue
        gap, blanks = blanks, 0
        if prose is not None and not gap and not lx.heading_kind(line.text):
            found[prose] = _joined_value(found[prose], line)
            used.add(line.index)
            continue
        prose = None
        if shares and not gap and is_bullet(line.text) and _indent(line) and find_money(line.text):
            found.append((line, ("funders", clean(line.text))))  # "Budget total : 130 000 €"
            used.add(line.index)  # over "  - Région Île-de-France : 45 000 €"
            continue
        shares = False
        if line.listed:  # the values under a list label, found with the key facts around it
            if listing is not None and found[listing][0].end < line.start and not gap:
                found[listing] = _joined_value(found[listing], line)
            else:
                found.append((line, (line.listed, clean(line.text))))
                listing = len(found) - 1
            used.add(line.index)
            continue
        listing = None
        if wrapping is not None and not gap and _wraps_value(found[wrapping], line):
            found[wrapping] = _joined_value(found[wrapping], line)
            used.add(line.index)
            continue
        wrapping = None
        if is_sidebar_title(line.text) and not lx.heading_kind(line.text):
            used.add(line.index)  # "Ficha técnica" over the labelled lines: no value
            continue
        alone = label_alone(line.text)
        if alone == "funders" and BUDGET_LABEL.match(clean(line.text)):
            alone = "budget"  # "MONTANT" over the amounts of the funders named above
        if alone:
            close_cell()
            cell_kind, pending, values_since_label, plain_values = alone, None, 0, 0
            used.add(line.index)
            continue
        if cell_kind and values_since_label and (gap > 1 or (
                is_bullet(line.text) and plain_values > 0)):
            cell_kind = None  # a wide gap, or bullets after plain lines, end the labelled cell
        indented = len(line.text) - len(line.text.lstrip()) > label_indent
        if cell_kind and (len(line.stripped) <= SIDEBAR_MAX or is_bullet(line.text) or indented) \
                and not lx.heading_kind(line.text) and not _sidebar_label_line(line.text):
            cell.append(line)
            used.add(line.index)
            values_since_label += 1
            plain_values += not is_bullet(line.text) and not line.text[:1].isspace()
            continue
        close_cell()
        cell_kind = None
        several = _slashed_fields(line.text) or _dashed_fields(line.text)
        if several:
            found.extend((line, one) for one in several)
            used.add(line.index)
            pending = wrapping = None
            continue
        field = _sidebar_label_line(line.text)
        if field is None and _inline_site(line) and URL.search(line.text):
            field = ("sites", line.text)  # "Site web https://…" among the key facts
        site = labelled_field(line.text) if line.stripped.startswith("|") else None
        if field is None and site is not None and site[0] == "sites" and site[1].strip():
            used.add(line.index)  # "| Website | — |": a key fact that gives no address
            pending = wrapping = None
            continue
        if field is not None and field[1].strip():
            found.append((line, field))
            used.add(line.index)
            pending, wrapping = None, len(found) - 1
            shares = field[0] in ("funders", "budget") and bool(find_money(field[1]))
        elif field is not None:  # "Partners:" alone: its values follow, as cells or bullets
            pending = cell_kind = field[0]
            label_indent = len(line.text) - len(line.text.lstrip())
            values_since_label = plain_values = 0
            used.add(line.index)
        elif _bare_label(line.text):  # "Partners" alone on its line, its bullets below
            pending = _bare_label(line.text)
            used.add(line.index)
        elif pending and is_bullet(line.text):
            found.append((line, (pending, clean(line.text))))
            used.add(line.index)
        elif pending == "partners" and not gap and _sentences_from(body, line):
            found.append((line, (pending, line.stripped)))  # "Partenaires" over "Le projet
            used.add(line.index)  # est conduit en partenariat avec …"
            pending, prose = None, len(found) - 1
        elif pending in WRAPPING_KINDS and ";" in line.text and not gap:
            found.append((line, (pending, clean(line.text))))  # "Socios" over "A; B; C"
            used.add(line.index)
            pending, wrapping = None, len(found) - 1
        else:
            pending = None
    close_cell()
    return found, used


WRAPPING_KINDS = ("partners", "funders", "place")


def _cells(text: str) -> list[str]:
    return [clean(cell) for cell in text.strip().strip("|").split("|")]


def _column_tables(body: list[Line]) -> dict[int, list[tuple[str, str]]]:
    """Key facts as a table whose header row holds the labels and whose one row below holds
    the values: {line index: fields} for both rows (the header's list empty)."""
    found: dict[int, list[tuple[str, str]]] = {}
    rows = [ln for ln in body if TABLE_ROW.match(ln.text) and not TABLE_RULE.match(ln.text)]
    for header, values in itertools.pairwise(rows):
        labels = _cells(header.text)
        kinds = [label_kind(label) for label in labels]
        cells = _cells(values.text)
        between = body[header.index - body[0].index + 1:values.index - body[0].index]
        if len(labels) >= 2 and len(cells) == len(labels) and None not in kinds \
                and "title" not in kinds and all(TABLE_RULE.match(x.text) for x in between) \
                and not any(label_kind(cell) for cell in cells):
            found[header.index] = []
            found[values.index] = [field for kind, cell in zip(kinds, cells, strict=True)
                                   if cell for field in _slashed_fields(cell)
                                   or _dashed_fields(cell) or [(kind, cell)]]
    return found


def _sentences_from(body: list[Line], line: Line) -> bool:
    """A paragraph of sentences starts at the line, a long one with a verb: a dozen words or
    more, ended by a full stop, before the next blank line or heading."""
    paragraph = []
    for following in body[line.index - body[0].index:]:
        if following.blank or (paragraph and lx.heading_kind(following.text)):
            break
        paragraph.append(following.stripped)
    text = " ".join(paragraph)
    return not is_bullet(line.text) and line.stripped[:1].isupper() and word_count(text) >= 12 \
        and text.endswith(".") and len(line.stripped) >= 50 \
        and SENTENCE_VERB.search(line.stripped) is not None  # not a list of names


def _bare_label(text: str) -> str | None:
    """The kind of a list label written alone, without a colon, in any case: "Partners"."""
    if is_bullet(text) or lx.heading_kind(text):
        return None
    kind = label_kind(clean(text)) if len(text.strip()) <= 40 else None
    return kind if kind in WRAPPING_KINDS else None
BULLET_START = re.compile(r"^\s*[-•–·▪*]\s")
SLASH = re.compile(r"\s+[/|—•·]\s+")


def _slashed_fields(text: str) -> list[tuple[str, str]]:
    """The labelled values of one line that strings several together with " / ":
    "Key data: Budget €4M (EU) / Start: October 2020, 36 months / Where: …"."""
    parts = SLASH.split(text.strip().strip("*_"))  # an italic banner: "*Financement : … — …*"
    if len(parts) < 2 or label_kind(parts[0]):
        return []  # not "Start date / duration<TAB>January 2020 / 3 years", one label's
    fields = [_leading_field(part) for part in parts]
    labelled = [f for f in fields if f is not None]
    if len(parts) == 2 and not all(":" in part for part in parts):
        return []  # "Periodo: 2021 | Ámbito: Colombia" is two fields; "A | B" may be one
    return labelled if len(labelled) >= 2 else []


def _dashed_fields(text: str) -> list[tuple[str, str]]:
    """"Démarrage : avril 2022 – durée prévue : 36 mois": two labelled values joined by a dash,
    each with its own colon (a dash between dates stays inside one value)."""
    parts = re.split(r"\s+[–—-]\s+", text.strip().strip("*_"))
    labels = [part.split(":", 1)[0].strip() for part in parts]
    fields = [labelled_field(_capitalised(part)) if ":" in part and (
        label_kind(_capitalised(label)) or len(label.split()) <= 2) else None  # not "Mobility
              for part, label in zip(parts, labels, strict=True)]  # Partnership Facility
    # (MPF): EUR 2.5 million", a funder's name
    if len(parts) < 2 or any(f is None or f[0] == "title" for f in fields):
        return []
    return [f for f in fields if f is not None]


def _capitalised(part: str) -> str:
    """A label inside a line, as if it opened one: "durée prévue : 36 mois" after a dash (a
    line that opens in lower case continues a sentence)."""
    part = part.lstrip()
    return part[:1].upper() + part[1:]


def _leading_field(part: str) -> tuple[str, str] | None:
    """(kind, value) of "Label: value", or of "Label value" when the label is a known one;
    behind a sidebar title ("Key data: Budget €4M"), the field that follows it."""
    field = labelled_field(_capitalised(part)) if ":" in part else None
    if field is not None and field[0] == "title":
        return _leading_field(field[1])
    if field is not None and field[0] == "funders" and _budget_label(part):
        return "budget", field[1]  # "… | Presupuesto total: EUR 4,5 millones"
    if field is not None:
        return field
    words = part.split()
    for size in (3, 2, 1):
        kind = label_kind(" ".join(words[:size]))
        if len(words) > size and kind not in (None, "title"):
            return kind, " ".join(words[size:])
    return None


def _wraps_value(labelled: tuple[Line, tuple[str, str]], line: Line) -> bool:
    """The line continues a labelled list value wrapped over lines: "Partners: A; B,\n   C; D"
    (indented, or after a separator or connecting word, or itself a list of names)."""
    first, (kind, value) = labelled
    if _sidebar_label_line(line.text) or lx.heading_kind(line.text) or _run_in(line.text):
        return False
    column = first.text.find(value.split("\n")[0][:12]) if value.strip() else -1
    last_word = value.split()[-1].lower() if value.split() else ""
    if kind == "agency" and (value.rstrip().endswith(",") or last_word in CONNECTORS) \
            and not _run_in(line.text):
        return True  # "Implementation: GRN, with the National Youth Council, the\nMinistry …"
    if kind not in WRAPPING_KINDS:  # "Implementing agency : AICS, Dakar\n            office"
        return column > 8 and _indent(line) >= column - 2 and first.index + 3 >= line.index
    listed = kind == "partners" and bool(BULLET_START.match(value))  # "Socios: - A\n  - B"
    if kind == "funders" and (re.match(r"\s*[–—-]\s*(?:[A-Z]{3}|[€$£])\s*\d", line.text) or (
            re.search(r"(?:\b[A-Z]{3}|[€$£])\s*$", value) and re.match(r"\s*\d", line.text))):
        return True  # "ADCA\n– EUR 800,000", "… – COP\n750 millones": an amount wrapped
    if (is_bullet(line.text) and not listed) or is_url_line(line.text) \
            or first.index + 8 < line.index:
        return False
    if listed:
        return _indent(line) > 8
    indent = len(first.text) - len(first.text.lstrip())
    if re.match(r"\s*\|\s*[^\s|][^|]*\|\s*[^\s|]", line.text) and re.match(r"\s*\|", first.text):
        return False  # "| **Presented by** | …": a row of its own; a continued cell is empty
    label_row, next_row = (re.match(r"\s*[|│┃]( *)\S", x.text) for x in (first, line))
    box_row = bool(label_row and next_row  # "| Funding:  A |" over "|           B |"
                   and len(next_row.group(1)) > len(label_row.group(1)) + 2)
    return (box_row or len(line.text) - len(line.text.lstrip()) > indent
            or value.rstrip().endswith((";", ",")) or last_word in CONNECTORS
            or line.stripped[:1].islower() or ";" in line.text
            or value.count("(") > value.count(")") or line.stripped[:1] == "("
            or (";" in value and kind == "partners"))  # "…; Réseau\nNational des …"


def _joined_value(labelled: tuple[Line, tuple[str, str]], line: Line
                  ) -> tuple[Line, tuple[str, str]]:
    first, (kind, value) = labelled
    text = first.text + "\n" + line.text  # the document's text over both lines
    more = clean(line.text).strip("| ")  # a table row's continuation: "      | more names"
    indent = " " * (len(line.text) - len(line.text.lstrip()))  # kept for hanging indents
    return (Line(first.index, first.start, line.end, text, first.listed),
            (kind, value + "\n" + indent + more))


def _extract_labelled(fiche: Fiche, labelled: list[tuple[Line, tuple[str, str]]]) -> None:
    """Sidebar values given as "Label: value" lines or table rows."""
    budgets = []
    works_with: list[tuple[str, int, int]] = []  # named beside the implementing agency
    agency_countries: list[tuple[str, int, int]] = []  # "Municipio promotor: Cúcuta (Colombia)"
    donors = any(kind == "funders" and not _budget_label(line.text)
                 for line, (kind, _v) in labelled)
    for line, (kind, value) in labelled:
        start, end = _span(line)
        budget = kind == "budget" or (kind == "funders" and _budget_label(line.text))
        if budget and donors:
            budgets.append((line, value))  # a total, read once the funders are known
            continue
        kind = "funders" if budget else kind
        indents = [len(x) - len(x.lstrip()) for x in value.split("\n")]
        lines_of_value = [re.sub(r"\s{2,}", " ", x.strip()) for x in value.split("\n")]  # justified
        value = re.sub(r"(?i)<br\s*/?>|\s·\s", " ; ", " ".join(lines_of_value))
        if kind == "agency":  # who implements is not a partner; those it works with are
            joined = WORKS_WITH.search(value)
            works_with += [(name, start, end) for name in
                           (organisation_names(joined.group("names")) if joined else [])]
            agency_countries += [(m.code, start, end) for m in find_countries(value)
                                 if value[:m.start].rstrip().endswith("(")]
            continue
        if kind in ("title", "other"):
            continue  # a sidebar's title is no value, nor is whom to contact
        if kind == "sites":
            for match in MARKDOWN_LINK.finditer(value) if "](" in value else URL.finditer(value):
                url = match.group(1).rstrip(".,;")
                if url not in fiche.values("sites"):
                    fiche.add("sites", url, start, end)
            continue
        cell = Block([Line(line.index, start, end, value)], 0)
        if kind == "date":
            value = re.sub(r"(?i)(\d+)-(month|year)s?\b", r"\1 \2s", value)  # "6-month"
            extended = EXTENSION.search(value)  # "36 mois, prolongée de 12 mois"
            extra = find_start_duration(f"({extension_terms(extended)})") if extended else None
            if extended:
                value = value[:extended.start()].rstrip(" ,;")
            value = re.sub(r"(?i)\s*(?:no-cost |sans frais |sin costo )?(?:extension|"
                           r"prolongation|pr[oó]rroga|ampliaci[oó]n)\b", "", value)
            extended_to = EXTENDED_TO.search(value)  # "40 meses (ampliada a 46 meses …)"
            if extended_to:
                value = value[:extended_to.start()].rstrip(" ,;(")
            cell = Block([Line(line.index, start, end, value)], 0)
            known = len(fiche.fields)
            _add_dates(fiche, cell)
            _add_dates(fiche, Block([Line(line.index, start, end, "Starting " + value)], 0))
            _add_dates(fiche, Block([Line(line.index, start, end, f"({value})")], 0))
            _add_dates(fiche, Block([Line(line.index, start, end,
                                          "Duration: " + spelled_numbers(value))], 0))
            added = next((f for f in fiche.fields[known:] if f.name == "duration_months"), None)
            if added is not None and extra is not None and extra.duration_months \
                    and not _range_holds_extension(value, added.value, extra.duration_months):
                added.value += extra.duration_months  # "(4 years), extended by 12 months"
            if added is not None and extended_to:
                added.value = int(extended_to.group("months"))
        elif kind == "place":
            if _one_name_a_line(lines_of_value):  # "Kayes" / "Nioro du Sahel" / "Diéma"
                cell = Block([Line(line.index, start, end, " ; ".join(lines_of_value))], 0)
            _add_places(fiche, cell)
            _add_listed_places(fiche, cell)
        elif kind == "funders":
            value = _funder_lines(lines_of_value)
            shares = TOTAL_AND_SHARES.match(value)  # "EUR 2,650,000 (ADCA EUR 2.1 million; …)"
            named = shares and (shares.group("shares") or shares.group("listed") or (
                shares.group("after") if _only_money(shares.group("total")) else None))
            if named and len(find_money(named)) >= 2:
                value = named
            giver = FUNDER_IN_LABEL.match(line.text.split("\n")[0])  # "DMIF grant<TAB>EUR …"
            for funder in _funders_of(value):
                if giver and (not funder["name"] or NOT_A_FUNDER_NAME.match(funder["name"])
                              or funder["name"] == giver.group(0).strip(" :\t")):
                    funder["name"] = giver.group("name") or giver.group("name2")  # not "Phase 1"
                fiche.add("funders", funder, start, end)
        elif value.rstrip().endswith(".") and word_count(value) > 15 and ";" not in value \
                and SENTENCE_VERB.search(value) and len(lines_of_value) >= 2:
            for name in _partners_in_sentences(value):  # a paragraph under "Partenaires"
                fiche.add("partners", name, start, end)
        elif len(lines_of_value) >= 3 and ";" not in value and len(set(indents[1:])) > 1:
            for name in _hanging_entries(lines_of_value, indents):  # "Partners : A\n   (AA)"
                fiche.add("partners", name, start, end)
        elif (len(lines_of_value) >= 3 or (line.listed and len(lines_of_value) == 2)) \
                and ";" not in value and not _comma_list(lines_of_value):  # one name a line
            cell = Block([Line(line.index, start, end, x) for x in lines_of_value], 0)
            for name, _s, _e in _split_wrapped_entries(cell):
                fiche.add("partners", name, start, end)
        elif value.rstrip().endswith(".") and word_count(value) > 15 and ";" not in value \
                and not _listed_names(value):  # partners told in sentences
            for name in _partners_in_sentences(value):
                fiche.add("partners", name, start, end)
        elif is_bullet(line.text) and labelled_field(line.text.split("\n")[0]) is None \
                and ";" not in value:
            fiche.add("partners", clean(value), start, end)  # one name per bullet, commas and all
        else:
            for name in _partner_names(value):
                fiche.add("partners", name, start, end)
    for line, value in budgets:
        _add_budget(fiche, line, value)
    if not fiche.values("countries"):  # the only country named is the promoter's
        for code, start, end in dict.fromkeys(agency_countries):
            fiche.add("countries", code, start, end)
    for name, start, end in works_with:
        if not any(_same_organisation(name, known) for known in fiche.values("partners")):
            fiche.add("partners", name, start, end)


EXTENDED_TO = re.compile(r"(?i)\b(?:ampliad[oa]|extendid[oa]|prorrogad[oa]|extended|"
                         r"prolong[ée]e?|port[ée]e?)\s+(?:a|à|to|hasta|jusqu['’]à)\s+"
                         r"(?P<months>\d{1,3})\s*(?:months|mois|meses)\b")
WORKS_WITH = re.compile(  # not "in consortium with", nor "con asistencia técnica de la AECID"
    r"(?i)(?<!consortium )(?<!consorcio )\b(?:(?:together |in partnership |in cooperation )?with|"
    r"avec|en partenariat avec|junto con|con)\s+(?!(?:technical |the technical |asistencia|"
    r"assistance|support|apoyo|appui|l['’]appui|el apoyo)\b)(?P<names>[^.;]+)")
TOTAL_AND_SHARES = re.compile(  # "EUR 2,650,000 (ADCA EUR 2.1 million; …)", "850 000 €, dont …"
    r"^[^()]*\d[^()]*\((?P<shares>[^()]*\d[^()]*)\)\s*\.?$|"
    r"^[^()]*?\d[^,]*,?\s+(?:dont|of which|including|de los cuales|de las cuales|incl\.)\s+"
    r"(?P<listed>.*\d.*)$|"
    r"^(?P<total>[^();]{1,30}?)\s[-–—]\s+(?P<after>.*\d.*)$")  # "96 000 € - X (80 000 €) et …"


def _range_holds_extension(value: str, months: int, extension: int) -> bool:
    """"January 2018 – June 2023 (five years, extended by six months)": the dates run to the
    extended end, so the months they span already hold the extension."""
    stated = re.sub(r"(?:[^\W\d_]+\.?\s+)?(?:19|20)\d\d\s*(?:[–—-]|to|until|hasta|au|à|al)\s*"
                    r"(?:[^\W\d_]+\.?\s+)?(?:19|20)\d\d", "", value)
    if stated == value:
        return False
    found = find_start_duration("Duration: " + spelled_numbers(re.sub(r"[()]", " ", stated)))
    return found is not None and found.duration_months is not None \
        and months == found.duration_months + extension


def _only_money(text: str) -> bool:
    """The text is an amount and nothing else: "96 000 €", "EUR 2.4 million"."""
    monies = find_money(text)
    return len(monies) == 1 and not (text[:monies[0].start] + text[monies[0].end:]).strip()


def _one_name_a_line(lines_of_value: list[str]) -> bool:
    """Short capitalised lines with no punctuation or trailing connector: a column of names,
    one a line, not one name wrapped ("Région de" / "Kayes")."""
    return len(lines_of_value) >= 2 and all(
        x[:1].isupper() and word_count(x) <= 4 and not re.search(r"[,;()]", x)
        and not x.split()[-1].islower() for x in lines_of_value)


def _comma_list(lines_of_value: list[str]) -> bool:
    """Names listed with commas and wrapped wherever the line was full: "A, B, Municipalidad"
    / "Provincial de Tacna, C y D"."""
    return max(text.count(",") for text in lines_of_value) >= 2 and not any(
        text.endswith((",", ";")) for text in lines_of_value)  # not one name a line


def _hanging_entries(lines_of_value: list[str], indents: list[int]) -> list[str]:
    """One name per line of a list whose wrapped names go on indented further."""
    base = min(indents[1:])
    entries: list[str] = []
    for n, (text, indent) in enumerate(zip(lines_of_value, indents, strict=True)):
        if n and indent > base and entries:
            entries[-1] += " " + text
        else:
            entries.append(text)
    return [clean(entry) for entry in entries if clean(entry)]


def _budget_label(text: str) -> bool:
    match = LABELLED.match(text)
    return match is not None and bool(BUDGET_LABEL.match(match.group("label")))


def _add_budget(fiche: Fiche, line: Line, value: str) -> None:
    """A budget is the funders' total: it gives the amount of a sole funder named without
    one, or stands as a funder of its own when no funder is named; else it adds nothing.
    A budget split between named funders ("CHF 6.5 million (SDC) and EUR 4 million (EU)")
    gives each named funder its amount."""
    funders = [f for f in fiche.fields if f.name == "funders"]
    if any(f.value["amount"] is not None for f in funders):
        return
    shares = [f for f in _funders_of(value) if f["name"] and f["amount"] is not None]
    if len(shares) >= 2 or (shares and len(funders) != 1):
        for share in shares:
            named = next((f for f in funders
                          if _same_organisation(f.value["name"], share["name"])), None)
            if named is None:
                fiche.add("funders", share, *_span(line))
            else:
                named.value = {**share, "name": named.value["name"]}
        return
    money = next((m for m in find_money(value) if m.amount is not None), None)
    if money is None:
        return
    if len(funders) == 1:
        funders[0].value = {**funders[0].value, "amount": _number(money.amount),
                            "currency": money.currency}
    elif not funders:
        fiche.add("funders", {"name": "", "amount": _number(money.amount),
                              "currency": money.currency}, *_span(line))


def _same_organisation(name: str, other: str) -> bool:
    """"SDC" and "Swiss Agency … (SDC)", or two names sharing most of their words."""
    words, other_words = ({w for w in re.findall(r"\w+", normalize(x)) if len(w) > 3}
                          for x in (name, other))  # "of", "and", "de la" say nothing
    acronym = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]\w*\b")
    if set(acronym.findall(name)) & set(acronym.findall(other)):
        return True  # the same acronym as a word of both: "SDC", "EU"
    return len(words & other_words) * 2 >= min(len(words), len(other_words)) + 1


SENTENCE_VERB = re.compile(r"(?i)\b(?:is|are|was|were|works?|est|sont|travaill\w*|collabor\w*|"
                           r"es|son|trabaj\w*|implemented|mis|mise|ejecutad\w*|involves?|"
                           r"includes?|comprend\w*|incluye\w*|associe\w*|has|have|a|ont|"
                           r"tiene\w*|cuenta)\b")


def _listed_names(value: str) -> bool:
    """A list of names with a full stop at its end, not a sentence: "A, B (BB) et C."."""
    text = value.rstrip(". ")
    return not re.search(r"[.!?]\s+[A-ZÀ-Ý]", text) and not SENTENCE_VERB.search(text) \
        and len(_partner_names(text)) >= 3


def _partner_names(value: str) -> list[str]:
    """The names of a partners value: split at semicolons, or at commas when every part is a
    name of a few words ("Commune d'Oujda, Commune de Berkane, Entraide nationale")."""
    value = re.sub(r"(?<=[^\W\d]{4})\.\s*$", "", value)  # "… et Université de Bouaké."
    names = [clean(n) for n in re.split(r"\s*;\s*", value) if clean(n)]
    if len(names) == 1:
        for separators in (r",\s+(?:(?:and|et|y)\s+)?|\s+(?:and|et|y)\s+(?=[^,]*$)",
                           r",\s+(?:(?:and|et|y)\s+)?"):  # "…, association Retour et Développement"
            parts = [LOWER_CASE_ARTICLE.sub("", p) for p in _names_going_on(
                names[0], _split_top_level(names[0], re.compile(separators)))]
            if len(parts) >= 3 and all(2 <= len(p.split()) <= 12 for p in parts):
                return parts
    return names


PARTNERS_LEAD = re.compile(
    r"(?i)\b(?:(?:en|in) (?:partenariat|partnership|collaboration|cooperation|coopération|"
    r"alianza|colaboración|colaboracion|asociación|asociacion|lien)|together|conjuntamente|"
    r"(?:works?|working|travaille|travaillent|trabaja|trabajan) (?:closely |étroitement )?)"
    r"\s+(?:avec|with|con)\s+")


def _partners_in_sentences(value: str) -> list[str]:
    """The names of a paragraph about partners: those after "… en partenariat avec", as a
    list, and the capitalised names before it; else every capitalised name it holds."""
    value = re.sub(r"\s+", " ", value)
    lead = PARTNERS_LEAD.search(value)
    if lead is None:
        return organisation_names(value)
    rest = re.split(r"\.\s+(?=[A-ZÀ-Ý])|\.$", value[lead.end():].strip())[0]
    before = organisation_names(value[:lead.start()])  # "mis en œuvre par la Ville de X, en
    return before + [n for n in _partner_names(rest) if n not in before]  # lien avec …"


LOWER_CASE_ARTICLE = re.compile(r"^(?:les|la|le|l['’]|the|el|los|las|un|une|des)\s*(?=\w)")


def _names_going_on(text: str, parts: list[str]) -> list[str]:
    """Parts that go on with the name before them ("de réhabilitation (CONASUR)", "d’industrie
    et d’artisanat de Guinée") joined to it again, as printed."""
    spans: list[list[int]] = []
    cursor = 0
    for part in parts:
        start = text.find(part, cursor)
        if start < 0:
            return parts
        cursor = start + len(part)
        if spans and (NAME_GOES_ON.match(part) or re.match(r"d['’]\w", part)):
            spans[-1][1] = cursor
        else:
            spans.append([start, cursor])
    return [clean(text[a:b]) for a, b in spans]


# a part that goes on with its name: "Ministère de l'Administration, de la Décentralisation"


def _funder_lines(lines_of_value: list[str]) -> str:
    """A funders value wrapped over lines, joined; a line that ends with an amount closes its
    funder: "Ministry for Economic Cooperation\nand Development (BMZ): EUR 3,000,000\nAustrian
    Development Agency (ADA): EUR 650,000"."""
    text = ""
    for part in lines_of_value:
        if text:
            monies = [m for m in find_money(text) if m.amount is not None]  # not "… : EUR"
            ends_priced = bool(monies) and not text[monies[-1].end:].strip(" .,)") \
                and not re.match(r"(?i)\s*(?:million|mio|mn|bn|billion|millones|millions?)\b",
                                 part) \
                and not re.fullmatch(r"\s*\([^()]+\)\s*", part)  # "EUR 3.2\nmillion", "(EU)"
            text += " ; " if ends_priced and not text.rstrip().endswith(";") else " "
        text += part.strip()
    return re.sub(r"(?i)<br\s*/?>|\s·\s", " ; ", text)


def _split_at(blocks: list[Block], heading_lines: set[int]) -> list[Block]:
    """Blocks cut so that every heading line starts a block of its own."""
    result = []
    for block in blocks:
        current: list[Line] = []
        gap = block.gap_before
        for line in block.lines:
            if line.index in heading_lines and current:
                result.append(Block(current, gap))
                current, gap = [], 0
            current.append(line)
        result.append(Block(current, gap))
    return result


@dataclass
class _Sections:
    items: list[tuple[str, Block, list[Block]]]
    heading_ids: set[int]


def _sections(blocks: list[Block], group: list[tuple[int, str]]) -> _Sections:
    heading_lines = dict(group)
    items: list[tuple[str, Block, list[Block]]] = []
    heading_ids: set[int] = set()
    closed = plain = False  # a "Label: value" line of another field ends a run-in section
    for block in blocks:
        first = block.lines[0].index
        if first in heading_lines:
            heading_ids.add(id(block))
            heading = Block(block.lines[:1], block.gap_before)
            items.append((heading_lines[first], heading, []))
            run_in = _run_in(block.lines[0].text)
            rest = block.lines[1:]
            closed = plain = False
            if run_in and not lx.heading_kind(block.lines[0].text):
                line = block.lines[0]
                rest = [Line(line.index, line.start + run_in.start("rest"), line.end,
                             run_in.group("rest")), *rest]
                plain = run_in.re in (PLAIN_RUN_IN, DOT_RUN_IN)
                if plain:
                    other = next((n for n, x in enumerate(rest) if n and _other_label(x.text)
                                  and _run_in_kind(x.text) != heading_lines[first]),
                                 None)  # "Objetivo específico: …" goes on "Objetivo general: …"
                    closed = other is not None
                    rest = rest[:other]
            if not run_in and not lx.heading_kind(block.lines[0].text):  # a lead-in:
                rest = block.lines  # "Parmi les difficultés, il cite …", all its paragraph
            if run_in and run_in.re is TAB_RUN_IN and not block.lines[1:]:
                items[-1][2].extend(Block([piece], 0) for piece in _cell_paragraphs(rest[0]))
            elif rest:  # a heading directly followed by text, no blank line
                items[-1][2].append(Block(rest, 0))
        elif items and not closed:
            closed = plain and _other_label(block.lines[0].text)
            sub = block.lines[0].stripped.startswith("#") and len(block.lines) == 1 \
                and lx.heading_kind(block.lines[0].text) == items[-1][0]
            if not closed and not sub:  # not "### Objetivo específico" under "## Objetivos"
                items[-1][2].append(block)
    return _Sections(items, heading_ids)


def _attributions(sections: _Sections) -> set[int]:
    """The "Karla, 27 años, retornada, Choloma" line under a testimony heading's quote: who
    spoke, not a key-facts cell of partners."""
    return {id(block) for kind, _heading, content in sections.items if kind == lx.TESTIMONY
            for before, block in itertools.pairwise(content)
            if _closes_quote(before) and _is_attribution(block)}


def _cell_paragraphs(line: Line) -> list[Line]:
    """The paragraphs of a table cell, which the reader joined with " ; "."""
    pieces, at = [], 0
    for match in [*CELL_PARAGRAPHS.finditer(line.text), None]:
        end = match.start() if match else len(line.text)
        piece = line.text[at:end]
        if piece.strip():
            start = line.start + at + len(piece) - len(piece.lstrip())
            pieces.append(Line(line.index, start, start + len(piece.strip()), piece.strip()))
        at = match.end() if match else end
    return pieces


def _other_label(text: str) -> bool:
    """A "Target group: …" line: a field of a fiche written as labelled lines."""
    match = PLAIN_RUN_IN.match(text)
    return match is not None and len(match.group("heading").split()) <= 4


def _take_testimonies(blocks: list[Block]) -> tuple[list[tuple[str, int, int]], list[Block]]:
    """Quoted blocks (“…”, «…», > …) and the attribution line that follows one."""
    found: list[tuple[str, int, int]] = []
    kept: list[Block] = []
    blocks = [part for block in blocks for quoted in _split_at_quote(block)
              for part in _split_attribution(quoted)]
    n = 0
    while n < len(blocks):
        block = blocks[n]
        told = QUOTE_TOLD.match(block.text) if len(block.lines) == 1 else None
        if told:  # 'Thomas shared a quote from a returnee: "When I came back …"'
            quote = told.group("quote")
            start = block.start + told.start("quote")
            found.append((quote, start, start + len(quote)))
            n += 1
            continue
        first = block.lines[0].stripped.lstrip("*_ ")
        quoted_block = first.startswith(">") and first.lstrip("> *_")[:1] in OPEN_QUOTES
        if quoted_block or (first[:1] in OPEN_QUOTES and (word_count(first) >= 6
                                                          or len(first) <= 2)):
            run = [block]
            while not _closes_quote(run[-1]) and n + 1 < len(blocks) and len(run) < 8 \
                    and not first.startswith(">"):
                n += 1
                run.append(blocks[n])
            if _closes_quote(run[-1]) or first.startswith(">"):
                quote = "\n\n".join(b.text for b in run)
                quote = re.sub(r"(?m)^>[ \t]?", "", quote).strip()
                quote = ATTRIBUTION_AFTER.sub("", quote)  # "… hermano.» — Carlos M., 38 años"
                quote = quote.strip(OPEN_QUOTES + CLOSE_QUOTES + "*_ \n")
                found.append((quote, run[0].start, run[-1].end))
                if n + 1 < len(blocks) and _is_attribution(blocks[n + 1]):
                    n += 1
                n += 1
                continue
            kept.extend(run)
            n += 1
            continue
        kept.append(block)
        n += 1
    return found, kept


QUOTE_TOLD = re.compile(  # a lead-in that says someone is quoted, then the quote, whole
    rf"^[^{OPEN_QUOTES}]{{3,200}}\b(?:quote[ds]?|said|says|told (?:us|the \w+)|testif(?:y|ied|ies)|"
    rf"t[ée]moign\w*|d[ée]clar\w*|raconte|cit[ée]|relat[óa]\w*|cuenta|afirm[óa]|dijo|"
    rf"testimonio|dit|disait|message|mots|paroles|words|palabras|mensaje|dice)\b"
    rf"[^{OPEN_QUOTES}]{{0,120}}:\s*[{OPEN_QUOTES}]\s*"
    rf"(?P<quote>.{{20,}}?)\s*[{CLOSE_QUOTES}]\s*\.?$")
ATTRIBUTION_AFTER = re.compile(rf"(?<=[{CLOSE_QUOTES}])[*_]*\s*[—–-]\s+[^{OPEN_QUOTES}]{{2,160}}$")


def _split_at_quote(block: Block) -> list[Block]:
    """A quote printed right under a list's last item, or with the lines that follow it, without
    a blank line between them (a PDF's text, a text saved one paragraph a line), as a block of
    its own."""
    for n, line in enumerate(block.lines):
        opens = line.stripped.lstrip("*_ ")[:1] in OPEN_QUOTES and word_count(line.stripped) >= 6
        if not opens or (n and block.lines[n - 1].stripped.rstrip("*_ ")[-1:] not in ".;!?"):
            continue
        closing = next((m for m in range(n, len(block.lines)) if block.lines[m].stripped.rstrip(
            "*_ ")[-1:] in CLOSE_QUOTES), None)
        if closing is None or (n == 0 and closing + 1 == len(block.lines)):
            continue
        parts = [p for p in (block.lines[:n], block.lines[n:closing + 1],
                             block.lines[closing + 1:]) if p]
        return [Block(lines, block.gap_before if not k else 0) for k, lines in enumerate(parts)]
    return [block]


def _split_attribution(block: Block) -> list[Block]:
    """A quote and its "— Name, place" line printed without a blank line between them, as two
    blocks."""
    if len(block.lines) < 2:
        return [block]
    last, before = block.lines[-1], block.lines[-2]
    attribution = last.stripped[:1] in "—–" or (  # "(Modou, 27 ans, mécanicien à Kayar)"
        last.stripped.startswith("(") and last.stripped.endswith(")")
        and word_count(last.stripped) <= 12)
    if attribution and before.stripped.rstrip("*_ ")[-1:] in CLOSE_QUOTES \
            and block.lines[0].stripped.lstrip("*_ ")[:1] in OPEN_QUOTES:
        return [Block(block.lines[:-1], block.gap_before), Block([last], 0)]
    return [block]


def _closes_quote(block: Block) -> bool:
    """The block ends its quote, maybe followed by its attribution ("… »* — Fatimata")."""
    last = block.lines[-1].stripped
    return last.rstrip("*_ ")[-1:] in CLOSE_QUOTES or bool(ATTRIBUTION_AFTER.search(last))


def _is_attribution(block: Block) -> bool:
    """"– Deputy Town Clerk, Koboko" or "Ousmane S., 27, participant" after a quote."""
    text = clean(block.text).strip()
    if lx.heading_kind(block.lines[0].text) or _sidebar_label_line(block.lines[0].text):
        return False
    if len(block.lines) > 2 or word_count(text) > 16 or (
            is_bullet(block.lines[0].text)
            and not block.lines[0].stripped.startswith(("-", "—", "–"))):
        return False
    return block.lines[0].stripped[:1] in "-—–(" or not text.endswith((".", ":"))


def _extract_section(fiche: Fiche, kind: str, heading: Block, content: list[Block]) -> None:
    if kind == lx.SITES:
        for block in [heading, *content]:
            links = list(MARKDOWN_LINK.finditer(block.text))
            for link in links:
                offset = block.start + link.start(1)
                fiche.add("sites", link.group(1), offset, offset + len(link.group(1)))
            if links:
                continue
            for match in URL.finditer(block.text):
                url = match.group(1).rstrip(".,;")
                if url in fiche.values("sites"):
                    continue
                offset = block.start + block.text.find(match.group(1))
                fiche.add("sites", url, offset, offset + len(url))
        return
    if kind == lx.TESTIMONY:
        if content and not fiche.values("testimony") and not NOT_APPLICABLE.match(
                clean(content[0].text)):
            quote = re.sub(r"(?m)^>\s?", "", "\n\n".join(b.text for b in content)).strip()
            quote = ATTRIBUTION_AFTER.sub("", quote)
            told = QUOTE_TOLD.match(quote.split("\n\n")[0])
            if told:  # "Pour terminer, le message d'Aliou … : « Quand je suis rentré … »"
                quote = told.group("quote")
            closing = max(quote.rfind(q) for q in CLOSE_QUOTES)
            ends = re.search(rf"[{CLOSE_QUOTES}][*_]*[ \t]*\n", quote[1:])
            if quote[:1] in OPEN_QUOTES and ends and "\n\n" in quote[ends.end():]:
                quote = quote[:ends.start() + 1]  # the quote, then its attribution and the
                # group's remarks in paragraphs of their own ("Observaciones del Comité: …")
            elif quote[:1] in OPEN_QUOTES and closing > 0 and word_count(quote[closing:]) <= 20:
                quote = quote[:closing]  # "… maintenant. »\nMamadou S., 29 ans, aviculteur"
            quote = quote.strip(OPEN_QUOTES + CLOSE_QUOTES + " ")
            fiche.add("testimony", quote, content[0].start, content[-1].end)
        return
    if not content:
        return
    if kind in STATEMENT_SECTIONS:
        for item_text, start, end in _statement_items(content):
            fiche.add(STATEMENT_SECTIONS[kind], item_text, start, end)
        return
    name = TEXT_SECTIONS.get(kind)
    if name is None:
        return
    if kind == lx.OBJECTIVES:
        content, expected = _split_expected_results(content)
        if expected and not fiche.values("expected_results"):
            _add_text(fiche, "expected_results", expected)
    _add_text(fiche, name, content)


def _add_text(fiche: Fiche, name: str, content: list[Block]) -> None:
    if content and fiche.values(name) and name in ("main_features", "expected_results"):
        for indicator, start, end in find_indicators(content):  # "Results achieved" after
            fiche.add("indicators", indicator, start, end)  # "Main features"
        return
    if not content or fiche.values(name):
        return
    value = re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", "\n\n".join(b.text for b in content))
    if len(content) == 1 and len(content[0].lines) == 1 and is_bullet(value):
        value = clean(value)  # a section of one bullet: its text without the bullet
    fiche.add(name, value, content[0].start, content[-1].end)
    if name in ("main_features", "expected_results"):
        for indicator, start, end in find_indicators(content):
            fiche.add("indicators", indicator, start, end)


def _split_expected_results(content: list[Block]) -> tuple[list[Block], list[Block]]:
    for n, block in enumerate(content):
        for m, line in enumerate(block.lines):
            if lx.EXPECTED_RESULTS_LABEL.match(clean(line.text)):
                before = content[:n] + ([Block(block.lines[:m], block.gap_before)] if m else [])
                after_lines = block.lines[m + 1:]
                after = ([Block(after_lines, 0)] if after_lines else []) + content[n + 1:]
                return before, after
    return content, []


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


def _paragraph_ends(block: Block) -> set[int]:
    """Where paragraphs end inside a block with no blank line between them: in a PDF's text,
    at a short line that ends a sentence before a capital; in a Word export, after each line
    too long to be a wrapped one."""
    if len(block.lines) < 2 or any(is_bullet(line.text) for line in block.lines):
        return set()
    width = max(len(line.stripped) for line in block.lines)
    wrapped = len(block.lines) >= 3 and width >= 50
    return {line.index for line, following in zip(block.lines, block.lines[1:], strict=False)
            if line.stripped.endswith(SENTENCE_END) and following.stripped[:1].isupper()
            and (len(line.stripped) > 100 or (wrapped and len(line.stripped) < 0.75 * width))}


def _statement_items(content: list[Block]) -> list[tuple[str, int, int]]:
    """One item per top-level bullet (with its sub-bullets), or per paragraph; a paragraph
    ending with a colon introduces the list and is not an item."""
    items: list[list[Line]] = []
    indents = [_indent(ln) for block in content for ln in block.lines if is_bullet(ln.text)]
    top = min(indents, default=0)  # the list may be indented as a whole
    for block in content:
        current: list[Line] | None = None
        ends = _paragraph_ends(block)
        for line in block.lines:
            top_bullet = is_bullet(line.text) and _indent(line) <= top
            if top_bullet or current is None or line.index - 1 in ends:
                current = [line]
                items.append(current)
            else:
                current.append(line)
    result = []
    for item in items:
        text = " ".join(clean(line.text) for line in item)
        if word_count(text) < 2:
            continue
        if len(item) == 1 and text.endswith(":") and not is_bullet(item[0].text):
            continue  # a lead-in
        if NOT_APPLICABLE.match(text):
            continue  # "No aplica (el proyecto inició en 2022)."
        start = _span(item[0])[0]
        result.append((text, start, _span(item[-1])[1]))
    return result


# -- the narrow column --------------------------------------------------------------------

def _extract_sidebar(fiche: Fiche, cells: list[Block]) -> None:
    kinds = [_cell_kind(cell) for cell in cells]
    anchors = [n for n, kind in enumerate(kinds) if kind in ("date", "place")]
    first_anchor = anchors[0] if anchors else None
    partner_cells: list[Block] = []
    for n, (cell, kind) in enumerate(zip(cells, kinds, strict=True)):
        if kind == "date":
            _add_dates(fiche, cell)
        elif kind == "money":
            _add_funders(fiche, cell)
        elif kind == "place":
            _add_places(fiche, cell)
        elif first_anchor is not None and n < first_anchor:  # funders come before dates
            fiche.add("funders", {"name": clean(cell.joined), "amount": None, "currency": None},
                      cell.start, cell.end)
        else:
            partner_cells.append(cell)
    _add_partners(fiche, partner_cells)


def _cell_kind(cell: Block) -> str:
    text = cell.joined
    dates = find_start_duration(text)
    if dates and (dates.start or dates.duration_months) and word_count(text) <= 8 \
            and not find_money(text):
        return "date"
    if find_money(text):
        return "money"
    if _is_place_cell(text):
        return "place"
    return "organisation"


def _place_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, value) of countries and world regions, overlaps removed."""
    mentions = [(m.start, m.end, "country", m.code) for m in find_countries(text)]
    for region in find_world_regions(text):
        if not any(s < region.end and region.start < e for s, e, _k, _v in mentions):
            start = region.start
            qualifier = REGION_QUALIFIER.search(text[:start])
            if qualifier:
                start = qualifier.start()
            mentions.append((start, region.end, "region", text[start:region.end]))
    return sorted(mentions)


def _is_place_cell(text: str) -> bool:
    mentions = _place_mentions(text)
    if not mentions:
        return False
    rest = text
    for start, end, _kind, _value in reversed(mentions):
        rest = rest[:start] + " " + rest[end:]
    rest = re.sub(r"\([^)]*\)?", " ", rest)
    rest = PLACE_SEPARATORS.sub(" ", rest)
    return word_count(rest) <= 1


def _add_dates(fiche: Fiche, cell: Block) -> None:
    found = find_start_duration(cell.joined)
    if found is None:
        return
    if found.start and not found.duration_months:  # "Inicio: julio de 2020. Duración: 30
        later = find_start_duration(cell.joined[found.end_offset:])  # meses"
        if later is not None and later.duration_months and not later.start:
            found = StartDuration(found.start, later.duration_months, found.start_offset,
                                  found.end_offset + later.end_offset)
    if found.start and not fiche.values("start"):
        fiche.add("start", found.start, cell.start, cell.end)
    if found.duration_months and not fiche.values("duration_months"):
        fiche.add("duration_months", found.duration_months, cell.start, cell.end)


def _funder_parts(text: str) -> list[str]:
    """One part per funder. Between semicolons, a name without an amount runs on into the
    next part that has one: "Oficina de Población, Refugiados y Migración (USD 2,000,000)",
    "Ministry for Economic Cooperation and Development (BMZ) (EUR 11.2 million)"."""
    parts: list[str] = []
    monies = find_money(text)
    if len(monies) >= 2 and not text[:monies[0].start].strip() and ":" not in text:
        # amounts before their names: "755 000 euros AFD (FICOL) et 95 000 euros Ville de X"
        bounds = [m.start for m in monies] + [len(text)]
        return [re.sub(r"(?i)[\s,;]+(?:(?:and|et|y|&)\s*)?$", "", text[a:b].split(";")[0])
                for a, b in itertools.pairwise(bounds)]  # "USD 850,000 from MLF; co-…"
    for n, money in reversed(list(enumerate(monies))):  # "EUTF: EUR 4.2 million BMZ: €1.5m"
        following = text[money.end:monies[n + 1].start] if n + 1 < len(monies) else ""
        if re.match(r"\.?\s+[A-ZÀ-Ý][\w'’-]*\s*[:(]", text[money.end:]) or re.fullmatch(
                r"\.?\s+(?:[A-ZÀ-Ý]|[–—-]\s+\w)[^:;]{2,90}?\s*:\s*", following):
            # "… : 8,5 M€ Agence … : 2 M€", "ADSI : 1,9 M€ – Région X : 250 000 €"
            text = text[:money.end] + ";" + text[money.end:]
    for strong in _split_top_level(text, re.compile(r"\s*[;|]\s*")):
        weak = _split_top_level(strong, FUNDER_SEPARATORS)
        starts, cursor = [], 0
        for part in weak:
            cursor = strong.find(part, cursor)
            starts.append(cursor)
        priced = [bool(find_money(part)) for part in weak]
        run_start = 0
        for n, part in enumerate(weak):
            if (not priced[n] and any(priced[n + 1:])) or _acronym_goes_on(weak, run_start, n):
                continue  # the name goes on in the next part
            parts.append(strong[starts[run_start]:starts[n] + len(part)])
            run_start = n + 1
    return parts


def _acronym_goes_on(parts: list[str], first: int, n: int) -> bool:
    """The name begun in part ``first`` goes on past part ``n`` into a later part whose acronym
    spells them all: "UK Foreign", "Commonwealth" before "Development Office (FCDO)"."""
    if n + 1 < len(parts) and re.fullmatch(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)? \([A-Z]{2,8}\)",
                                           parts[n + 1].strip()) \
            and len(parts[n].split()) >= 3 and not parts[n].rstrip().endswith(")"):
        return True  # "… for Economic Cooperation and Development (BMZ)": one name
    for later in range(n + 1, min(n + 3, len(parts))):
        acronym = re.search(r"\(([A-Z]{3,8})\)\s*$", parts[later])
        if acronym:
            return not _initials(parts[later]).endswith(acronym.group(1)) and _initials(
                " ".join(parts[first:later + 1])).endswith(acronym.group(1))
    return False


def _initials(name: str) -> str:
    """"UK Foreign Commonwealth Development Office (FCDO)" gives "UFCDO"."""
    return "".join(word[0] for word in re.findall(r"[A-Z][\w'’-]*", name.split("(")[0]))


def _add_funders(fiche: Fiche, cell: Block) -> None:
    for funder in _funders_of(cell.joined):
        fiche.add("funders", funder, cell.start, cell.end)


def _funders_of(text: str) -> list[dict]:
    """{name, amount, currency} of each funder a value names: "EUR 25 mio (EUTF) & BMZ"."""
    funders = []
    for part in _funder_parts(text):
        monies = find_money(part)
        name = part
        for money in reversed(monies):
            note = re.match(r"\s*\([^()]*\)", name[money.end:]) if name[:money.start].strip(
                " :–-") else None  # "ACNUR: USD 500.000 (componente de …)": what it pays for
            channel = re.match(r"\s+(?:through|via|à travers|a trav[ée]s)\b", name[money.end:]) \
                if name[:money.start].strip(" :–-") else None  # "EU EUR 2.5 million through
            name = name[:money.start] + ("" if channel else  # the KISEDP window (…)"
                                         name[money.end + (note.end() if note else 0):])
        name = re.sub(r"\(\s*[,;:]?\s*\)|\[\s*\]", " ", name)
        inner = re.findall(r"\(([^)]*)\)", name)
        if inner and not re.sub(r"\([^)]*\)", " ", name).strip(" -–:,"):
            name = inner[0]  # "EUR 25 mio (EUTF)"
        name = FUNDER_FILLER.sub("", IN_KIND.sub("", IN_KIND_FROM.sub("", clean(name)))
                                 .strip(" -–:,"))
        name = IMPLEMENTED_BY.sub("", name).strip(" -–:,")  # who implements is no funder
        name = re.sub(r"^([A-Z][A-Za-z0-9&+-]{1,12})\s+(?:grant|funding|contribution|"
                      r"financing)$", r"\1", name)  # "DMIF grant<TAB>EUR 742,500"
        amount = monies[0].amount if monies else None
        currency = monies[0].currency if monies else None
        if name or amount is not None:
            funders.append({"name": name, "amount": _number(amount), "currency": currency})
    named = [f for f in funders if not TOTAL_NAME.match(f["name"])]
    return named if named else funders  # "Total: EUR 4.2 million" under the funders is no funder


# a key-facts label that names the funder: "DMIF grant", "MCF funding", "Subvención AECID"
FUNDER_IN_LABEL = re.compile(
    r"^\s*(?:(?P<name>[A-Z][A-Za-z0-9&+-]{1,12})\s+(?:grant|funding|contribution|financing|"
    r"co-?funding|award)|(?i:subvenci[oó]n|aporte|contribuci[oó]n|financiaci[oó]n|subvention|"
    r"financement|contribution)\s+(?:de\s+(?:la\s+|l['’])?)?(?P<name2>[A-Z][A-Za-z0-9&+-]"
    r"{1,12}))\s*(?::|\t|\s{2,})")
NOT_A_FUNDER_NAME = re.compile(r"(?i)^\W*(?:phase|fase|tranche|tramo|year|année|año|to date|"
                               r"requested|proposed|approved|committed|disbursed|\(?proposed\)?)\b")


TOTAL_NAME = re.compile(r"(?i)^(?:total|grand total|montant total|total g[ée]n[ée]ral|"
                        r"total budget|budget total|costo total|co[uû]t total)$")


def _number(amount: Decimal | None) -> int | float | None:
    if amount is None:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _split_top_level(text: str, separators: re.Pattern[str]) -> list[str]:
    parts, depth, last = [], 0, 0
    for match in separators.finditer(text):
        depth = text[last:match.start()].count("(") - text[last:match.start()].count(")") + depth
        if depth <= 0:
            parts.append(text[last:match.start()])
            last = match.end()
            depth = 0
    parts.append(text[last:])
    return [p.strip() for p in parts if p.strip()]


def _country_details(text: str, mentions: list[tuple[int, int, str, str]]) -> list[range]:
    """Where the parenthesised places of a country stand: "Mali (Kayes, Nioro du Sahel)"."""
    spans = []
    for _start, end, kind, _value in mentions:
        match = re.match(r"\s*\([^)]*\)?", text[end:]) if kind == "country" else None
        if match:
            spans.append(range(end, end + match.end()))
    return spans


def _add_places(fiche: Fiche, cell: Block) -> None:
    text = cell.joined
    mentions = _place_mentions(text)
    details = _country_details(text, mentions)
    for start, end, kind, value in mentions:
        if kind != "country" and (any(start in span for span in details) or re.search(
                r"(?:-|\b(?:du|de|del|des|of|d')\s)$", text[:start])):
            continue  # a region's name inside a place's name: "Nioro du Sahel"
        if kind == "country":
            if value not in fiche.values("countries"):
                fiche.add("countries", value, cell.start, cell.end)
            match = re.match(r"\s*\(([^)]*)\)?", text[end:]) or re.match(
                r"(?:\s*:|\s+[–—-])\s*([^;]*?)(?=;|\.\s|$|\s+[·|/]\s)", text[end:])
            if match:
                names = re.sub(r"[()]", ",", match.group(1))
                for name in PLACE_SEPARATORS.split(names):
                    name = GENERIC_LEAD.sub("", PLACE_GENERIC.sub("", clean(name))).strip(" .")
                    if name and not name[0].isdigit() and not name[0].islower() \
                            and name not in fiche.values("places"):  # "…, en coordinación con"
                        fiche.add("places", name, cell.start, cell.end)
        elif value not in fiche.values("places"):
            fiche.add("places", value, cell.start, cell.end)
    _add_named_areas(fiche, cell, mentions)


LISTED_PLACE_BREAKS = re.compile(r"\s*(?:[()]|\s[–—-]\s|[.:]\s)\s*")


def _add_listed_places(fiche: Fiche, cell: Block) -> None:
    """The names of a "Where:" / "Regiones:" value that are no country: "Mali — Mopti and
    Ségou regions (circles of Bandiagara, Bankass, San and Macina)"."""
    text = cell.joined
    for start, end, kind, _value in reversed(_place_mentions(text)):
        inside_name = re.search(r"(?:-|\b(?:du|de|del|des|of|d')\s)$", text[:start])
        if kind == "country" and not inside_name:  # not "Île-de-France", "Nioro du Sahel"
            text = text[:start] + ";" + text[end:]
    for chunk in LISTED_PLACE_BREAKS.split(text):
        for name in PLACE_SEPARATORS.split(chunk):
            whole = clean(name).strip(" .,;")
            name = PLACE_GENERIC.sub("", whole).strip(" .,;")
            name = GENERIC_TAIL.sub("", GENERIC_LEAD.sub("", name)).strip(" .,;")
            if not name or name[:1].islower() or re.fullmatch(rf"(?i){_AREA_WORDS}", name):
                name = whole  # "Région wallonne": the area's name is the generic word's own
            if not name or not name[:1].isupper() or word_count(name) > 5 \
                    or find_money(name) or find_start_duration(name):
                continue
            if name not in fiche.values("places"):
                fiche.add("places", name, cell.start, cell.end)


NAMED_AREA = re.compile(r"(?<![\w(])(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,3})\s*"
                        r"\((?P<inner>[^()]{3,})\)")


def _add_named_areas(fiche: Fiche, cell: Block, mentions: list[tuple[int, int, str, str]]
                     ) -> None:
    """Areas that are no country, with their places in parentheses: "Somaliland (Hargeisa,
    Burao)" in a places cell gives the area and each place."""
    text = cell.joined
    for match in NAMED_AREA.finditer(text):
        start, end = match.span("name")
        if any(s < end and start < e for s, e, _k, _v in mentions):
            continue
        inner = match.group("inner")
        names = [match.group("name"), *PLACE_SEPARATORS.split(inner)]
        if find_countries(inner) or find_money(inner) or find_start_duration(inner):
            continue
        for name in names:
            name = PLACE_GENERIC.sub("", clean(name)).strip(" .")
            if name and name not in fiche.values("places"):
                fiche.add("places", name, cell.start, cell.end)


def _add_partners(fiche: Fiche, cells: list[Block]) -> None:
    entries: list[tuple[str, int, int]] = []
    if len(cells) == 1 and len(cells[0].lines) >= 3:
        entries = _split_wrapped_entries(cells[0])
    else:
        entries = [(clean(c.joined), c.start, c.end) for c in cells]
    for name, start, end in entries:
        fiche.add("partners", name, start, end)


def _split_wrapped_entries(cell: Block) -> list[tuple[str, int, int]]:
    """Entries of one cell without blank lines between them, told apart by how lines wrap:
    a line continues the entry when a parenthesis is open, the previous line ends with a
    connecting word, or it starts in lower case or with "(" or "&"."""
    entries: list[list[Line]] = []
    # a narrow column where names end with their acronym: a name runs on until its "(SRECI)"
    closed_by_acronym = max(len(line.stripped) for line in cell.lines) <= 32 and sum(
        bool(re.search(r"\([A-Z][\w&-]{1,12}\)$", line.stripped)) for line in cell.lines) >= 2
    for line in cell.lines:
        text = line.stripped
        if entries and closed_by_acronym:  # "Secretaría de Relaciones / … (SRECI)": one entry
            if not re.search(r"\([A-Z][\w&-]{1,12}\)$", entries[-1][-1].stripped):
                entries[-1].append(line)
                continue
        elif entries:
            current = " ".join(x.stripped for x in entries[-1])
            previous_word = entries[-1][-1].stripped.split()[-1].lower()
            first_word = text.split()[0].lower().strip(",.")
            continues = (current.count("(") > current.count(")")
                         or previous_word in CONNECTORS or previous_word.endswith(("-", "–", ","))
                         or text[:1].islower() or text[:1] in "(&"
                         or (len(text.split()) <= 2 and first_word in ORGANISATION_TAILS))
            if continues:
                entries[-1].append(line)
                continue
        entries.append([line])
    return [(clean(" ".join(x.stripped for x in entry)), _span(entry[0])[0], _span(entry[-1])[1])
            for entry in entries]
