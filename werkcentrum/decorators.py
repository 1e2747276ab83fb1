from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def rol_vereist(*rollen: str) -> Callable:
    """Login required, then one of `rollen` (the superuser always passes); else 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def wrapper(request, *args, **kwargs):
            if not request.user.heeft_rol(*rollen):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
