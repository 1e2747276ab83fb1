"""Scoped reads of the WSP; aggregates are computed in SQL."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, TruncDate, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.models import Doorverwijzing
from loket.selectors import mag_doorverwijzing_zien
from werkcentrum.models import Medewerker
from werkcentrum.tenancy import get_scoped_or_404

from .models import (
    Contactmoment,
    Kandidaat,
    NazorgMoment,
    Overdracht,
    Plaatsing,
    Vacature,
    Vestiging,
    Voordracht,
    Werkgever,
    Werkgeversverzoek,
)
from .models.instelling import belofte_uren
from .models.lijsten import doelgroep_naam_subquery
from .models.nazorg import NAZORG_TE_DOEN
from .models.vacatures import werklijst_volgorde


def werkgevers_voor(*, user: Medewerker) -> QuerySet[Werkgever]:
    """The werkgevers list (wsp.filters.WerkgeverFilter filters it)."""
    return (
        Werkgever.objects.voor(user)
        .select_related("sector__cluster", "accounthouder")
        .order_by("naam", "pk")
    )


def werkgever_detail(*, user: Medewerker, pk: int) -> Werkgever:
    """The account with what its page shows besides the `tijdlijn`; the accountteam is
    prefetched because both the page and the edit right read it."""
    qs = Werkgever.objects.select_related("sector__cluster", "accounthouder").prefetch_related(
        "accountteam",
        # One query for vestigingen with their gemeente instead of two.
        Prefetch("vestigingen", queryset=Vestiging.objects.select_related("gemeente")),
        "contactpersonen",
    )
    return get_scoped_or_404(qs, user, pk=pk)


# Kinds of timeline item, in the order they are listed within one day.
_CONTACT, _VACATURE, _PLAATSING, _VERZOEK, _DOORVERWIJZING = range(5)


def tijdlijn(werkgever: Werkgever, *, user: Medewerker | None = None) -> list[dict]:
    """Contactmomenten, vacatures, plaatsingen, verzoeken and the warme doorverwijzingen of
    its werknemers for one account, newest first (within a day in that order, newest first),
    in one UNION ALL query of only the columns the page shows. A plaatsing's row names its
    kandidaat; `kandidaat_id` says which, for the audit event of the page. A referral's row
    names no person (aanleiding, organisation and status only) and links to the referral
    for `user` when they may open it (loket.selectors.doorverwijzingen_wsp_voor)."""

    def rijen(
        qs: QuerySet,
        groep: int,
        datum,
        tekst,
        type_=None,
        afspraken=None,
        opvolg=None,
        persoon=None,
        door=None,
    ):
        return (
            qs.filter(werkgever=werkgever)
            .order_by()
            .annotate(
                groep=Value(groep),
                t_datum=datum,
                t_tekst=Cast(tekst, TextField()),
                t_type=Cast(type_ or Value(""), CharField()),
                t_afspraken=Cast(afspraken or Value(""), TextField()),
                t_opvolgdatum=opvolg or Value(None, output_field=DateField()),
                t_kandidaat=Cast(
                    persoon or Value(None, output_field=BigIntegerField()), BigIntegerField()
                ),
                t_door=Cast(door or Value(None, output_field=BigIntegerField()), BigIntegerField()),
            )
            .values_list(
                "groep",
                "pk",
                "t_datum",
                "t_tekst",
                "t_type",
                "t_afspraken",
                "t_opvolgdatum",
                "t_kandidaat",
                "t_door",
            )
        )

    contact = rijen(
        Contactmoment.objects,
        _CONTACT,
        F("datum"),
        F("samenvatting"),
        F("type"),
        F("afspraken"),
        F("opvolgdatum"),
    )
    vacatures = rijen(Vacature.objects, _VACATURE, TruncDate("aangemaakt_op"), F("functie"))
    naam = Concat("kandidaat__voornaam", Value(" "), "kandidaat__achternaam")
    plaatsingen = rijen(
        Plaatsing.objects, _PLAATSING, F("startdatum"), naam, persoon=F("kandidaat_id")
    )
    verzoeken = rijen(Werkgeversverzoek.objects, _VERZOEK, TruncDate("ontvangen_op"), F("vraag"))
    doorverwijzingen = rijen(
        Doorverwijzing.objects,
        _DOORVERWIJZING,
        TruncDate("verstuurd_op"),
        F("organisatie__naam"),
        F("status"),
        F("aanleiding"),
        door=F("verwezen_door_id"),
    )
    qs = contact.union(vacatures, plaatsingen, verzoeken, doorverwijzingen, all=True).order_by(
        "-t_datum", "groep", "-pk"
    )
    return [
        _tijdlijn_item(
            user, groep, pk, datum, tekst, type_, afspraken, opvolgdatum, kandidaat, door
        )
        for groep, pk, datum, tekst, type_, afspraken, opvolgdatum, kandidaat, door in qs
    ]


_SOORTEN = {
    _VACATURE: "Vacature",
    _PLAATSING: "Plaatsing",
    _VERZOEK: "Verzoek",
    _DOORVERWIJZING: "Doorverwijzing werknemer",
}
_URLS = {_VACATURE: "wsp:vacature", _PLAATSING: "wsp:plaatsing"}


def _tijdlijn_item(user, groep, pk, datum, tekst, type_, afspraken, opvolgdatum, kandidaat, door):
    url = reverse(_URLS[groep], args=[pk]) if groep in _URLS else None
    if groep == _DOORVERWIJZING:
        tekst = "{}: {} ({})".format(
            Doorverwijzing.Aanleiding(afspraken).label if afspraken else "",
            tekst,
            Doorverwijzing.Status(type_).label,
        )
        afspraken = ""
        if user is not None and mag_doorverwijzing_zien(user, verwezen_door_id=door):
            url = reverse("wsp:doorverwijzing", args=[pk])
    return {
        "datum": datum,
        "soort": dict(Contactmoment.Type.choices).get(type_, type_)
        if groep == _CONTACT
        else _SOORTEN[groep],
        "tekst": tekst,
        "url": url,
        "afspraken": afspraken,
        "opvolgdatum": opvolgdatum,
        "kandidaat_id": kandidaat,
    }


def vacatures_voor(*, user: Medewerker) -> QuerySet[Vacature]:
    """The staff list of vacatures, with the number of voordrachten per row
    (wsp.filters.VacatureFilter filters it)."""
    per_vacature = (
        Voordracht.objects.filter(vacature=OuterRef("pk"))
        .order_by()
        .values("vacature")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Vacature.objects.voor(user)
        .select_related("werkgever", "gemeente")
        # The list shows these; the omschrijving and the werkgever's details stay behind.
        .only("functie", "sluitingsdatum", "status", "werkgever__naam", "gemeente__naam")
        # A correlated count per row of the page, not a GROUP BY over every vacature.
        .annotate(aantal_voordrachten=Coalesce(Subquery(per_vacature), 0))
        .order_by(*werklijst_volgorde())
    )


def kandidaten_voor(*, user: Medewerker) -> QuerySet[Kandidaat]:
    """The kandidaten list (wsp.filters.KandidaatFilter filters it)."""
    return (
        Kandidaat.objects.voor(user)
        .select_related("woongemeente", "overgedragen_door")
        .annotate(doelgroep_naam=doelgroep_naam_subquery())
        .order_by("achternaam", "voornaam", "pk")
    )


def plaatsingen_voor(*, user: Medewerker) -> QuerySet[Plaatsing]:
    """The plaatsingen list, newest first, with `duurzaam` (wsp.filters.PlaatsingFilter)."""
    qs = (
        Plaatsing.objects.voor(user)
        .select_related("werkgever", "kandidaat")
        .annotate(doelgroep_naam=doelgroep_naam_subquery())
    )
    return met_duurzaam(qs).order_by("-startdatum", "-pk")


def mijn_opvolgingen(*, user: Medewerker) -> QuerySet[Contactmoment]:
    return (
        Contactmoment.objects.voor(user)
        .filter(medewerker=user, opvolgdatum__isnull=False, opvolging_afgerond=False)
        .select_related("werkgever")
        .order_by("opvolgdatum", "pk")
    )


def open_verzoeken(*, user: Medewerker) -> QuerySet[Werkgeversverzoek]:
    return (
        Werkgeversverzoek.objects.voor(user)
        .filter(eerste_reactie_op=None)
        .select_related("toegewezen_aan", "cluster", "werkgever")
        .order_by("ontvangen_op")
    )


def met_belofte(verzoeken, *, user: Medewerker) -> list[Werkgeversverzoek]:
    """The rows with the regio's promise set once (deadline and time left without a query
    per row)."""
    rijen = list(verzoeken)
    uren = belofte_uren(user.regio_id)
    for verzoek in rijen:
        verzoek.belofte_uren = uren
    return rijen


def verzoeken_per_maand(*, user: Medewerker, nu=None) -> list[dict]:
    """Per month: requests, answered within the promise (24 hours unless the regio promises
    otherwise) and the share, counted in SQL. Only decided requests count: answered, or past
    their deadline (then unanswered counts as missed); one still inside its time counts
    nowhere yet instead of as 0% (issue 22 point 6)."""
    belofte = timedelta(hours=belofte_uren(user.regio_id))
    nu = nu or timezone.now()
    qs = (
        Werkgeversverzoek.objects.voor(user)
        .filter(Q(eerste_reactie_op__isnull=False) | Q(ontvangen_op__lte=nu - belofte))
        .annotate(maand=TruncMonth("ontvangen_op"))
        .values("maand")
        .annotate(
            totaal=Count("pk"),
            binnen=Count("pk", filter=Q(reactietijd__lte=belofte)),
        )
        .annotate(aandeel=Cast(F("binnen"), FloatField()) * 100.0 / Cast(F("totaal"), FloatField()))
        .order_by("-maand")
    )
    return list(qs)


def nazorg_open(*, user: Medewerker) -> QuerySet[NazorgMoment]:
    return (
        NazorgMoment.objects.voor(user)
        .filter(NAZORG_TE_DOEN)
        .select_related("plaatsing__werkgever", "plaatsing__kandidaat")
        # Only what the overview shows: 50 rows of four wide models otherwise.
        .only(
            "plaatsing_id",
            "soort",
            "vervaldatum",
            "plaatsing__werkgever__naam",
            "plaatsing__kandidaat__voornaam",
            "plaatsing__kandidaat__achternaam",
        )
        .order_by("vervaldatum", "pk")
    )


def _duurzaam() -> Exists:
    """The 5-month nazorg confirmed the person still works there."""
    return Exists(
        NazorgMoment.objects.filter(
            plaatsing=OuterRef("pk"),
            soort=NazorgMoment.Soort.VIJF_MAANDEN,
            afgerond_op__isnull=False,
            nog_in_dienst=True,
        )
    )


def met_duurzaam(qs: QuerySet[Plaatsing]) -> QuerySet[Plaatsing]:
    """Annotate `duurzaam` (same rule as `Plaatsing.is_duurzaam`, in SQL)."""
    return qs.annotate(duurzaam=_duurzaam())


def openbare_vacatures(*, regio, vandaag: date | None = None) -> QuerySet[Vacature]:
    """The public vacaturekrant of `regio` (wsp.filters.VacaturekrantFilter filters it)."""
    qs = (
        Vacature.objects.in_regio(regio)
        .filter(is_openbaar=True, status=Vacature.Status.OPEN)
        .select_related("werkgever", "gemeente", "sector__cluster")
        .prefetch_related("skills")
    )
    if vandaag:
        qs = qs.filter(sluitingsdatum__gte=vandaag)
    return qs.order_by("sluitingsdatum", "pk")


class Ketenstatus:
    """What became of a handover, as the one who offered it sees it (no WSP-internal notes)."""

    AANGEBODEN = "aangeboden"
    IN_BEMIDDELING = "in_bemiddeling"
    VOORGEDRAGEN = "voorgedragen"
    GEPLAATST = "geplaatst"
    TERUGGEGEVEN = "teruggegeven"
    INGETROKKEN = "ingetrokken"

    LABELS = {
        AANGEBODEN: _("Aangeboden"),
        IN_BEMIDDELING: _("In bemiddeling"),
        VOORGEDRAGEN: _("Voorgedragen"),
        GEPLAATST: _("Geplaatst"),
        TERUGGEGEVEN: _("Teruggegeven"),
        INGETROKKEN: _("Toestemming ingetrokken"),
    }
    choices = list(LABELS.items())


def met_ketenstatus(qs: QuerySet[Overdracht]) -> QuerySet[Overdracht]:
    """Annotate `ketenstatus` in SQL: an accepted handover is 'geplaatst' once its kandidaat
    has a plaatsing, 'voorgedragen' once proposed for a vacature, else 'in bemiddeling'."""
    geplaatst = Exists(Plaatsing.objects.filter(kandidaat=OuterRef("kandidaat")))
    voorgedragen = Exists(Voordracht.objects.filter(kandidaat=OuterRef("kandidaat")))
    return qs.annotate(
        ketenstatus=Case(
            When(status=Overdracht.Status.AANGEBODEN, then=Value(Ketenstatus.AANGEBODEN)),
            When(status=Overdracht.Status.TERUGGEGEVEN, then=Value(Ketenstatus.TERUGGEGEVEN)),
            When(status=Overdracht.Status.INGETROKKEN, then=Value(Ketenstatus.INGETROKKEN)),
            When(geplaatst, then=Value(Ketenstatus.GEPLAATST)),
            When(voorgedragen, then=Value(Ketenstatus.VOORGEDRAGEN)),
            default=Value(Ketenstatus.IN_BEMIDDELING),
            output_field=CharField(),
        )
    )


def overdrachten_voor(*, user: Medewerker) -> QuerySet[Overdracht]:
    """Who sees which handovers: the WSP all of its regio; the coordinator the Werkcentrum's;
    a gids the ones they offered; a partner only their own organisation's (never another's)."""
    qs = Overdracht.objects.voor(user).select_related(
        "woongemeente", "organisatie", "aangeboden_door", "vacature"
    )
    if user.is_superuser or user.heeft_rol("wsp_adviseur", "wsp_manager"):
        pass
    elif user.heeft_rol("coordinator"):
        qs = qs.filter(Q(bron=Overdracht.Bron.WERKCENTRUM) | Q(aangeboden_door=user))
    elif user.heeft_rol("gids"):
        qs = qs.filter(aangeboden_door=user)
    elif user.heeft_rol("partnermedewerker") and user.organisatie_id:
        qs = qs.filter(organisatie_id=user.organisatie_id)
    else:
        qs = qs.none()
    return met_ketenstatus(qs).order_by("-aangeboden_op", "-pk")
