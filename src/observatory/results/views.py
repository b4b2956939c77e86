"""Pages of the results capability: programme summary, entry grid, workflow, reference totals."""

from django.http import Http404, HttpRequest, HttpResponse


def _todo(*args: object, **kwargs: object) -> HttpResponse:
    raise Http404


summary = open_period = entry = save_cell = workflow = reference_list = reference_detail = _todo
