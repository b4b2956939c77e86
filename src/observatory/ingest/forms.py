from django import forms
from django.utils.translation import gettext_lazy as _

from .readers import MAX_BYTES

ACCEPTED = ".txt,.md,.markdown,.pdf,.docx"


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Report"), help_text=_(
        "A .txt, .md, .pdf (with a text layer) or .docx file of at most %(mib)d MiB.")
        % {"mib": MAX_BYTES // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED}))

    def clean_file(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size).1f MiB; the limit is %(mib)d MiB.")
                % {"size": upload.size / 1024 / 1024, "mib": MAX_BYTES // (1024 * 1024)})
        return upload
