from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from observatory.registry.forms import ProgrammeFilterForm

from .models import StatementKind


class KnowledgeSearchForm(ProgrammeFilterForm):
    kind = forms.ChoiceField(label=_("Kind of statement"), required=False,
                             choices=[("", _("Any kind")), *StatementKind.choices])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["sort"]
        self.order_fields(["q", "kind"])

    def statement_kind(self) -> str:
        return self.cleaned_data.get("kind", "") if self.is_bound and self.is_valid() else ""
