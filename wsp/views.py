"""Staff pages of the WSP. Thin: parse input, call a selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from werkcentrum.autocomplete import suggestions
from werkcentrum.decorators import rol_vereist
from werkcentrum.doelbinding import doel_gevraagd, doel_onthouden, doel_voor
from werkcentrum.forms import run_service
from werkcentrum.lists import list_context
from werkcentrum.tenancy import get_scoped_or_404

from . import audit, filters, forms, matching, selectors, services
from .models import (
    Kandidaat,
    Vacature,
    Voordracht,
    Werkgever,
    Werkgeversverzoek,
)
from .models.instelling import belofte_uren

WSP = ("wsp_adviseur", "wsp_manager")
PAGINA = 25


def _formulier(request, form, titel: str, terug: str, status: int = 200, **extra) -> HttpResponse:
    context = {"form": form, "titel": titel, "terug": terug, **extra}
    return render(request, "wsp/formulier.html", context, status=status)


def _werkgever_bewerkbaar(request, pk: int) -> Werkgever:
    werkgever = get_scoped_or_404(Werkgever.objects.all(), request.user, pk=pk)
    if not services.mag_werkgever_bewerken(request.user, werkgever):
        raise PermissionDenied
    return werkgever


# --- werkgevers ---------------------------------------------------------------------------


@rol_vereist(*WSP)
def werkgevers(request: HttpRequest) -> HttpResponse:
    qs = selectors.werkgevers_voor(user=request.user)
    context = list_context(request, qs, filters.WerkgeverFilter, page_size=PAGINA)
    return render(request, "wsp/werkgevers.html", context)


@rol_vereist(*WSP)
def werkgever_nieuw(request: HttpRequest) -> HttpResponse:
    form = forms.WerkgeverForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        team = data.pop("accountteam")
        werkgever = run_service(
            form,
            lambda: services.werkgever_registreren(
                regio=request.user.regio, door=request.user, accountteam=team, **data
            ),
        )
        if werkgever:
            messages.success(request, _("Werkgever geregistreerd."))
            return redirect(werkgever)
    status = 400 if form.errors else 200
    return _formulier(request, form, _("Nieuwe werkgever"), "wsp:werkgevers", status)


@rol_vereist(*WSP)
def werkgever_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    werkgever = _werkgever_bewerkbaar(request, pk)
    form = forms.WerkgeverForm(request.POST or None, instance=werkgever, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        team = data.pop("accountteam")
        if run_service(
            form,
            lambda: services.werkgever_bijwerken(
                werkgever=werkgever, door=request.user, accountteam=team, **data
            ),
        ):
            messages.success(request, _("Werkgever bijgewerkt."))
            return redirect(werkgever)
    status = 400 if form.errors else 200
    return _formulier(request, form, _("Werkgever bewerken"), "wsp:werkgevers", status)


def _werkgever_personen_gelogd(request, pk: int, kandidaten, contactpersonen) -> None:
    """The werkgever page names persons: the kandidaten of its plaatsingen (in the tijdlijn)
    and its contactpersonen. One list event per kind, from the ids the page shows; a kind
    the page does not show gets no event, so an account without persons logs nothing."""
    context = f"werkgever {pk}"
    with transaction.atomic():  # both events in one commit: a read pays one WAL flush
        if kandidaten:
            audit.kandidatenlijst_ingezien(user=request.user, ids=kandidaten, context=context)
        if contactpersonen:
            audit.contactpersonenlijst_ingezien(
                user=request.user, ids=contactpersonen, context=context
            )


@rol_vereist(*WSP)
def werkgever(request: HttpRequest, pk: int) -> HttpResponse:
    obj = selectors.werkgever_detail(user=request.user, pk=pk)
    tijdlijn = selectors.tijdlijn(obj, user=request.user)
    kandidaten = [r["kandidaat_id"] for r in tijdlijn if r["kandidaat_id"]]
    contactpersonen = [c.pk for c in obj.contactpersonen.all()]
    _werkgever_personen_gelogd(request, pk, kandidaten, contactpersonen)
    context = {
        "werkgever": obj,
        "tijdlijn": tijdlijn,
        "mag_bewerken": services.mag_werkgever_bewerken(request.user, obj),
        "contactmoment_form": forms.ContactmomentForm(initial={"datum": timezone.localdate()}),
    }
    return render(request, "wsp/werkgever.html", context)


def _onderdeel_toevoegen(
    request, pk: int, form_cls, service, titel: str, gelukt: str, **form_kw
) -> HttpResponse:
    werkgever = _werkgever_bewerkbaar(request, pk)
    form = form_cls(request.POST or None, **form_kw)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form, lambda: service(werkgever=werkgever, door=request.user, **form.cleaned_data)
        )
    ):
        messages.success(request, gelukt)
        return redirect(werkgever)
    status = 400 if form.errors else 200
    return _formulier(request, form, titel, "wsp:werkgevers", status, werkgever=werkgever)


@rol_vereist(*WSP)
def contactmoment_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    return _onderdeel_toevoegen(
        request,
        pk,
        forms.ContactmomentForm,
        services.contactmoment_registreren,
        _("Contactmoment vastleggen"),
        _("Contactmoment vastgelegd."),
    )


@rol_vereist(*WSP)
def vestiging_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    return _onderdeel_toevoegen(
        request,
        pk,
        forms.VestigingForm,
        services.vestiging_toevoegen,
        _("Vestiging toevoegen"),
        _("Vestiging toegevoegd."),
        user=request.user,
    )


@rol_vereist(*WSP)
def contactpersoon_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    return _onderdeel_toevoegen(
        request,
        pk,
        forms.ContactpersoonForm,
        services.contactpersoon_toevoegen,
        _("Contactpersoon toevoegen"),
        _("Contactpersoon toegevoegd."),
    )


@rol_vereist(*WSP)
def opvolgingen(request: HttpRequest) -> HttpResponse:
    qs = selectors.mijn_opvolgingen(user=request.user)
    context = list_context(request, qs, filters.OpvolgingFilter, page_size=PAGINA)
    return render(request, "wsp/opvolgingen.html", {**context, "vandaag": timezone.localdate()})


@rol_vereist(*WSP)
@require_POST
def opvolging_afronden(request: HttpRequest, pk: int) -> HttpResponse:
    moment = get_scoped_or_404(selectors.mijn_opvolgingen(user=request.user), request.user, pk=pk)
    services.opvolging_afronden(contactmoment=moment, door=request.user)
    messages.success(request, _("Opvolging afgerond."))
    return redirect("wsp:opvolgingen")


@rol_vereist(*WSP)
@require_GET
def werkgevers_zoeken(request: HttpRequest) -> JsonResponse:
    """Werkgevers of the regio for a search field (autocomplete)."""
    qs = Werkgever.objects.voor(request.user).order_by("naam", "pk")
    _found, response = suggestions(request, qs, ("naam", "kvk_nummer"))
    return response


@rol_vereist(*WSP)
@require_GET
def kandidaten_zoeken(request: HttpRequest) -> JsonResponse:
    """Active kandidaten of the regio for a search field; the names shown are logged."""
    qs = Kandidaat.objects.voor(request.user).filter(actief=True).order_by("achternaam", "pk")
    found, response = suggestions(request, qs, ("voornaam", "achternaam"))
    if found:
        audit.kandidatenlijst_ingezien(
            user=request.user, ids=[k.pk for k in found], context="zoeken"
        )
    return response


# --- werkgeversverzoeken ------------------------------------------------------------------


@rol_vereist(*WSP)
def verzoeken(request: HttpRequest) -> HttpResponse:
    context = {
        "open": selectors.met_belofte(
            selectors.open_verzoeken(user=request.user)[:100], user=request.user
        ),
        "per_maand": selectors.verzoeken_per_maand(user=request.user)[:12],
        "uren": belofte_uren(request.user.regio_id),
        "nu": timezone.now(),
    }
    return render(request, "wsp/verzoeken.html", context)


@rol_vereist(*WSP)
def verzoek_nieuw(request: HttpRequest) -> HttpResponse:
    form = forms.VerzoekForm(request.POST or None, regio=request.user.regio)
    if request.method == "POST" and form.is_valid():
        verzoek = run_service(
            form,
            lambda: services.verzoek_ontvangen(
                regio=request.user.regio,
                bron=Werkgeversverzoek.Bron.TELEFOON,
                door=request.user,
                **form.cleaned_data,
            ),
        )
        if verzoek:
            doel_onthouden(request, verzoek, audit.DOEL_WERKGEVERS)
            messages.success(request, _("Verzoek vastgelegd; de 24-uursklok loopt."))
            return redirect("wsp:verzoek", pk=verzoek.pk)
    status = 400 if form.errors else 200
    return _formulier(request, form, _("Telefonisch verzoek vastleggen"), "wsp:verzoeken", status)


@rol_vereist(*WSP)
@doel_gevraagd
def verzoek(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_scoped_or_404(
        Werkgeversverzoek.objects.select_related(
            "toegewezen_aan", "cluster", "werkgever", "ingevoerd_door"
        ),
        request.user,
        pk=pk,
    )
    # The contact person's name, e-mail and phone: asked before the reply form is handled too.
    doel = doel_voor(request, obj)
    form = forms.VerzoekReactieForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form,
            lambda: services.verzoek_beantwoorden(
                verzoek=obj, door=request.user, reactie=form.cleaned_data["reactie"]
            ),
        )
    ):
        messages.success(request, _("Reactie vastgelegd."))
        return redirect("wsp:verzoeken")
    status = 400 if form.errors else 200
    audit.verzoek_ingezien(obj, user=request.user, doel=doel)
    return render(
        request,
        "wsp/verzoek.html",
        {"verzoek": obj, "form": form, "nu": timezone.now()},
        status=status,
    )


@rol_vereist(*WSP)
@require_POST
def verzoek_oppakken(request: HttpRequest, pk: int) -> HttpResponse:
    """Take a request from the cluster queue (or over from a colleague)."""
    obj = get_scoped_or_404(Werkgeversverzoek.objects.all(), request.user, pk=pk)
    services.verzoek_toewijzen(verzoek=obj, aan=request.user, door=request.user)
    messages.success(request, _("Je hebt dit verzoek opgepakt."))
    return redirect("wsp:verzoek", pk=obj.pk)


# --- vacatures, matching, voordrachten ----------------------------------------------------


@rol_vereist(*WSP)
def vacatures(request: HttpRequest) -> HttpResponse:
    qs = selectors.vacatures_voor(user=request.user)
    context = list_context(request, qs, filters.VacatureFilter, page_size=PAGINA)
    return render(request, "wsp/vacatures.html", context)


@rol_vereist(*WSP)
def vacature_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    werkgever = _werkgever_bewerkbaar(request, pk)
    form = forms.VacatureForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        vacature = run_service(
            form,
            lambda: services.vacature_registreren(
                werkgever=werkgever, door=request.user, **form.cleaned_data
            ),
        )
        if vacature:
            messages.success(request, _("Vacature geregistreerd."))
            return redirect(vacature)
    status = 400 if form.errors else 200
    return _formulier(
        request, form, _("Nieuwe vacature"), "wsp:vacatures", status, werkgever=werkgever
    )


@rol_vereist(*WSP)
def vacature_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    vacature = get_scoped_or_404(Vacature.objects.select_related("werkgever"), request.user, pk=pk)
    if not services.mag_werkgever_bewerken(request.user, vacature.werkgever):
        raise PermissionDenied
    form = forms.VacatureForm(request.POST or None, instance=vacature, user=request.user)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form,
            lambda: services.vacature_bijwerken(
                vacature=vacature, door=request.user, **form.cleaned_data
            ),
        )
    ):
        messages.success(request, _("Vacature bijgewerkt."))
        return redirect(vacature)
    status = 400 if form.errors else 200
    return _formulier(request, form, _("Vacature bewerken"), "wsp:vacatures", status)


@rol_vereist(*WSP)
def vacature_status(request: HttpRequest, pk: int) -> HttpResponse:
    vacature = get_scoped_or_404(Vacature.objects.select_related("werkgever"), request.user, pk=pk)
    if not services.mag_vacaturestatus_wijzigen(request.user, vacature):
        raise PermissionDenied
    toegestaan = services.toegestane_statussen(vacature)
    form = forms.VacatureStatusForm(request.POST or None, toegestaan=toegestaan)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form,
            lambda: services.vacature_status_wijzigen(
                vacature=vacature, door=request.user, **form.cleaned_data
            ),
        )
    ):
        messages.success(request, _("De status van de vacature is gewijzigd."))
        return redirect(vacature)
    status = 400 if form.errors else 200
    titel = _("Status van de vacature wijzigen")
    return _formulier(request, form, titel, "wsp:vacatures", status, vacature=vacature)


@rol_vereist(*WSP)
def vacature(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_scoped_or_404(
        Vacature.objects.select_related("werkgever", "gemeente", "sector").prefetch_related(
            "skills"
        ),
        request.user,
        pk=pk,
    )
    voordrachten = obj.voordrachten.select_related("kandidaat").order_by("-voorgesteld_op")
    matches = matching.kandidaten_voor_vacature(obj, limiet=15)
    audit.kandidatenlijst_ingezien(
        user=request.user,
        ids=[m.kandidaat.pk for m in matches] + [v.kandidaat_id for v in voordrachten],
        context=f"matching vacature {obj.pk}",
    )
    context = {
        "vacature": obj,
        "matches": matches,
        "voordrachten": voordrachten,
        "voorgedragen": {v.kandidaat_id for v in voordrachten},
        "mag_bewerken": services.mag_werkgever_bewerken(request.user, obj.werkgever),
        "mag_status_wijzigen": services.mag_vacaturestatus_wijzigen(request.user, obj),
        "status_form": forms.VoordrachtStatusForm(),
    }
    return render(request, "wsp/vacature.html", context)


@rol_vereist(*WSP)
@require_POST
def voordragen(request: HttpRequest, pk: int) -> HttpResponse:
    vacature = get_scoped_or_404(Vacature.objects.select_related("werkgever"), request.user, pk=pk)
    form = forms.VoordrachtForm(request.POST, user=request.user)
    if form.is_valid():
        kandidaat = form.cleaned_data["kandidaat"]
        score = matching.score(vacature, kandidaat).score
        try:
            services.voordracht_doen(
                vacature=vacature, kandidaat=kandidaat, door=request.user, score=score
            )
            messages.success(request, _("Kandidaat voorgedragen."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        except PermissionError as exc:
            raise PermissionDenied from exc
    return redirect(vacature)


@rol_vereist(*WSP)
@require_POST
def voordracht_status(request: HttpRequest, pk: int) -> HttpResponse:
    voordracht = get_scoped_or_404(
        Voordracht.objects.select_related("vacature__werkgever"), request.user, pk=pk
    )
    form = forms.VoordrachtStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een geldige nieuwe status."))
        return redirect(voordracht.vacature)
    try:
        services.voordracht_status_wijzigen(
            voordracht=voordracht, door=request.user, **form.cleaned_data
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(voordracht.vacature)
    except PermissionError as exc:
        raise PermissionDenied from exc
    messages.success(
        request,
        _("Status van de voordracht gewijzigd in: %(status)s.")
        % {"status": voordracht.get_status_display()},
    )
    if voordracht.status == Voordracht.Status.AANGENOMEN:
        return redirect(f"{reverse('wsp:plaatsing_nieuw')}?voordracht={voordracht.pk}")
    return redirect(voordracht.vacature)
