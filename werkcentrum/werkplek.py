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


def items_voor(user, rol: str) -> list[WerkplekItem]:
    """The entries of one role that `user` may really open (the view checks again)."""
    return [
        item
        for item in _ITEMS
        if rol in item.rollen
        and item.url is not None
        and (item.permissie is None or user.has_perm(item.permissie))
    ]
