"""Download an IATI file of programmes; upload a publisher's file (editors, administrators)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify

from observatory.accounts.roles import is_editor

from . import export, importer, selection
from .forms import UploadForm


def export_xml(request: HttpRequest) -> HttpResponse:
    """``?programme=KEY`` (repeatable), or the programme list's filters (``q``, ``country``,
    ``organisation`` …): an IATI 2.03 file of what the visitor may see, streamed."""
    programmes = selection.from_query(request.user, request.GET)
    report = export.ExportReport()
    produced = export.activities(programmes.iterator(chunk_size=100), report)
    first = next(produced, None)
    if first is None:
        return render(request, "iati/export_empty.html", {"report": report}, status=404)
    keys = request.GET.getlist("programme")
    name = slugify(keys[0]) if len(keys) == 1 else "programmes"
    response = StreamingHttpResponse(export.chunks(first, produced, report),
                                     content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="iati-{name}-{timezone.localdate().isoformat()}.xml"')
    return response


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    if not is_editor(request.user):
        raise PermissionDenied
    report, refused = None, ""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            report = importer.import_file(uploaded.open("rb"), user=request.user,
                                          publish=form.cleaned_data["publish"])
        except importer.Refused as error:
            refused = str(error)
    return render(request, "iati/upload.html", {"form": form, "report": report,
                                                "refused": refused})
