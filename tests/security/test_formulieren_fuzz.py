"""Bad input on the main public forms (hypothesis): every POST ends in either a saved valid
object (redirect, exactly one new row) or a form error (400, no new row); never a 500 and
never a half-saved object."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothese_instellingen
from hypothesis import strategies as st

TEKST = st.text(max_size=300)
# Mostly arbitrary text (control characters and NUL included), sometimes a plausible value.
EMAIL = st.one_of(st.emails(), TEKST, st.just(""))
TELEFOON = st.one_of(st.just("023 511 5115"), st.text(alphabet="+0123456789 -x", max_size=20))
KEUZE = st.one_of(st.just(""), st.integers(-5, 10**12).map(str), TEKST)
VINKJE = st.sampled_from(["", "on", "off", "ja", "\x00"])

HYPOTHESE = hypothese_instellingen(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _uitkomst_klopt(response, voor: int, na: int) -> None:
    assert response.status_code in (302, 400, 429), response.status_code
    if response.status_code == 302:
        assert na == voor + 1, "a redirect must mean exactly one saved row"
    else:
        assert na == voor, "a form error must save nothing"


@pytest.mark.django_db
@HYPOTHESE
@given(
    thema=KEUZE,
    gemeente=KEUZE,
    tekst=TEKST,
    wil_antwoord=VINKJE,
    naam=TEKST,
    email=EMAIL,
    telefoon=TELEFOON,
    toestemming=VINKJE,
    geldig_thema=st.booleans(),
)
def test_vraagformulier(
    regio_a, thema, gemeente, tekst, wil_antwoord, naam, email, telefoon, toestemming, geldig_thema
):
    from loket.models import Thema, Vraag

    cache.clear()  # the public form is rate limited per address
    if geldig_thema:
        # A valid base with fuzzed free text, so the saving path is exercised as well.
        thema = str(Thema.objects.order_by("pk").values_list("pk", flat=True).first())
        gemeente, wil_antwoord, toestemming = "", "on", "on"
        email, telefoon, tekst = "inwoner@voorbeeld.nl", "", f"Vraag {tekst}"
    voor = Vraag.objects.count()
    data = {
        "thema": thema,
        "gemeente": gemeente,
        "tekst": tekst,
        "wil_antwoord": wil_antwoord,
        "naam": naam,
        "email": email,
        "telefoon": telefoon,
        "toestemming": toestemming,
        "website": "",
    }
    response = Client().post(reverse("loket_publiek:vraag", kwargs={"regio": regio_a.code}), data)
    _uitkomst_klopt(response, voor, Vraag.objects.count())


@pytest.mark.django_db
@HYPOTHESE
@given(
    bedrijfsnaam=TEKST,
    kvk_nummer=st.one_of(st.text(alphabet="0123456789", min_size=8, max_size=8), TEKST),
    contactnaam=TEKST,
    email=EMAIL,
    telefoon=TELEFOON,
    sector=KEUZE,
    vraag=TEKST,
    geldig=st.booleans(),
)
def test_werkgeversverzoekformulier(
    regio_a, bedrijfsnaam, kvk_nummer, contactnaam, email, telefoon, sector, vraag, geldig
):
    from wsp.models import Werkgeversverzoek

    cache.clear()
    if geldig:
        # A valid base with fuzzed free text, so the saving path is exercised as well.
        bedrijfsnaam, contactnaam = f"Bedrijf {bedrijfsnaam}", f"Contact {contactnaam}"
        kvk_nummer, email, telefoon, sector = "", "werkgever@voorbeeld.nl", "023 511 5115", ""
        vraag = f"Wij zoeken {vraag}"
    voor = Werkgeversverzoek.objects.count()
    data = {
        "bedrijfsnaam": bedrijfsnaam,
        "kvk_nummer": kvk_nummer,
        "contactnaam": contactnaam,
        "email": email,
        "telefoon": telefoon,
        "sector": sector,
        "vraag": vraag,
        "website": "",
    }
    response = Client().post(
        reverse("wsp_publiek:ik_ben_werkgever", kwargs={"regio": regio_a.code}), data
    )
    _uitkomst_klopt(response, voor, Werkgeversverzoek.objects.count())


DATUM = st.one_of(
    st.dates().map(lambda d: d.isoformat()), st.dates().map(lambda d: f"{d:%d-%m-%Y}"), TEKST
)
BEDRAG = st.one_of(
    st.just(""),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.integers(-(10**20), 10**20).map(str),
    TEKST,
)


@pytest.mark.django_db
@HYPOTHESE
@given(
    geldig_orgaan=st.booleans(),
    orgaan=KEUZE,
    datum=DATUM,
    titel=TEKST,
    besluittekst=TEKST,
    type_=st.one_of(st.sampled_from(["overig", "inzet_regionale_middelen"]), TEKST),
    bedrag=BEDRAG,
    fonds=KEUZE,
    openbaar=VINKJE,
    status=st.one_of(st.sampled_from(["voorgesteld", "genomen"]), TEKST),
)
def test_besluitformulier(
    regio_a,
    settings,
    geldig_orgaan,
    orgaan,
    datum,
    titel,
    besluittekst,
    type_,
    bedrag,
    fonds,
    openbaar,
    status,
):
    """A besluit is saved whole (with its gap-free number) or not at all."""
    from rba.models import Besluit, BesluitTeller
    from tests.rba.factories import OverlegorgaanFactory

    settings.WERKCENTRUM_MFA_VERPLICHT = False
    secretariaat = _secretariaat(regio_a)
    if geldig_orgaan:
        # A valid base with fuzzed texts, so the saving path is exercised as well.
        orgaan = str(OverlegorgaanFactory(regio=regio_a).pk)
        datum, type_, status, bedrag, fonds = "2026-03-02", "overig", "voorgesteld", "", ""
        titel, besluittekst = f"Besluit {titel}", f"Tekst {besluittekst}"
    tellers = list(BesluitTeller.objects.order_by("pk").values())
    voor = Besluit.objects.count()
    client = Client()
    client.force_login(secretariaat)
    data = {
        "orgaan": orgaan,
        "agendapunt": "",
        "onderwerp": "",
        "datum": datum,
        "titel": titel,
        "besluittekst": besluittekst,
        "type": type_,
        "bedrag": bedrag,
        "fonds": fonds,
        "openbaar": openbaar,
        "status": status,
    }
    response = client.post(reverse("rba:besluit_nieuw"), data)
    na = Besluit.objects.count()
    _uitkomst_klopt(response, voor, na)
    if response.status_code != 302:
        assert list(BesluitTeller.objects.order_by("pk").values()) == tellers, "number used"


def _secretariaat(regio):
    """One secretariaat user for all examples (they share the test's transaction)."""
    from tests.factories import MedewerkerFactory
    from werkcentrum.models import Medewerker

    gebruiker = Medewerker.objects.filter(email="fuzz.secretariaat@test.werkcentrum.nl").first()
    return gebruiker or MedewerkerFactory(
        regio=regio, rollen=["rba_secretariaat"], email="fuzz.secretariaat@test.werkcentrum.nl"
    )
