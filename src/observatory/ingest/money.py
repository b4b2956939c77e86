"""Money amounts as programme fiches write them, in English, French and Spanish.

``find_money`` finds "EUR 25 mio", "9.000.000 €", "30 M€", "2,5 millions d'euros",
"3 mil millones de euros", "USD 1,200,000", "500 millions FCFA", ... A number counts as money
only when a currency is written next to it; a currency written with no number gives an amount of
None. Everything is compiled once at import: the functions are called on many short snippets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import pycountry

__all__ = ["ISO_CURRENCY_CODES", "Money", "find_money", "parse_amount"]


@dataclass(frozen=True)
class Money:
    amount: Decimal | None
    currency: str | None  # ISO 4217
    start: int  # span of the whole expression within the input string
    end: int


# ISO 4217 codes that count as a currency when written (in capitals) next to a number. Left out:
# fund and metal codes, and codes that are far more often something else in these reports
# ("SDG 10.7" is a Sustainable Development Goal target, "COP 26" a climate conference, "TOP 10",
# "ALL 3 partners", "SOS").
_NOT_CURRENCIES = frozenset({
    "ALL", "BOV", "CHE", "CHW", "CLF", "COP", "COU", "CUP", "MXV", "SDG", "SOS", "TOP", "USN",
    "UYI", "UYW", "XAD", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU",
    "XTS", "XUA", "XXX",
})
ISO_CURRENCY_CODES: frozenset[str] = frozenset(
    c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in _NOT_CURRENCIES
)
# Codes common enough to be read as a currency even with no number next to them.
_BARE_CODES = ("EUR", "USD", "GBP", "CHF", "XOF", "XAF", "MAD", "SEK", "NOK", "DKK", "JPY",
               "CAD", "AUD")

_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "R$": "BRL", "A$": "AUD", "AU$": "AUD", "CA$": "CAD",
    "NZ$": "NZD", "MX$": "MXN", "$": "USD", "€": "EUR", "£": "GBP", "₦": "NGN", "₹": "INR",
    "₱": "PHP",
}

# Currency names written after an amount ("41 million Euros", "500 millions FCFA").
_WORDS: tuple[tuple[str, str], ...] = (
    (r"euros?", "EUR"),
    (r"(?:US|U\.S\.)\s+dollars?", "USD"),
    (r"dollars?(?:\s+(?:US|am[ée]ricains?|des\s+[ÉE]tats[- ]Unis))?", "USD"),
    (r"d[óo]lar(?:es)?(?:\s+(?:estadounidenses?|americanos?|de\s+EE\.?\s?UU\.?))?", "USD"),
    (r"(?:pounds?|livres?)\s+sterling", "GBP"),
    (r"pounds?", "GBP"),
    (r"libras?(?:\s+esterlinas?)?", "GBP"),
    (r"Swiss\s+francs?", "CHF"),
    (r"francs?\s+suisses?", "CHF"),
    (r"francos?\s+suizos?", "CHF"),
    (r"(?:francs?|francos?)\s+CFA", "XOF"),
    (r"CFA\s+francs?", "XOF"),
    (r"F\.?\s?CFA", "XOF"),
    (r"CFA", "XOF"),
    (r"dirhams?", "MAD"),
    (r"pesos?\s+colombianos?", "COP"),
    (r"DHS?", "MAD"),
    (r"yens?", "JPY"),
    (r"(?:Swedish\s+)?kronor", "SEK"),
)

_MULTIPLIERS: dict[str, int] = {
    "k": 10**3, "thousand": 10**3, "thousands": 10**3, "mil": 10**3, "mille": 10**3,
    "m": 10**6, "mm": 10**6, "mn": 10**6, "mln": 10**6, "mio": 10**6, "mill": 10**6,
    "million": 10**6, "millions": 10**6, "millón": 10**6, "millon": 10**6, "millones": 10**6,
    "b": 10**9, "bn": 10**9, "bln": 10**9, "billion": 10**9, "billions": 10**9,
    "milliard": 10**9, "milliards": 10**9, "md": 10**9, "mds": 10**9, "mrd": 10**9,
    "mrds": 10**9, "mil millones": 10**9, "mil millón": 10**9, "mil millon": 10**9,
    # Spanish "billón" is the long-scale 10^12; English "billion" is read as 10^9.
    "billón": 10**12, "billon": 10**12, "billones": 10**12, "trillion": 10**12,
    "trillions": 10**12,
}
_ABBREVIATIONS_WITH_DOT = ("mio", "mill", "mln", "bln", "md", "mds", "mrd", "mrds")

_HS = r"[ \t\u00a0\u202f\u2009]"  # horizontal space, including (narrow) no-break spaces
_GAP = rf"{_HS}*(?:\n{_HS}*)?"  # at most one line break
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
_NUM = (
    r"(?:\d{1,3}(?:(?:[.,]|[ \u00a0\u202f\u2009])\d{3})+(?:[.,]\d+)?(?!\d)"
    r"|\d+(?:[.,]\d+)?)(?![.,]?\d)"
)
_RANGE = rf"(?:{_HS}*[-–—]{_HS}*|{_HS}+(?:to|à|a|au|hasta){_HS}+)"


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _multiplier_pattern() -> str:
    parts = []
    for word in sorted(_MULTIPLIERS, key=len, reverse=True):
        part = re.escape(word).replace(r"\ ", r"\s+")
        if word in _ABBREVIATIONS_WITH_DOT:
            part += r"\.?"
        parts.append(part)
    return rf"(?i:{'|'.join(parts)}){_NOT_LETTER_AFTER}"


_MULT = _multiplier_pattern()
_SYMBOL = _alternation([re.escape(s) for s in _SYMBOLS])
_CODE = rf"{_NOT_LETTER_BEFORE}(?:{_alternation(sorted(ISO_CURRENCY_CODES))}){_NOT_LETTER_AFTER}"
_BARE_CODE = rf"{_NOT_LETTER_BEFORE}(?:{'|'.join(_BARE_CODES)}){_NOT_LETTER_AFTER}"
_FCFA = rf"{_NOT_LETTER_BEFORE}(?:FCFA|F\.?\s?CFA){_NOT_LETTER_AFTER}"
_WORD = rf"{_NOT_LETTER_BEFORE}(?i:{'|'.join(p for p, _ in _WORDS)}){_NOT_LETTER_AFTER}"
_OF = r"(?:of|de|del|d['’])"

# Colombian pesos, left out of the codes for "COP 26", count before a large or scaled amount
_COP = (rf"{_NOT_LETTER_BEFORE}COP(?=\s?\d{{1,3}}(?:[.,\s]\d{{3}})+|"
        rf"\s?\d[\d.,]*\s+(?:millones|millions?|mil|mio)\b)")
_CUR_BEFORE = f"{_SYMBOL}|{_FCFA}|{_COP}|{_CODE}"
_CUR_AFTER = f"{_SYMBOL}|{_CODE}|{_WORD}"

_MONEY_RE = re.compile(
    # Every branch begins with a digit, a capital or a currency sign: checking that first makes
    # the search skip most positions at once.
    rf"(?=[\dA-Z{''.join(sorted({s[-1] for s in _SYMBOLS}))}])(?:"
    # A: currency first, "EUR 25 mio", "€2.5m", "USD 3-5 million"
    rf"(?P<a_cur>{_CUR_BEFORE}){_GAP}(?P<a_n1>{_NUM})(?:{_RANGE}(?P<a_n2>{_NUM}))?"
    rf"(?:{_GAP}(?P<a_mult>{_MULT}))?"
    # B: amount first, "9.000.000 €", "30 M€", "2,5 millions d'euros", "5 MEUR"
    rf"|(?<![\w.,])(?P<b_n1>{_NUM})(?:{_RANGE}(?P<b_n2>{_NUM}))?"
    rf"(?:{_GAP}(?P<b_mult>{_MULT})(?:{_GAP}{_OF})?{_GAP}(?P<b_cur>{_CUR_AFTER})"
    rf"|{_GAP}(?P<b_mcode>[MmKk])(?P<b_code>EUR|USD|GBP|CHF){_NOT_LETTER_AFTER}"
    # a plain number then its currency; if a number follows on the same line, the currency is
    # more likely that number's ("2016 € 5 million")
    rf"|{_HS}*(?P<b_cur2>{_CUR_AFTER})(?!{_HS}*\d))"
    # C: a currency with no amount
    rf"|(?P<c_cur>{_SYMBOL}|{_FCFA}|{_BARE_CODE}))"
)
_WORD_RES = tuple((re.compile(p, re.IGNORECASE), code) for p, code in _WORDS)
_SPACES_RE = re.compile(r"\s+")
_GROUP_SEPARATORS = str.maketrans("", "", " \u00a0\u202f\u2009")


@lru_cache(maxsize=512)
def _currency(token: str) -> str | None:
    if token in _SYMBOLS:
        return _SYMBOLS[token]
    if token in ISO_CURRENCY_CODES or token == "COP":
        return token
    for pattern, code in _WORD_RES:
        if pattern.fullmatch(token):
            return code
    return None


def _multiplier(token: str | None) -> int:
    if not token:
        return 1
    key = _SPACES_RE.sub(" ", token.lower()).rstrip(".")
    return _MULTIPLIERS.get(key, 1)


def _number(token: str) -> Decimal:
    """Read "13,5", "9.000.000", "1,200,000", "1.234,56", "1,234.56", "750 000"."""
    digits = token.translate(_GROUP_SEPARATORS)
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:  # the last separator is the decimal one
        decimal_sep = "." if digits.rfind(".") > digits.rfind(",") else ","
        thousands_sep = "," if decimal_sep == "." else "."
        digits = digits.replace(thousands_sep, "").replace(decimal_sep, ".")
    elif dots + commas > 1:  # "9.000.000", "1,200,000"
        digits = digits.replace(".", "").replace(",", "")
    elif dots + commas == 1:
        sep = "." if dots else ","
        whole, fraction = digits.split(sep)
        if len(fraction) == 3 and whole.strip("0"):  # "1,500", "5.500": thousands
            digits = whole + fraction
        else:  # "13,5", "2.5", "0.500"
            digits = f"{whole}.{fraction}"
    return Decimal(digits)


def _amount(number: str, multiplier: int) -> Decimal:
    value = _number(number) * multiplier
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return value


def find_money(text: str) -> list[Money]:
    """Every amount of money in ``text``, in order, with spans into ``text``."""
    found: list[Money] = []
    for m in _MONEY_RE.finditer(text):
        if m["c_cur"] is not None:
            found.append(Money(None, _currency(m["c_cur"]), m.start(), m.end()))
            continue
        if m["a_n1"] is not None:
            n1, n2, mult, cur = "a_n1", "a_n2", m["a_mult"], m["a_cur"]
        else:
            n1, n2 = "b_n1", "b_n2"
            if m["b_code"] is not None:
                mult, cur = m["b_mcode"], m["b_code"]
            else:
                mult, cur = m["b_mult"], m["b_cur"] or m["b_cur2"]
        currency = _currency(cur)
        factor = _multiplier(mult)
        if m[n2] is None:
            found.append(Money(_amount(m[n1], factor), currency, m.start(), m.end()))
        else:  # a range, "EUR 3-5 million": two amounts, each with the currency and multiplier
            found.append(Money(_amount(m[n1], factor), currency, m.start(), m.end(n1)))
            found.append(Money(_amount(m[n2], factor), currency, m.start(n2), m.end()))
    return found


def parse_amount(text: str) -> Money | None:
    """The first amount of money in ``text``, or None."""
    found = find_money(text)
    return found[0] if found else None
