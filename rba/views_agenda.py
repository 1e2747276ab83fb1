"""Staff pages for overlegorganen, onderwerpen and the strategische arbeidsmarktagenda."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.bestanden import bijlage, xlsx_blad, xlsx_boek, xlsx_inhoud, xlsx_regel
from werkcentrum.decorators import rol_vereist
from werkcentrum.doelbinding import doel_gevraagd, doel_voor
from werkcentrum.forms import add_service_errors
from werkcentrum.lists import filtered, list_context
from werkcentrum.tenancy import get_scoped_or_404

from . import audit, filters, selectors, services
from .forms import (
    AgendaRegelForm,
    LidForm,
    OnderwerpForm,
    OrgaanForm,
    VoortgangForm,
)
from .models import AgendaRegel, Lid, Onderwerp, Overlegorgaan, StrategischeAgenda
from .views import PAGINA_GROOTTE, SECRETARIAAT, _formulier

# --- overlegorganen -----------------------------------------------------------------------


@rol_vereist(SECRETARIAAT, "rba_lid")
def organen(request: HttpRequest) -> HttpResponse:
    qs = selectors.organen_voor(user=request.user).order_by("naam")
    return render(
        request,
        "rba/organen.html",
        {"organen": qs, "kan_schrijven": selectors.is_secretariaat(request.user)},
    )


@rol_vereist(SECRETARIAAT)
def orgaan_bewerken(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    obj = (
        get_scoped_or_404(Overlegorgaan.objects.all(), request.user, pk=pk)
        if pk
        else Overlegorgaan(regio=request.user.regio)
    )
    form = OrgaanForm(request.POST or None, instance=obj)
    titel = _("Overlegorgaan wijzigen") if pk else _("Overlegorgaan toevoegen")
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Het overlegorgaan is opgeslagen."))
            return redirect("rba:orgaan", pk=form.instance.pk)
        return _formulier(request, form, titel=titel, terug="rba:organen", status=400)
    return _formulier(request, form, titel=titel, terug="rba:organen")


@rol_vereist(SECRETARIAAT, "rba_lid")
def orgaan(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_scoped_or_404(Overlegorgaan.objects.all(), request.user, pk=pk)
    vandaag = timezone.localdate()
    leden = list(selectors.leden_van(obj))
    audit.leden_ingezien(obj, user=request.user, ids=[lid.pk for lid in leden])
    context = {
        "orgaan": obj,
        "huidig": [lid for lid in leden if lid.is_actief_op(vandaag)],
        "historie": [lid for lid in leden if not lid.is_actief_op(vandaag)],
        "kan_schrijven": selectors.is_secretariaat(request.user),
    }
    return render(request, "rba/orgaan.html", context)


@rol_vereist(SECRETARIAAT)
@doel_gevraagd
def lid_bewerken(request: HttpRequest, orgaan_pk: int, pk: int | None = None) -> HttpResponse:
    orgaan = get_scoped_or_404(Overlegorgaan.objects.all(), request.user, pk=orgaan_pk)
    obj = (
        get_scoped_or_404(Lid.objects.filter(orgaan=orgaan), request.user, pk=pk)
        if pk
        else Lid(orgaan=orgaan)
    )
    # An existing lid's form shows their name and e-mail: say why first. A new one holds nothing.
    doel = doel_voor(request, obj) if pk else audit.LEDENADMINISTRATIE
    form = LidForm(request.POST or None, instance=obj, user=request.user)
    terug = f"/rba/organen/{orgaan.pk}/"
    titel = _("Lid wijzigen") if pk else _("Lid toevoegen aan %(o)s") % {"o": orgaan}
    if request.method == "POST" and form.is_valid():
        services.lid_opslaan(lid=form.instance, door=request.user, doel=doel)
        messages.success(request, _("Het lid is opgeslagen."))
        return redirect("rba:orgaan", pk=orgaan.pk)
    if pk:
        audit.lid_ingezien(obj, user=request.user, doel=doel)
    status = 400 if request.method == "POST" else 200
    return _formulier(request, form, titel=titel, terug=terug, status=status)


# --- onderwerpen --------------------------------------------------------------------------


@login_required
def onderwerpen(request: HttpRequest) -> HttpResponse:
    qs = selectors.onderwerpen_voor(user=request.user).order_by("-actief", "titel", "pk")
    context = list_context(request, qs, filters.OnderwerpFilter, page_size=PAGINA_GROOTTE)
    context["kan_schrijven"] = selectors.is_secretariaat(request.user)
    return render(request, "rba/onderwerpen.html", context)


@rol_vereist(SECRETARIAAT)
def onderwerp_bewerken(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    obj = (
        get_scoped_or_404(Onderwerp.objects.all(), request.user, pk=pk)
        if pk
        else Onderwerp(regio=request.user.regio)
    )
    form = OnderwerpForm(request.POST or None, instance=obj)
    titel = _("Onderwerp wijzigen") if pk else _("Onderwerp toevoegen")
    if request.method == "POST":
        if form.is_valid():
            form.save()
            return redirect(form.instance)
        return _formulier(request, form, titel=titel, terug="rba:onderwerpen", status=400)
    return _formulier(request, form, titel=titel, terug="rba:onderwerpen")


@login_required
def onderwerp(request: HttpRequest, pk: int) -> HttpResponse:
    context = selectors.onderwerp_dossier(user=request.user, pk=pk)
    context["kan_schrijven"] = selectors.is_secretariaat(request.user)
    return render(request, "rba/onderwerp.html", context)


# --- strategische agenda ------------------------------------------------------------------


def _agenda(request: HttpRequest) -> StrategischeAgenda | None:
    agendas = selectors.agendas_voor(user=request.user)
    if request.GET.get("agenda", "").isdigit():
        return get_scoped_or_404(agendas, request.user, pk=request.GET["agenda"])
    return agendas.first()


@login_required
def monitoring(request: HttpRequest) -> HttpResponse:
    agenda = _agenda(request)
    context = {"agenda": agenda, "kan_schrijven": selectors.is_secretariaat(request.user)}
    if agenda is not None:
        regels = selectors.agendaregels(user=request.user, agenda=agenda)
        context.update(
            list_context(
                request, regels, filters.MonitoringFilter, page_size=PAGINA_GROOTTE, agenda=agenda
            ),
            matrix=selectors.monitoring_matrix(user=request.user, agenda=agenda),
            statussen=AgendaRegel.Status.labels,
            agendas=selectors.agendas_voor(user=request.user),
        )
    return render(request, "rba/monitoring.html", context)


@login_required
def monitoring_export(request: HttpRequest) -> HttpResponse:
    agenda = _agenda(request)
    if agenda is None:
        raise Http404
    regels = filtered(
        request,
        selectors.agendaregels(user=request.user, agenda=agenda),
        filters.MonitoringFilter,
        agenda=agenda,
    ).qs
    wb = xlsx_boek()
    ws = xlsx_blad(
        wb,
        "Doe-agenda",
        [
            _("Pijler"),
            _("Thema"),
            _("Voor wie"),
            _("(Sub)regionaal"),
            _("Actie"),
            _("Status"),
            _("Trekker(s)"),
            _("Financiering"),
            _("Laatste voortgang"),
            _("Datum voortgang"),
            _("Gewijzigd op"),
        ],
    )
    for r in regels:
        laatste = max(r.voortgangsrapportages.all(), key=lambda v: (v.datum, v.pk), default=None)
        xlsx_regel(
            ws,
            [
                r.pijler.naam,
                r.thema,
                r.voor_wie,
                str(r.get_schaal_display()),
                r.actie,
                str(r.get_status_display()),
                r.trekkers,
                r.financiering,
                laatste.tekst if laatste else "",
                laatste.datum if laatste else None,
                timezone.localtime(r.gewijzigd_op).replace(tzinfo=None),
            ],
        )
    ws2 = xlsx_blad(
        wb,
        "Per pijler",
        [_("Pijler"), _("Totaal"), *(str(label) for label in AgendaRegel.Status.labels)],
    )
    for rij in selectors.monitoring_matrix(user=request.user, agenda=agenda):
        xlsx_regel(ws2, [rij["pijler"].naam, rij["totaal"], *rij["per_status"]])
    audit.vastleggen_export(agenda, user=request.user)
    naam = f"monitoring-{agenda.startjaar}-{agenda.eindjaar}"
    response = bijlage(xlsx_inhoud(wb), formaat="xlsx", naam=naam)
    return response


@rol_vereist(SECRETARIAAT)
def regel_bewerken(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if pk:
        obj = get_scoped_or_404(
            AgendaRegel.objects.select_related("pijler__agenda"), request.user, pk=pk
        )
        agenda = obj.pijler.agenda
    else:
        agenda = _agenda(request)
        if agenda is None:
            raise Http404
        obj = AgendaRegel(regio=agenda.regio)
    form = AgendaRegelForm(request.POST or None, instance=obj, agenda=agenda, user=request.user)
    titel = _("Regel van de doe-agenda wijzigen") if pk else _("Regel toevoegen aan de doe-agenda")
    if request.method == "POST":
        if form.is_valid():
            try:
                services.agendaregel_opslaan(regel=form.instance, door=request.user)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return redirect("rba:regel", pk=form.instance.pk)
        return _formulier(request, form, titel=titel, terug="rba:monitoring", status=400)
    return _formulier(request, form, titel=titel, terug="rba:monitoring")


@login_required
def regel(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_scoped_or_404(
        AgendaRegel.objects.select_related("pijler__agenda", "onderwerp"), request.user, pk=pk
    )
    kan_schrijven = selectors.is_secretariaat(request.user)
    form = (
        VoortgangForm(request.POST or None, initial={"datum": timezone.localdate()})
        if kan_schrijven
        else None
    )
    status = 200
    if request.method == "POST":
        if not kan_schrijven:
            raise Http404
        if form.is_valid():
            try:
                services.voortgang_rapporteren(regel=obj, door=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("De voortgang is vastgelegd."))
                return redirect("rba:regel", pk=obj.pk)
        status = 400
    context = {
        "regel": obj,
        "form": form,
        "rapportages": obj.voortgangsrapportages.select_related("door"),
        "kan_schrijven": kan_schrijven,
    }
    return render(request, "rba/regel.html", context, status=status)
