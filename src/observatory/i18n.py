"""Records whose names are kept in several languages pick the one of the active language."""

from django.utils.translation import get_language


class LocalizedNameMixin:
    """Expects fields ``name`` and ``name_fr``; ``label`` is the name in the active language."""

    name: str
    name_fr: str

    @property
    def label(self) -> str:
        language = (get_language() or "en")[:2]
        if language == "fr" and self.name_fr:
            return self.name_fr
        return self.name
