"""Staff pages of the loket: thin views over selectors and services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkcentrum.decorators import rol_vereist
from werkcentrum.doelbinding import doel_gevraagd, doel_onthouden, doel_voor
from werkcentrum.forms import add_service_errors
from werkcentrum.lists import list_context
from werkcentrum.tenancy import get_scoped_or_404

from . import audit, bewaking, filters, mail, reserve, selectors, services
from .forms import (
    AntwoordForm,
    DienstForm,
    DoorsturenForm,
    DoorverwijzingForm,
    GesprekForm,
    SluitenForm,
    StatusForm,
    ToeleidingForm,
    ToewijzenForm,
    TrajectBijwerkenForm,
    TrajectForm,
)
from .models import Dienst, Doorverwijzing, Gesprek

PAGINA_GROOTTE = 25
GIDSEN = ("gids", "coordinator")


# --- Vragen --------------------------------------------------------------------------------


@rol_vereist(*GIDSEN)
def vragen(request: HttpRequest) -> HttpResponse:
    qs = selectors.vragen_voor(user=request.user).order_by("antwoord_uiterlijk", "pk")
    context = list_context(
        request, qs, filters.VraagFilter, page_size=PAGINA_GROOTTE,
        defaults=filters.VRAAG_STANDAARD,
    )  # fmt: skip
    return render(request, "loket/vragen.html", context)


@rol_vereist(*GIDSEN)
@doel_gevraagd
def vraag(request: HttpRequest, pk: int) -> HttpResponse:
    obj = selectors.vraag_voor(user=request.user, pk=pk)
    if obj.naam or obj.email or obj.telefoon:
        audit.ingezien(obj, user=request.user, doel=doel_voor(request, obj))
    return render(request, "loket/vraag.html", _vraag_context(request, obj))


def _vraag_context(request: HttpRequest, obj, **forms) -> dict:
    return {
        "vraag": obj,
        "toewijzen_form": ToewijzenForm(user=request.user, initial={"aan": request.user}),
        "antwoord_form": AntwoordForm(),
        "sluiten_form": SluitenForm(),
        "doorverwijzingen": obj.doorverwijzingen.select_related("organisatie"),
        **forms,
    }


def _vraag_actie(request: HttpRequest, pk: int, form, actie) -> HttpResponse:
    obj = selectors.vraag_voor(user=request.user, pk=pk)
    if form.is_valid():
        try:
            actie(obj, form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Opgeslagen."))
            return redirect("loket:vraag", pk=obj.pk)
    else:
        messages.error(request, " ".join(e for lijst in form.errors.values() for e in lijst))
    return redirect("loket:vraag", pk=obj.pk)


@require_POST
@rol_vereist(*GIDSEN)
def vraag_toewijzen(request: HttpRequest, pk: int) -> HttpResponse:
    form = ToewijzenForm(request.POST, user=request.user)
    return _vraag_actie(
        request,
        pk,
        form,
        lambda v, d: services.vraag_toewijzen(vraag=v, aan=d["aan"], door=request.user),
    )


@require_POST
@rol_vereist(*GIDSEN)
def vraag_beantwoorden(request: HttpRequest, pk: int) -> HttpResponse:
    obj = selectors.vraag_voor(user=request.user, pk=pk)
    form = AntwoordForm(request.POST)
    if form.is_valid() and "voorbeeld" in request.POST:
        # The mail exactly as the inwoner will get it; the text stays in the form.
        onderwerp, tekst = mail.antwoord_mail(obj, form.cleaned_data["antwoord"])
        context = _vraag_context(
            request, obj, antwoord_form=form, voorbeeld={"onderwerp": onderwerp, "tekst": tekst}
        )
        return render(request, "loket/vraag.html", context)
    if form.is_valid():
        try:
            services.vraag_beantwoorden(
                vraag=obj, antwoord=form.cleaned_data["antwoord"], door=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Het antwoord is opgeslagen en verstuurd."))
            return redirect("loket:vraag", pk=obj.pk)
    return render(
        request, "loket/vraag.html", _vraag_context(request, obj, antwoord_form=form), status=400
    )


@require_POST
@rol_vereist(*GIDSEN)
def vraag_sluiten(request: HttpRequest, pk: int) -> HttpResponse:
    obj = selectors.vraag_voor(user=request.user, pk=pk)
    form = SluitenForm(request.POST)
    if form.is_valid():
        try:
            services.vraag_sluiten(vraag=obj, door=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De vraag is gesloten."))
            return redirect("loket:vraag", pk=obj.pk)
    return render(
        request, "loket/vraag.html", _vraag_context(request, obj, sluiten_form=form), status=400
    )


@require_POST
@rol_vereist(*GIDSEN)
def vraag_heropenen(request: HttpRequest, pk: int) -> HttpResponse:
    obj = selectors.vraag_voor(user=request.user, pk=pk)
    try:
        services.vraag_heropenen(vraag=obj, door=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("De vraag staat weer open."))
    return redirect("loket:vraag", pk=obj.pk)


@rol_vereist("partnermedewerker")
def toeleiding_nieuw(request: HttpRequest) -> HttpResponse:
    form = ToeleidingForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                v = services.toeleiding_aanmelden(door=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Aangemeld bij de gidsen met referentie %(ref)s.") % {"ref": v.referentie},
                )
                return redirect("loket:doorverwijzingen")
        return render(request, "loket/toeleiding_form.html", {"form": form}, status=400)
    return render(request, "loket/toeleiding_form.html", {"form": form})


# --- Gesprekken ----------------------------------------------------------------------------


@rol_vereist(*GIDSEN)
def gesprek_nieuw(request: HttpRequest) -> HttpResponse:
    # A gids works a whole dagdeel at one location: remember it for the next visitor.
    initial = {"locatie": request.session.get("loket_locatie")}
    form = GesprekForm(request.POST or None, user=request.user, initial=initial)
    suggesties = None
    if request.method == "POST":
        if form.is_valid() and "suggesties" in request.POST:
            suggesties = selectors.dienst_suggesties(
                user=request.user,
                themas=form.cleaned_data["themas"],
                doelgroep=form.cleaned_data["doelgroep"],
                woongemeente=form.cleaned_data.get("woongemeente"),
            )
        elif form.is_valid():
            try:
                gesprek = services.gesprek_registreren(gids=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                # Written only when it changes: a session save is a database write.
                if request.session.get("loket_locatie") != gesprek.locatie_id:
                    request.session["loket_locatie"] = gesprek.locatie_id
                messages.success(request, _("Het gesprek is vastgelegd."))
                return _na_gesprek(request, gesprek)
        if suggesties is None:
            return render(request, "loket/gesprek_form.html", {"form": form}, status=400)
    return render(request, "loket/gesprek_form.html", {"form": form, "suggesties": suggesties})


def _na_gesprek(request: HttpRequest, gesprek: Gesprek) -> HttpResponse:
    """After saving: the gesprek, or the referral form for the suggested dienst the gids
    chose with 'doorverwijzen' (only a dienst of the gids' regio)."""
    dienst_pk = request.POST.get("doorverwijzen", "")
    if dienst_pk.isdigit() and Dienst.objects.voor(request.user).filter(pk=dienst_pk).exists():
        url = reverse("loket:doorverwijzing_nieuw")
        return redirect(f"{url}?{urlencode({'gesprek': gesprek.pk, 'dienst': dienst_pk})}")
    return redirect("loket:gesprek", pk=gesprek.pk)


@rol_vereist(*GIDSEN)
def gesprek(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_scoped_or_404(selectors.gesprekken_voor(user=request.user), request.user, pk=pk)
    suggesties = selectors.dienst_suggesties(
        user=request.user,
        themas=obj.themas.all(),
        doelgroep=obj.doelgroep,
        woongemeente=obj.woongemeente,
    )
    return render(
        request,
        "loket/gesprek.html",
        {
            "gesprek": obj,
            "suggesties": suggesties,
            "doorverwijzingen": obj.doorverwijzingen.select_related("organisatie", "dienst"),
        },
    )


@rol_vereist(*GIDSEN, "beheerder")
def gesprekken(request: HttpRequest) -> HttpResponse:
    qs = selectors.gesprekkenlijst_voor(user=request.user).order_by("-datum", "-pk")
    context = list_context(request, qs, filters.GesprekFilter, page_size=PAGINA_GROOTTE)
    return render(request, "loket/gesprekken.html", context)


# --- Doorverwijzingen ----------------------------------------------------------------------


@rol_vereist(*GIDSEN)
@doel_gevraagd
def doorverwijzing_nieuw(request: HttpRequest) -> HttpResponse:
    bron = {}
    if pk := request.GET.get("gesprek"):
        bron["gesprek"] = get_scoped_or_404(Gesprek.objects.all(), request.user, pk=pk)
    if pk := request.GET.get("vraag"):
        bron["vraag"] = selectors.vraag_voor(user=request.user, pk=pk)
    initial = {"dienst": request.GET.get("dienst")}
    if v := bron.get("vraag"):
        initial.update(naam=v.naam, email=v.email, telefoon=v.telefoon, samenvatting=v.tekst)
        audit.ingezien(v, user=request.user, doel=doel_voor(request, v))
    form = DoorverwijzingForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                dv = services.doorverwijzing_maken(door=request.user, **bron, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                doel_onthouden(request, dv, "doorverwijzen")
                messages.success(request, _("De warme doorverwijzing is verstuurd."))
                return redirect("loket:doorverwijzing", pk=dv.pk)
        return render(
            request,
            "loket/doorverwijzing_form.html",
            {"form": form, "route": form.gekozen_route(), **bron},
            status=400,
        )
    return render(
        request,
        "loket/doorverwijzing_form.html",
        {"form": form, "route": form.gekozen_route(), **bron},
    )


@rol_vereist(*GIDSEN, "partnermedewerker")
def doorverwijzingen(request: HttpRequest) -> HttpResponse:
    qs = selectors.doorverwijzingen_voor(user=request.user)
    if request.user.heeft_rol("gids") and not request.user.heeft_rol("coordinator"):
        qs = qs.filter(verwezen_door=request.user)
    qs = qs.order_by("-verstuurd_op", "-pk")
    context = list_context(request, qs, filters.DoorverwijzingFilter, page_size=PAGINA_GROOTTE)
    return render(request, "loket/doorverwijzingen.html", context)


def _status_keuzes(user, dv: Doorverwijzing) -> list[tuple[str, str]]:
    return [
        (s, Doorverwijzing.Status(s).label)
        for s in Doorverwijzing.Status.values
        if s in services.OVERGANGEN.get(dv.status, set())
        and services.mag_status_zetten(user, dv, s)
    ]


@rol_vereist(*GIDSEN, "partnermedewerker")
@doel_gevraagd
def doorverwijzing(request: HttpRequest, pk: int) -> HttpResponse:
    dv = selectors.doorverwijzing_voor(user=request.user, pk=pk)
    doel = doel_voor(request, dv)
    audit.ingezien(dv, user=request.user, doel=doel)
    keuzes = _status_keuzes(request.user, dv)
    form = StatusForm(request.POST or None, keuzes=keuzes) if keuzes else None
    status = 200
    if request.method == "POST" and form is not None:
        if form.is_valid():
            try:
                services.doorverwijzing_status_wijzigen(
                    doorverwijzing=dv, door=request.user, doel=doel, **form.cleaned_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("De status is bijgewerkt."))
                return redirect("loket:doorverwijzing", pk=dv.pk)
        status = 400
    elif request.method == "POST":
        raise PermissionDenied
    # The person withdrew consent at the WSP: every holder in the chain shows it (issue 23).
    from wsp.tijdlijn import ingetrokken_op

    context = {
        "dv": dv,
        "form": form,
        "toestemming_ingetrokken_op": ingetrokken_op(doorverwijzing=dv),
    }
    if dv.is_open and request.user.heeft_rol("coordinator"):
        context["doorsturen_form"] = DoorsturenForm(
            user=request.user, huidige_dienst_id=dv.dienst_id
        )
    return render(request, "loket/doorverwijzing.html", context, status=status)


@rol_vereist("coordinator")
def doorverwijzingen_bewaken(request: HttpRequest) -> HttpResponse:
    """Referrals that reached nobody or got no reaction in time."""
    qs = bewaking.te_bewaken(user=request.user)
    context = list_context(request, qs, filters.DoorverwijzingFilter, page_size=PAGINA_GROOTTE)
    return render(request, "loket/doorverwijzingen_bewaken.html", context)


@require_POST
@rol_vereist("coordinator")
def doorverwijzing_opnieuw(request: HttpRequest, pk: int) -> HttpResponse:
    dv = selectors.doorverwijzing_voor(user=request.user, pk=pk)
    try:
        bewaking.opnieuw_versturen(doorverwijzing=dv, door=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("De doorverwijzing is opnieuw verstuurd."))
    return redirect("loket:doorverwijzing", pk=dv.pk)


@require_POST
@rol_vereist("coordinator")
@doel_gevraagd
def doorverwijzing_doorsturen(request: HttpRequest, pk: int) -> HttpResponse:
    dv = selectors.doorverwijzing_voor(user=request.user, pk=pk)
    form = DoorsturenForm(request.POST, user=request.user, huidige_dienst_id=dv.dienst_id)
    if form.is_valid():
        try:
            bewaking.doorsturen(doorverwijzing=dv, door=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De doorverwijzing is doorgestuurd."))
            return redirect("loket:doorverwijzing", pk=dv.pk)
    audit.ingezien(dv, user=request.user, doel=doel_voor(request, dv))
    context = {"dv": dv, "form": None, "doorsturen_form": form}
    return render(request, "loket/doorverwijzing.html", context, status=400)


# --- Sociale kaart -------------------------------------------------------------------------


@rol_vereist(*GIDSEN, "partnermedewerker", "beheerder")
def sociale_kaart(request: HttpRequest) -> HttpResponse:
    qs = selectors.diensten_voor(user=request.user)
    context = list_context(request, qs, filters.DienstFilter, page_size=PAGINA_GROOTTE)
    # Who may edit which dienst, as services.mag_dienst_beheren decides (the list is already
    # the user's regio), from the roles read once for the request.
    user = request.user
    alles = user.heeft_rol("beheerder", "coordinator")
    eigen = user.organisatie_id if user.heeft_rol("partnermedewerker") else None
    for dienst in context["rows"]:
        dienst.bewerkbaar = alles or (eigen is not None and dienst.organisatie_id == eigen)
    # As dienst_bewerken's rol_vereist: who may add a dienst.
    context["kan_toevoegen"] = alles or eigen is not None
    return render(request, "loket/sociale_kaart.html", context)


@rol_vereist("coordinator", "partnermedewerker", "beheerder")
def dienst_bewerken(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    dienst = (
        get_scoped_or_404(Dienst.objects.select_related("organisatie"), request.user, pk=pk)
        if pk
        else None
    )
    if dienst is not None and not services.mag_dienst_beheren(request.user, dienst.organisatie):
        raise PermissionDenied
    form = DienstForm(request.POST or None, instance=dienst, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.dienst_opslaan(
                    dienst=form.instance,
                    door=request.user,
                    themas=form.cleaned_data["themas"],
                    doelgroepen=form.cleaned_data["doelgroepen"],
                    gemeenten=form.cleaned_data["gemeenten"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("De dienst is opgeslagen."))
                return redirect("loket:sociale_kaart")
        return render(
            request, "loket/dienst_form.html", {"form": form, "dienst": dienst}, status=400
        )
    return render(request, "loket/dienst_form.html", {"form": form, "dienst": dienst})


# --- Trajecten -----------------------------------------------------------------------------


@rol_vereist(*GIDSEN)
def trajecten(request: HttpRequest) -> HttpResponse:
    qs = selectors.trajecten_voor(user=request.user).order_by("-startdatum", "-pk")
    context = list_context(request, qs, filters.TrajectFilter, page_size=PAGINA_GROOTTE)
    context["reserve_melding"] = _reserve_melding(request.user)
    return render(request, "loket/trajecten.html", context)


def _reserve_melding(user) -> str | None:
    """The coordinator's warning that new trajecten would not be booked (see reserve)."""
    if not user.regio_id or not user.heeft_rol("coordinator", "beheerder"):
        return None
    return reserve.ontbrekende_instelling(regio_id=user.regio_id)


@rol_vereist(*GIDSEN)
def traject_nieuw(request: HttpRequest) -> HttpResponse:
    form = TrajectForm(request.POST or None, user=request.user)
    gesprek_obj = None
    if pk := request.GET.get("gesprek"):
        gesprek_obj = get_scoped_or_404(Gesprek.objects.all(), request.user, pk=pk)
    if request.method == "POST":
        if form.is_valid():
            try:
                t = services.traject_registreren(
                    door=request.user, gesprek=gesprek_obj, **form.cleaned_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                doel_onthouden(request, t, "traject_begeleiden")
                messages.success(request, _("Het traject is vastgelegd."))
                return redirect("loket:traject", pk=t.pk)
        return render(request, "loket/traject_form.html", {"form": form}, status=400)
    return render(request, "loket/traject_form.html", {"form": form})


@rol_vereist(*GIDSEN)
@doel_gevraagd
def traject(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_scoped_or_404(selectors.trajecten_voor(user=request.user), request.user, pk=pk)
    doel = doel_voor(request, obj)
    audit.ingezien(obj, user=request.user, doel=doel)
    initial = {
        "status": obj.status,
        "einddatum": obj.einddatum,
        "kosten": obj.kosten,
        "resultaat": obj.resultaat,
    }
    form = TrajectBijwerkenForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.traject_bijwerken(
                    traject=obj, door=request.user, doel=doel, **form.cleaned_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Het traject is bijgewerkt."))
                return redirect("loket:traject", pk=obj.pk)
        status = 400
    else:
        status = 200
    context = {"traject": obj, "form": form, "boeking": reserve.boeking(obj)}
    return render(request, "loket/traject.html", context, status=status)
