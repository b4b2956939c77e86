"""Quantitative results stated in a fiche's text, as suggested indicator values.

"78 of them, including 58 women, are enrolled in different vocational training programs"
gives value 78, unit "migrants enrolled in different vocational training" (the "of them"
taken from the bullet before) and women 58. The unit phrase is the clause after the number,
auxiliaries dropped, cut where the clause ends and at six words.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from .layout import Block, clean, is_bullet
from .money import find_money

QUALIFIER = (r"(?:(?:over|more than|almost|nearly|about|around|approximately|some|at least|up to"
             r"|plus de|pr[eè]s de|environ|au moins|m[aá]s de|cerca de|unos|unas|alrededor de)"
             r"\s+)?")
NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+(?:[.,]\d+)?)(?![\w%/])")
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "douze": 12, "vingt": 20,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "doce": 12, "veinte": 20,
}
LEADING_WORD = re.compile(r"^(?:\W*)(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
NOT_COUNTED = re.compile(
    r"^\s*(?:%|per ?cent|pour ?cent|por ciento|months?|years?|days?|weeks?|hours?|mois|ans|"
    r"ann[ée]es?|jours?|semaines?|meses|a[nñ]os|d[ií]as|semanas|st|nd|rd|th|er|[èe]me|[ºª]|"
    r"(?:de |of )?(?=january|february|march|april|may\b|june|july|august|september|october|"
    r"november|december|janvier|f[ée]vrier|mars|avril|mai\b|juin|juillet|ao[uû]t|septembre|"
    r"octobre|novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre)|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
    r"d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
    r"noviembre|diciembre|mio|million|millions|millones|m€|k€|eur|euros?|usd)\b",
    re.IGNORECASE)
WOMEN = (r"(?:young women|jeunes (?:filles|femmes)|mujeres j[oó]venes|women|woman|females?|girls|"
         r"femmes|filles|mujeres|niñas)")
YOUTH = (r"(?:young people|young persons|youths?|young women and men|"
         r"adolescentes(?: y j[oó]venes)?|adolescents(?: (?:and|et) (?:young people|jeunes))?|"
         r"jeunes|j[oó]venes|"
         r"(?:(?:people|persons|personnes|personas)\s+)?"
         r"(?:under \d\d|below \d\d|de moins de \d\d ans|menores de \d\d(?: a[nñ]os)?))")
SPLIT_INTRO = r"(?:including|of whom|of which|among them|among whom|dont|parmi lesquels|" \
              r"parmi elles|parmi eux|incluid[oa]s|entre ell[oa]s|de ell[oa]s|de l[oa]s cuales)"
_FILLER = (r"(?:(?:de|d'|son|are|were|sont|[eé]taient|ont [eé]t[eé]|occup[ée]e?s par des|held by|"
           r"[aâ]g[ée]e?s|headed by|encabezad[oa]s por|"
           r"[^\W\d]{3,}(?=\s+(?:(?:led|run|headed|owned|held) by|(?:dirig|port|d[ée]tenu)[ée]e?s "
           r"par des|(?:liderad|dirigid|encabezad)[oa]s por))|"
           r"led by|run by|owned by|dirig[ée]e?s par des|port[ée]e?s par des|liderad[oa]s por|"
           r"dirigid[oa]s por|ocupad[oa]s por|pour des|for|para|eran|fueron|"
           r"by|par des|por)\s+){0,2}")  # "are run by"; "… and 517 by young people"
QUALIFIED = r"(?:(?:at least|au moins|al menos|some|about|nearly|pr[eè]s de|environ|unos|unas|" \
            r"plus de|more than|m[aá]s de)\s+)?"
UNDER_AGE = r"(?:under \d\d|below \d\d|aged \d\d?[–-]\d\d|de moins de \d\d ans|" \
            r"moins de \d\d ans|menores de \d\d(?: a[nñ]os)?)"
AGE_QUALIFIER = (r"\s+(?:" + UNDER_AGE + r"|(?:aged|[aâ]g[ée]e?s de|de|of|entre)\s+\d{1,2}\s*"
                 r"(?:–|-|to|[àa]|y|and)\s*\d{1,2})(?:\s*(?:years(?: old)?|ans|a[nñ]os))?")
# "under 25", "de 18 a 29 años"
AGE_TAIL = r"(?:" + AGE_QUALIFIER + r")?"
OF_THEM = re.compile(QUALIFIED + r"(?P<a>\d[\d.,\u00a0\u202f ]*?)\s+(?:of them|of whom|of which|"
                     r"d'entre eux|"
                     r"d'entre elles|de ellos|de ellas)\s+" + _FILLER
                     + r"(?P<a_kind>" + WOMEN + "|" + YOUTH + ")" + AGE_TAIL
                     + r"(?:\s*(?:,|and|et|y)\s*(?P<b>\d[\d.,\u00a0\u202f ]*?)\s+"
                     r"(?:(?:of them|d'entre eux|de ellos)\s+)?" + _FILLER + r"(?P<b_kind>"
                     + WOMEN + "|" + YOUTH + "|" + UNDER_AGE + "))?", re.IGNORECASE)
PERCENT_OF = re.compile(r"(?:" + SPLIT_INTRO + r"\s+)?" + QUALIFIED
                        + r"(?P<a_share>\d{1,3}(?:[.,]\d+)?)\s*"
                        r"(?:%|per ?cent|pour ?cent|por ciento)\s+(?:(?:of them|of whom|"
                        r"d'entre eux|d'entre elles|de ellos|de ellas|of|de|d')\s*)?"
                        + _FILLER + r"(?:(?:are|were|sont|son)\s+)?(?P<a_kind>" + WOMEN + "|"
                        + YOUTH + r")(?:\s*(?:,|and|et|y)\s*(?P<b>\d[\d.,\u00a0\u202f ]*?)\s+"
                        r"(?:(?:of them|d'entre eux|de ellos|de ellas)\s+)?" + _FILLER
                        + r"(?P<b_kind>" + WOMEN + "|" + YOUTH + r"))?", re.IGNORECASE)
# "45% of them women", "58% of them women and 9,600 of them young people"
IN_PARENTHESES = re.compile(r"\(\s*(?:\d[\d.,\u00a0\u202f ]*?\s+(?:men|hommes|hombres|males?)"
                            r"\s*[,;]\s*)?"  # "(672 men, 348 women; 841 under 35)"
                            r"(?P<a>\d[\d.,\u00a0\u202f ]*?)\s+(?P<a_kind>" + WOMEN + "|"
                            + YOUTH + "|" + UNDER_AGE + r")(?:\s*(?:,|;|and|et|y)\s*"
                            r"(?P<b>\d[\d.,\u00a0\u202f ]*?)\s+(?P<b_kind>" + WOMEN + "|"
                            + YOUTH + "|" + UNDER_AGE + r"))?[^)]*\)", re.IGNORECASE)
SPLIT = re.compile(SPLIT_INTRO + r",?\s+" + QUALIFIED + r"(?P<a>\d[\d.,\u00a0\u202f ]*?)\s+"
                   + _FILLER
                   + r"(?P<a_kind>" + WOMEN + "|" + YOUTH + r")" + r"(?:\s*\([^)]*\)|\s+(?:aged|"
                   r"[aâ]g[ée]e?s de|de|of|entre)\s+\d{1,2}\s*(?:–|-|to|[àa]|y|and)\s*\d{1,2}"
                   r"(?:\s*(?:years|ans|a[nñ]os))?|" + AGE_QUALIFIER + r")?"
                   + r"(?:\s*(?:,|and|et|y)\s*(?P<b>\d[\d.,\u00a0\u202f ]*?)\s+" + _FILLER
                   + r"(?P<b_kind>" + WOMEN + "|" + YOUTH + r")" + AGE_TAIL + r")?", re.IGNORECASE)
YOUTH_UNIT = re.compile(r"(?:young (?:people|persons|men and women)|youths?|"
                        r"jeunes(?! (?:filles|femmes))|j[oó]venes)\b"
                        r"(?!,?\s+(?:et|and|y|e|ou|or|o)\s)", re.IGNORECASE)  # not "youth and …"
WOMEN_UNIT = re.compile(r"(?:young women|women|femmes|jeunes femmes|mujeres|girls|filles|"
                        r"[^\W\d]{3,}(?:euses|trices))\b"
                        r"(?!,?\s+(?:et|and|y|e|ou|or|o)\s)", re.IGNORECASE)  # "travailleuses"
GROUPS = (SPLIT, OF_THEM, IN_PARENTHESES, PERCENT_OF)
SUBSET_BEFORE = re.compile(SPLIT_INTRO + r"\s+" + QUALIFIED + r"$", re.IGNORECASE)
SUBSET_VERB = re.compile(r"\s+(?:have|has|had|are|were|was|is|ont|sont|a|est|han|ha|son|fueron)\b",
                         re.IGNORECASE)  # "…, dont 17 ont été adoptées": a result of its own
WHOLE_OF = re.compile(r"\d\s+(?:of|out of|sur|de|d'entre)\s+(?:the|les|los|las)\s+$",
                      re.IGNORECASE)  # the 22 of "18 of the 22"
PART_OF_THEM = re.compile(r"\s*(?:%\s*)?(?:of them|of which|of whom|de ell[oa]s|d'entre (?:eux|"
                          r"elles)|de (?:los|las) cuales)\b", re.IGNORECASE)
AGE_RANGE = re.compile(r"^\s*(?:–|-|to|à|a|y|and)\s*\d{1,2}\b")
AGE_RANGE_END = re.compile(r"(?i)\b(?:aged|[aâ]g[ée]e?s de|de|entre|between|from)\s+\d{1,2}\s*"
                           r"(?:–|-|to|à|a|y|and)\s*$")  # the 35 of "aged 18 to 35"
AUXILIARIES = {"are", "is", "were", "was", "have", "has", "had", "been", "be", "being", "will",
               "would", "ont", "sont", "ete", "été", "a", "ont-ils", "han", "sido", "son",
               "fueron", "ha", "fue", "est", "furent", "seront", "will be"}
CLAUSE_BREAK = re.compile(r"\s(?:in order to|so as to|thanks to|so that|afin de|afin que|"
                          r"gr[aâ]ce [aà]|gracias a|con el fin de|para que|autour d[e'’]|"
                          r"around|alrededor de)\s?(?=[A-ZÀ-Ý])", re.IGNORECASE)
MAX_UNIT_WORDS = 12
# A unit names what was counted; past six words it runs on into where, by whom and how
# ("microcrédits accordés par une institution de microfinance partenaire"), which the
# results capability has no use for and which makes two readers' units disagree.
UNIT_WORDS_KEPT = 6
SECOND_PREDICATE = re.compile(r"\s(?:and|et|y)\s+(?:se|s['’]|have|has|are|were|was|is|will|"
                              r"ont|sont|[ée]taient|[ée]tait|han|son|estaban|estaba|est[aá]n|"
                              r"eran|era|fueron)\s", re.IGNORECASE)  # "… et se réunissent"
SINGULAR_VERB = re.compile(r"\s(?:a (?:été|permis)|has been|was|ha sido|fue|fut|était)\s",
                           re.IGNORECASE)  # "une enquête auprès de 1 200 ménages a été réalisée"
BENEFITING = re.compile(r"(?:au (?:b[ée]n[ée]fice|profit) de|en faveur de|benefiting|"
                        r"for the benefit of|en beneficio de|beneficiando a|a favor de)\s*$",
                        re.IGNORECASE)
OF_WORDS = {"de", "of", "d'", "del", "d’"}
CLAUSE_AFTER_COMMA = re.compile(
    r"\s*(?:with|which|who|whose|where|while|whilst|thus|thanks|including|of which|of whom|"
    r"in order|so that|as well as|i\.e\.|e\.g\.|mainly|mostly|notably|especially|in particular|"
    r"avec|dont|qui|gr[aâ]ce|notamment|afin|principalement|con|que|quienes|gracias|incluyendo|"
    r"entre ell[oa]s|sobre todo|en particular|and have|and are|and has|et ont|y han|"
    r"au (?:b[ée]n[ée]fice|profit)|en faveur|benefiting|for the benefit|en beneficio|"
    r"beneficiando|a favor)\b"
    r"|\s*(?:(?:and|et|y)\s+)?\d", re.IGNORECASE)


# What follows a number that counts nothing: where, for whom, by whom, per what ("3 in
# Tangier and 2 in Tetouan", "EUR 30,000 per project", "EUR 5,000 and EUR 60 …")
NO_UNIT = re.compile(r"(?i)(?:and|et|y|in|for|pour|para|per|par|by|por|to|à|aged|gross|net|"
                     r"that|which|qui|que)\b")


def find_indicators(blocks: list[Block]) -> list[tuple[dict[str, Any], int, int]]:
    results: list[tuple[dict[str, Any], int, int]] = []
    table_lines: set[int] = set()
    for block in blocks:
        found, used = _table_indicators(block)
        results += found
        table_lines |= used
    if table_lines:
        blocks = [Block([ln for ln in b.lines if ln.index not in table_lines], b.gap_before)
                  for b in blocks]
        blocks = [b for b in blocks if b.lines]
    previous_unit = ""
    for text, start, end in _items(blocks):
        monies = [m for m in find_money(text) if m.amount is not None
                  and text[:m.start].count("(") <= text[:m.start].count(")")]
        taken = [(m.start, m.end) for m in find_money(text)]
        taken += [(m.start(), m.end()) for pattern in GROUPS
                  for m in pattern.finditer(text)]  # "including 58 women", "(19 women)"
        found = [(_plain(m.amount), m.start, m.end) for m in monies] + _numbers(text, taken)
        money_starts = {m.start for m in monies}
        earlier = ""  # what the sentence's previous number counted, for "…, benefiting 18,000"
        sentence_unit = ""
        for value, number_start, unit_start in sorted(found, key=lambda item: item[2]):
            rest = text[unit_start:]
            women, youth, rest = _split_groups(rest, value)
            if value != 1:  # a singular verb after a count has another subject
                rest = SINGULAR_VERB.split(rest, maxsplit=1)[0]
            if re.match(r"\s*(?:%|per ?cent|pour ?cent|por ciento)", rest):
                unit = _percent_phrase(text[:number_start], rest)
            else:
                unit = _object_unit(text[:number_start], rest, earlier) or \
                    _unit_phrase(rest, previous_unit, sentence_unit)
            earlier = rest
            if not unit or (NO_UNIT.match(unit) and not (  # but "EUR 5.1 million in …"
                    number_start in money_starts and re.match(r"(?i)(?:in|en)\b", unit))):
                continue
            unit = " ".join(unit.split()[:UNIT_WORDS_KEPT])
            sentence_unit = unit
            if YOUTH_UNIT.match(unit):  # "2,400 young people …": all of them are young,
                youth = value  # and "… of whom 233 young returnees" is a part of them
            if women is None and WOMEN_UNIT.match(unit):
                women = value  # "480 travailleuses accompagnées": all of them are women
            results.append(({"value": value, "unit": unit, "women": women, "youth": youth},
                            start, end))
            previous_unit = unit
    return results


def _cells(text: str) -> list[str]:
    """The cells of a table row: tab-separated, or between pipes."""
    if "\t" in text:
        return [c.strip() for c in text.strip().split("\t") if c.strip()]
    if text.strip().startswith("|"):
        return [c.strip(" *") for c in text.strip().strip("|").split("|")]
    return []


def _table_indicators(block: Block) -> tuple[list[tuple[dict[str, Any], int, int]], set[int]]:
    """Results given as a table: "Indicator | Value | Of whom women" over rows of a label
    and its numbers. The header's columns say which number is the women's or youth's part."""
    rows = [(line, _cells(line.text)) for line in block.lines]
    rows = [(line, cells) for line, cells in rows if len(cells) >= 2
            and not all(re.fullmatch(r":?-{2,}:?", c) for c in cells)]
    if len(rows) < 2:
        return [], set()
    header = rows[0][1]
    if any(_parse_number(c) is not None for c in header):
        return [], set()
    women_at = next((n for n, c in enumerate(header) if re.search(WOMEN, c, re.I)), None)
    youth_at = next((n for n, c in enumerate(header) if re.search(YOUTH, c, re.I)), None)
    found: list[tuple[dict[str, Any], int, int]] = []
    for line, cells in rows[1:]:
        numbers = {n: _parse_number(c.replace(" ", "")) for n, c in enumerate(cells)}
        value_at = next((n for n, v in numbers.items() if v is not None
                         and n not in (women_at, youth_at)), None)
        if value_at is None or numbers[value_at] is None or not cells[0] or value_at == 0:
            continue
        indicator = {"value": numbers[value_at], "unit": clean(cells[0]),
                     "women": numbers.get(women_at) if women_at is not None else None,
                     "youth": numbers.get(youth_at) if youth_at is not None else None}
        found.append((indicator, line.start, line.end))
    return found, {line.index for line, _c in rows} if found else set()


def _items(blocks: list[Block]) -> list[tuple[str, int, int]]:
    """Bullets, and the sentences of paragraphs, with the span of their lines."""
    items: list[tuple[str, int, int]] = []
    for block in blocks:
        current: list[Any] = []
        for line in block.lines:
            if (is_bullet(line.text) and not line.text[:1].isspace()) or not current:
                current = [line]
                items.append(("", 0, 0))
            else:
                current.append(line)
            text = " ".join(clean(x.text) for x in current)
            first, last = current[0], current[-1]
            items[-1] = (text, first.start + len(first.text) - len(first.text.lstrip()),
                         last.start + len(last.text.rstrip()))
    sentences: list[tuple[str, int, int]] = []
    for text, start, end in items:
        for n, sentence in enumerate(re.split(r"(?<=[.;!?])\s+(?=[A-Z0-9])", text)):
            before = sentences[-1][0] if n else ""
            if n and (any(p.match(sentence) for p in GROUPS)  # "…; 1.027 de ellas son mujeres"
                      or before.count("(") > before.count(")")):  # "(1.120 mujeres; 640 …)"
                sentences[-1] = (before + " " + sentence, start, end)
            else:
                sentences.append((sentence, start, end))
    return sentences


def _numbers(text: str, money_spans: list[tuple[int, int]]
             ) -> list[tuple[int | float, int, int]]:
    """(value, start, end) of the counted numbers of a sentence."""
    found: list[tuple[int | float, int, int]] = []
    match = LEADING_WORD.match(text)
    if match:
        found.append((NUMBER_WORDS[match.group(1).lower()], match.start(1), match.end()))
    for match in NUMBER.finditer(text):
        if any(s <= match.start() < e for s, e in money_spans):
            continue
        raw = match.group(1)
        if re.fullmatch(r"(19|20)\d\d", raw):  # a year
            continue
        after = text[match.end():]
        if (NOT_COUNTED.match(after) and not re.match(r"\s*%", after)) or AGE_RANGE.match(after) \
                or AGE_RANGE_END.search(text[:match.start()]):
            continue
        if text[:match.start()].count("(") > text[:match.start()].count(")"):
            continue  # details in parentheses: "(10 in Mali, 9 in Senegal)"
        if re.search(r"(?:target|cible|meta|SDG|ODD|ODS|indicator|indicateur|indicador)\s*$",
                     text[:match.start()], re.IGNORECASE):
            continue
        before = text[:match.start()]
        if found and re.search(r"(?i)\b(?:in|across|dans|en)\s+$", before) \
                and not re.search(r"[;.]\s", text[found[-1][2]:match.start()]):
            continue  # "58 community projects launched in 22 communes": where, not a result
        if WHOLE_OF.search(before) or (found and _part_of_them(after)):
            continue  # "18 of the 22 municipalities", "7 offices, 5 of them with a budget"
        if (SUBSET_BEFORE.search(before) or _in_split_list(before)) \
                and not SUBSET_VERB.match(after):
            continue  # "…, dont 5 issus des communautés": a part of the number before
        if re.search(r"(?:n[°o]\.?|no\.|#|session|phase|article|law|loi|ley)\s*$", before,
                     re.IGNORECASE) or (before.rstrip().endswith(("(", "[")) and \
                re.match(r"\s*(?:to|-|–)\s*\d", text[match.end():])):
            continue
        value = _parse_number(raw)
        if value is None:
            continue
        found.append((value, match.start(), match.end()))
    return found


def _in_split_list(before: str) -> bool:
    """The number goes on a list of parts: the 410 of "including 720 women, 1,340 young
    people under 30 and 410 migrants"."""
    match = re.search(SPLIT_INTRO + r"\s+(?P<list>[^.;:()]+?)(?:,|\s(?:and|et|y))\s*$", before,
                      re.IGNORECASE)
    if not match:
        return False
    parts = re.split(r",\s*|\s+(?:and|et|y)\s+", match.group("list"))
    return all(re.match(r"\s*\d", part) for part in parts)


def _part_of_them(after: str) -> bool:
    """"5 of them with a budget line": a part of the number before, not a result of its own
    ("139 of them returned")."""
    match = PART_OF_THEM.match(after)
    if not match:
        return False
    rest = after[match.end():]
    following = rest.split()[:1]
    return not (SUBSET_VERB.match(rest) or (following and VERB_FORM.fullmatch(
        following[0].strip(",.;").lower()) and following[0].lower() not in NOT_VERBS))


def _plain(amount: Decimal) -> int | float:
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _percent_phrase(before: str, rest: str) -> str:
    """"the placement rate reaches 68 %": the unit is "%" and what the percentage is of."""
    subject = re.split(r"[;:.!?]", before)[-1]
    subject = re.sub(r"\b(?:reach(?:es|ed)?|is|was|stands at|stood at|of|atteint|est|"
                     r"[ée]tait|s'[ée]l[eè]ve [aà]|alcanza|alcanz[oó]|es|fue|de)\s*$", "",
                     subject.strip(), flags=re.IGNORECASE).strip()
    subject = re.sub(r"^(?:the|le|la|les|l'|el|los|las)(?:\s+|$)", "", subject, flags=re.IGNORECASE)
    words = subject.split()[:MAX_UNIT_WORDS]
    if not words:
        words = _unit_phrase(re.sub(r"^\s*(?:%|per ?cent|pour ?cent|por ciento)", "", rest),
                             "").split()
    return ("% " + " ".join(words)).strip()


def _parse_number(raw: str) -> int | float | None:
    compact = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[., ]\d{3})+", compact):
        compact = re.sub(r"[., ]", "", compact)
    else:
        compact = compact.replace(",", ".")
    try:
        number = Decimal(compact)
    except InvalidOperation:
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def _split_groups(rest: str, value: int | float) -> tuple[int | None, int | None, str]:
    """The women and youth parts of a count, and the rest of the clause without them. A part
    stated after another number of the sentence belongs to that number."""
    women = youth = None
    limit = _next_number(rest)
    candidates = [m for m in (p.search(rest) for p in GROUPS)
                  if m and m.start() < 200 and m.start() <= limit]
    match = min(candidates, key=lambda m: m.start()) if candidates else None
    if match:
        groups = match.groupdict()
        for amount, kind, share in ((groups.get("a"), groups.get("a_kind"), False),
                                    (groups.get("b"), groups.get("b_kind"), False),
                                    (groups.get("a_share"), groups.get("a_kind"), True)):
            if amount is None or kind is None:
                continue
            part = _parse_number(amount.strip().rstrip(",."))
            if share and part is not None:
                part = round(value * part / 100)  # "1,200 trainees, 45% of them women"
            if re.fullmatch(WOMEN, kind, re.IGNORECASE):
                women = part  # type: ignore[assignment]
            else:
                youth = part  # type: ignore[assignment]
        end = match.end()
        if match.re is not IN_PARENTHESES:  # "of which 19 are run by women entrepreneurs,"
            end += len(rest[end:]) - len(re.sub(r"^[^,;.()]*", "", rest[end:]))
        rest = rest[:match.start()] + rest[end:]
    return women, youth, rest


# A count of something else between the counted thing and what was done to it: "12 labour
# inspectors and 30 staff of employers' associations trained on …" counts inspectors trained.
COORDINATED_COUNT = re.compile(r"\s(?:and|et|y|e)\s+\d[\d.,\u00a0\u202f ]*\s+(?:\S+\s+){1,5}?"
                               r"(?=(?:\w{3,}(?:ed|é|ée|és|ées|ados|adas|idos|idas)|"
                               r"\w{3,}(?:uit|uits|uite|uites)|built|made|"
                               r"set up|held|taken|run|done|won|given|drawn)\b)", re.IGNORECASE)
BARE_PREDICATE = re.compile(r"\s*(?:han|have|has|had|ont|sont|are|were)\s", re.IGNORECASE)


def _next_number(rest: str) -> int:
    """Where the next counted number of a clause starts (years left aside), or its end."""
    for match in NUMBER.finditer(rest):
        if not re.fullmatch(r"(19|20)\d\d", match.group(1)):
            return match.start()
    return len(rest)


def _unit_phrase(rest: str, previous_unit: str, sentence_unit: str = "") -> str:
    rest = re.sub(r"^\s*(?:of them|d'entre eux|d'entre elles|de ellos|de ellas)\b",
                  " " + _head_noun(previous_unit) + " ", rest, flags=re.IGNORECASE)
    head = _head_noun(sentence_unit) if sentence_unit else ""
    if head and len(head.split()) <= 3 and BARE_PREDICATE.match(rest):
        rest = " " + head + rest  # "587 jóvenes … y 164 han puesto en marcha …"
    rest = _drop_short_parentheses(rest)
    other = COORDINATED_COUNT.search(rest)
    if other and not any(VERB_FORM.fullmatch(w) and w.lower() not in NOT_VERBS
                         for w in re.findall(r"\w+", rest[:other.start()])):
        rest = rest[:other.start()] + " " + rest[other.end():]
    for clause_end in (CLAUSE_BREAK, SECOND_PREDICATE):
        cut = clause_end.search(rest)
        if cut:
            rest = rest[:cut.start()]
    rest = re.split(r"[;:.!?(\[]|\s[–—]\s", rest, maxsplit=1)[0]
    words: list[str] = []
    for chunk in re.split(r"(,)", rest):
        if chunk == ",":
            continue
        if words and CLAUSE_AFTER_COMMA.match(chunk):
            break
        for word in chunk.split():
            bare = word.strip("\"'“”«»*").lower()
            if bare in AUXILIARIES:
                continue
            words.append(word.strip("\"“”«»*"))
    words = [w for w in words if w][:MAX_UNIT_WORDS]
    phrase = " ".join(words).strip(" ,-–")
    return phrase if re.search(r"[^\W\d_]{2,}", phrase) else ""


# -- a number in object position: "the guichets have welcomed 4 870 users" ---------------

VERB_FORM = re.compile(r"(?:\w{3,}(?:ed|ing)|\w+(?:é|ée|és|ées)|"
                       r"\w{2,}(?:ados?|adas?|idos?|idas?|aron|ieron|ó))", re.IGNORECASE)
NOT_VERBS = {"during", "including", "according", "following", "regarding", "concerning", "need",
             "seed", "speed", "hundred", "santé", "société", "comité", "qualité", "année",
             "journée", "entrée", "estado", "mercado", "partido", "sentido", "resultado"}
HELPERS = {"has", "have", "had", "ont", "a", "avait", "avaient", "ayant", "han", "ha", "había",
           "habían", "hemos", "avons", "is", "are", "was", "were", "sont", "est", "été", "been",
           "se", "will", "would", "can", "could", "fue", "fueron", "also", "aussi", "también",
           "already", "déjà", "ya", "now", "désormais", "so", "far"}
TRAILERS = re.compile(r"(?:\s+(?:over|more than|almost|nearly|about|around|approximately|some|"
                      r"at least|up to|a total of|plus de|pr[eè]s de|environ|au moins|au total|"
                      r"un total de|m[aá]s de|cerca de|unos|unas|alrededor de|to|à|a|al|au|aux))+$",
                      re.IGNORECASE)
SUBJECT_STOPS = {"in", "at", "dans", "en", "à", "au", "aux", "from", "with", "avec", "con", "para",
                 "pour", "for", "between", "entre", "across", "to", "since", "depuis", "durante",
                 "during", "que", "qui", "which", "who", "that", "dont", "by", "par", "por"}
LEADING = {"the", "a", "an", "le", "la", "les", "l'", "el", "los", "las", "un", "une", "una",
           "unos", "unas", "des", "et", "and", "y", "que", "qui", "which", "who", "that", "se",
           "il", "ils", "elle", "elles", "they", "it", "ellos", "ellas", "this", "these", "ce",
           "ces", "este", "estos", "then"}
CONNECTORS_OUT = {"de", "d'", "du", "des", "del", "of", "la", "le", "les", "l'", "y", "et", "and",
                  "the", "el", "los", "las", "a", "à"}
MAX_OBJECT_WORDS = 8


def _object_unit(before: str, rest: str, earlier: str) -> str:
    """The unit of a number that a verb stands before: what is counted, the verb, and who
    did it: "ont accueilli 4 870 usagers" after "3 guichets" gives "usagers accueilli
    guichets"; "" when the number opens its clause."""
    clause = re.sub(r"\([^)]*\)", " ", before)
    clause = re.split(r"[;:,]|\s[–—]\s", clause)[-1]
    clause = TRAILERS.sub("", clause.strip()).strip()
    words = clause.split()
    verb_at = _predicate_start(words)
    counted = _noun_phrase(rest) if verb_at is not None else ""
    if verb_at is None or not counted:
        return ""
    subject = _after_adverbials(words[:verb_at])
    while subject and subject[-1].lower() in HELPERS:
        subject.pop()
    of_a_noun = words[-1].lower() in OF_WORDS and not BENEFITING.search(clause)
    head = _subject_head(" ".join(subject)) or ("" if of_a_noun else _subject_head(earlier))
    verbs = [w for w in words[verb_at:] if w.lower() not in HELPERS]
    while verbs and verbs[-1].lower() in CONNECTORS_OUT:
        verbs.pop()
    return " ".join([counted, *verbs, head][:MAX_UNIT_WORDS]).strip()


ADVERBIAL_END = re.compile(r"(?i)^(?:(?:19|20)\d\d[,.]?|fecha|date|far|jour|stade|"
                           r"momento|moment|now|ahora|entre|between|since|desde|depuis|until|"
                           r"hasta|jusqu'?[àa]?)$")


ADVERBIAL_OPENERS = {"entre", "between", "since", "desde", "depuis", "hasta", "until", "a", "à",
                     "au", "en", "in", "by", "to", "so", "as", "al", "fin", "end", "durante",
                     "during", "pendant", "jusqu'à", "jusqu'au"}


def _after_adverbials(subject: list[str]) -> list[str]:
    """The subject's words after an opening adverbial of time: "Entre octubre de 2020 y junio
    de 2023 las oficinas" gives "las oficinas"; "Hasta la fecha" gives nothing."""
    if not subject or subject[0].lower() not in ADVERBIAL_OPENERS:
        return subject
    cut = max((n + 1 for n, word in enumerate(subject) if ADVERBIAL_END.match(word)), default=0)
    return subject[cut:]


def _predicate_start(words: list[str]) -> int | None:
    """Where the verbs that govern a number start in the words before it, or None."""
    if not words:
        return None
    benefit = BENEFITING.search(" ".join(words))
    if benefit:  # "…, au bénéfice de 2 300 ménages"
        return len(words) - len(benefit.group(0).split())
    if words[-1].lower() in OF_WORDS:  # "facilitó la regularización migratoria de 2.100"
        verb_at = next((n for n in range(len(words) - 2, max(len(words) - 7, -1), -1)
                        if _verb_like(words, n)), None)
        if verb_at is not None:
            return verb_at
    if _verb_like(words, len(words) - 1):
        verb_at = len(words) - 1  # "… have welcomed 4 870 users"
    elif _verb_like(words, 0) and len(words) <= 5 and words[0][:1].islower():
        return 0  # a bullet under a lead-in: "provided psychosocial support to 680 people"
    else:
        return None
    while verb_at >= 2 and words[verb_at - 1].lower() in ("et", "and", "y") and (
            verb_at == 2 or _verb_like(words, verb_at - 2)):
        verb_at -= 2  # "accueilli et orienté"
    return verb_at


def _verb_like(words: list[str], n: int) -> bool:
    word = words[n].strip(".,;:«»\"“”").lower()
    if (not word.isalpha() and "-" not in word) or word in NOT_VERBS:
        return False
    return bool(VERB_FORM.fullmatch(word)) or (n > 0 and words[n - 1].lower() in HELPERS
                                               and word not in HELPERS and len(word) > 2)


def _noun_phrase(rest: str) -> str:
    """The words right after a number up to a verb, a break or another number."""
    words: list[str] = []
    following = re.sub(AGE_QUALIFIER, " ", rest, count=1, flags=re.IGNORECASE).split()
    for n, word in enumerate(following):
        bare = word.strip("\"“”«»*").lower()
        if not bare or re.match(r"[(\[\d]", bare) or bare in HELPERS or bare in SUBJECT_STOPS:
            break
        if bare in ("et", "and", "y") and n + 1 < len(following) and \
                _verb_like(following, n + 1):
            break  # "… de la diáspora y generado 96 empleos"
        words.append(word.strip(",.;:!?\"“”«»*"))
        if re.search(r"[,.;:!?]$", word) or len(words) >= MAX_OBJECT_WORDS:
            break
    while words and words[-1].lower() in CONNECTORS_OUT:
        words.pop()
    phrase = " ".join(w for w in words if w)
    return phrase if re.search(r"[^\W\d_]{2,}", phrase) else ""


def _subject_head(text: str) -> str:
    """The head of a subject: "3 guichets « migration » ouverts" gives "guichets"."""
    words = text.split()
    while words and (words[0].lower() in LEADING or re.fullmatch(r"[\d.,]+", words[0])):
        words.pop(0)
    head: list[str] = []
    for word in words:
        bare = word.lower().strip(",.;:")
        if word[:1] in "(«\"“[" or bare in HELPERS or bare in SUBJECT_STOPS or (
                VERB_FORM.fullmatch(bare) and bare not in NOT_VERBS) or len(head) >= 6:
            break
        head.append(word.strip(",.;:"))
        if re.search(r"[,.;:]$", word):
            break
    while head and head[-1].lower() in CONNECTORS_OUT:
        head.pop()
    return " ".join(head)



def _head_noun(unit: str) -> str:
    """The counted thing of a unit phrase: its words up to the first verb-like word."""
    head = []
    for word in unit.split():
        if re.search(r"(ed|é|ée|és|ées|ado|ada|ido|ida)$", word.lower()) or word.lower() in (
                "have", "a", "with", "from", "in", "of", "better"):
            break
        head.append(word)
    return " ".join(head) or unit


def _drop_short_parentheses(text: str) -> str:
    """Parenthesised details leave the unit phrase: "people (both migrants and hosts)"."""
    return re.sub(r"\s*\(([^()]*)\)", " ", text)
