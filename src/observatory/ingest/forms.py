from django import forms
from django.utils.translation import gettext_lazy as _

from . import readers

ACCEPTED = ".txt,.md,.markdown,.pdf,.docx"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Report"),
                           widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED}))

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        # the reader's limit, read now rather than copied when the module was imported
        self.fields["file"].help_text = _(
            "A .txt, .md, .pdf (with a text layer) or .docx file of at most %(limit)s MB."
        ) % {"limit": _megabytes(readers.MAX_BYTES)}

    def clean_file(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["file"]
        if upload.size > readers.MAX_BYTES:
            raise forms.ValidationError(
                _("“%(name)s” is too large (%(size)s MB); the limit is %(limit)s MB.")
                % {"name": upload.name, "size": _megabytes(upload.size),
                   "limit": _megabytes(readers.MAX_BYTES)})
        return upload
