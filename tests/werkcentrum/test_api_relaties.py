"""Issue 20 point 3: API mass assignment through related fields.

POST/PATCH /api/v1/wsp/werkgevers/ accepted any medewerker of any regio (or a gids, or the
platform superuser) as accounthouder. The test below is generated: it walks every API route
under /api/v1/, takes every viewset action that writes (create, update, partial_update), asks
the viewset for its serializer and, for every writable relation to a regio-owned model, sends
another regio's object: the answer is a 400 on that field, with the same message as for an id
that does not exist, and nothing is saved. A relation to a model without an entry in FREMD
fails the test, so a new writable relation cannot slip past it."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from django.forms.models import model_to_dict
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from financien import services as financien_services
from financien.models import Begrotingspost, Geldstroom, Mutatie
from loket.models import Doelgroep as LoketDoelgroep
from rba.models import Actie, Agendapunt, Besluit, Onderwerp, Overlegorgaan, Vergadering
from tests.factories import (
    GemeenteFactory,
    LocatieFactory,
    MedewerkerFactory,
    OrganisatieFactory,
    RegioFactory,
)
from tests.financien.factories import BegrotingspostFactory, GeldstroomFactory
from tests.rba.factories import (
    ActieFactory,
    AgendapuntFactory,
    BesluitFactory,
    OnderwerpFactory,
    OverlegorgaanFactory,
    VergaderingFactory,
)
from tests.wsp.factories import KandidaatFactory, VacatureFactory, WerkgeverFactory
from werkcentrum.api_fields import ONBEKEND, writable_relations
from werkcentrum.models import Gemeente, Locatie, Medewerker, Organisatie
from werkcentrum.rollen import ROLLEN
from werkcentrum.tenancy import is_regio_model
from wsp.models import Cluster, Doelstelling, Kandidaat, Sector, Vacature, Werkgever

pytestmark = pytest.mark.django_db
SCHRIJVEND = {"create": "post", "update": "put", "partial_update": "patch"}
NIET_BESTAAND = 987_654_321


def _mutatie(regio) -> Mutatie:
    beheerder = MedewerkerFactory(regio=regio, rollen=["financieel_beheerder"])
    return financien_services.storting_boeken(
        geldstroom=GeldstroomFactory(regio=regio),
        datum=date(2025, 3, 1),
        bedrag="100.00",
        omschrijving="storting",
        door=beheerder,
    )


# How to make an object of a regio, per model a writable relation may point to.
FREMD = {
    Medewerker: lambda r: MedewerkerFactory(regio=r, rollen=list(ROLLEN)),
    Gemeente: lambda r: GemeenteFactory(regio=r),
    Organisatie: lambda r: OrganisatieFactory(regio=r),
    Locatie: lambda r: LocatieFactory(regio=r),
    Werkgever: lambda r: WerkgeverFactory(regio=r),
    Kandidaat: lambda r: KandidaatFactory(regio=r),
    Vacature: lambda r: VacatureFactory(werkgever__regio=r),
    Overlegorgaan: lambda r: OverlegorgaanFactory(regio=r),
    Vergadering: lambda r: VergaderingFactory(orgaan__regio=r),
    Agendapunt: lambda r: AgendapuntFactory(vergadering__orgaan__regio=r),
    Besluit: lambda r: BesluitFactory(orgaan__regio=r),
    Onderwerp: lambda r: OnderwerpFactory(regio=r),
    Geldstroom: lambda r: GeldstroomFactory(regio=r),
    Begrotingspost: lambda r: BegrotingspostFactory(regio=r),
    Mutatie: _mutatie,
    # A regio's own item of a shared list (the national items belong to every regio).
    Cluster: lambda r: Cluster.objects.create(regio=r, code=f"eigen-{r.pk}", naam="Eigen"),
    Sector: lambda r: Sector.objects.create(
        regio=r, code=f"eigen-{r.pk}", naam="Eigen", cluster=Cluster.objects.filter(regio=None)[0]
    ),
    LoketDoelgroep: lambda r: LoketDoelgroep.objects.create(
        regio=r, code=f"eigen-{r.pk}", naam="Eigen"
    ),
}
# An object of the user's own regio to PATCH/PUT, per model of an updatable viewset.
EIGEN = {
    Werkgever: lambda r: WerkgeverFactory(regio=r),
    Doelstelling: lambda r: Doelstelling.objects.create(
        regio=r, jaar=2025, doelgroep="ww", aantal=10
    ),
    Actie: lambda r: ActieFactory(orgaan=OverlegorgaanFactory(regio=r)),
}


def _routes(patronen, prefix=""):
    for patroon in patronen:
        if isinstance(patroon, URLResolver):
            yield from _routes(patroon.url_patterns, prefix + str(patroon.pattern))
        elif isinstance(patroon, URLPattern):
            yield prefix + str(patroon.pattern), patroon


def schrijvende_acties():
    """(viewset, action, url name) for every writing action of every API viewset."""
    gezien = set()
    for pad, patroon in _routes(get_resolver().url_patterns):
        viewset = getattr(patroon.callback, "cls", None)
        acties = getattr(patroon.callback, "actions", None) or {}
        if not pad.startswith("api/v1/") or viewset is None or not patroon.name:
            continue
        for actie in acties.values():
            if actie in SCHRIJVEND and (viewset, actie) not in gezien:
                gezien.add((viewset, actie))
                yield viewset, actie, patroon.name


ACTIES = sorted(schrijvende_acties(), key=lambda a: (a[0].__name__, a[1]))


def test_the_walk_finds_the_writing_endpoints():
    gevonden = {(v.__name__, a) for v, a, _n in ACTIES}
    assert {
        ("WerkgeverViewSet", "create"),
        ("WerkgeverViewSet", "partial_update"),
        ("PlaatsingViewSet", "create"),
        ("DoelstellingViewSet", "create"),
        ("GesprekViewSet", "create"),
        ("BesluitViewSet", "create"),
        ("ActieViewSet", "partial_update"),
        ("MutatieViewSet", "create"),
    } <= gevonden


@pytest.fixture
def api(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    return APIClient()


def _serializer(viewset, actie, user):
    view = viewset()
    view.action, view.request, view.format_kwarg, view.kwargs = actie, None, None, {}
    klasse = view.get_serializer_class()
    return klasse(context={"request": SimpleNamespace(user=user)})


@pytest.mark.parametrize(
    ("viewset", "actie", "naam"), ACTIES, ids=[f"{v.__name__}.{a}" for v, a, _n in ACTIES]
)
def test_every_writable_relation_refuses_another_regios_object(api, viewset, actie, naam):
    regio_a, regio_b = RegioFactory(), RegioFactory()
    user = MedewerkerFactory(regio=regio_a, rollen=list(ROLLEN))
    api.force_authenticate(user)
    model = viewset.queryset.model
    eigen = None
    if naam.endswith("-detail"):
        assert model in EIGEN, f"Voeg een eigen {model.__name__} toe aan EIGEN"
        eigen = EIGEN[model](regio_a)
        url = reverse(naam, kwargs={"pk": eigen.pk})
    else:
        url = reverse(naam)
    velden = _serializer(viewset, actie, user).fields
    relaties = {
        veld: relatie
        for veld, relatie in writable_relations(velden).items()
        if is_regio_model(relatie.queryset.model)
    }
    voor = model_to_dict(eigen) if eigen else None
    for veld, relatie in relaties.items():
        doel = relatie.queryset.model
        assert doel in FREMD, f"Voeg {doel.__name__} toe aan FREMD ({viewset.__name__}.{veld})"
        vreemd = FREMD[doel](regio_b)
        veel = relatie is not velden[veld]  # the child of a many-to-many field
        antwoorden = {}
        for soort, pk in (("vreemd", vreemd.pk), ("onbekend", NIET_BESTAAND)):
            aantal = model.objects.count()
            r = getattr(api, SCHRIJVEND[actie])(url, {veld: [pk] if veel else pk}, format="json")
            assert r.status_code == 400, (veld, soort, r.status_code, r.content[:300])
            assert model.objects.count() == aantal
            antwoorden[soort] = r.json()[veld]
        assert ONBEKEND in str(antwoorden["vreemd"]), (veld, antwoorden)
        # The same answer for "elsewhere" as for "nowhere": no existence oracle.
        assert antwoorden["vreemd"] == antwoorden["onbekend"]
    if eigen is not None:
        eigen.refresh_from_db()
        assert model_to_dict(eigen) == voor


# --- the accounthouder: role, regio and status, as the UI's WerkgeverForm -----------------------


@pytest.fixture
def adviseur_a(maak_gebruiker):
    return maak_gebruiker("wsp_adviseur")


@pytest.mark.parametrize(
    "wie",
    ["adviseur_andere_regio", "gids", "superuser", "inactief", "rba_lid"],
)
def test_accounthouder_is_an_active_wsp_adviseur_or_manager_of_the_regio(
    api, adviseur_a, regio_a, regio_b, maak_gebruiker, superuser, wie
):
    kandidaat = {
        "adviseur_andere_regio": lambda: maak_gebruiker("wsp_adviseur", regio=regio_b),
        "gids": lambda: maak_gebruiker("gids"),
        "superuser": lambda: superuser,
        "inactief": lambda: maak_gebruiker("wsp_adviseur", is_active=False),
        "rba_lid": lambda: maak_gebruiker("rba_lid"),
    }[wie]()
    api.force_authenticate(adviseur_a)
    r = api.post(
        "/api/v1/wsp/werkgevers/",
        {"naam": "Bakkerij", "kvk_nummer": "12345678", "accounthouder": kandidaat.pk},
        format="json",
    )
    assert r.status_code == 400 and r.json()["accounthouder"] == [ONBEKEND]
    assert not Werkgever.objects.filter(kvk_nummer="12345678").exists()

    eigen = WerkgeverFactory(regio=regio_a, accounthouder=adviseur_a)
    r = api.patch(
        f"/api/v1/wsp/werkgevers/{eigen.pk}/", {"accounthouder": kandidaat.pk}, format="json"
    )
    assert r.status_code == 400
    eigen.refresh_from_db()
    assert eigen.accounthouder == adviseur_a


def test_an_adviseur_or_manager_of_the_regio_may_be_accounthouder(api, adviseur_a, maak_gebruiker):
    manager = maak_gebruiker("wsp_manager")
    api.force_authenticate(adviseur_a)
    for i, wie in enumerate([adviseur_a, manager]):
        r = api.post(
            "/api/v1/wsp/werkgevers/",
            {"naam": f"Bakkerij {i}", "kvk_nummer": f"1234567{i}", "accounthouder": wie.pk},
            format="json",
        )
        assert r.status_code == 201, r.content
        assert Werkgever.objects.get(pk=r.json()["id"]).accounthouder == wie
