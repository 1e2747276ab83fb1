"""Staff pages of the WSP. Thin: parse input, call a selector or service, render."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkcentrum import paginering, versies
from werkcentrum.decorators import rol_vereist
from werkcentrum.doelbinding import doel_gevraagd, doel_onthouden, doel_voor
from werkcentrum.forms import run_service
from werkcentrum.paginering import pagina
from werkcentrum.rijen import lijst, lijstpagina
from werkcentrum.tenancy import get_scoped_or_404

from . import audit, forms, matching, selectors, services
from .models import (
    Vacature,
    Voordracht,
    Werkgever,
    Werkgeversverzoek,
)

WSP = ("wsp_adviseur", "wsp_manager")
# A kept werkgever page shows a write without signals (QuerySet.update) within this time.
WERKGEVER_SECONDEN = 60
PAGINA = 25


def _pagina(request: HttpRequest, qs):
    return pagina(request, qs, PAGINA)


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
    def maken():
        form = forms.WerkgeverFilterForm(request.GET or None, user=request.user)
        filters = form.cleaned_data if form.is_valid() else {}
        return selectors.werkgevers_voor(user=request.user, filters=filters), form

    getoond = lijst(request, maken, "wsp/_werkgevers_tabel.html", grootte=PAGINA)
    return lijstpagina(request, "wsp/werkgevers.html", getoond)


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
    def berekenen() -> dict:
        obj = selectors.werkgever_detail(user=request.user, pk=pk)
        tijdlijn = selectors.tijdlijn(obj)
        mag_bewerken = services.mag_werkgever_bewerken(request.user, obj)
        gegevens = {"werkgever": obj, "mag_bewerken": mag_bewerken}
        return {
            "pk": obj.pk,
            "naam": obj.naam,
            "mag_bewerken": mag_bewerken,
            "gegevens": str(render_to_string("wsp/_werkgever_gegevens.html", gegevens)),
            "tijdlijn": str(
                render_to_string("wsp/_werkgever_tijdlijn.html", {"tijdlijn": tijdlijn})
            ),
            "kandidaten": [r["kandidaat_id"] for r in tijdlijn if r["kandidaat_id"]],
            "contactpersonen": [c.pk for c in obj.contactpersonen.all()],
        }

    # Kept per user (the edit right is theirs) while every table the page read is unchanged:
    # the page was the slowest an adviser opens all day. A user who may not see the
    # werkgever gets the 404 from the first computation, and nothing is kept for them.
    invoer = paginering.invoer(request)
    if invoer is None:
        getoond = berekenen()
    else:
        getoond = versies.gemeten_onthouden(
            versies.sleutel("wsp-werkgever", invoer), berekenen, WERKGEVER_SECONDEN,
            controleren=getattr(settings, "WERKCENTRUM_LIJSTEN_CONTROLEREN", False),
        )  # fmt: skip
    _werkgever_personen_gelogd(request, pk, getoond["kandidaten"], getoond["contactpersonen"])
    context = {
        "werkgever": {
            **getoond,
            "gegevens": mark_safe(getoond["gegevens"]),  # noqa: S308 - our own template
            "tijdlijn": mark_safe(getoond["tijdlijn"]),  # noqa: S308 - our own template
        },
        "contactmoment_form": forms.ContactmomentForm(initial={"datum": timezone.localdate()}),
    }
    return render(request, "wsp/werkgever.html", context)


def _onderdeel_toevoegen(request, pk: int, form_cls, service, titel: str, **form_kw):
    werkgever = _werkgever_bewerkbaar(request, pk)
    form = form_cls(request.POST or None, **form_kw)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form, lambda: service(werkgever=werkgever, door=request.user, **form.cleaned_data)
        )
    ):
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
    )


@rol_vereist(*WSP)
def vestiging_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    return _onderdeel_toevoegen(
        request,
        pk,
        forms.VestigingForm,
        services.vestiging_toevoegen,
        _("Vestiging toevoegen"),
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
    )


@rol_vereist(*WSP)
def opvolgingen(request: HttpRequest) -> HttpResponse:
    pagina = _pagina(request, selectors.mijn_opvolgingen(user=request.user))
    return render(
        request, "wsp/opvolgingen.html", {"pagina": pagina, "vandaag": timezone.localdate()}
    )


@rol_vereist(*WSP)
@require_POST
def opvolging_afronden(request: HttpRequest, pk: int) -> HttpResponse:
    moment = get_scoped_or_404(selectors.mijn_opvolgingen(user=request.user), request.user, pk=pk)
    services.opvolging_afronden(contactmoment=moment, door=request.user)
    return redirect("wsp:opvolgingen")


# --- werkgeversverzoeken ------------------------------------------------------------------


@rol_vereist(*WSP)
def verzoeken(request: HttpRequest) -> HttpResponse:
    context = {
        "open": selectors.open_verzoeken(user=request.user)[:100],
        "per_maand": selectors.verzoeken_per_maand(user=request.user)[:12],
        "nu": timezone.now(),
    }
    return render(request, "wsp/verzoeken.html", context)


@rol_vereist(*WSP)
def verzoek_nieuw(request: HttpRequest) -> HttpResponse:
    form = forms.VerzoekForm(request.POST or None)
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
        Werkgeversverzoek.objects.select_related("toegewezen_aan", "cluster", "werkgever"),
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
    return render(request, "wsp/verzoek.html", {"verzoek": obj, "form": form}, status=status)


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
    status = request.GET.get("status")

    def maken():
        zoek = request.GET.get("zoek", "").strip()
        return selectors.vacatures_voor(user=request.user, status=status, zoek=zoek)

    getoond = lijst(request, maken, "wsp/_vacatures_tabel.html", grootte=PAGINA)
    return lijstpagina(
        request, "wsp/vacatures.html", getoond, statussen=Vacature.Status.choices, status=status
    )


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
    if form.is_valid():
        try:
            services.voordracht_status_wijzigen(
                voordracht=voordracht, door=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        except PermissionError as exc:
            raise PermissionDenied from exc
    if voordracht.status == Voordracht.Status.AANGENOMEN:
        return redirect(f"{reverse('wsp:plaatsing_nieuw')}?voordracht={voordracht.pk}")
    return redirect(voordracht.vacature)
