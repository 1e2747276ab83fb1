"""Staff pages of the regionale reserve. Summaries (overzicht, reserve per jaar, geldstromen,
begroting, besluiten) for the financieel beheerder, RBA-leden and the WSP manager; the
grootboek's mutaties, every booking form, export and import for the financieel beheerder
only. Every read goes through `selectors` (scoped to the user's regio)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from werkcentrum.decorators import rol_vereist
from werkcentrum.forms import add_service_errors
from werkcentrum.lists import filtered, list_context
from werkcentrum.tenancy import get_scoped_or_404

from . import export, filters, selectors, services
from .forms import (
    AfwikkelingForm,
    BegrotingspostForm,
    BegrotingsregelForm,
    CorrectieForm,
    GeldstroomForm,
    JaarForm,
    StortingForm,
    VerplichtingForm,
)
from .models import Begrotingspost, Geldstroom, Mutatie
from .selectors import LEZERS, SCHRIJVERS

PAGINA_GROOTTE = 25


def _jaar(request: HttpRequest, jaren: list[int]) -> tuple[JaarForm, int]:
    huidig = timezone.localdate().year
    jaren = sorted(set(jaren) | {huidig}, reverse=True)
    form = JaarForm(request.GET or None, jaren=jaren)
    jaar = form.cleaned_data["jaar"] if form.is_valid() else huidig
    return form, jaar


@rol_vereist(*LEZERS)
def overzicht(request: HttpRequest) -> HttpResponse:
    rijen = selectors.geldstromen_overzicht(user=request.user)
    return render(
        request,
        "financien/overzicht.html",
        {
            "rijen": rijen,
            "totaal": selectors.totaal(rijen),
            "signalen": selectors.signalen_voor(user=request.user)
            if selectors.mag_boeken(request.user)
            else [],
            "mag_boeken": selectors.mag_boeken(request.user),
        },
    )


def _jaartabel(fonds: Geldstroom | None, mag_mutaties_zien: bool, user) -> dict:
    """The context of the reserve per year (financien/_jaartabel.html)."""
    return {
        "regels": selectors.reserve_per_jaar(user=user, geldstroom=fonds),
        "mag_mutaties_zien": mag_mutaties_zien,
        "fonds": fonds,
    }


@rol_vereist(*LEZERS)
def reserve(request: HttpRequest) -> HttpResponse:
    rechten = _rechten(request)
    tabel = _jaartabel(None, rechten["mag_mutaties_zien"], request.user)
    return render(request, "financien/reserve.html", {"jaartabel": tabel, **rechten})


@rol_vereist(*LEZERS)
def geldstroom(request: HttpRequest, pk: int) -> HttpResponse:
    fonds = selectors.geldstroom_voor(user=request.user, pk=pk)
    return render(
        request,
        "financien/geldstroom.html",
        {
            "fonds": fonds,
            "saldi": services.geldstroom_saldi(fonds),
            "ontvangsten": selectors.ontvangsten_per_jaar(geldstroom=fonds),
            "jaartabel": _jaartabel(fonds, selectors.mag_mutaties_zien(request.user), request.user),
            **_rechten(request),
        },
    )


@rol_vereist(*SCHRIJVERS)
@require_http_methods(["GET", "POST"])
def geldstroom_bewerken(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    fonds = (
        selectors.geldstroom_voor(user=request.user, pk=pk)
        if pk
        else Geldstroom(regio=request.user.regio)
    )
    form = GeldstroomForm(request.POST or None, instance=fonds)
    if request.method == "POST":
        if form.is_valid():
            try:
                fonds = services.geldstroom_opslaan(
                    geldstroom=form.instance, door=request.user, velden=form.changed_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("De geldstroom is opgeslagen."))
                return redirect(fonds)
        return _formulier(request, form, _("Geldstroom"), status=400)
    return _formulier(request, form, _("Geldstroom wijzigen") if pk else _("Nieuwe geldstroom"))


@rol_vereist(*LEZERS)
def begroting(request: HttpRequest) -> HttpResponse:
    form, jaar = _jaar(request, selectors.jaren_voor(user=request.user))
    rijen = selectors.begroting_overzicht(user=request.user, jaar=jaar)
    begroot = sum((r.begroot for r in rijen), 0)
    som = selectors.totaal(rijen)
    return render(
        request,
        "financien/begroting.html",
        {
            "form": form,
            "jaar": jaar,
            "rijen": rijen,
            "totaal": som,
            "begroot": begroot,
            "vrij": sum((r.vrij_begroting for r in rijen), 0),
            "eerder": sum((r.eerder for r in rijen), 0),
            **_rechten(request),
        },
    )


@rol_vereist(*SCHRIJVERS)
@require_http_methods(["GET", "POST"])
def begrotingsregel(request: HttpRequest) -> HttpResponse:
    form = BegrotingsregelForm(
        request.POST or None,
        user=request.user,
        initial={
            "jaar": request.GET.get("jaar", timezone.localdate().year),
            "begrotingspost": request.GET.get("post"),
        },
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                regel = services.begroting_vaststellen(
                    regio=request.user.regio, door=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("De begroting is bijgewerkt."))
                return redirect(f"{_url('financien:begroting')}?jaar={regel.jaar}")
        return _formulier(request, form, _("Begroting vaststellen"), status=400)
    return _formulier(request, form, _("Begroting vaststellen"))


@rol_vereist(*SCHRIJVERS)
@require_http_methods(["GET", "POST"])
def begrotingspost_nieuw(request: HttpRequest) -> HttpResponse:
    form = BegrotingspostForm(
        request.POST or None, instance=Begrotingspost(regio=request.user.regio)
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                services.begrotingspost_opslaan(
                    begrotingspost=form.instance, door=request.user, velden=form.changed_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("De begrotingspost is aangemaakt."))
                return redirect("financien:begroting")
        return _formulier(request, form, _("Nieuwe begrotingspost"), status=400)
    return _formulier(request, form, _("Nieuwe begrotingspost"))


@rol_vereist(*LEZERS)
def besluiten(request: HttpRequest) -> HttpResponse:
    rijen = selectors.besluiten_overzicht(user=request.user)
    return render(
        request,
        "financien/besluiten.html",
        {"rijen": rijen, "totaal": selectors.totaal(rijen), **_rechten(request)},
    )


@rol_vereist(*SCHRIJVERS)
def mutaties(request: HttpRequest) -> HttpResponse:
    qs = selectors.mutaties_voor(user=request.user).order_by("-datum", "-pk")
    filterset = filtered(request, qs, filters.MutatieFilter)
    context = list_context(request, filterset.qs, page_size=PAGINA_GROOTTE)
    context.update(filter_form=filterset.form, saldi=selectors.saldi(filterset.qs))
    return render(request, "financien/mutaties.html", context)


@rol_vereist(*SCHRIJVERS)
def mutatie(request: HttpRequest, pk: int) -> HttpResponse:
    m = get_scoped_or_404(selectors.mutaties_voor(user=request.user), request.user, pk=pk)
    context = {"mutatie": m, "gecorrigeerd": Mutatie.objects.filter(corrigeert=m).first()}
    if m.soort == Mutatie.Soort.VERPLICHTING:
        context["openstaand"] = services.verplichting_openstaand(m)
        context["afwikkelingen"] = selectors.mutaties_voor(user=request.user).filter(verplichting=m)
    return render(request, "financien/mutatie.html", context)


@rol_vereist(*SCHRIJVERS)
@require_http_methods(["GET", "POST"])
def storting_nieuw(request: HttpRequest) -> HttpResponse:
    form = StortingForm(
        request.POST or None, user=request.user, initial={"geldstroom": request.GET.get("fonds")}
    )
    return _boeken(request, form, services.storting_boeken, _("Storting boeken"))


@rol_vereist(*SCHRIJVERS)
@require_http_methods(["GET", "POST"])
def verplichting_nieuw(request: HttpRequest) -> HttpResponse:
    form = VerplichtingForm(
        request.POST or None,
        user=request.user,
        initial={"geldstroom": request.GET.get("fonds"), "besluit": request.GET.get("besluit")},
    )
    # The room shown beside the form: only besluiten one may book on (not a voorstel, not
    # replaced or withdrawn), as the form offers them.
    bruikbaar = set(selectors.bruikbare_besluiten(user=request.user).values_list("pk", flat=True))
    extra = {
        "fondsen": selectors.geldstromen_overzicht(user=request.user),
        "besluiten": [
            r for r in selectors.besluiten_overzicht(user=request.user) if r.obj.pk in bruikbaar
        ],
    }
    return _boeken(request, form, services.verplichting_boeken, _("Verplichting aangaan"), extra)


def _afwikkelen(request: HttpRequest, pk: int, functie, titel: str) -> HttpResponse:
    v = get_scoped_or_404(
        Mutatie.objects.select_related("geldstroom", "besluit", "begrotingspost"),
        request.user,
        pk=pk,
        soort=Mutatie.Soort.VERPLICHTING,
    )
    form = AfwikkelingForm(request.POST or None, user=request.user)
    extra = {"verplichting": v, "openstaand": services.verplichting_openstaand(v)}
    return _boeken(request, form, functie, titel, extra, verplichting=v)


@rol_vereist(*SCHRIJVERS)
@require_http_methods(["GET", "POST"])
def realisatie_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    return _afwikkelen(request, pk, services.realisatie_boeken, _("Realisatie boeken"))


@rol_vereist(*SCHRIJVERS)
@require_http_methods(["GET", "POST"])
def vrijval_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    return _afwikkelen(request, pk, services.vrijval_boeken, _("Vrijval boeken"))


@rol_vereist(*SCHRIJVERS)
@require_http_methods(["GET", "POST"])
def correctie_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    origineel = get_scoped_or_404(selectors.mutaties_voor(user=request.user), request.user, pk=pk)
    form = CorrectieForm(request.POST or None)
    extra = {"origineel": origineel}
    return _boeken(
        request,
        form,
        services.mutatie_corrigeren,
        _("Mutatie corrigeren"),
        extra,
        mutatie=origineel,
    )


def _boeken(request, form, functie, titel, extra=None, **vast) -> HttpResponse:
    """Validate the form, call the booking service, show its Dutch errors on the form."""
    if request.method == "POST":
        if form.is_valid():
            try:
                m = functie(door=request.user, **vast, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Geboekt: %(m)s.") % {"m": m})
                return redirect(m)
        return _formulier(request, form, titel, extra, status=400)
    return _formulier(request, form, titel, extra)


def _formulier(request, form, titel, extra=None, status=200) -> HttpResponse:
    return render(
        request,
        "financien/formulier.html",
        {"form": form, "titel": titel, **(extra or {})},
        status=status,
    )


@rol_vereist(*SCHRIJVERS)
def exporteren(request: HttpRequest) -> HttpResponse:
    _form, jaar = _jaar(request, selectors.jaren_voor(user=request.user))
    return export.pc_export_response(user=request.user, jaar=jaar)


def _rechten(request: HttpRequest) -> dict:
    return {
        "mag_boeken": selectors.mag_boeken(request.user),
        "mag_mutaties_zien": selectors.mag_mutaties_zien(request.user),
    }


def _url(naam: str) -> str:
    from django.urls import reverse

    return reverse(naam)
