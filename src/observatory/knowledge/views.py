"""The knowledge search: what have programmes learnt about X."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from observatory.registry.views import is_htmx, paginate, query_without_page

from .forms import KnowledgeSearchForm
from .selectors import search_statements


def search(request: HttpRequest) -> HttpResponse:
    form = KnowledgeSearchForm(request.GET or None, user=request.user)
    statements = search_statements(request.user, form.to_filters(), kind=form.statement_kind())
    context = {
        "form": form,
        "page": paginate(request, statements),
        "query": query_without_page(request),
        "searched": form.is_bound,
    }
    template = "knowledge/_results.html" if is_htmx(request) else "knowledge/search.html"
    return render(request, template, context)
