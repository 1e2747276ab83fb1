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

from werkcentrum import versies
from werkcentrum.decorators import rol_vereist
from werkcentrum.doelbinding import doel_gevraagd, doel_onthouden, doel_voor
from werkcentrum.forms import run_service
from werkcentrum.rijen import Bijlage, lijst, lijstpagina
from werkcentrum.tenancy import get_scoped_or_404

from . import audit, forms, matching, selectors, selectors_dashboard, services
from .keuzes import Doelgroep
from .models import Activiteit, Kandidaat, NazorgMoment, Plaatsing, Voordracht
from .views import PAGINA, WSP, _formulier, _pagina

# --- kandidaten ---------------------------------------------------------------------------


@rol_vereist(*WSP)
def kandidaten(request: HttpRequest) -> HttpResponse:
    doelgroep = request.GET.get("doelgroep", "")

    def maken():
        qs = Kandidaat.objects.voor(request.user).select_related(
            "woongemeente", "overgedragen_door"
        )
        if doelgroep:
            qs = qs.filter(doelgroep=doelgroep)
        if zoek := request.GET.get("zoek", "").strip():
            qs = qs.filter(achternaam__icontains=zoek) | qs.filter(voornaam__icontains=zoek)
        return qs.order_by("achternaam", "voornaam", "pk")

    getoond = lijst(request, maken, "wsp/_kandidaten_tabel.html", grootte=PAGINA)
    audit.kandidatenlijst_ingezien(
        user=request.user, ids=list(getoond.rijen.ids), context="kandidatenlijst"
    )
    return lijstpagina(
        request,
        "wsp/kandidaten.html",
        getoond,
        doelgroepen=Doelgroep.choices,
        doelgroep=doelgroep,
    )


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
        "matches": matching.vacatures_voor_kandidaat(obj, limiet=10),
        "voordrachten": obj.voordrachten.select_related("vacature__werkgever"),
        "plaatsingen": obj.plaatsingen.select_related("werkgever"),
    }
    return render(request, "wsp/kandidaat.html", context)


# --- plaatsingen and nazorg ---------------------------------------------------------------


OPEN_NAZORG_OP_OVERZICHT = 25


@rol_vereist(*WSP)
def plaatsingen(request: HttpRequest) -> HttpResponse:
    def maken():
        qs = Plaatsing.objects.voor(request.user).select_related("werkgever", "kandidaat")
        return selectors.met_duurzaam(qs).order_by("-startdatum", "-pk")

    nazorg = Bijlage(
        # The first due; one more is read only to know whether there are more.
        lambda: selectors.nazorg_open(user=request.user)[: OPEN_NAZORG_OP_OVERZICHT + 1],
        "wsp/_nazorg_open.html",
        {"nazorg_max": OPEN_NAZORG_OP_OVERZICHT, "vandaag": timezone.localdate()},
        ids="plaatsing.kandidaat_id",
    )
    geplaatst = lijst(
        request, maken, "wsp/_plaatsingen_tabel.html", grootte=PAGINA, ids="kandidaat_id",
        bijlagen={"nazorg": nazorg},
    )  # fmt: skip
    nazorg = geplaatst.bijlagen["nazorg"]
    if getoond := {*geplaatst.rijen.ids, *nazorg.ids[:OPEN_NAZORG_OP_OVERZICHT]}:
        audit.kandidatenlijst_ingezien(
            user=request.user, ids=sorted(getoond), context="plaatsingen"
        )
    return lijstpagina(request, "wsp/plaatsingen.html", geplaatst)


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
            return redirect(obj)
    status = 400 if form.errors else 200
    return _formulier(request, form, _("Extra nazorgmoment"), "wsp:plaatsingen", status)


@rol_vereist(*WSP)
def nazorg_vastleggen(request: HttpRequest, pk: int) -> HttpResponse:
    moment = get_scoped_or_404(
        NazorgMoment.objects.select_related("plaatsing__werkgever", "plaatsing__kandidaat"),
        request.user,
        pk=pk,
    )
    if not services.mag_werkgever_bewerken(request.user, moment.plaatsing.werkgever):
        raise PermissionDenied
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


DOELSTELLINGEN_BRONNEN = (
    "wsp.Plaatsing",
    "wsp.NazorgMoment",
    "wsp.Doelstelling",
    "wsp.Werkgever",
    "wsp.Sector",
    "wsp.Cluster",
    "werkcentrum.Gemeente",
)


@rol_vereist(*WSP)
def dashboard(request: HttpRequest) -> HttpResponse:
    form = forms.DashboardForm(request.GET or None)
    user, jaar, vandaag = (
        request.user,
        form.cleaned_data["jaar"] if form.is_valid() else None,
        timezone.localdate(),
    )
    # The regio's figures, shared by everyone who asks for the same year and kept until the
    # data they are counted from changes: a year of plaatsingen is too much to count per visit.
    data, berekend = versies.onthouden(
        versies.sleutel("doelstellingen", user.regio_id, user.is_superuser, jaar, vandaag),
        DOELSTELLINGEN_BRONNEN,
        lambda: selectors_dashboard.doelstellingen_dashboard(user=user, jaar=jaar, vandaag=vandaag),
        10 * 60,
    )
    if not form.is_bound:
        form = forms.DashboardForm({"jaar": data["jaar"]})  # show the year the page opened on
    context = {
        "form": form,
        "doelgroepen": Doelgroep.choices,
        "mag_doelen_beheren": services.mag_doelstellingen_beheren(request.user),
        "berekend": berekend,
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
        {"pagina": _pagina(request, qs), "form": form},
        status=status,
    )


# --- import and export --------------------------------------------------------------------


@rol_vereist(*WSP)
def importeren(request: HttpRequest) -> HttpResponse:
    from .importeren import importeren as uitvoeren
    from .resources import RESOURCES

    soorten = [
        (k, v[0])
        for k, v in RESOURCES.items()
        # Targets are the managers' to set, by import as by hand.
        if k != "doelstellingen" or services.mag_doelstellingen_beheren(request.user)
    ]
    form = forms.ImportForm(request.POST or None, request.FILES or None, soorten=soorten)
    resultaat = None
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        resultaat = uitvoeren(
            soort=form.cleaned_data["soort"],
            inhoud=bestand.read(),
            bestandsnaam=bestand.name,
            regio=request.user.regio,
            user=request.user,
            bevestigen=form.cleaned_data["bevestigen"],
        )
    status = 400 if form.errors or (resultaat and not resultaat.ok) else 200
    context = {"form": form, "resultaat": resultaat, "soorten": soorten}
    return render(request, "wsp/importeren.html", context, status=status)


@rol_vereist(*WSP)
def exporteren(request: HttpRequest, soort: str, formaat: str) -> HttpResponse:
    from django.http import Http404

    from .resources import RESOURCES

    if soort not in RESOURCES or formaat not in ("csv", "xlsx"):
        raise Http404
    resource = RESOURCES[soort][1](regio=request.user.regio, user=request.user)
    queryset = resource.get_queryset()
    if request.user.is_superuser:
        raise PermissionDenied  # a platform user has no regio to export
    dataset = resource.export(queryset)
    if soort in ("kandidaten", "plaatsingen"):
        audit.kandidaten_geexporteerd(resource._meta.model, user=request.user, aantal=len(dataset))
    inhoud = dataset.export(formaat)
    soort_mime = (
        "text/csv; charset=utf-8"
        if formaat == "csv"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response = HttpResponse(inhoud, content_type=soort_mime)
    response["Content-Disposition"] = f'attachment; filename="{soort}.{formaat}"'
    return response
