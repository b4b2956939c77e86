"""The filter form shared by the programme list and the knowledge search."""

from dataclasses import fields
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .codelists import ActivityStatus
from .models import Place, PlaceLevel
from .selectors import ProgrammeFilters, filter_choices

SORT_CHOICES = [
    ("", _("Default")),
    ("relevance", _("Relevance")),
    ("-start", _("Newest start")),
    ("start", _("Oldest start")),
    ("title", _("Title")),
    ("key", _("Short name")),
    ("-updated", _("Recently updated")),
]


class ProgrammeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme or tag"), required=False)
    organisation = forms.ChoiceField(label=_("Agency or funder"), required=False)
    target_group = forms.ChoiceField(label=_("Target group"), required=False)
    start_year = forms.TypedChoiceField(label=_("Start year"), required=False, coerce=int,
                                        empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Any status")), *ActivityStatus.choices])
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        options = filter_choices(user)
        any_ = [("", _("Any"))]
        countries = {c.code: c.label for c in options["countries"]}
        asked = str(self.data.get("country", "")).upper() if self.is_bound else ""
        if asked and asked not in countries:  # a country without programmes gives no results
            place = Place.objects.filter(code=asked, level=PlaceLevel.COUNTRY).first()
            if place is not None:
                countries[place.code] = place.label
        self.fields["country"].choices = any_ + sorted(countries.items(), key=lambda c: c[1])
        if asked:
            self.data = self.data.copy()
            self.data["country"] = asked
        self.fields["theme"].choices = any_ + [
            (t.slug, t.label if t.kind == "theme" else f"# {t.label}") for t in options["themes"]]
        self.fields["organisation"].choices = any_ + [
            (o.slug, o.short_name) for o in options["organisations"]]
        self.fields["target_group"].choices = any_ + [
            (g.slug, g.label) for g in options["target_groups"]]
        self.fields["start_year"].choices = any_ + [(y, y) for y in options["years"]]

    def to_filters(self) -> ProgrammeFilters:
        """The valid part of the query; an invalid field is ignored rather than failing the page."""
        if not self.is_bound:
            return ProgrammeFilters()
        self.is_valid()
        known = {f.name for f in fields(ProgrammeFilters)}
        data = {k: v for k, v in self.cleaned_data.items() if v and k in known}
        return ProgrammeFilters(**data)

    def active_filters(self) -> list[tuple[str, str]]:
        """(label, shown value) of each filter in use, for the "filtered by" line."""
        shown = []
        if not self.is_bound:
            return shown
        for name, value in self.cleaned_data.items():
            if not value or name == "sort":
                continue
            field = self.fields[name]
            if isinstance(field, forms.ChoiceField):
                value = dict((str(k), v) for k, v in field.choices).get(str(value), value)
            shown.append((str(field.label), str(value)))
        return shown
