"""CSV and XLSX templates of a programme's values for a period, and their upload."""

from django.http import Http404, HttpRequest, HttpResponse


def template(request: HttpRequest, slug: str, period_id: int, fmt: str) -> HttpResponse:
    raise Http404("not built yet")


def upload(request: HttpRequest, slug: str, period_id: int) -> HttpResponse:
    raise Http404("not built yet")
