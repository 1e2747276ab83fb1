"""Public besluitenlijst of a regio: search, RSS and JSON feed, printable raadsinformatie.

Only besluiten that are genomen and marked openbaar are ever shown (selectors.openbare_*)."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from werkcentrum.lists import list_context
from werkcentrum.publiek import publieke_regio

from . import selectors
from .filters import BesluitFilter
from .models import Besluit

FEED_AANTAL = 50


def _lijst_url(regio) -> str:
    return reverse("rba_publiek:besluiten", kwargs={"regio": regio.code})


def besluit_url(besluit: Besluit) -> str:
    return reverse(
        "rba_publiek:besluit", kwargs={"regio": besluit.regio.code, "nummer": besluit.nummer}
    )


@require_GET
@publieke_regio
def besluiten(request: HttpRequest) -> HttpResponse:
    qs = selectors.openbare_besluiten_lijst(request.regio)
    context = list_context(request, qs, BesluitFilter, met_status=False)
    return render(request, "rba/publiek/besluiten.html", {**context, "regio": request.regio})


@require_GET
@publieke_regio
def besluit(request: HttpRequest, nummer: str) -> HttpResponse:
    obj = selectors.openbaar_besluit(request.regio, nummer)
    keten = [b for b in selectors.besluit_keten(obj) if b.openbaar and b.is_genomen]
    return render(
        request,
        "rba/raadsinformatie.html",
        {"besluit": obj, "regio": request.regio, "keten": keten, "publiek": True},
    )


class _BesluitenFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        return request.regio

    def title(self, regio):
        return _("Besluiten %(regio)s") % {"regio": regio.naam}

    def link(self, regio):
        return _lijst_url(regio)

    def description(self, regio):
        return _("Openbare besluiten van de overlegorganen van arbeidsmarktregio %(regio)s.") % {
            "regio": regio.naam
        }

    def items(self, regio):
        return selectors.openbare_besluiten(regio).order_by("-datum", "-nummer")[:FEED_AANTAL]

    def item_title(self, item: Besluit):
        return f"{item.nummer} {item.titel}"

    def item_description(self, item: Besluit):
        return item.besluittekst

    def item_link(self, item: Besluit):
        return besluit_url(item)

    def item_guid(self, item: Besluit):
        return f"{item.regio.code}:{item.nummer}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Besluit):
        return item.genomen_op or timezone.make_aware(datetime.combine(item.datum, time(12)))


@require_GET
@publieke_regio
def feed_rss(request: HttpRequest) -> HttpResponse:
    return _BesluitenFeed()(request)


@require_GET
@publieke_regio
def feed_json(request: HttpRequest) -> JsonResponse:
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""
    regio = request.regio
    items = []
    for b in selectors.openbare_besluiten(regio).order_by("-datum", "-nummer")[:FEED_AANTAL]:
        items.append(
            {
                "id": f"{regio.code}:{b.nummer}",
                "url": request.build_absolute_uri(besluit_url(b)),
                "title": f"{b.nummer} {b.titel}",
                "content_text": b.besluittekst,
                "date_published": b.datum.isoformat(),
                "tags": [b.get_type_display()] + ([b.orgaan.naam] if b.orgaan_id else []),
                "_besluit": {
                    "nummer": b.nummer,
                    "orgaan": b.orgaan.naam if b.orgaan_id else None,
                    "type": b.type,
                    "bedrag": str(b.bedrag) if b.bedrag is not None else None,
                    "vervangt": b.vervangt.nummer if b.vervangt_id else None,
                },
            }
        )
    body = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": _("Besluiten %(regio)s") % {"regio": regio.naam},
        "home_page_url": request.build_absolute_uri(_lijst_url(regio)),
        "feed_url": request.build_absolute_uri(),
        "language": "nl",
        "items": items,
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/feed+json; charset=utf-8"
    return response
