from typing import Any

from django.http import HttpRequest

from .roles import is_administrator, is_editor


def roles(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {"is_editor": is_editor(user), "is_administrator": is_administrator(user)}
