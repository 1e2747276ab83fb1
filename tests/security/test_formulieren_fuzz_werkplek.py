"""Bad input on the staff forms (hypothesis): the gidsen-intake (gesprek), a vacature and the
financien mutaties (storting, verplichting, realisatie). Every POST ends in either a saved
valid object (redirect, exactly the rows the rule adds, including its audit events) or a form
error (400, the input kept, no row and no audit event anywhere); never a 500."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import event, given
from hypothesis import strategies as st

from .test_formulieren_fuzz import BEDRAG, DATUM, HYPOTHESE, KEUZE, TEKST, VINKJE

# Everything a form here could write, directly or through a service.
MODELLEN = [
    "loket.Gesprek",
    "loket.Gesprek_themas",
    "loket.Bezoekcode",
    "wsp.Vacature",
    "wsp.Vacature_skills",
    "wsp.Skill",
    "financien.Mutatie",
    "werkcentrum.AuditEvent",
]


def _tellingen() -> dict[str, int]:
    uit = {}
    for naam in MODELLEN:
        app, model = naam.split(".")
        if "_" in model:  # an m2m through table
            hoofd, veld = model.split("_", 1)
            tabel = getattr(apps.get_model(app, hoofd), veld).through
        else:
            tabel = apps.get_model(app, model)
        uit[naam] = tabel.objects.count()
    return uit


def _verschil(voor: dict[str, int], na: dict[str, int]) -> dict[str, int]:
    return {k: na[k] - voor[k] for k in voor if na[k] != voor[k]}


def _medewerker(regio, rol: str):
    """One user per role for all examples (they share the test's transaction)."""
    from tests.factories import MedewerkerFactory
    from werkcentrum.models import Medewerker

    email = f"fuzz.{rol}@test.werkcentrum.nl"
    return Medewerker.objects.filter(email=email).first() or MedewerkerFactory(
        regio=regio, rollen=[rol], email=email
    )


def _client(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


def _invoer_bewaard(response, waarde: str) -> None:
    """On a form error the typed text is shown again (escaped), so nothing has to be retyped."""
    if waarde.strip():
        assert escape(waarde) in response.content.decode(), "input kept"


def _fout_of_opgeslagen(response, voor, na, *, bij_succes: dict[str, int]) -> None:
    event(f"HTTP {response.status_code}")  # --hypothesis-show-statistics: both paths run
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 302:
        assert _verschil(voor, na) == bij_succes
    else:
        assert _verschil(voor, na) == {}, "a form error must save nothing"
        assert response.context["form"].errors, "a 400 names what is wrong"


# --- gesprek (loket, gidsen-intake) --------------------------------------------------------

THEMAS = st.lists(KEUZE, max_size=3)


@pytest.mark.django_db
@HYPOTHESE
@given(
    geldig=st.booleans(),
    kanaal=st.one_of(st.sampled_from(["inloop", "telefoon", "online"]), TEKST),
    locatie=KEUZE,
    doelgroep=KEUZE,
    themas=THEMAS,
    leeftijd=KEUZE,
    woongemeente=KEUZE,
    uitkomst=KEUZE,
    notitie=TEKST,
    bezoekcode=st.one_of(st.just(""), TEKST),
    nieuwe_bezoekcode=VINKJE,
)
def test_gespreksformulier(
    regio_a,
    settings,
    geldig,
    kanaal,
    locatie,
    doelgroep,
    themas,
    leeftijd,
    woongemeente,
    uitkomst,
    notitie,
    bezoekcode,
    nieuwe_bezoekcode,
):
    from loket.models import Doelgroep, Gesprek, Thema

    settings.WERKCENTRUM_MFA_VERPLICHT = False
    gids = _medewerker(regio_a, "gids")
    if geldig:
        # A valid base with the fuzzed note, so the saving path is exercised as well.
        kanaal, locatie, woongemeente, bezoekcode = "telefoon", "", "", ""
        doelgroep = str(Doelgroep.objects.order_by("pk").first().pk)
        themas = [str(Thema.objects.order_by("pk").first().pk)]
        leeftijd, uitkomst = Gesprek.Leeftijd.ONBEKEND, Gesprek.Uitkomst.values[0]
    data = {
        "kanaal": kanaal,
        "locatie": locatie,
        "doelgroep": doelgroep,
        "themas": themas,
        "leeftijdscategorie": leeftijd,
        "woongemeente": woongemeente,
        "uitkomst": uitkomst,
        "notitie": notitie,
        "bezoekcode": bezoekcode,
        "nieuwe_bezoekcode": nieuwe_bezoekcode,
    }
    client = _client(gids)  # logging in writes an audit event of its own
    voor = _tellingen()
    response = client.post(reverse("loket:gesprek_nieuw"), data)
    na = _tellingen()
    if response.status_code == 302:
        gesprek = Gesprek.objects.latest("pk")
        gesprek.full_clean()
        nieuw = {"loket.Gesprek": 1, "loket.Gesprek_themas": gesprek.themas.count()}
        if gesprek.bezoekcode_id and not bezoekcode:
            nieuw["loket.Bezoekcode"] = 1
        _fout_of_opgeslagen(response, voor, na, bij_succes=nieuw)
    else:
        _fout_of_opgeslagen(response, voor, na, bij_succes={})
        _invoer_bewaard(response, notitie)


# --- vacature (wsp) ------------------------------------------------------------------------


@pytest.mark.django_db
@HYPOTHESE
@given(
    geldig=st.booleans(),
    functie=TEKST,
    omschrijving=TEKST,
    uren=st.one_of(st.integers(-100, 200).map(str), KEUZE),
    gemeente=KEUZE,
    sector=KEUZE,
    opleidingsniveau=KEUZE,
    skills=THEMAS,
    nieuwe_skills=TEKST,
    startdatum=DATUM,
    sluitingsdatum=DATUM,
    status=st.one_of(st.sampled_from(["open", "vervuld", "ingetrokken"]), TEKST),
    doelgroepen=THEMAS,
    vacaturecreatie=VINKJE,
    openbaar=VINKJE,
    beroepscode=TEKST,
)
def test_vacatureformulier(
    regio_a,
    settings,
    geldig,
    functie,
    omschrijving,
    uren,
    gemeente,
    sector,
    opleidingsniveau,
    skills,
    nieuwe_skills,
    startdatum,
    sluitingsdatum,
    status,
    doelgroepen,
    vacaturecreatie,
    openbaar,
    beroepscode,
):
    from tests.factories import GemeenteFactory
    from tests.wsp.factories import WerkgeverFactory
    from wsp.models import Sector, Vacature, Werkgever

    settings.WERKCENTRUM_MFA_VERPLICHT = False
    adviseur = _medewerker(regio_a, "wsp_adviseur")
    werkgever = Werkgever.objects.filter(accounthouder=adviseur).first() or WerkgeverFactory(
        regio=regio_a, accounthouder=adviseur
    )
    if geldig:
        gemeente = str(GemeenteFactory(regio=regio_a).pk)
        sector = str(Sector.objects.order_by("pk").first().pk)
        functie, omschrijving = f"Functie {functie[:150]}", f"Omschrijving {omschrijving}"
        uren, opleidingsniveau, status = "24", Vacature.opleidingsniveau.field.choices[0][0], "open"
        startdatum, sluitingsdatum = "2026-03-02", "2026-04-30"
        skills, doelgroepen, beroepscode = [], [], ""
    data = {
        "functie": functie,
        "omschrijving": omschrijving,
        "uren_per_week": uren,
        "gemeente": gemeente,
        "sector": sector,
        "opleidingsniveau": opleidingsniveau,
        "skills": skills,
        "nieuwe_skills": nieuwe_skills,
        "startdatum": startdatum,
        "sluitingsdatum": sluitingsdatum,
        "status": status,
        "doelgroepen": doelgroepen,
        "is_vacaturecreatie": vacaturecreatie,
        "is_openbaar": openbaar,
        "beroepscode": beroepscode,
    }
    client = _client(adviseur)  # logging in writes an audit event of its own
    voor = _tellingen()
    response = client.post(reverse("wsp:vacature_nieuw", args=[werkgever.pk]), data)
    na = _tellingen()
    if response.status_code == 302:
        vacature = Vacature.objects.latest("pk")
        vacature.full_clean()
        nieuw = {"wsp.Vacature": 1}
        if vacature.skills.exists():
            nieuw["wsp.Vacature_skills"] = vacature.skills.count()
        if na["wsp.Skill"] != voor["wsp.Skill"]:
            nieuw["wsp.Skill"] = na["wsp.Skill"] - voor["wsp.Skill"]
            assert 0 < nieuw["wsp.Skill"] <= nieuwe_skills.count(",") + 1
        _fout_of_opgeslagen(response, voor, na, bij_succes=nieuw)
    else:
        _fout_of_opgeslagen(response, voor, na, bij_succes={})
        _invoer_bewaard(response, functie)


# --- mutaties (financien) ------------------------------------------------------------------


def _grootboek(regio):
    """A fund with money, a genomen besluit, a budget line and one verplichting to realise."""
    from datetime import date
    from decimal import Decimal

    from financien import services
    from financien.models import Mutatie
    from tests.financien.factories import (
        BegrotingspostFactory,
        BesluitFactory,
        GeldstroomFactory,
    )

    beheerder = _medewerker(regio, "financieel_beheerder")
    bestaand = Mutatie.objects.filter(regio=regio, soort=Mutatie.Soort.VERPLICHTING).first()
    if bestaand:
        return beheerder, bestaand
    fonds = GeldstroomFactory(regio=regio)
    besluit = BesluitFactory(regio=regio, bedrag="50000.00")
    post = BegrotingspostFactory(regio=regio)
    dag = date(2026, 3, 2)
    services.storting_boeken(
        geldstroom=fonds,
        datum=dag,
        bedrag=Decimal("100000"),
        omschrijving="Rijksbijdrage",
        door=beheerder,
    )
    verplichting = services.verplichting_boeken(
        geldstroom=fonds,
        besluit=besluit,
        begrotingspost=post,
        datum=dag,
        bedrag=Decimal("20000"),
        omschrijving="Opdracht",
        door=beheerder,
    )
    return beheerder, verplichting


@pytest.mark.django_db
@HYPOTHESE
@given(
    soort=st.sampled_from(["storting", "verplichting", "realisatie"]),
    geldig=st.booleans(),
    geldstroom=KEUZE,
    besluit=KEUZE,
    begrotingspost=KEUZE,
    datum=DATUM,
    bedrag=BEDRAG,
    omschrijving=TEKST,
    kenmerk=TEKST,
)
def test_mutatieformulieren(
    regio_a,
    settings,
    soort,
    geldig,
    geldstroom,
    besluit,
    begrotingspost,
    datum,
    bedrag,
    omschrijving,
    kenmerk,
):
    """A mutatie is booked whole (with its audit event) or not at all."""
    from financien.models import Mutatie

    settings.WERKCENTRUM_MFA_VERPLICHT = False
    beheerder, verplichting = _grootboek(regio_a)
    if geldig:
        geldstroom = str(verplichting.geldstroom_id)
        besluit, begrotingspost = str(verplichting.besluit_id), str(verplichting.begrotingspost_id)
        datum, bedrag, omschrijving = "2026-03-16", "12,50", f"Boeking {omschrijving}"
    url = {
        "storting": reverse("financien:storting_nieuw"),
        "verplichting": reverse("financien:verplichting_nieuw"),
        "realisatie": reverse("financien:realisatie_nieuw", args=[verplichting.pk]),
    }[soort]
    data = {
        "geldstroom": geldstroom,
        "besluit": besluit,
        "begrotingspost": begrotingspost,
        "datum": datum,
        "bedrag": bedrag,
        "omschrijving": omschrijving,
        "kenmerk": kenmerk,
    }
    client = _client(beheerder)  # logging in writes an audit event of its own
    voor = _tellingen()
    response = client.post(url, data)
    na = _tellingen()
    if response.status_code == 302:
        mutatie = Mutatie.objects.latest("pk")
        mutatie.full_clean()
        assert mutatie.soort == soort
        bij_succes = {"financien.Mutatie": 1, "werkcentrum.AuditEvent": 1}
    else:
        bij_succes = {}
        _invoer_bewaard(response, omschrijving)
    _fout_of_opgeslagen(response, voor, na, bij_succes=bij_succes)
