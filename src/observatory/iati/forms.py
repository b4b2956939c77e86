from django import forms
from django.utils.translation import gettext_lazy as _


class UploadForm(forms.Form):
    file = forms.FileField(label=_("IATI activity file (XML, version 2.01 to 2.03)"))
    publish = forms.BooleanField(label=_("Publish the programmes it creates"), required=False)
