"""Public pages of the registry: home, programme list and page, organisation and place pages."""

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from observatory.knowledge.selectors import similar_programmes, statements_by_kind

from . import selectors
from .forms import ProgrammeFilterForm
from .models import Organisation, Place

PAGE_SIZE = 20


def paginate(request: HttpRequest, items: Any, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "registry/home.html", {
        "counts": selectors.home_counts(request.user),
        "country_counts": selectors.country_programme_counts(request.user),
        "latest": selectors.latest_programmes(request.user),
    })


def programme_list(request: HttpRequest) -> HttpResponse:
    form = ProgrammeFilterForm(request.GET or None, user=request.user)
    programmes = selectors.search_programmes(request.user, form.to_filters())
    context = {
        "form": form,
        "page": paginate(request, programmes.prefetch_related("fundings", "themes")),
        "query": query_without_page(request),
    }
    template = "registry/_programme_results.html" if is_htmx(request) else \
        "registry/programme_list.html"
    return render(request, template, context)


def programme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    programme = selectors.programme_for(request.user, slug)
    if programme is None:
        raise Http404
    statements = programme.statements.prefetch_related("themes").order_by("kind", "order")
    return render(request, "registry/programme_detail.html", {
        "programme": programme,
        "budget_totals": selectors.budget_totals(programme),
        "partners_by_role": selectors.partners_by_role(programme),
        "countries": selectors.programme_countries(programme),
        "sources": selectors.sources_by_document(programme),
        "statement_groups": statements_by_kind(statements),
        "similar": similar_programmes(request.user, programme),
        "can_edit": selectors.can_edit_programme(request.user, programme),
    })


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.select_related("country"), slug=slug)
    return render(request, "registry/organisation_detail.html", {
        "organisation": organisation,
        "sections": selectors.organisation_programmes_by_role(request.user, organisation),
    })


def place_detail(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(Place.objects.select_related("parent__parent__parent"), pk=pk)
    return render(request, "registry/place_detail.html", {
        "place": place,
        "programmes": selectors.place_programmes(request.user, place)
        .select_related("implementing_agency"),
        "children_with_programmes": selectors.place_children_with_counts(request.user, place),
        "children_count": place.children.count(),
    })
