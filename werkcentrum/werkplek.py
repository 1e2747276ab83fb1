"""What each role can do, as links on its werkplek page, and what is waiting for it, as tiles
with counts. Apps register their own entries and tiles in AppConfig.ready(), so werkcentrum
imports no app."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class WerkplekItem:
    titel: str
    omschrijving: str
    url_naam: str
    rollen: frozenset[str]
    permissie: str | None = None
    # The page works inside one regio (it records or offers something there): not shown to
    # the platform user, who has none and would get 403.
    regio_nodig: bool = False

    @cached_property  # the URLs are fixed while the process runs
    def url(self) -> str | None:
        try:
            return reverse(self.url_naam)
        except NoReverseMatch:
            return None


_ITEMS: list[WerkplekItem] = []


def registreer(
    *,
    titel: str,
    omschrijving: str,
    url_naam: str,
    rollen: set[str],
    permissie: str | None = None,
    regio_nodig: bool = False,
) -> None:
    item = WerkplekItem(titel, omschrijving, url_naam, frozenset(rollen), permissie, regio_nodig)
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
        and (not item.regio_nodig or getattr(user, "regio_id", None))
    ]


def uitgeschakeld(user) -> set[str]:
    """The modules the user's regio does not use (werkcentrum/modules.py)."""
    from .models import Arbeidsmarktregio
    from .modules import MODULES

    if not getattr(user, "regio_id", None):
        return set()
    modules = Arbeidsmarktregio.objects.filter(pk=user.regio_id).values_list("modules", flat=True)
    return set(MODULES) - set(modules.first() or ())


# --- tiles with counts ----------------------------------------------------------------------


@dataclass(frozen=True)
class Tegel:
    """A count on the werkplek: what it counts (`titel`, `omschrijving`) and the list that
    shows exactly those rows (`url`, filters included)."""

    titel: str
    omschrijving: str
    aantal: int
    url: str
    dringend: bool = False  # something is late: shown with a warning


# (module or None, roles, function(user, vandaag) -> tiles). One function per app, so an app
# counts its tiles in as few queries as it can (the werkplek's query count stays constant).
_TEGELS: list[tuple[str | None, frozenset[str], Callable[..., list[Tegel]]]] = []


def registreer_tegels(
    *, rollen: set[str], tellen: Callable[..., list[Tegel]], module: str | None = None
) -> None:
    """`tellen(user=..., vandaag=...)` returns the tiles, counted in SQL within the user's
    regio; it is called once per werkplek page for a user with one of `rollen`."""
    entry = (module, frozenset(rollen), tellen)
    if entry not in _TEGELS:
        _TEGELS.append(entry)


def tegels_voor(user, rollen: Iterable[str], uit: set[str], vandaag: date) -> list[Tegel]:
    """The tiles of the user's roles, each app's once, leaving out switched-off modules. A
    user without a regio (the platform superuser) gets none: the tiles are a regio's work."""
    if not getattr(user, "regio_id", None):
        return []
    rollen = set(rollen)
    tegels: list[Tegel] = []
    for module, voor_rollen, tellen in _TEGELS:
        if module in uit or not rollen & voor_rollen:
            continue
        tegels.extend(tellen(user=user, vandaag=vandaag))
    return tegels
