"""Public pages: the vacaturekrant (HTML, JSON, RSS) and the 'Ik ben werkgever' form."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from werkcentrum.formulierbescherming import (
    ADRES,
    ander_kanaal,
    honeypot_gevuld,
    opgeslagen,
    te_vaak,
)
from werkcentrum.lists import filtered, list_context
from werkcentrum.publiek import publieke_regio, regio_van_request

from . import selectors, services
from .filters import VacaturekrantFilter
from .forms import VerzoekPubliekForm
from .models import Werkgeversverzoek

# Stored requests per address per hour: generous, as one address can be many employers (a
# business park's network, a library); floods are guarded per regio. Settable per installation.
VERZOEKEN_PER_UUR_PER_ADRES = 30


def _vacatures(request: HttpRequest):
    return selectors.openbare_vacatures(regio=request.regio, vandaag=timezone.localdate())


@require_GET
@publieke_regio
def vacaturekrant(request: HttpRequest) -> HttpResponse:
    context = list_context(request, _vacatures(request), VacaturekrantFilter, page_size=20)
    return render(request, "wsp/vacaturekrant.html", {**context, "regio": request.regio})


@require_GET
@publieke_regio
def vacature_publiek(request: HttpRequest, pk: int) -> HttpResponse:
    vacature = get_object_or_404(
        selectors.openbare_vacatures(regio=request.regio, vandaag=timezone.localdate()), pk=pk
    )
    return render(
        request, "wsp/vacature_publiek.html", {"vacature": vacature, "regio": request.regio}
    )


def _als_dict(request, v) -> dict:
    return {
        "id": v.pk,
        "functie": v.functie,
        "werkgever": v.werkgever.naam,
        "omschrijving": v.omschrijving,
        "uren_per_week": v.uren_per_week,
        "gemeente": v.gemeente.naam,
        "gemeente_cbs_code": v.gemeente.cbs_code,
        "sector": v.sector.naam,
        "cluster": v.sector.cluster.naam,
        "opleidingsniveau": v.opleidingsniveau,
        "skills": [s.naam for s in v.skills.all()],
        "startdatum": v.startdatum.isoformat(),
        "sluitingsdatum": v.sluitingsdatum.isoformat(),
        "beroepscode": v.beroepscode,
        "url": request.build_absolute_uri(
            reverse("wsp_publiek:vacature", kwargs={"regio": request.regio.code, "pk": v.pk})
        ),
    }


@require_GET
@publieke_regio
def vacaturekrant_json(request: HttpRequest) -> JsonResponse:
    qs = filtered(request, _vacatures(request), VacaturekrantFilter).qs
    vacatures = [_als_dict(request, v) for v in qs[:500]]
    return JsonResponse(
        {"regio": request.regio.code, "aantal": len(vacatures), "vacatures": vacatures}
    )


class VacaturekrantFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, regio: str):
        self.request = request
        request.regio = regio_van_request(request, regio)
        return request.regio

    def title(self, obj) -> str:
        return _("Vacatures in regio %(regio)s") % {"regio": obj.naam}

    def link(self, obj) -> str:
        return reverse("wsp_publiek:vacaturekrant", kwargs={"regio": obj.code})

    def description(self, obj) -> str:
        return _("Openbare vacatures van het Werkgeversservicepunt.")

    def items(self, obj):
        return selectors.openbare_vacatures(regio=obj, vandaag=timezone.localdate())[:100]

    def item_title(self, item) -> str:
        return f"{item.functie} - {item.werkgever.naam} ({item.gemeente.naam})"

    def item_description(self, item) -> str:
        return item.omschrijving

    def item_link(self, item) -> str:
        return reverse("wsp_publiek:vacature", kwargs={"regio": item.regio.code, "pk": item.pk})


def _verzoeken_per_uur() -> int:
    return getattr(settings, "WSP_VERZOEKEN_PER_UUR_PER_ADRES", VERZOEKEN_PER_UUR_PER_ADRES)


@require_http_methods(["GET", "POST"])
@publieke_regio
def ik_ben_werkgever(request: HttpRequest) -> HttpResponse:
    form = VerzoekPubliekForm(request.POST or None, regio=request.regio)
    context = {"form": form, "regio": request.regio}
    if request.method != "POST":
        return render(request, "wsp/ik_ben_werkgever.html", context)
    if honeypot_gevuld(request):
        # Look like success to the bot, so it has no reason to try again differently. Nothing
        # is stored, so nothing counts against the limits.
        return redirect("wsp_publiek:verzoek_ontvangen", regio=request.regio.code)
    if form.is_valid():
        geweigerd = te_vaak(
            request, regio=request.regio, formulier="wsp:verzoek", per_adres=_verzoeken_per_uur()
        )
        if geweigerd:
            form.add_error(
                None,
                _("Er zijn vanaf je adres veel verzoeken kort na elkaar verstuurd.")
                if geweigerd == ADRES
                else _(
                    "Er komen op dit moment erg veel verzoeken binnen; dit formulier neemt "
                    "even geen nieuwe aan."
                ),
            )
            context["kanaal"] = ander_kanaal(request.regio, "wsp", "werkcentrum")
            return render(request, "wsp/ik_ben_werkgever.html", context, status=429)
        data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
        services.verzoek_ontvangen(regio=request.regio, bron=Werkgeversverzoek.Bron.WEBSITE, **data)
        opgeslagen(request, regio=request.regio, formulier="wsp:verzoek")
        return redirect("wsp_publiek:verzoek_ontvangen", regio=request.regio.code)
    return render(request, "wsp/ik_ben_werkgever.html", context, status=400)


@require_GET
@publieke_regio
def verzoek_ontvangen(request: HttpRequest) -> HttpResponse:
    return render(request, "wsp/verzoek_ontvangen.html", {"regio": request.regio})
