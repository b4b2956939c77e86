"""Writes to the knowledge base."""

from collections.abc import Iterable

from django.db import transaction

from observatory.registry.models import Programme, SourceDocument, Theme
from observatory.registry.services import refresh_search_text
from observatory.text import normalize

from .models import Statement, StatementKind


@transaction.atomic
def add_statement(programme: Programme, kind: str, text: str,
                  themes: Iterable[Theme] = (), *, document: SourceDocument | None = None,
                  span: tuple[int, int] | None = None) -> Statement:
    if kind not in StatementKind.values:
        raise ValueError(f"Unknown statement kind {kind!r}.")
    order = programme.statements.filter(kind=kind).count()
    start, end = span if span is not None else (None, None)
    statement = Statement(programme=programme, kind=kind, text=text.strip(), order=order,
                          source_document=document, span_start=start, span_end=end)
    return save_statement(statement, themes)


@transaction.atomic
def save_statement(statement: Statement, themes: Iterable[Theme] | None = None) -> Statement:
    statement.full_clean()
    statement.save()
    if themes is not None:
        statement.themes.set(themes)
    refresh_statement_search_text(statement)
    refresh_search_text(statement.programme)
    return statement


def refresh_statement_search_text(statement: Statement) -> None:
    themes = [name for t in statement.themes.all() for name in (t.name, t.name_fr)]
    text = normalize(" ".join([statement.text, *themes]))
    Statement.objects.filter(pk=statement.pk).update(search_text=text)
    statement.search_text = text
