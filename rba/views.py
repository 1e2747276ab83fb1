"""Staff pages of rba. Thin: parse input, call a selector or service, render.

Reading is open to every staff user of the regio (the selectors limit what they see);
writing needs the rba_secretariaat role."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkcentrum.decorators import rol_vereist
from werkcentrum.doelbinding import doel_gevraagd, doel_voor
from werkcentrum.forms import add_service_errors
from werkcentrum.lists import list_context
from werkcentrum.tenancy import get_scoped_or_404

from . import audit, filters, selectors, services
from .forms import (
    ActieForm,
    AgendapuntForm,
    BesluitForm,
    BesluitStatusForm,
    CorrectieForm,
    StukForm,
    VergaderingForm,
    VerslagForm,
)
from .models import Actie, Agendapunt, Besluit, Stuk, Vergadering

PAGINA_GROOTTE = 25
SECRETARIAAT = "rba_secretariaat"


def _formulier(
    request, form, *, titel: str, terug: str, status: int = 200, **extra
) -> HttpResponse:
    terug = terug if terug.startswith("/") else reverse(terug)
    context = {"form": form, "titel": titel, "terug": terug, **extra}
    return render(request, "rba/formulier.html", context, status=status)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    return redirect("rba:vergaderingen")


# --- vergaderingen ------------------------------------------------------------------------


@login_required
def vergaderingen(request: HttpRequest) -> HttpResponse:
    qs = selectors.vergaderingen_lijst(user=request.user)
    context = list_context(request, qs, filters.VergaderingFilter, page_size=PAGINA_GROOTTE)
    return render(request, "rba/vergaderingen.html", context)


@rol_vereist(SECRETARIAAT)
def vergadering_nieuw(request: HttpRequest) -> HttpResponse:
    form = VergaderingForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                vergadering = services.vergadering_plannen(door=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("De vergadering is gepland."))
                return redirect(vergadering)
        return _formulier(
            request, form, titel=_("Vergadering plannen"), terug="rba:vergaderingen", status=400
        )
    return _formulier(request, form, titel=_("Vergadering plannen"), terug="rba:vergaderingen")


@login_required
def vergadering(request: HttpRequest, pk: int) -> HttpResponse:
    obj = selectors.vergadering_detail(user=request.user, pk=pk)
    lezer = selectors.is_lezer(request.user)
    actielijst = list(selectors.actielijst_van(obj)) if lezer else []
    nieuwe_acties = list(selectors.acties_van(obj)) if lezer else []
    audit.acties_ingezien(
        [*actielijst, *nieuwe_acties], user=request.user, context=f"vergadering {obj.pk}", obj=obj
    )
    context = {
        "vergadering": obj,
        "actielijst": actielijst,
        "nieuwe_acties": nieuwe_acties,
        "kan_schrijven": selectors.is_secretariaat(request.user),
        "agendapunt_form": AgendapuntForm(user=request.user),
    }
    return render(request, "rba/vergadering.html", context)


@rol_vereist(SECRETARIAAT)
def vergadering_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_scoped_or_404(Vergadering.objects.all(), request.user, pk=pk)
    form = VergaderingForm(request.POST or None, instance=obj, user=request.user)
    terug = obj.get_absolute_url()
    if request.method == "POST":
        if form.is_valid():
            velden = {k: v for k, v in form.cleaned_data.items() if k != "orgaan"}
            try:
                services.vergadering_wijzigen(vergadering=obj, door=request.user, **velden)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("De vergadering is gewijzigd."))
                return redirect(obj)
        return _formulier(request, form, titel=_("Vergadering wijzigen"), terug=terug, status=400)
    return _formulier(request, form, titel=_("Vergadering wijzigen"), terug=terug)


@rol_vereist(SECRETARIAAT)
@require_POST
def agendapunt_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_scoped_or_404(Vergadering.objects.all(), request.user, pk=pk)
    form = AgendapuntForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.agendapunt_toevoegen(vergadering=obj, door=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Het agendapunt is toegevoegd."))
            return redirect(obj)
    return _formulier(
        request, form, titel=_("Agendapunt toevoegen"), terug=obj.get_absolute_url(), status=400
    )


def _overgang(request: HttpRequest, pk: int, service, gelukt: str) -> HttpResponse:
    obj = get_scoped_or_404(Vergadering.objects.all(), request.user, pk=pk)
    try:
        service(vergadering=obj, door=request.user)
    except ValidationError as exc:
        for melding in exc.messages:
            messages.error(request, melding)
    else:
        messages.success(request, gelukt)
    return redirect(obj)


@rol_vereist(SECRETARIAAT)
@require_POST
def agenda_publiceren(request: HttpRequest, pk: int) -> HttpResponse:
    return _overgang(
        request,
        pk,
        services.agenda_publiceren,
        _("De agenda is gepubliceerd; de leden krijgen een e-mail."),
    )


@rol_vereist(SECRETARIAAT)
@require_POST
def vergadering_gehouden(request: HttpRequest, pk: int) -> HttpResponse:
    return _overgang(
        request, pk, services.vergadering_gehouden, _("De vergadering is als gehouden gemeld.")
    )


@rol_vereist(SECRETARIAAT)
def verslag(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_scoped_or_404(Vergadering.objects.all(), request.user, pk=pk)
    form = VerslagForm(request.POST or None, initial={"verslag": obj.verslag})
    titel = _("Verslag van %(v)s") % {"v": obj}
    if request.method == "POST":
        if form.is_valid():
            try:
                services.verslag_vastleggen(vergadering=obj, door=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Het verslag is opgeslagen."))
                return redirect(obj)
        return _formulier(request, form, titel=titel, terug=obj.get_absolute_url(), status=400)
    return _formulier(request, form, titel=titel, terug=obj.get_absolute_url())


@rol_vereist(SECRETARIAAT)
def stuk_uploaden(request: HttpRequest, pk: int) -> HttpResponse:
    punt = get_scoped_or_404(Agendapunt.objects.select_related("vergadering"), request.user, pk=pk)
    stuk = None
    if request.GET.get("stuk"):
        stuk = get_scoped_or_404(
            Stuk.objects.filter(agendapunt=punt), request.user, pk=request.GET["stuk"]
        )
    form = StukForm(request.POST or None, request.FILES or None, nieuwe_versie=stuk is not None)
    titel = (
        _("Nieuwe versie van %(s)s") % {"s": stuk}
        if stuk
        else _("Stuk toevoegen bij %(p)s") % {"p": punt}
    )
    terug = punt.vergadering.get_absolute_url()
    if request.method == "POST":
        if form.is_valid():
            try:
                services.stuk_uploaden(
                    agendapunt=punt, stuk=stuk, door=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                # A type or size refusal has no field of its own: it belongs to the file.
                if hasattr(exc, "error_dict"):
                    add_service_errors(form, exc)
                else:
                    form.add_error("bestand", exc)
            else:
                messages.success(request, _("Het stuk is toegevoegd."))
                return redirect(punt.vergadering)
        return _formulier(request, form, titel=titel, terug=terug, status=400, multipart=True)
    return _formulier(request, form, titel=titel, terug=terug, multipart=True)


@login_required
def stuk_downloaden(request: HttpRequest, pk: int) -> FileResponse:
    versie = selectors.stukversie_voor(user=request.user, pk=pk)
    response = FileResponse(
        versie.bestand.open("rb"),
        as_attachment=True,
        filename=versie.bestandsnaam,
        content_type=versie.mime_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- besluiten ----------------------------------------------------------------------------


@login_required
def besluiten(request: HttpRequest) -> HttpResponse:
    qs = selectors.besluiten_lijst(user=request.user)
    context = list_context(
        request, qs, filters.BesluitFilter, page_size=PAGINA_GROOTTE,
        met_status=selectors.is_lezer(request.user),
    )  # fmt: skip
    context["kan_schrijven"] = selectors.is_secretariaat(request.user)
    return render(request, "rba/besluiten.html", context)


@rol_vereist(SECRETARIAAT)
def besluit_nieuw(request: HttpRequest) -> HttpResponse:
    initial = {}
    if request.GET.get("agendapunt"):
        punt = get_scoped_or_404(
            Agendapunt.objects.select_related("vergadering"),
            request.user,
            pk=request.GET["agendapunt"],
        )
        initial = {
            "agendapunt": punt,
            "orgaan": punt.vergadering.orgaan_id,
            "datum": punt.vergadering.datum,
            "onderwerp": punt.onderwerp_id,
        }
    form = BesluitForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                besluit = services.besluit_vastleggen(door=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Besluit %(n)s is vastgelegd.") % {"n": besluit.nummer})
                return redirect(besluit)
        return _formulier(
            request, form, titel=_("Besluit vastleggen"), terug="rba:besluiten", status=400
        )
    return _formulier(request, form, titel=_("Besluit vastleggen"), terug="rba:besluiten")


@login_required
def besluit(request: HttpRequest, pk: int) -> HttpResponse:
    obj = selectors.besluit_detail(user=request.user, pk=pk)
    kan_schrijven = selectors.is_secretariaat(request.user)
    acties_ = list(selectors.acties_van(obj)) if selectors.is_lezer(request.user) else []
    audit.acties_ingezien(acties_, user=request.user, context=f"besluit {obj.pk}", obj=obj)
    context = {
        "besluit": obj,
        "keten": selectors.besluit_keten(obj),
        "kan_schrijven": kan_schrijven,
        "status_form": BesluitStatusForm() if kan_schrijven and not obj.is_genomen else None,
        "acties": acties_,
    }
    return render(request, "rba/besluit.html", context)


@rol_vereist(SECRETARIAAT)
def besluit_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_scoped_or_404(Besluit.objects.all(), request.user, pk=pk)
    terug = obj.get_absolute_url()
    if obj.is_genomen:
        messages.error(
            request, _("Een genomen besluit is niet meer te wijzigen; leg een correctie vast.")
        )
        return redirect(obj)
    form = BesluitForm(request.POST or None, instance=obj, user=request.user)
    titel = _("Besluit %(n)s wijzigen") % {"n": obj.nummer}
    if request.method == "POST":
        if form.is_valid():
            velden = {
                k: v for k, v in form.cleaned_data.items() if k not in ("orgaan", "agendapunt")
            }
            try:
                services.besluit_wijzigen(besluit=obj, door=request.user, **velden)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Het besluit is gewijzigd."))
                return redirect(obj)
        return _formulier(request, form, titel=titel, terug=terug, status=400)
    return _formulier(request, form, titel=titel, terug=terug)


@rol_vereist(SECRETARIAAT)
@require_POST
def besluit_status(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_scoped_or_404(Besluit.objects.all(), request.user, pk=pk)
    form = BesluitStatusForm(request.POST)
    if form.is_valid():
        try:
            services.besluit_status_wijzigen(
                besluit=obj, status=form.cleaned_data["status"], door=request.user
            )
        except ValidationError as exc:
            for melding in exc.messages:
                messages.error(request, melding)
        else:
            messages.success(request, _("De status is gewijzigd."))
    return redirect(obj)


@rol_vereist(SECRETARIAAT)
def besluit_corrigeren(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_scoped_or_404(Besluit.objects.all(), request.user, pk=pk)
    initial = {
        "titel": obj.titel,
        "besluittekst": obj.besluittekst,
        "bedrag": obj.bedrag,
        "fonds": obj.fonds,
        "openbaar": obj.openbaar,
    }
    form = CorrectieForm(request.POST or None, initial=initial)
    titel = _("Correctie op besluit %(n)s") % {"n": obj.nummer}
    if request.method == "POST":
        if form.is_valid():
            try:
                nieuw = services.besluit_corrigeren(
                    besluit=obj, door=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request, _("Besluit %(n)s vervangt het oude besluit.") % {"n": nieuw.nummer}
                )
                return redirect(nieuw)
        return _formulier(request, form, titel=titel, terug=obj.get_absolute_url(), status=400)
    return _formulier(request, form, titel=titel, terug=obj.get_absolute_url())


@login_required
def besluit_raadsinformatie(request: HttpRequest, pk: int) -> HttpResponse:
    obj = selectors.besluit_detail(user=request.user, pk=pk)
    return render(request, "rba/raadsinformatie.html", {"besluit": obj, "regio": obj.regio})


# --- acties -------------------------------------------------------------------------------


@login_required
def acties(request: HttpRequest) -> HttpResponse:
    qs = selectors.acties_lijst(user=request.user)
    context = list_context(
        request, qs, filters.ActieFilter, page_size=PAGINA_GROOTTE,
        defaults=filters.ACTIE_STANDAARD,
    )  # fmt: skip
    ids = [a.genoemde_eigenaar_id for a in context["rows"]]
    audit.actie_ids_ingezien(ids, user=request.user, context="actielijst")
    context["kan_schrijven"] = selectors.is_secretariaat(request.user)
    return render(request, "rba/acties.html", context)


@rol_vereist(SECRETARIAAT)
@doel_gevraagd
def actie_bewerken(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    obj = get_scoped_or_404(Actie.objects.all(), request.user, pk=pk) if pk else None
    # The form shows the owner's name and e-mail fields as stored (also beside a medewerker
    # as owner): say why first. A new actie, or one without them, holds nobody's data.
    doel = doel_voor(request, obj) if obj is not None and obj.noemt_persoon else None
    initial = {
        k: request.GET[k]
        for k in ("vergadering", "besluit", "orgaan", "onderwerp")
        if request.GET.get(k)
    }
    form = ActieForm(request.POST or None, instance=obj, user=request.user, initial=initial)
    titel = _("Actie wijzigen") if obj else _("Actie toevoegen")
    if request.method == "POST" and form.is_valid():
        velden = dict(form.cleaned_data)
        orgaan = velden.pop("orgaan")
        try:
            actie = services.actie_vastleggen(
                actie=obj, orgaan=None if obj else orgaan, door=request.user, **velden
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De actie is opgeslagen."))
            return redirect(actie.vergadering or "rba:acties")
    if doel is not None:
        audit.actie_ingezien(obj, user=request.user, doel=doel)
    status = 400 if request.method == "POST" else 200
    return _formulier(request, form, titel=titel, terug="rba:acties", status=status)
