"""Staff pages for kandidaten, plaatsingen, nazorg, the dashboard, activiteiten and import."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.bestanden import dataset_export
from werkcentrum.decorators import rol_vereist
from werkcentrum.doelbinding import doel_gevraagd, doel_onthouden, doel_voor
from werkcentrum.forms import run_service
from werkcentrum.lists import filtered, list_context
from werkcentrum.tenancy import get_scoped_or_404

from . import (
    audit,
    filters,
    forms,
    matching,
    selectors,
    selectors_dashboard,
    services,
    views_keten,
)
from .models import Activiteit, Kandidaat, NazorgMoment, Plaatsing, Voordracht
from .views import PAGINA, WSP, _formulier

# --- kandidaten ---------------------------------------------------------------------------


@rol_vereist(*WSP)
def kandidaten(request: HttpRequest) -> HttpResponse:
    qs = selectors.kandidaten_voor(user=request.user)
    context = list_context(request, qs, filters.KandidaatFilter, page_size=PAGINA)
    audit.kandidatenlijst_ingezien(
        user=request.user, ids=[k.pk for k in context["rows"]], context="kandidatenlijst"
    )
    return render(request, "wsp/kandidaten.html", context)


def _kandidaat_data(form) -> tuple[dict, dict]:
    data = dict(form.cleaned_data)
    m2m = {naam: data.pop(naam) for naam in forms.KandidaatForm.M2M}
    return data, m2m


@rol_vereist(*WSP)
def kandidaat_nieuw(request: HttpRequest) -> HttpResponse:
    form = forms.KandidaatForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data, m2m = _kandidaat_data(form)
        kandidaat = run_service(
            form,
            lambda: services.kandidaat_registreren(
                regio=request.user.regio, door=request.user, **data, **m2m
            ),
        )
        if kandidaat:
            doel_onthouden(request, kandidaat, "bemiddeling")
            messages.success(request, _("Kandidaat geregistreerd."))
            return redirect(kandidaat)
    status = 400 if form.errors else 200
    return _formulier(request, form, _("Kandidaat uit warme overdracht"), "wsp:kandidaten", status)


@rol_vereist(*WSP)
@doel_gevraagd
def kandidaat_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    kandidaat = get_scoped_or_404(Kandidaat.objects.all(), request.user, pk=pk)
    doel = doel_voor(request, kandidaat)
    form = forms.KandidaatForm(request.POST or None, instance=kandidaat, user=request.user)
    if request.method == "GET":
        audit.kandidaat_ingezien(kandidaat, user=request.user, doel=doel)
    if request.method == "POST" and form.is_valid():
        data, m2m = _kandidaat_data(form)
        nieuwe = data.pop("nieuwe_skills")
        kandidaat = Kandidaat.objects.get(pk=pk)  # the form mutated the instance
        if run_service(
            form,
            lambda: services.kandidaat_bijwerken(
                kandidaat=kandidaat, door=request.user, m2m=m2m, nieuwe_skills=nieuwe, **data
            ),
        ):
            messages.success(request, _("Kandidaat bijgewerkt."))
            return redirect(kandidaat)
    status = 400 if form.errors else 200
    return _formulier(request, form, _("Kandidaat bewerken"), "wsp:kandidaten", status)


@rol_vereist(*WSP)
@doel_gevraagd
def kandidaat(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_scoped_or_404(
        Kandidaat.objects.select_related("woongemeente", "overgedragen_door").prefetch_related(
            "skills", "gewenste_gemeenten", "gewenste_sectoren"
        ),
        request.user,
        pk=pk,
    )
    audit.kandidaat_ingezien(obj, user=request.user, doel=doel_voor(request, obj))
    context = {
        "kandidaat": obj,
        # A person who withdrew consent is offered to no werkgever.
        "matches": []
        if obj.toestemming_ingetrokken
        else matching.vacatures_voor_kandidaat(obj, limiet=10),
        "voordrachten": obj.voordrachten.select_related("vacature__werkgever"),
        "plaatsingen": obj.plaatsingen.select_related("werkgever"),
        # Its origin, when the kandidaat came in by a warme overdracht in the portal.
        "overdracht": obj.overdrachten.select_related(
            "organisatie", "aangeboden_door", "toestemming_door"
        )
        .order_by("-aangeboden_op", "-pk")
        .first(),
    }
    return render(request, "wsp/kandidaat.html", context)


# --- plaatsingen and nazorg ---------------------------------------------------------------


OPEN_NAZORG_OP_OVERZICHT = 25


@rol_vereist(*WSP)
def plaatsingen(request: HttpRequest) -> HttpResponse:
    qs = selectors.plaatsingen_voor(user=request.user)
    context = list_context(request, qs, filters.PlaatsingFilter, page_size=PAGINA)
    # The first due; one more is read only to know whether there are more.
    nazorg = list(selectors.nazorg_open(user=request.user)[: OPEN_NAZORG_OP_OVERZICHT + 1])
    getoond = {p.kandidaat_id for p in context["rows"]}
    getoond |= {m.plaatsing.kandidaat_id for m in nazorg[:OPEN_NAZORG_OP_OVERZICHT]}
    if getoond:
        audit.kandidatenlijst_ingezien(
            user=request.user, ids=sorted(getoond), context="plaatsingen"
        )
    context.update(nazorg=nazorg, nazorg_max=OPEN_NAZORG_OP_OVERZICHT, vandaag=timezone.localdate())
    return render(request, "wsp/plaatsingen.html", context)


@rol_vereist(*WSP)
def nazorg(request: HttpRequest) -> HttpResponse:
    """The regio's open nazorg, first due first; the werkplek tiles link to its periods."""
    qs = selectors.nazorg_open(user=request.user)
    context = list_context(request, qs, filters.OpenNazorgFilter, page_size=PAGINA)
    getoond = sorted({m.plaatsing.kandidaat_id for m in context["rows"]})
    if getoond:
        audit.kandidatenlijst_ingezien(user=request.user, ids=getoond, context="nazorg")
    return render(request, "wsp/nazorg.html", {**context, "vandaag": timezone.localdate()})


@rol_vereist(*WSP)
def plaatsing_nieuw(request: HttpRequest) -> HttpResponse:
    voordracht = None
    if pk := request.GET.get("voordracht"):
        voordracht = get_scoped_or_404(
            Voordracht.objects.select_related("vacature__werkgever", "kandidaat"),
            request.user,
            pk=pk if str(pk).isdigit() else 0,
        )
    initial = (
        {
            "werkgever": voordracht.vacature.werkgever_id,
            "kandidaat": voordracht.kandidaat_id,
            "uren_per_week": voordracht.vacature.uren_per_week,
            "startdatum": voordracht.vacature.startdatum,
        }
        if voordracht
        else {}
    )
    form = forms.PlaatsingForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not services.mag_werkgever_bewerken(request.user, data["werkgever"]):
            raise PermissionDenied
        plaatsing = run_service(
            form,
            lambda: services.plaatsing_registreren(
                door=request.user, voordracht=voordracht, **data
            ),
        )
        if plaatsing:
            doel_onthouden(request, plaatsing.kandidaat, "bemiddeling")
            messages.success(request, _("Plaatsing geregistreerd; nazorg is gepland."))
            return redirect(plaatsing)
    status = 400 if form.errors else 200
    return _formulier(request, form, _("Plaatsing registreren"), "wsp:plaatsingen", status)


def _plaatsing(request, pk: int) -> Plaatsing:
    return get_scoped_or_404(
        Plaatsing.objects.select_related("werkgever", "kandidaat", "woongemeente").prefetch_related(
            Prefetch("nazorgmomenten", queryset=NazorgMoment.objects.order_by("vervaldatum", "pk"))
        ),
        request.user,
        pk=pk,
    )


@rol_vereist(*WSP)
@doel_gevraagd
def plaatsing(request: HttpRequest, pk: int) -> HttpResponse:
    obj = _plaatsing(request, pk)
    audit.kandidaat_ingezien(
        obj.kandidaat, user=request.user, doel=doel_voor(request, obj.kandidaat)
    )
    context = {
        "plaatsing": obj,
        "mag_bewerken": services.mag_werkgever_bewerken(request.user, obj.werkgever),
        "extra_form": forms.ExtraNazorgForm(),
        "startdatum_form": forms.StartdatumForm(initial={"startdatum": obj.startdatum}),
    }
    return render(request, "wsp/plaatsing.html", context)


@rol_vereist(*WSP)
def plaatsing_startdatum(request: HttpRequest, pk: int) -> HttpResponse:
    obj = _plaatsing(request, pk)
    form = forms.StartdatumForm(request.POST or None, initial={"startdatum": obj.startdatum})
    if request.method == "POST" and form.is_valid():
        try:
            ok = run_service(
                form,
                lambda: services.plaatsing_startdatum_wijzigen(
                    plaatsing=obj, door=request.user, **form.cleaned_data
                ),
            )
        except PermissionError as exc:
            raise PermissionDenied from exc
        if ok:
            messages.success(request, _("Startdatum gewijzigd; de nazorg is opnieuw gepland."))
            return redirect(obj)
    status = 400 if form.errors else 200
    return _formulier(request, form, _("Startdatum wijzigen"), "wsp:plaatsingen", status)


@rol_vereist(*WSP)
def nazorg_extra(request: HttpRequest, pk: int) -> HttpResponse:
    obj = _plaatsing(request, pk)
    form = forms.ExtraNazorgForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ok = run_service(
                form,
                lambda: services.nazorg_moment_toevoegen(
                    plaatsing=obj, door=request.user, **form.cleaned_data
                ),
            )
        except PermissionError as exc:
            raise PermissionDenied from exc
        if ok:
            messages.success(request, _("Extra nazorgmoment gepland."))
            return redirect(obj)
    status = 400 if form.errors else 200
    return _formulier(request, form, _("Extra nazorgmoment"), "wsp:plaatsingen", status)


@rol_vereist(*WSP)
@doel_gevraagd
def nazorg_vastleggen(request: HttpRequest, pk: int) -> HttpResponse:
    moment = get_scoped_or_404(
        NazorgMoment.objects.select_related("plaatsing__werkgever", "plaatsing__kandidaat"),
        request.user,
        pk=pk,
    )
    if not services.mag_werkgever_bewerken(request.user, moment.plaatsing.werkgever):
        raise PermissionDenied
    # The page names the kandidaat placed: a read of their data, as on the plaatsing.
    kandidaat = moment.plaatsing.kandidaat
    audit.kandidaat_ingezien(kandidaat, user=request.user, doel=doel_voor(request, kandidaat))
    form = forms.NazorgForm(request.POST or None, initial={"afgerond_op": timezone.localdate()})
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form,
            lambda: services.nazorg_vastleggen(
                moment=moment, door=request.user, **form.cleaned_data
            ),
        )
    ):
        messages.success(request, _("Nazorg vastgelegd."))
        return redirect(moment.plaatsing)
    status = 400 if form.errors else 200
    titel = _("Nazorg vastleggen: %(soort)s") % {"soort": moment.get_soort_display()}
    return _formulier(request, form, titel, "wsp:plaatsingen", status, moment=moment)


# --- doelstellingen and activiteiten ------------------------------------------------------


@rol_vereist(*WSP)
def dashboard(request: HttpRequest) -> HttpResponse:
    form = forms.DashboardForm(request.GET or None)
    user, jaar, vandaag = (
        request.user,
        form.cleaned_data["jaar"] if form.is_valid() else None,
        timezone.localdate(),
    )
    # Counted live, in SQL: a manager who records a target sees it at once.
    data = selectors_dashboard.doelstellingen_dashboard(user=user, jaar=jaar, vandaag=vandaag)
    berekend = timezone.now()
    if not form.is_bound:
        form = forms.DashboardForm({"jaar": data["jaar"]})  # show the year the page opened on
    context = {
        "form": form,
        "mag_doelen_beheren": services.mag_doelstellingen_beheren(request.user),
        "berekend": berekend,
        # The chain to the WSP in the same year (issue 23).
        **views_keten.jaar_context(user=user, jaar=data["jaar"]),
        **data,
    }
    return render(request, "wsp/dashboard.html", context)


@rol_vereist("wsp_manager")
def doelstelling_vastleggen(request: HttpRequest) -> HttpResponse:
    form = forms.DoelstellingForm(
        request.POST or None, user=request.user, initial={"jaar": timezone.localdate().year}
    )
    if request.method == "POST" and form.is_valid():
        if request.user.regio is None:
            raise PermissionDenied  # a platform user has no regio to set targets for
        doel = run_service(
            form,
            lambda: services.doelstelling_vastleggen(
                regio=request.user.regio, door=request.user, **form.cleaned_data
            ),
        )
        if doel:
            messages.success(request, _("Doelstelling vastgelegd: %(doel)s") % {"doel": doel})
            return redirect(f"{reverse('wsp:dashboard')}?jaar={doel.jaar}")
    status = 400 if form.errors else 200
    return _formulier(request, form, _("Doelstelling vastleggen"), "wsp:dashboard", status)


@rol_vereist(*WSP)
def activiteiten(request: HttpRequest) -> HttpResponse:
    qs = Activiteit.objects.voor(request.user).order_by("-datum", "pk")
    form = forms.ActiviteitForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form,
            lambda: services.activiteit_registreren(
                regio=request.user.regio, door=request.user, **form.cleaned_data
            ),
        )
    ):
        messages.success(request, _("Activiteit geregistreerd."))
        return redirect("wsp:activiteiten")
    status = 400 if form.errors else 200
    return render(
        request,
        "wsp/activiteiten.html",
        {**list_context(request, qs, page_size=PAGINA), "form": form},
        status=status,
    )


# --- import and export --------------------------------------------------------------------


@rol_vereist(*WSP)
def importeren(request: HttpRequest) -> HttpResponse:
    """Upload: the file is stored and checked (and, ticked, imported) by the worker; the
    progress page follows it (werkcentrum/importtaken.py)."""
    from werkcentrum.importtaken import importtaak_aanmaken, max_regels

    from .resources import RESOURCES

    soorten = [
        (k, v[0])
        for k, v in RESOURCES.items()
        # Targets are the managers' to set, by import as by hand.
        if k != "doelstellingen" or services.mag_doelstellingen_beheren(request.user)
    ]
    form = forms.ImportForm(
        request.POST or None, request.FILES or None, soorten=soorten, regio=request.user.regio
    )
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        taak = run_service(
            form,
            lambda: importtaak_aanmaken(
                soort=f"wsp.{form.cleaned_data['soort']}",
                inhoud=bestand.read(),
                bestandsnaam=bestand.name,
                user=request.user,
                bevestigd=form.cleaned_data["bevestigen"],
                opties=form.opties(),
            ),
        )
        if taak:
            return redirect("importtaak", pk=taak.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "soorten": soorten, "max_regels": max_regels()}
    return render(request, "wsp/importeren.html", context, status=status)


# The FilterSet of the list page each export belongs to.
EXPORT_FILTERS = {
    "werkgevers": filters.WerkgeverFilter,
    "vacatures": filters.VacatureFilter,
    "kandidaten": filters.KandidaatFilter,
    "plaatsingen": filters.PlaatsingFilter,
}


@rol_vereist(*WSP)
def exporteren(request: HttpRequest, soort: str, formaat: str) -> HttpResponse:
    from django.http import Http404

    from .resources import RESOURCES

    if soort not in RESOURCES or formaat not in ("csv", "xlsx"):
        raise Http404
    resource = RESOURCES[soort][1](regio=request.user.regio, user=request.user)
    queryset = resource.get_queryset()
    if filterset_class := EXPORT_FILTERS.get(soort):
        # The list's own filters: the export holds what the page shows, on every page.
        queryset = filtered(request, queryset, filterset_class).qs
    if request.user.is_superuser:
        raise PermissionDenied  # a platform user has no regio to export
    dataset = resource.export(queryset)
    if soort in ("kandidaten", "plaatsingen"):
        audit.kandidaten_geexporteerd(resource._meta.model, user=request.user, aantal=len(dataset))
    elif soort == "contactpersonen":
        audit.contactpersonen_geexporteerd(user=request.user, aantal=len(dataset))
    elif soort == "contactmomenten":
        audit.contactmomenten_geexporteerd(user=request.user, aantal=len(dataset))
    return dataset_export(dataset, formaat=formaat, naam=soort)
