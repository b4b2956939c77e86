"""Country and world-region names in English, French and Spanish.

Countries come from pycountry (names, official and common names) and its French and Spanish
translations, plus the short and variant names reports use ("DRC", "Ivory Coast", "Cabo Verde",
"Swaziland", "Türkiye", ...). Matching ignores case and accents, works on whole words, prefers
the longest name ("Guinea-Bissau" over "Guinea", "Papua New Guinea" over "Guinea") and returns
spans into the text as written. Tables are built once at import; a lookup costs a few dict probes
per word.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from typing import Generic, TypeVar

import pycountry

__all__ = [
    "CountryMention",
    "RegionMention",
    "country_code",
    "find_countries",
    "find_world_regions",
]


@dataclass(frozen=True)
class CountryMention:
    code: str  # ISO 3166-1 alpha-2 (and "XK" for Kosovo, as in the IATI country codelist)
    name: str  # as written
    start: int
    end: int


@dataclass(frozen=True)
class RegionMention:
    name_en: str
    iati_region: str  # IATI Region codelist code
    start: int
    end: int


# --- Normalising text without losing offsets ------------------------------------------------

_DASHES = "-‐‑‒–—―−"
_APOSTROPHES = "’‘ʼ`´′"


class _FoldTable(dict[int, str]):
    """str.translate table: lower case, no accents, dashes as spaces, one apostrophe.

    Filled lazily, one entry per character ever seen.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _DASHES:
            folded = " "
        elif char in _APOSTROPHES:
            folded = "'"
        else:
            decomposed = unicodedata.normalize("NFD", char)
            folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        self[code] = folded
        return folded


_FOLD = _FoldTable()
_WORD_RE = re.compile(r"\w+")


def _fold(text: str) -> tuple[str, list[int] | None]:
    """The folded text and, unless each character folds to exactly one, the index in ``text``
    of each folded character (plus a last entry, ``len(text)``)."""
    folded = text.translate(_FOLD)
    if text.isascii() or all(len(_FOLD[ord(c)]) == 1 for c in set(text) if not c.isascii()):
        return folded, None
    index: list[int] = []
    for i, char in enumerate(text):
        index.extend([i] * len(char.translate(_FOLD)))
    index.append(len(text))
    return folded, index


def _separator(between: str) -> str:
    """How the characters between two words count: spaces and dashes as one space."""
    kept = "".join(between.split())
    return kept if kept else " "


def _key(name: str) -> str:
    """The lookup key of a name: its folded words joined by their normalised separators."""
    folded, _ = _fold(name)
    words = list(_WORD_RE.finditer(folded))
    parts: list[str] = []
    for i, word in enumerate(words):
        if i:
            parts.append(_separator(folded[words[i - 1].end():word.start()]))
        parts.append(word.group())
    return "".join(parts)


# --- A table of names matched word by word ----------------------------------------------------

V = TypeVar("V")

_CASE_ANY, _CASE_UPPER, _CASE_TITLE = 0, 1, 2


class _NameIndex(Generic[V]):
    """Names (as keys) to values; ``None`` values block a span without reporting it."""

    def __init__(self) -> None:
        self._table: dict[str, tuple[V | None, int]] = {}
        self._prefixes: set[str] = set()

    def add(self, name: str, value: V | None, case: int = _CASE_ANY, *,
            replace: bool = True) -> None:
        key = _key(name)
        if not key or (not replace and key in self._table):
            return
        self._table[key] = (value, case)
        words = list(_WORD_RE.finditer(key))
        for word in words[:-1]:
            self._prefixes.add(key[:word.end()])

    def get(self, name: str) -> V | None:
        entry = self._table.get(_key(name))
        return entry[0] if entry else None

    def find(self, text: str) -> list[tuple[int, int, V]]:
        folded, index = _fold(text)
        words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(folded)]
        found: list[tuple[int, int, V]] = []
        table, prefixes = self._table, self._prefixes
        i, n = 0, len(words)
        while i < n:
            candidate = words[i][2]
            best: tuple[int, V | None] | None = None
            j = i
            while True:
                entry = table.get(candidate)
                if entry is not None and self._case_ok(text, index, words[i][0], words[j][1],
                                                       entry[1]):
                    best = (j, entry[0])
                if j + 1 >= n or candidate not in prefixes:
                    break
                between = folded[words[j][1]:words[j + 1][0]]
                if len(between) > 4 or (len(between) >= 3 and _spaced_dash(
                        text, index, words[j][1], words[j + 1][0])):
                    break  # "Guinea – Conakry, Kindia": a country and its places
                j += 1
                candidate = candidate + _separator(between) + words[j][2]
            if best is None:
                i += 1
                continue
            last, value = best
            if value is not None:
                start, end = _original_span(index, words[i][0], words[last][1])
                found.append((start, end, value))
            i = last + 1
        return found

    @staticmethod
    def _case_ok(text: str, index: list[int] | None, start: int, end: int, case: int) -> bool:
        if case == _CASE_ANY:
            return True
        s, e = _original_span(index, start, end)
        written = text[s:e]
        if case == _CASE_UPPER:  # "US" but not "US$"
            return written.replace(".", "").isupper() and text[e:e + 1] != "$"
        return written[:1].isupper()


def _spaced_dash(text: str, index: list[int] | None, start: int, end: int) -> bool:
    s, e = _original_span(index, start, end)
    return re.fullmatch(rf"\s+[{_DASHES}]\s+", text[s:e]) is not None


def _original_span(index: list[int] | None, start: int, end: int) -> tuple[int, int]:
    if index is None:
        return start, end
    return index[start], index[end]


# --- Countries ----------------------------------------------------------------------------------

_TRANSLATIONS = [
    gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    for language in ("fr", "es")
]
_LEADING_ARTICLE_RE = re.compile(r"^(?:(?:the|la|le|les|el|los|las)\s+|l['’]\s*)", re.IGNORECASE)

# Names added to or overriding pycountry's.
_VARIANTS: dict[str, tuple[str, ...]] = {
    "BF": ("Burquina Faso",),
    "BO": ("Bolivie",),
    "BA": ("Bosnia", "Bosnie", "Bosnia Herzegovina", "Bosnie-Herzégovine"),
    "BY": ("Belarus", "Biélorussie", "Bielorrusia", "Bélarus"),
    "CD": ("DR Congo", "D.R. Congo", "RD Congo", "R.D. Congo", "DRCongo",
           "Democratic Republic of the Congo", "Democratic Republic of Congo",
           "République démocratique du Congo", "République démocratique de Congo",
           "República Democrática del Congo", "Congo-Kinshasa", "Congo Kinshasa"),
    "CG": ("Republic of the Congo", "Republic of Congo", "Congo-Brazzaville",
           "Congo Brazzaville", "République du Congo", "República del Congo"),
    "CI": ("Ivory Coast", "Côte d'Ivoire", "Cote d Ivoire", "Costa de Marfil"),
    "CM": ("Cameroun", "Camerún"),
    "CV": ("Cape Verde", "Cabo Verde", "Cap-Vert", "Cap Vert"),
    "CZ": ("Czech Republic", "Czechia", "République tchèque", "República Checa"),
    "GB": ("Great Britain", "Britain", "Grande-Bretagne", "Gran Bretaña", "Northern Ireland",
           "Irlande du Nord", "Irlanda del Norte"),
    "GM": ("The Gambia", "Gambia", "Gambie"),
    "GN": ("Guinea-Conakry", "Guinée-Conakry", "Guinea Conakry"),
    "GW": ("Guinea-Bissau", "Guinée-Bissau", "Guinea-Bisáu"),
    "IR": ("Iran", "Irán"),
    "KP": ("North Korea", "Corée du Nord", "Corea del Norte"),
    "KR": ("South Korea", "Corée du Sud", "Corea del Sur"),
    "LA": ("Laos", "Lao PDR"),
    "MA": ("Maroc", "Marruecos"),
    "MD": ("Moldova", "Moldavia", "Moldavie"),
    "MK": ("North Macedonia", "Macedonia", "Macédoine", "FYROM",
           "Former Yugoslav Republic of Macedonia", "Macédoine du Nord"),
    "MM": ("Burma", "Birmanie", "Birmania"),
    "MU": ("Île Maurice", "Isla Mauricio"),
    "NL": ("Holland", "Holanda", "The Netherlands"),
    "PS": ("Palestine", "Palestina", "Palestinian Territories",
           "Occupied Palestinian Territory", "Occupied Palestinian Territories",
           "Territoires palestiniens", "Territorios Palestinos"),
    "RU": ("Russia", "Russie", "Rusia"),
    "SY": ("Syria", "Syrie", "Siria"),
    "SZ": ("Eswatini", "Swaziland", "Esuatini", "Suazilandia"),
    "TL": ("East Timor", "Timor oriental", "Timor Oriental"),
    "TR": ("Türkiye", "Turkey", "Turquie", "Turquía"),
    "TZ": ("Tanzania", "Tanzanie"),
    "US": ("United States", "United States of America", "États-Unis", "Etats-Unis",
           "États-Unis d'Amérique", "Estados Unidos", "Estados Unidos de América", "EE.UU.",
           "EE. UU.", "EEUU"),
    "VA": ("Vatican", "Holy See", "Saint-Siège", "Santa Sede"),
    "VE": ("Venezuela",),
    "VN": ("Vietnam", "Viet Nam", "Viêt Nam"),
    "XK": ("Kosovo",),  # not in ISO 3166-1; the IATI Country codelist uses XK
}
# Acronyms, matched only when written in capitals ("usa" is Spanish for "uses").
_ACRONYMS: dict[str, tuple[str, ...]] = {
    "AE": ("UAE", "EAU"),
    "CD": ("DRC", "RDC"),
    "GB": ("UK", "U.K."),
    "US": ("USA", "U.S.A.", "US", "U.S."),
}
# Matched only when capitalised: "réunion" is the French for a meeting.
_CAPITALISED = {"RE": ("Réunion", "Reunion", "Reunión")}
# Names that are also common words or first names, or ambiguous between countries.
_DROPPED = {
    "burkina", "christmas", "corea", "coree", "dominique", "granada", "grenade", "guadalupe",
    "iles vierges", "islas virgenes", "korea", "lao", "maurice", "mauricio", "reunion",
    "saint martin", "salomon", "san bartolome", "san martin", "santa elena", "santa lucia",
    "syrienne", "virgin islands",
}
# Places whose names contain a country's name but are not that country.
_BLOCKED = (
    "Gulf of Guinea", "Golfe de Guinée", "Golfo de Guinea", "New Guinea", "Nouvelle-Guinée",
    "Nueva Guinea", "Niger Delta", "Delta du Niger", "Delta del Níger",
)


def _name_variants(name: str) -> tuple[list[str], list[str]]:
    """The full forms of a pycountry name, and the short forms derived from it.

    "Congo, The Democratic Republic of the" gives "The Democratic Republic of the Congo" and
    "Democratic Republic of the Congo"; its short form is "Congo". "Holy See (Vatican City
    State)" gives "Holy See" (not "French part" from "Saint Martin (French part)").
    """
    full = [name]
    short: list[str] = []
    if "(" in name and name.endswith(")"):
        full.append(name.split("(", 1)[0].strip())
    if name.count(",") == 1:
        head, tail = (part.strip() for part in name.split(","))
        joiner = "" if tail.endswith(("'", "’")) else " "
        full.append(f"{tail}{joiner}{head}")
        short.append(head)
    for form in list(full):
        stripped = _LEADING_ARTICLE_RE.sub("", form)
        if stripped != form:
            full.append(stripped)
    return full, short


def _build_countries() -> _NameIndex[str]:
    index: _NameIndex[str] = _NameIndex()
    derived: dict[str, set[str]] = {}
    for country in pycountry.countries:
        names = [country.name]
        names += [getattr(country, a) for a in ("official_name", "common_name")
                  if hasattr(country, a)]
        translated = [t.gettext(n) for t in _TRANSLATIONS for n in names]
        for name in names + translated:
            full, short = _name_variants(name)
            for form in full:
                if _key(form) not in _DROPPED:
                    index.add(form, country.alpha_2)
            for form in short:
                derived.setdefault(_key(form), set()).add(country.alpha_2)
    for key, codes in derived.items():  # "Bolivia", "Iran"; not "Korea" (KR or KP)
        if len(codes) == 1 and key not in _DROPPED:
            index.add(key, next(iter(codes)), replace=False)
    for code, variants in _VARIANTS.items():
        for name in variants:
            index.add(name, code)
    for code, acronyms in _ACRONYMS.items():
        for name in acronyms:
            index.add(name, code, _CASE_UPPER)
    for code, variants in _CAPITALISED.items():
        for name in variants:
            index.add(name, code, _CASE_TITLE)
    for name in _BLOCKED:
        index.add(name, None)
    return index


_COUNTRIES = _build_countries()


def find_countries(text: str) -> list[CountryMention]:
    """Every country named in ``text``, in order; a longer name hides the shorter ones in it."""
    return [CountryMention(code, text[start:end], start, end)
            for start, end, code in _COUNTRIES.find(text)
            if not _CITY_AFTER.match(text, end)]  # "Benin City", "Kuwait City": a city


_CITY_AFTER = re.compile(r"\s+City\b")


def country_code(name: str) -> str | None:
    """The code of a country written exactly as ``name`` (ignoring case, accents, articles)."""
    code = _COUNTRIES.get(name)
    if code is None:
        stripped = _LEADING_ARTICLE_RE.sub("", name.strip())
        if stripped != name.strip():
            code = _COUNTRIES.get(stripped)
    return code


# --- World regions ------------------------------------------------------------------------------

_REGIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Latin America and the Caribbean", "498", (
        "Latin America and the Caribbean", "Latin America & the Caribbean",
        "Latin America and Caribbean", "Amérique latine et les Caraïbes",
        "Amérique latine et Caraïbes", "América Latina y el Caribe",
        "Latinoamérica y el Caribe")),
    ("Latin America", "498", ("Latin America", "Amérique latine", "América Latina",
                              "Latinoamérica")),
    ("Central America", "1032", ("Central America", "Amérique centrale", "América Central",
                                 "Centroamérica")),
    ("South America", "489", ("South America", "Amérique du Sud", "América del Sur",
                              "Sudamérica", "Suramérica")),
    ("Caribbean", "1031", ("Caribbean", "Caraïbes", "Caraïbe", "Caribe")),
    ("West Africa", "1030", ("West Africa", "Western Africa", "Afrique de l'Ouest",
                             "Afrique occidentale", "África Occidental", "África del Oeste",
                             "África Oeste")),
    ("East Africa", "1027", ("East Africa", "Eastern Africa", "Afrique de l'Est",
                             "Afrique orientale", "África Oriental", "África del Este",
                             "Horn of Africa", "Corne de l'Afrique", "Cuerno de África")),
    ("Central Africa", "1028", ("Central Africa", "Middle Africa", "Afrique centrale",
                                "África Central")),
    ("Southern Africa", "1029", ("Southern Africa", "Afrique australe", "África Austral",
                                 "África meridional")),
    ("Sahel", "289", ("Sahel",)),
    ("North Africa", "189", ("North Africa", "Northern Africa", "Afrique du Nord",
                             "África del Norte", "Norte de África", "África Septentrional",
                             "Maghreb", "Magreb")),
    ("Sub-Saharan Africa", "289", ("Sub-Saharan Africa", "Subsaharan Africa",
                                   "Afrique subsaharienne", "Afrique sub-saharienne",
                                   "África subsahariana", "África Sub-Sahariana")),
    ("Africa", "298", ("Africa", "Afrique", "África")),
    ("Middle East", "589", ("Middle East", "Moyen-Orient", "Proche-Orient", "Oriente Medio",
                            "Medio Oriente", "Oriente Próximo", "Near East")),
    ("Europe", "89", ("Europe", "Europa", "Eastern Europe", "Western Europe",
                      "Europe de l'Est", "Europa del Este", "Western Balkans", "Balkans",
                      "Balcanes", "Balcanes Occidentales")),
    ("European Union", "89", ("European Union", "Union européenne", "Unión Europea")),
    ("Asia", "798", ("Asia", "Asie")),
    ("Central Asia", "619", ("Central Asia", "Asie centrale", "Asia Central")),
    ("South Asia", "679", ("South Asia", "Southern Asia", "Asie du Sud", "Asie méridionale",
                           "Asia del Sur", "Asia Meridional")),
    ("Far East Asia", "789", ("South-East Asia", "Southeast Asia", "East Asia", "Far East",
                              "Asie du Sud-Est", "Asie de l'Est", "Sudeste Asiático",
                              "Asia Sudoriental", "Asia Oriental", "Extrême-Orient",
                              "Lejano Oriente")),
    ("Oceania", "889", ("Oceania", "Océanie")),
)
_REGION_ACRONYMS = (("European Union", "89", ("EU", "UE")),)
# Countries whose names contain a region's: "South Africa" is not Africa.
_REGION_BLOCKED = ("South Africa", "Afrique du Sud", "República de Sudáfrica", "Sud-Afrique")


def _build_regions() -> _NameIndex[tuple[str, str]]:
    index: _NameIndex[tuple[str, str]] = _NameIndex()
    for name_en, code, names in _REGIONS:
        for name in names:
            index.add(name, (name_en, code))
    for name_en, code, names in _REGION_ACRONYMS:
        for name in names:
            index.add(name, (name_en, code), _CASE_UPPER)
    for name in _REGION_BLOCKED:
        index.add(name, None)
    return index


_WORLD_REGIONS = _build_regions()


def find_world_regions(text: str) -> list[RegionMention]:
    """Every world region named in ``text``, in order, with its IATI region code."""
    return [RegionMention(name_en, code, start, end)
            for start, end, (name_en, code) in _WORLD_REGIONS.find(text)]
