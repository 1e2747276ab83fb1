"""Public pages of the loket under /<regio>/ (Dutch) and /en/<regio>/ (English): no login."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from werkcentrum.forms import add_service_errors
from werkcentrum.formulierbescherming import ADRES, ander_kanaal, opgeslagen, te_vaak
from werkcentrum.publiek import publieke_regio

from . import audit, contactroute, selectors, services
from .forms import StatusForm, VraagForm, WegwijzerForm
from .models import Informatiepagina, Vraag


@publieke_regio
def home(request: HttpRequest) -> HttpResponse:
    paginas = list(selectors.informatiepaginas(regio=request.regio))
    rubrieken = [
        {"code": code, "naam": naam, "paginas": [p for p in paginas if p.rubriek == code]}
        for code, naam in Informatiepagina.Rubriek.choices
    ]
    return render(
        request, "loket/publiek/home.html", {"regio": request.regio, "rubrieken": rubrieken}
    )


@publieke_regio
def rubriek(request: HttpRequest, rubriek: str) -> HttpResponse:
    if rubriek not in Informatiepagina.Rubriek.values:
        raise Http404
    paginas = selectors.informatiepaginas(regio=request.regio, rubriek=rubriek)
    naam = Informatiepagina.Rubriek(rubriek).label
    return render(
        request,
        "loket/publiek/rubriek.html",
        {"regio": request.regio, "naam": naam, "rubriek": rubriek, "paginas": paginas},
    )


@publieke_regio
def pagina(request: HttpRequest, slug: str) -> HttpResponse:
    obj = selectors.informatiepagina(regio=request.regio, slug=slug)
    alineas = [a.strip() for a in obj.inhoud.split("\n\n") if a.strip()]
    return render(
        request,
        "loket/publiek/pagina.html",
        {"regio": request.regio, "pagina": obj, "alineas": alineas},
    )


@publieke_regio
def spreekuren(request: HttpRequest) -> HttpResponse:
    vandaag = timezone.localdate()
    locaties = list(selectors.spreekuurlocaties(regio=request.regio, vandaag=vandaag))
    sessies = selectors.komende_sessies(locaties, vandaag=vandaag)
    vandaag_open = selectors.open_vandaag(sessies, vandaag=vandaag)
    for locatie in locaties:
        locatie.vandaag = vandaag_open.get(locatie.pk, [])
    return render(
        request,
        "loket/publiek/spreekuren.html",
        {
            "regio": request.regio,
            "locaties": locaties,
            "sessies": sessies,
            "vandaag": vandaag,
            "open_vandaag": [loc for loc in locaties if loc.vandaag],
        },
    )


@publieke_regio
def wegwijzer(request: HttpRequest) -> HttpResponse:
    form = WegwijzerForm(request.GET or None, regio=request.regio)
    diensten = None
    if form.is_bound and form.is_valid():
        diensten = selectors.publieke_diensten(regio=request.regio, **form.cleaned_data)
    return render(
        request,
        "loket/publiek/wegwijzer.html",
        {"regio": request.regio, "form": form, "diensten": diensten},
    )


@require_http_methods(["GET", "POST"])
@publieke_regio
def vraag_stellen(request: HttpRequest) -> HttpResponse:
    regio = request.regio
    form = VraagForm(request.POST or None, regio=regio)
    context = {
        "regio": regio,
        "form": form,
        "termijn": services.instelling_voor(regio).antwoordtermijn_werkdagen,
    }
    if request.method != "POST":
        return render(request, "loket/publiek/vraag.html", context)
    if form.is_valid():
        # Only a stored question counts against the limits (werkcentrum/formulierbescherming).
        per_adres = services.instelling_voor(regio).vragen_per_uur_per_adres
        geweigerd = te_vaak(request, regio=regio, formulier="loket:vraag", per_adres=per_adres)
        if geweigerd:
            form.add_error(
                None,
                _("Vanaf dit adres zijn het afgelopen uur veel vragen gesteld.")
                if geweigerd == ADRES
                else _(
                    "Er komen op dit moment erg veel vragen binnen; dit formulier neemt even "
                    "geen nieuwe aan."
                ),
            )
            context["kanaal"] = ander_kanaal(regio, "werkcentrum", "gemeente")
            return render(request, "loket/publiek/vraag.html", context, status=429)
        data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
        try:
            vraag = services.vraag_stellen(regio=regio, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            opgeslagen(request, regio=regio, formulier="loket:vraag")
            request.session["loket_vraag"] = vraag.pk
            return redirect("loket_publiek:vraag_ontvangen", regio=regio.code)
    return render(request, "loket/publiek/vraag.html", context, status=400)


@publieke_regio
def vraag_ontvangen(request: HttpRequest) -> HttpResponse:
    pk = request.session.get("loket_vraag")
    vraag = Vraag.objects.in_regio(request.regio).filter(pk=pk).first() if pk else None
    if vraag is None:
        return redirect("loket_publiek:vraag", regio=request.regio.code)
    return render(
        request, "loket/publiek/vraag_ontvangen.html", {"regio": request.regio, "vraag": vraag}
    )


@require_http_methods(["GET", "POST"])
@publieke_regio
def tevredenheid(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows the question (mail scanners follow links); the POST uses the link up."""
    bestaat = services.tevredenheid_link(regio=request.regio, token=token) is not None
    if request.method == "POST" and bestaat and request.POST.get("tevreden") in ("ja", "nee"):
        services.tevredenheid_beantwoorden(token=token, tevreden=request.POST["tevreden"] == "ja")
        return render(
            request, "loket/publiek/tevredenheid.html", {"regio": request.regio, "bedankt": True}
        )
    return render(
        request,
        "loket/publiek/tevredenheid.html",
        {"regio": request.regio, "geldig": bestaat},
        status=200 if bestaat else 404,
    )


@require_http_methods(["GET", "POST"])
@publieke_regio
def doorverwijzing_link(request: HttpRequest, token: str) -> HttpResponse:
    """An organisation without portal accounts confirms and updates a referral through the
    single-use link mailed to its functional mailbox. GET only shows (mail scanners follow
    links); the POST uses the link up. A used, revoked or expired link answers 410, an
    unknown one 404."""
    link = contactroute.link_zoeken(token, regio=request.regio)
    context = {"regio": request.regio, "link": link}
    if link is None:
        status = 410 if contactroute.link_bestaat(token, regio=request.regio) else 404
        return render(request, "loket/publiek/doorverwijzing_link.html", context, status=status)
    keuzes = contactroute.link_keuzes(link.doorverwijzing)
    form = StatusForm(request.POST or None, keuzes=keuzes) if keuzes else None
    context["form"] = form
    if request.method == "POST" and form is not None:
        if form.is_valid():
            try:
                dv = contactroute.link_gebruiken(
                    token=token, regio=request.regio, **form.cleaned_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                context.update(bedankt=True, dv=dv)
                return render(request, "loket/publiek/doorverwijzing_link.html", context)
        return render(request, "loket/publiek/doorverwijzing_link.html", context, status=400)
    audit.ingezien(
        link.doorverwijzing, user=None, doel="warme doorverwijzing via functionele mailbox"
    )
    return render(request, "loket/publiek/doorverwijzing_link.html", context)
