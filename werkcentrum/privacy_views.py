"""Pages of the functionaris gegevensbescherming: the logboek and the requests of a
betrokkene (inzage, verwijderen). Thin views over werkcentrum/logboek.py and personen.py."""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import audit, bestanden, logboek, personen
from .decorators import rol_vereist
from .forms import add_service_errors
from .lists import list_context
from .validators import enkele_regel_validator

PRIVACY = ("privacy_officer",)
PAGINA_GROOTTE = 50


def _bijlage(inhoud: bytes, formaat: str, naam: str) -> HttpResponse:
    return bestanden.bijlage(inhoud, formaat=formaat, naam=naam)


# --- Logboek ----------------------------------------------------------------------------------


@rol_vereist(*PRIVACY)
def logboek_lijst(request: HttpRequest) -> HttpResponse:
    form = logboek.LogboekFilterForm(request.GET or None, user=request.user)
    qs = logboek.logboek_voor(user=request.user, form=form)
    # The logboek's own form (it refuses a period too long or reversed, and then shows nothing).
    context = list_context(request, qs, page_size=PAGINA_GROOTTE)
    logboek.leesbaar(context["rows"])
    context.update(filter_form=form, query=request.GET.urlencode())
    return render(request, "werkcentrum/privacy/logboek.html", context, status=_status(form))


def _status(form) -> int:
    return 400 if form.is_bound and not form.is_valid() else 200


@rol_vereist(*PRIVACY)
def logboek_export(request: HttpRequest, formaat: str) -> HttpResponse:
    if formaat not in ("csv", "xlsx"):
        raise Http404
    form = logboek.LogboekFilterForm(request.GET or None, user=request.user)
    qs = logboek.logboek_voor(user=request.user, form=form)
    if form.is_bound and not form.is_valid():
        context = list_context(request, qs.none(), page_size=PAGINA_GROOTTE)
        context.update(filter_form=form, query=request.GET.urlencode())
        return render(request, "werkcentrum/privacy/logboek.html", context, status=400)
    rijen = [logboek.rij(e) for e in qs[: logboek.MAX_EXPORT_REGELS]]
    audit.logboek_geexporteerd(
        user=request.user,
        formaat=formaat,
        aantal=len(rijen),
        filters={k: v for k, v in request.GET.items() if k != "pagina"},
    )
    naam = f"logboek-{timezone.localdate():%Y%m%d}"
    if formaat == "csv":
        return _bijlage(bestanden.csv_bytes(logboek.KOLOMMEN, rijen), formaat, naam)
    bladen = {str(_("Logboek")): (logboek.KOLOMMEN, rijen)}
    return _bijlage(bestanden.xlsx_bytes(bladen), formaat, naam)


# --- Inzage- en verwijderverzoeken ----------------------------------------------------------


class ZoekForm(forms.Form):
    zoek = forms.CharField(
        label=gettext_lazy("Naam, e-mailadres, telefoonnummer of kandidaatnummer"),
        max_length=150,
        error_messages={"required": gettext_lazy("Vul in wie je zoekt.")},
        validators=[enkele_regel_validator],
    )

    def clean_zoek(self) -> str:
        # Short terms would match half the regio; a kandidaat number may be short.
        zoek = self.cleaned_data["zoek"].strip()
        if len(zoek) < 3 and not personen.is_nummer(zoek):
            raise forms.ValidationError(gettext_lazy("Vul minstens drie tekens in."))
        return zoek


class VerwijderForm(forms.Form):
    reden = forms.CharField(
        label=gettext_lazy("Reden van het verwijderverzoek"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Bijvoorbeeld: verzoek van de betrokkene per brief van 3 maart. Zonder "
            "persoonsgegevens: de reden komt in het logboek."
        ),
        error_messages={"required": gettext_lazy("Geef de reden van het verwijderverzoek.")},
    )
    personen_gecontroleerd = forms.BooleanField(
        label=gettext_lazy("Ik heb gecontroleerd dat al deze personen bij het verzoek horen"),
        error_messages={
            "required": gettext_lazy(
                "De dossiers zijn van meer dan één persoon: bevestig dat ze allemaal bij het "
                "verzoek horen, of ga terug en kies alleen de dossiers van de betrokkene."
            )
        },
    )

    def __init__(self, *args, aantal_personen: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # One person: the summary above the form is the confirmation. More than one (a
        # namesake among the hits): an explicit tick, so no one erases a stranger in passing.
        if aantal_personen < 2:
            del self.fields["personen_gecontroleerd"]


@rol_vereist(*PRIVACY)
def personen_zoeken(request: HttpRequest) -> HttpResponse:
    # POST, not GET: the search term is personal data and must not end up in access logs.
    form = ZoekForm(request.POST or None)
    records = None
    if form.is_valid():
        records = personen.zoeken(user=request.user, term=form.cleaned_data["zoek"])
    return render(
        request,
        "werkcentrum/privacy/personen.html",
        {
            "form": form,
            "records": records,
            "groepen": personen.per_persoon(records) if records else [],
        },
        status=_status(form),
    )


def _records(request: HttpRequest) -> list[personen.Record]:
    sleutels = request.GET.getlist("dossier") or request.POST.getlist("dossier")
    if not sleutels:
        raise ValidationError(_("Kies minstens één dossier."))
    return personen.records_voor(user=request.user, sleutels=sleutels)


def _fout(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    messages.error(request, " ".join(exc.messages))
    return render(
        request,
        "werkcentrum/privacy/personen.html",
        {"form": ZoekForm(), "records": None},
        status=400,
    )


@rol_vereist(*PRIVACY)
def inzage(request: HttpRequest) -> HttpResponse:
    try:
        records = _records(request)
    except ValidationError as exc:
        return _fout(request, exc)
    dossiers = personen.inzage(records, user=request.user)
    for d in dossiers:
        d["regels"] = _als_regels(d["gegevens"], scheiding="\n")
    trail = list(personen.audittrail(records, user=request.user)[:500])
    logboek.leesbaar(trail)
    context = {
        "dossiers": dossiers,
        "trail": trail,
        "query": request.GET.urlencode(),
        "records": records,
        "groepen": personen.per_persoon(records),
    }
    return render(request, "werkcentrum/privacy/inzage.html", context)


@rol_vereist(*PRIVACY)
def inzage_export(request: HttpRequest, formaat: str) -> HttpResponse:
    if formaat not in ("json", "xlsx"):
        raise Http404
    try:
        records = _records(request)
    except ValidationError as exc:
        return _fout(request, exc)
    dossiers = personen.inzage(records, user=request.user, geexporteerd=formaat)
    trail = [
        logboek.rij(e, personen.eigen_details(e, records))
        for e in personen.audittrail(records, user=request.user)
    ]
    naam = f"inzageverzoek-{timezone.localdate():%Y%m%d}"
    if formaat == "json":
        kop = [str(k) for k in logboek.KOLOMMEN]
        inhoud = {"dossiers": dossiers, "logboek": [dict(zip(kop, r, strict=True)) for r in trail]}
        tekst = json.dumps(inhoud, ensure_ascii=False, indent=2, default=str)
        return _bijlage(tekst.encode("utf-8"), formaat, naam)
    bladen = {
        f"{i + 1} {d['soort']}": ([_("Gegeven"), _("Waarde")], _als_regels(d["gegevens"]))
        for i, d in enumerate(dossiers)
    }
    bladen[str(_("Logboek"))] = (logboek.KOLOMMEN, trail)
    return _bijlage(bestanden.xlsx_bytes(bladen), formaat, naam)


def _als_regels(gegevens: dict, scheiding: str = "; ") -> list[list]:
    """Each field as [label, value]; yes/no in words; a list of values (skills) as one text,
    and a list of related records (plaatsingen, nazorg) as one text with a line per record."""
    return [[k, _als_tekst(v, scheiding)] for k, v in gegevens.items()]


def _als_tekst(v, scheiding: str):
    if isinstance(v, bool):
        return _leeg(v)
    if not isinstance(v, list):
        return v
    if v and all(isinstance(x, dict) for x in v):
        return "\n".join(
            ", ".join(f"{k}: {_leeg(w)}" for k, w in x.items() if w not in (None, "", []))
            for x in v
        )
    return scheiding.join(map(str, v))


def _leeg(w) -> str:
    if isinstance(w, bool):
        return _("ja") if w else _("nee")
    if isinstance(w, list):
        return ", ".join(map(str, w))
    return str(w)


@rol_vereist(*PRIVACY)
def verwijderen(request: HttpRequest) -> HttpResponse:
    try:
        records = _records(request)
    except ValidationError as exc:
        return _fout(request, exc)
    # The whole chain of the person is erased: show it before it happens.
    records = personen.met_keten(records, user=request.user)
    groepen = personen.per_persoon(records)
    form = VerwijderForm(request.POST or None, aantal_personen=len(groepen))
    if request.method == "POST" and form.is_valid():
        try:
            uitkomsten = personen.persoon_wissen(
                records=records, reden=form.cleaned_data["reden"], door=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _(
                    "Het verwijderverzoek is uitgevoerd: %(n)s dossier(s) verwijderd of "
                    "geanonimiseerd."
                )
                % {"n": len(uitkomsten)},
            )
            return redirect("privacy:personen")
    # The confirmation names the persons: a read for the verwijderverzoek, in the logboek.
    audit.personen_getoond(
        [r.obj for r in records],
        user=request.user,
        doel="verwijderverzoek",
        context="verwijderverzoek",
    )
    context = {"form": form, "records": records, "groepen": groepen}
    status = 400 if form.errors else 200
    return render(request, "werkcentrum/privacy/verwijderen.html", context, status=status)
