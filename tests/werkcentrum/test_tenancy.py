"""A user of regio A never reads or changes regio B's data, through any door."""

import pytest
from django.apps import apps
from django.urls import reverse

from tests.factories import GemeenteFactory, LocatieFactory, OpeningstijdFactory, OrganisatieFactory
from werkcentrum import audit
from werkcentrum.models import AuditEvent, Gemeente, Locatie, Medewerker, Openingstijd, Organisatie
from werkcentrum.tenancy import RegioQuerySet, is_regio_model, scope

PROJECT_APPS = {"werkcentrum", "loket", "wsp", "rba", "financien"}


def regio_models():
    return [m for m in apps.get_models() if m._meta.app_label in PROJECT_APPS and is_regio_model(m)]


@pytest.mark.parametrize("model", regio_models(), ids=lambda m: m._meta.label)
def test_every_regio_model_uses_the_shared_scoping_queryset(model):
    assert isinstance(model._default_manager.all(), RegioQuerySet), (
        f"{model._meta.label} has a regio but its manager is not built on RegioQuerySet"
    )


@pytest.fixture
def twee_regios(regio_a, regio_b):
    data = {}
    for regio in (regio_a, regio_b):
        gemeente = GemeenteFactory(regio=regio)
        locatie = LocatieFactory(regio=regio, gemeente=gemeente)
        data[regio.code] = {
            "gemeente": gemeente,
            "organisatie": OrganisatieFactory(regio=regio),
            "locatie": locatie,
            "openingstijd": OpeningstijdFactory(locatie=locatie),
        }
    return data


@pytest.mark.parametrize(
    "model, sleutel",
    [
        (Gemeente, "gemeente"),
        (Organisatie, "organisatie"),
        (Locatie, "locatie"),
        (Openingstijd, "openingstijd"),
    ],
)
def test_scope_shows_only_own_regio(twee_regios, maak_gebruiker, model, sleutel):
    user = maak_gebruiker("beheerder")
    zichtbaar = list(model.objects.voor(user))
    assert zichtbaar == [twee_regios["zkij"][sleutel]]


def test_scope_of_regio_medewerkers_and_audit(twee_regios, maak_gebruiker, regio_b):
    user_a = maak_gebruiker("beheerder")
    user_b = maak_gebruiker("beheerder", regio=regio_b)
    audit.persoonsgegevens_ingezien(user_b, user=user_b, doel="test")
    assert list(Medewerker.objects.voor(user_a)) == [user_a]
    assert AuditEvent.objects.voor(user_a).count() == 0
    assert AuditEvent.objects.voor(user_b).count() == 1
    assert [r.code for r in scope(user_a.regio.__class__.objects.all(), user_a)] == ["zkij"]


def test_superuser_sees_all_regios_and_anonymous_sees_nothing(twee_regios, superuser):
    from django.contrib.auth.models import AnonymousUser

    assert Gemeente.objects.voor(superuser).count() == 2
    assert Gemeente.objects.voor(AnonymousUser()).count() == 0


def test_user_without_regio_sees_nothing(twee_regios, maak_gebruiker):
    user = maak_gebruiker("gids")
    user.regio = None  # not savable (constraint), but a broken session must still see nothing
    assert Gemeente.objects.voor(user).count() == 0


def test_api_detail_of_other_regio_is_404(client, twee_regios, maak_gebruiker, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(maak_gebruiker("gids"))
    eigen = twee_regios["zkij"]["locatie"]
    vreemd = twee_regios["amersfoort"]["locatie"]
    assert client.get(f"/api/v1/locaties/{eigen.pk}/").status_code == 200
    assert client.get(f"/api/v1/locaties/{vreemd.pk}/").status_code == 404
    lijst = client.get("/api/v1/organisaties/").json()
    assert [o["id"] for o in lijst["results"]] == [twee_regios["zkij"]["organisatie"].pk]


def test_api_needs_a_role_with_view_permission(client, twee_regios, maak_gebruiker, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(maak_gebruiker())  # no role at all
    assert client.get("/api/v1/locaties/").status_code == 403
    client.logout()
    assert client.get("/api/v1/locaties/").status_code in (401, 403)


def test_admin_of_regio_a_cannot_open_regio_b_objects(
    client, twee_regios, maak_gebruiker, settings
):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(maak_gebruiker("beheerder", is_staff=True))
    vreemd = twee_regios["amersfoort"]["organisatie"]
    lijst = client.get(reverse("admin:werkcentrum_organisatie_changelist"))
    assert lijst.status_code == 200
    assert twee_regios["zkij"]["organisatie"].naam in lijst.text
    assert vreemd.naam not in lijst.text
    detail = client.get(reverse("admin:werkcentrum_organisatie_change", args=[vreemd.pk]))
    # Django's admin answers "does not exist" with a redirect to the index.
    assert detail.status_code == 302
    wijzig = client.post(
        reverse("admin:werkcentrum_organisatie_change", args=[vreemd.pk]),
        {"naam": "Overgenomen", "type": "uwv"},
    )
    assert wijzig.status_code == 302
    vreemd.refresh_from_db()
    assert vreemd.naam != "Overgenomen"


def test_admin_add_lands_in_own_regio(client, regio_a, regio_b, maak_gebruiker, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(maak_gebruiker("beheerder", is_staff=True))
    response = client.post(
        reverse("admin:werkcentrum_organisatie_add"),
        {
            "naam": "Nieuwe partner",
            "type": "overig",
            "regio": regio_b.pk,
            "website": "",
            "email": "",
            "telefoon": "",
            "actief": "on",
        },
    )
    assert response.status_code == 302, response.text
    assert Organisatie.objects.get(naam="Nieuwe partner").regio == regio_a


def test_staff_lists_show_own_regio_only(client, twee_regios, maak_gebruiker, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(maak_gebruiker("gids"))
    pagina = client.get(reverse("locaties"))
    assert twee_regios["zkij"]["locatie"].naam in pagina.text
    assert twee_regios["amersfoort"]["locatie"].naam not in pagina.text
    pagina = client.get(reverse("organisaties"))
    assert twee_regios["zkij"]["organisatie"].naam in pagina.text
    assert twee_regios["amersfoort"]["organisatie"].naam not in pagina.text


def test_spreadsheet_export_holds_own_regio_only(rf, twee_regios, maak_gebruiker):
    from django.contrib import admin

    from werkcentrum.resources import OrganisatieResource

    request = rf.get("/beheer/werkcentrum/organisatie/export/")
    request.user = maak_gebruiker("beheerder", is_staff=True)
    model_admin = admin.site._registry[Organisatie]
    queryset = model_admin.get_export_queryset(request)
    dataset = OrganisatieResource().export(queryset)
    assert dataset["naam"] == [twee_regios["zkij"]["organisatie"].naam]


def test_beheerder_creates_a_medewerker_in_own_regio(
    client, regio_a, regio_b, maak_gebruiker, settings
):
    from django.contrib.auth.models import Group

    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(maak_gebruiker("beheerder", is_staff=True))
    response = client.post(
        reverse("admin:werkcentrum_medewerker_add"),
        {
            "email": "Nieuwe.Gids@Example.nl",
            "first_name": "Nieuwe",
            "last_name": "Gids",
            "groups": [Group.objects.get(name="gids").pk],
            "password1": "Een-lang-wachtwoord-2026",
            "password2": "Een-lang-wachtwoord-2026",
            "usable_password": "true",
            "regio": regio_b.pk,
            "is_superuser": "on",
        },
    )
    assert response.status_code == 302, response.text
    nieuw = Medewerker.objects.get(email="nieuwe.gids@example.nl")
    assert nieuw.regio == regio_a
    assert not nieuw.is_superuser
    assert nieuw.heeft_rol("gids")
