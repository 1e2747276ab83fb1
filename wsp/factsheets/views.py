"""Factsheet pages: list and making (wsp_manager), the frozen page and PDF, the text sections,
publishing, and the live dashboard with CSV/XLSX export. Views are thin."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from werkcentrum.bestanden import tabel_export
from werkcentrum.decorators import rol_vereist
from werkcentrum.forms import DatumInput, add_service_errors
from werkcentrum.models import Gemeente
from werkcentrum.tenancy import get_scoped_or_404
from werkcentrum.validators import enkele_regel_validator

from ..factsheet_models import Factsheet, FactsheetLink
from ..models import Cluster
from ..regiolijsten import doelgroep_namen
from . import charts, links, pdf, selectors, services
from .selectors import Periode

LEZERS = ("wsp_manager", "coordinator", "rba_lid", "wsp_adviseur", "rba_secretariaat", "beheerder")
DASHBOARD = ("wsp_manager", "coordinator", "rba_lid", "beheerder")
KOLOMMEN = [
    ("naam", gettext_lazy("Onderdeel")),
    ("waarde", gettext_lazy("Dit halfjaar")),
    ("vorig_halfjaar", gettext_lazy("Halfjaar ervoor")),
    ("vorig_jaar", gettext_lazy("Jaar ervoor")),
    ("doel", gettext_lazy("Doelstelling jaar")),
    ("procent_doel", gettext_lazy("Van doel (%)")),
]


def _periodes(vandaag: date, aantal: int = 8) -> list[tuple[str, str]]:
    p = Periode.van_datum(vandaag)
    keuzes = []
    for _i in range(aantal):
        keuzes.append((str(p), str(p)))
        p = p.vorige
    return keuzes


def _regio(request: HttpRequest):
    regio = request.user.regio
    if regio is None:  # superuser: the regio must come from the URL-less context
        from werkcentrum.models import Arbeidsmarktregio

        regio = Arbeidsmarktregio.objects.order_by("pk").first()
    if regio is None:
        raise Http404
    return regio


ONBEKENDE_GEMEENTE = {"invalid_choice": gettext_lazy("Onbekende gemeente in deze regio.")}


class PeriodeField(forms.ChoiceField):
    """A select of recent half years that also takes any earlier one typed in the URL, and
    says why a value is refused (unknown format, in the future) instead of "invalid choice"."""

    def __init__(self, *args, **kwargs):
        self.vandaag: date | None = None
        super().__init__(*args, **kwargs)

    def validate(self, value) -> None:
        if value in self.empty_values:
            return super().validate(value)
        periode = Periode.uit_tekst(value)
        selectors.valideer_periode(periode, vandaag=self.vandaag or timezone.localdate())


class DashboardForm(forms.Form):
    periode = PeriodeField(label=gettext_lazy("Periode"), required=False)
    gemeente = forms.ModelChoiceField(
        label=gettext_lazy("Gemeente"),
        queryset=Gemeente.objects.none(),
        required=False,
        empty_label=gettext_lazy("Hele regio"),
        error_messages=ONBEKENDE_GEMEENTE,
    )
    doelgroep = forms.ChoiceField(
        label=gettext_lazy("Doelgroep"),
        required=False,
    )
    cluster = forms.ChoiceField(label=gettext_lazy("Cluster"), required=False)
    van = forms.DateField(
        label=gettext_lazy("Of eigen periode: van"),
        required=False,
        widget=DatumInput(),
    )
    tot = forms.DateField(
        label=gettext_lazy("Tot en met"),
        required=False,
        widget=DatumInput(),
    )

    def __init__(self, *args, regio, vandaag: date, **kwargs):
        self.vandaag = vandaag
        super().__init__(*args, **kwargs)
        self.fields["periode"].choices = _periodes(vandaag)
        self.fields["periode"].vandaag = vandaag
        self.fields["gemeente"].queryset = Gemeente.objects.filter(regio=regio).order_by("naam")
        self.fields["doelgroep"].choices = [
            ("", _("Alle doelgroepen")),
            *doelgroep_namen(regio).items(),
        ]
        self.fields["cluster"].choices = [
            ("", _("Alle clusters")),
            # The national clusters and the regio's own; hidden ones too: a factsheet looks
            # back at plaatsingen that may have one.
            *Cluster.objects.in_regio(regio)
            .order_by("volgorde", "naam")
            .values_list("code", "naam"),
        ]

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        try:
            if van and tot:
                selectors.valideer_bereik(van, tot)
            if van and van > self.vandaag:
                raise ValidationError(_("De begindatum ligt in de toekomst."))
        except ValidationError as fout:
            self.add_error("tot" if van and tot and tot < van else "van", fout)
        return data


class MakenForm(forms.Form):
    periode = forms.CharField(
        label=gettext_lazy("Periode"),
        max_length=7,
        help_text=gettext_lazy("Bijv. 2025-H1."),
        validators=[enkele_regel_validator],
    )
    gemeente = forms.ModelChoiceField(
        label=gettext_lazy("Gemeente"),
        queryset=Gemeente.objects.none(),
        required=False,
        empty_label=gettext_lazy("Hele regio"),
        error_messages=ONBEKENDE_GEMEENTE,
    )

    def __init__(self, *args, regio, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.filter(regio=regio).order_by("naam")

    def clean_periode(self) -> Periode:
        return Periode.uit_tekst(self.cleaned_data["periode"].strip())


class TekstenForm(forms.ModelForm):
    class Meta:
        model = Factsheet
        fields = list(Factsheet.TEKSTVELDEN)
        widgets = {veld: forms.Textarea(attrs={"rows": 6}) for veld in Factsheet.TEKSTVELDEN}


def _met_grafieken(cijfers: dict) -> list[dict]:
    return [
        {
            **tabel,
            "svg": charts.staafdiagram(tabel),
            "heeft_doel": any("doel" in r for r in tabel["rijen"]),
        }
        for tabel in cijfers.get("tabellen", [])
    ]


@rol_vereist(*LEZERS)
def factsheets(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    lijst = selectors.factsheets_voor(user=request.user)[:200]
    form = MakenForm(regio=regio) if request.user.heeft_rol("wsp_manager") else None
    return render(request, "wsp/factsheet/lijst.html", {"factsheets": lijst, "form": form})


@require_POST
@rol_vereist("wsp_manager")
def factsheet_maken(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    form = MakenForm(request.POST, regio=regio)
    if form.is_valid():
        try:
            factsheet, _nieuw = services.factsheet_maken(
                regio=regio,
                periode=form.cleaned_data["periode"],
                gemeente=form.cleaned_data["gemeente"],
                user=request.user,
            )
        except ValidationError as fout:
            form.add_error("periode", fout)
        else:
            messages.success(request, _("Versie %(v)s is gemaakt.") % {"v": factsheet.versie})
            return redirect(factsheet.get_absolute_url())
    lijst = selectors.factsheets_voor(user=request.user)[:200]
    return render(
        request, "wsp/factsheet/lijst.html", {"factsheets": lijst, "form": form}, status=400
    )


def _kies_versie(request: HttpRequest, periode: str, gemeente: str | None) -> Factsheet:
    regio = _regio(request)
    qs = selectors.factsheets_voor(user=request.user).filter(regio=regio, periode=periode)
    if gemeente:
        try:
            g = selectors.gemeente_in_regio(regio, gemeente)
        except ValidationError as fout:
            raise Http404(fout.messages[0]) from fout
        qs = qs.filter(gemeente=g)
    else:
        qs = qs.filter(gemeente__isnull=True)
    versie = request.GET.get("versie", "")
    if versie.isdigit():
        qs = qs.filter(versie=int(versie))
    else:
        gepubliceerd = qs.filter(gepubliceerd=True)
        qs = gepubliceerd if gepubliceerd.exists() else qs
    factsheet = qs.order_by("-versie").first()
    if factsheet is None:
        raise Http404(_("Geen factsheet voor deze periode."))
    return factsheet


def inhoud(factsheet: Factsheet) -> dict:
    """What every rendering of one version shows (staff page, token page, PDF): the frozen
    figures with their charts and the text sections."""
    return {
        "factsheet": factsheet,
        "cijfers": factsheet.cijfers,
        "tabellen": _met_grafieken(factsheet.cijfers),
        "teksten": [
            (Factsheet._meta.get_field(v).verbose_name, getattr(factsheet, v))
            for v in Factsheet.TEKSTVELDEN
        ],
    }


def _context(factsheet: Factsheet, request: HttpRequest | None = None) -> dict:
    versies = Factsheet.objects.filter(
        regio=factsheet.regio_id, periode=factsheet.periode, gemeente=factsheet.gemeente_id
    ).order_by("-versie")
    if request is not None and not request.user.heeft_rol("wsp_manager"):
        versies = versies.filter(gepubliceerd=True)
    return {
        **inhoud(factsheet),
        "versies": list(versies.values("versie", "gemaakt_op", "gepubliceerd")),
    }


@rol_vereist(*LEZERS)
def factsheet(request: HttpRequest, periode: str, gemeente: str | None = None) -> HttpResponse:
    fs = _kies_versie(request, periode, gemeente)
    context = _context(fs, request)
    if request.user.heeft_rol("wsp_manager"):
        context["links"] = list(links.links_van(factsheet=fs))
    return render(request, "wsp/factsheet/factsheet.html", context)


@rol_vereist(*LEZERS)
def factsheet_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    fs = get_scoped_or_404(selectors.factsheets_voor(user=request.user), request.user, pk=pk)
    inhoud = pdf.factsheet_pdf(_context(fs))
    response = HttpResponse(inhoud, content_type="application/pdf")
    naam = f"factsheet-{fs.periode}-{fs.gemeente.cbs_code if fs.gemeente_id else 'regio'}"
    response["Content-Disposition"] = f'attachment; filename="{naam}-v{fs.versie}.pdf"'
    return response


@rol_vereist("wsp_manager")
def factsheet_teksten(request: HttpRequest, pk: int) -> HttpResponse:
    fs = get_scoped_or_404(Factsheet.objects.select_related("gemeente"), request.user, pk=pk)
    form = TekstenForm(request.POST or None, instance=fs)
    if request.method == "POST" and form.is_valid():
        try:
            services.teksten_opslaan(factsheet=fs, user=request.user, **form.cleaned_data)
        except ValidationError as fout:
            add_service_errors(form, fout)
        else:
            messages.success(request, _("De teksten zijn opgeslagen."))
            return redirect(fs.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "wsp/factsheet/teksten.html",
        {**_context(fs, request), "form": form},
        status=status,
    )


@require_POST
@rol_vereist("wsp_manager")
def factsheet_publiceren(request: HttpRequest, pk: int) -> HttpResponse:
    fs = get_scoped_or_404(Factsheet.objects.all(), request.user, pk=pk)
    services.publiceren(factsheet=fs, user=request.user)
    messages.success(request, _("De factsheet is gepubliceerd en de ontvangers krijgen een link."))
    return redirect(fs.get_absolute_url())


@require_POST
@rol_vereist("wsp_manager")
def factsheet_link_intrekken(request: HttpRequest, pk: int) -> HttpResponse:
    link = get_scoped_or_404(
        FactsheetLink.objects.select_related("factsheet__gemeente", "ontvanger"),
        request.user,
        pk=pk,
    )
    if links.link_intrekken(link=link, door=request.user):
        messages.success(
            request, _("De link van %(naam)s is ingetrokken.") % {"naam": link.ontvanger.naam}
        )
    return redirect(link.factsheet.get_absolute_url())


def _dashboard_cijfers(request: HttpRequest):
    regio = _regio(request)
    vandaag = timezone.localdate()
    form = DashboardForm(request.GET or None, regio=regio, vandaag=vandaag)
    data = form.cleaned_data if form.is_valid() else {}
    periode = Periode.uit_tekst(data.get("periode") or str(Periode.van_datum(vandaag)))
    cijfers = selectors.factsheet_cijfers(
        regio=regio,
        periode=periode,
        gemeente=data.get("gemeente"),
        doelgroep=data.get("doelgroep") or "",
        cluster=data.get("cluster") or "",
        vandaag=vandaag,
        van=data.get("van"),
        tot=data.get("tot"),
    )
    return form, cijfers


@rol_vereist(*DASHBOARD)
def dashboard(request: HttpRequest) -> HttpResponse:
    form, cijfers = _dashboard_cijfers(request)
    return render(
        request,
        "wsp/factsheet/dashboard.html",
        {
            "form": form,
            "cijfers": cijfers,
            "tabellen": _met_grafieken(cijfers),
            "query": request.GET.urlencode(),
        },
        status=200 if form.is_bound is False or form.is_valid() else 400,
    )


@rol_vereist(*DASHBOARD)
def dashboard_export(request: HttpRequest, tabel: str, formaat: str) -> HttpResponse:
    if formaat not in ("csv", "xlsx"):
        raise Http404
    _form, cijfers = _dashboard_cijfers(request)
    per_bron = tabel.endswith(PER_BRON)
    code = tabel.removesuffix(PER_BRON)
    gevonden = next((t for t in cijfers["tabellen"] if t["code"] == code), None)
    if gevonden is None or (per_bron and "per_bron" not in gevonden):
        raise Http404
    if per_bron:  # the chain of handovers per source (issue 23)
        kop = [_("Bron"), *gevonden["per_bron"]["kolommen"]]
        rijen = [[r["naam"], *r["waarden"]] for r in gevonden["per_bron"]["rijen"]]
        naam = f"factsheet-{tabel}-{cijfers['periode']}"
        return tabel_export(kop, rijen, formaat=formaat, naam=naam, titel=code)
    velden = [(v, str(label)) for v, label in KOLOMMEN]
    if not any("doel" in r for r in gevonden["rijen"]):
        velden = velden[:4]
    kop = [label for _v, label in velden]
    rijen = [[r.get(v) for v, _l in velden] for r in gevonden["rijen"]]
    naam = f"factsheet-{tabel}-{cijfers['periode']}"
    if formaat == "xlsx":
        rijen = [[_cel(c) for c in rij] for rij in rijen]
    return tabel_export(kop, rijen, formaat=formaat, naam=naam, titel=tabel)


PER_BRON = "-per-bron"


def _cel(waarde):
    from decimal import Decimal, InvalidOperation

    if isinstance(waarde, str):
        try:
            return Decimal(waarde)
        except InvalidOperation:
            return waarde
    return waarde
