"""The privacy officer's view of the logboek dataverwerkingen: filters, rows and exports.

Always read through `AuditEvent.objects.voor(user)` (the tenancy mechanism), so another
regio's events never show, in the page or in an export."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .doelen import doel_naam
from .forms import DatumInput
from .models import AuditEvent, Medewerker
from .personen import PersoonsBron, bronnen, is_nummer, over, waarde
from .validators import enkele_regel_validator

MAX_PERIODE_DAGEN = 3 * 366
MAX_EXPORT_REGELS = 50_000


class LogboekFilterForm(forms.Form):
    betrokkene = forms.CharField(
        label=_("Betrokkene (dossier)"),
        required=False,
        max_length=80,
        help_text=_("Soort en nummer van het dossier, bijvoorbeeld wsp.kandidaat:12."),
        validators=[enkele_regel_validator],
    )
    gebruiker = forms.ModelChoiceField(
        label=_("Medewerker"),
        queryset=Medewerker.objects.none(),
        required=False,
        empty_label=_("Alle medewerkers"),
    )
    van = forms.DateField(label=_("Van"), required=False, widget=DatumInput())
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DatumInput())
    actie = forms.ChoiceField(
        label=_("Soort gebeurtenis"),
        choices=[("", _("Alle soorten")), *AuditEvent.Actie.choices],
        required=False,
    )
    zoek = forms.CharField(
        label=_("Zoeken"),
        required=False,
        max_length=100,
        help_text=_("In gebeurtenis en doel."),
        validators=[enkele_regel_validator],
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gebruiker"].queryset = Medewerker.objects.voor(user).order_by(
            "last_name", "first_name", "pk"
        )

    def clean_betrokkene(self) -> tuple[PersoonsBron, int] | None:
        waarde_ = self.cleaned_data["betrokkene"].strip()
        if not waarde_:
            return None
        code, _sep, pk = waarde_.partition(":")
        bron = {b.code: b for b in bronnen()}.get(code)
        if bron is None or not is_nummer(pk):
            raise forms.ValidationError(
                _("Gebruik de vorm soort:nummer, bijvoorbeeld wsp.kandidaat:12.")
            )
        return bron, int(pk)

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        vandaag = timezone.localdate()
        if van and van > vandaag:
            self.add_error("van", _("De begindatum ligt in de toekomst."))
        if van and tot and van > tot:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        elif van and tot and (tot - van).days > MAX_PERIODE_DAGEN:
            self.add_error("tot", _("Kies een periode van hoogstens drie jaar."))
        return data


def _begin_van_dag(dag) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time.min))


def logboek_voor(*, user: Medewerker, form: LogboekFilterForm) -> QuerySet[AuditEvent]:
    """The events `user` may see, narrowed by a valid `form` (an invalid one shows nothing:
    a mistyped period must not silently widen into 'everything')."""
    qs = (
        AuditEvent.objects.voor(user)
        .select_related("gebruiker", "content_type")
        .order_by("-tijdstip", "-pk")
    )
    if not form.is_bound:
        return qs
    if not form.is_valid():
        return qs.none()
    data = form.cleaned_data
    if betrokkene := data.get("betrokkene"):
        qs = qs.filter(over(*betrokkene))  # the record's own events and the lists naming it
    if data.get("gebruiker"):
        qs = qs.filter(gebruiker=data["gebruiker"])
    if data.get("van"):
        qs = qs.filter(tijdstip__gte=_begin_van_dag(data["van"]))
    if data.get("tot"):
        qs = qs.filter(tijdstip__lt=_begin_van_dag(data["tot"] + timedelta(days=1)))
    if data.get("actie"):
        qs = qs.filter(actie=data["actie"])
    if zoek := data.get("zoek", "").strip():
        qs = qs.filter(Q(event__icontains=zoek) | Q(doel__icontains=zoek))
    return qs


# Readable names of the events the logboek holds most; any other is read from its code
# ("wsp_plaatsing_geregistreerd" -> "WSP: plaatsing geregistreerd").
EVENTS = {
    "persoonsgegevens_ingezien": _("Persoonsgegevens ingezien"),
    "persoonsgegevens_aangemaakt": _("Persoonsgegevens vastgelegd"),
    "persoonsgegevens_gewijzigd": _("Persoonsgegevens gewijzigd"),
    "persoonsgegevens_verwijderd": _("Persoonsgegevens verwijderd"),
    "persoonsgegevens_geexporteerd": _("Persoonsgegevens geëxporteerd"),
    "persoonsgegevens_bewaartermijn_verstreken": _("Bewaartermijn verstreken, gegevens gewist"),
    "personen_ingezien": _("Lijst met personen ingezien"),
    "medewerker_gewijzigd": _("Medewerker gewijzigd"),
    "ingelogd": _("Ingelogd"),
    "inlog_geblokkeerd": _("Inloggen geblokkeerd"),
    "logboek_geexporteerd": _("Logboek geëxporteerd"),
    "privacy_persoon_gezocht": _("Persoon gezocht (inzage- of verwijderverzoek)"),
    "inzageverzoek_geexporteerd": _("Inzageverzoek gedownload"),
    "verwijderverzoek_uitgevoerd": _("Verwijderverzoek uitgevoerd"),
}
APPS = {
    "wsp": "WSP",
    "rba": "RBA",
    "loket": _("Loket"),
    "financien": _("Financiën"),
    "beheer": _("Beheer"),
    "privacy": _("Privacy"),
}


def event_naam(code: str) -> str:
    """A readable name for an event code."""
    if code in EVENTS:
        return str(EVENTS[code])
    app, _sep, rest = code.partition("_")
    if app in APPS and rest:
        return f"{APPS[app]}: {rest.replace('_', ' ')}"
    tekst = code.replace("_", " ")
    return tekst[:1].upper() + tekst[1:]


def dossier_naam(event: AuditEvent) -> str:
    """The record an event is about, by kind and number ("Kandidaat #12"); "" for none."""
    if event.content_type is None:
        return ""
    model = event.content_type.model_class()
    soort = str(model._meta.verbose_name) if model else event.content_type.model
    return f"{soort[:1].upper()}{soort[1:]} #{event.object_id}"


def medewerker_naam(event: AuditEvent) -> str:
    if event.gebruiker is None:
        return ""
    return event.gebruiker.get_full_name() or event.gebruiker.email


def leesbaar(events) -> None:
    """Give each event the readable texts the logboek tables show (no queries: the caller
    selected the user and content type)."""
    codes = {b.code for b in bronnen()}
    for event in events:
        event.doel_naam = doel_naam(event.doel)
        event.event_naam = event_naam(event.event)
        event.dossier_naam = dossier_naam(event)
        event.medewerker_naam = medewerker_naam(event)
        ct = event.content_type
        sleutel = f"{ct.app_label}.{ct.model}:{event.object_id}" if ct else ""
        event.betrokkene = sleutel if sleutel.partition(":")[0] in codes else ""


KOLOMMEN = [
    _("Tijdstip"),
    _("Medewerker"),
    _("Actie"),
    _("Gebeurtenis"),
    _("Soort dossier"),
    _("Dossiernummer"),
    _("Doel"),
    _("Details"),
    # The same in words, for a reader rather than a filter (the page shows these).
    _("Naam medewerker"),
    _("Omschrijving"),
    _("Dossier"),
]


def rij(event: AuditEvent, details: dict | None = None) -> list:
    """One event as export cells; the user is named by e-mail address (staff, not betrokkene).
    `details`: what to show instead of the event's own (the inzage shows less)."""
    import json

    details = event.details if details is None else details

    return [
        waarde(event.tijdstip),
        event.gebruiker.email if event.gebruiker else "",
        event.get_actie_display(),
        event.event,
        f"{event.content_type.app_label}.{event.content_type.model}" if event.content_type else "",
        event.object_id,
        doel_naam(event.doel),
        json.dumps(details, ensure_ascii=False, sort_keys=True) if details else "",
        medewerker_naam(event),
        event_naam(event.event),
        dossier_naam(event),
    ]
