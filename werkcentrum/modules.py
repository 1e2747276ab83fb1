"""Which modules a regio uses. The loket is the Werkcentrum itself and always on; a regio
that keeps its reserve elsewhere (or has no WSP or RBA in the portal) switches a module off,
and then its pages, public pages and API answer 404 for that regio and the werkplek hides it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MODULES = {
    "wsp": _("Werkgeversservicepunt"),
    "rba": _("Regionaal Bestuurlijk Arbeidsmarktoverleg"),
    "financien": _("Financiën (regionale reserve)"),
}
# URL namespaces and API path parts that belong to a module.
_NAMESPACES = {"wsp": "wsp", "wsp_publiek": "wsp", "rba": "rba", "rba_publiek": "rba"}
_NAMESPACES |= {"financien": "financien", "financien_publiek": "financien"}


def alle_modules() -> list[str]:
    return list(MODULES)


def modules_validator(waarde) -> None:
    if not isinstance(waarde, list) or not set(waarde) <= set(MODULES):
        raise ValidationError(
            _("Kies modules uit: %(namen)s."), params={"namen": ", ".join(MODULES)}
        )


def module_van(request, match) -> str | None:
    """The module a resolved request belongs to, or None for the core and the loket."""
    for namespace in match.namespaces:
        if namespace in _NAMESPACES:
            return _NAMESPACES[namespace]
    deel = request.path_info.split("/")
    if len(deel) > 3 and deel[1] == "api" and deel[3] in MODULES:
        return deel[3]
    return None


class ModuleMiddleware:
    """404 for a module the request's regio does not use: the public page's regio, else the
    medewerker's. One small query, only on a module's pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from django.http import Http404

        from .models import Arbeidsmarktregio

        module = module_van(request, request.resolver_match)
        if module is None:
            return None
        code = view_kwargs.get("regio")
        if isinstance(code, str):
            regio = Arbeidsmarktregio.objects.filter(code=code)
        else:
            regio_id = getattr(getattr(request, "user", None), "regio_id", None)
            if regio_id is None:  # the platform beheerder, or the view refuses anyway
                return None
            regio = Arbeidsmarktregio.objects.filter(pk=regio_id)
        modules = regio.values_list("modules", flat=True).first()
        if modules is not None and module not in modules:
            raise Http404
        return None
