"""What each role can do, as links on its werkplek page. Apps register their own entries in
AppConfig.ready(), so werkcentrum imports no app."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class WerkplekItem:
    titel: str
    omschrijving: str
    url_naam: str
    rollen: frozenset[str]
    permissie: str | None = None

    @cached_property  # the URLs are fixed while the process runs
    def url(self) -> str | None:
        try:
            return reverse(self.url_naam)
        except NoReverseMatch:
            return None


_ITEMS: list[WerkplekItem] = []


def registreer(
    *, titel: str, omschrijving: str, url_naam: str, rollen: set[str], permissie: str | None = None
) -> None:
    item = WerkplekItem(titel, omschrijving, url_naam, frozenset(rollen), permissie)
    if item not in _ITEMS:
        _ITEMS.append(item)


def items_voor(user, rol: str, uit: frozenset[str] | set[str] = frozenset()) -> list[WerkplekItem]:
    """The entries of one role that `user` may really open (the view checks again)."""
    return [
        item
        for item in _ITEMS
        if rol in item.rollen
        and item.url_naam.split(":")[0] not in uit
        and item.url is not None
        and (item.permissie is None or user.has_perm(item.permissie))
    ]


def uitgeschakeld(user) -> set[str]:
    """The modules the user's regio does not use (werkcentrum/modules.py)."""
    from .models import Arbeidsmarktregio
    from .modules import MODULES

    if not getattr(user, "regio_id", None):
        return set()
    modules = Arbeidsmarktregio.objects.filter(pk=user.regio_id).values_list("modules", flat=True)
    return set(MODULES) - set(modules.first() or ())
