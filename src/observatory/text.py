"""Text helpers shared by the apps: normalisation for accent- and case-insensitive search."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Lower-case, strip accents and fold white space: "Côte  d'Ivoire" -> "cote d'ivoire"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def search_terms(query: str) -> list[str]:
    """The normalised words of a query, longest first, without duplicates."""
    terms = {t for t in normalize(query).replace('"', " ").split(" ") if t}
    return sorted(terms, key=lambda t: (-len(t), t))
