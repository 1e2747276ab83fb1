import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from werkcentrum.rollen import ROLLEN, rollen_synchroniseren

ALLE = sorted(ROLLEN)


def test_all_ten_roles_exist_as_groups(db):
    assert sorted(Group.objects.values_list("name", flat=True)) == sorted(
        [
            "gids",
            "coordinator",
            "partnermedewerker",
            "wsp_adviseur",
            "wsp_manager",
            "rba_secretariaat",
            "rba_lid",
            "financieel_beheerder",
            "beheerder",
            "privacy_officer",
        ]
    )


@pytest.mark.parametrize("rol", ALLE)
def test_every_declared_permission_exists_and_is_granted(db, rol):
    groep = Group.objects.get(name=rol)
    toegekend = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in groep.permissions.select_related("content_type")
    }
    assert toegekend == ROLLEN[rol].permissies


def test_synchronising_twice_changes_nothing(db):
    voor = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}
    rollen_synchroniseren()
    rollen_synchroniseren()
    na = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}
    assert voor == na


def test_a_permission_removed_by_hand_comes_back(db):
    groep = Group.objects.get(name="beheerder")
    groep.permissions.remove(Permission.objects.get(codename="view_auditevent"))
    rollen_synchroniseren()
    assert groep.permissions.filter(codename="view_auditevent").exists()


def test_only_beheerder_and_privacy_officer_read_the_audit_log(maak_gebruiker):
    assert maak_gebruiker("beheerder").has_perm("werkcentrum.view_auditevent")
    assert maak_gebruiker("privacy_officer").has_perm("werkcentrum.view_auditevent")
    for rol in set(ALLE) - {"beheerder", "privacy_officer"}:
        assert not maak_gebruiker(rol).has_perm("werkcentrum.view_auditevent"), rol


def test_nobody_but_the_superuser_adds_a_regio(maak_gebruiker, superuser):
    for rol in ALLE:
        assert not maak_gebruiker(rol).has_perm("werkcentrum.add_arbeidsmarktregio")
    assert superuser.has_perm("werkcentrum.add_arbeidsmarktregio")


@pytest.mark.parametrize("rol", ALLE)
def test_each_role_lands_on_its_own_werkplek(client, maak_gebruiker, settings, rol):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(maak_gebruiker(rol))
    pagina = client.get(reverse("werkplek"))
    assert pagina.status_code == 200
    assert f'id="rol-{rol}"' in pagina.text
    for ander in set(ALLE) - {rol}:
        assert f'id="rol-{ander}"' not in pagina.text


def test_werkplek_links_follow_permissions(client, maak_gebruiker, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(maak_gebruiker("beheerder", is_staff=True))
    pagina = client.get(reverse("werkplek")).text
    assert reverse("admin:werkcentrum_auditevent_changelist") in pagina
    client.force_login(maak_gebruiker("gids"))
    pagina = client.get(reverse("werkplek")).text
    assert reverse("admin:werkcentrum_auditevent_changelist") not in pagina
    assert reverse("locaties") in pagina


def test_werkplek_requires_login(client, db):
    response = client.get(reverse("werkplek"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_rol_vereist_refuses_other_roles(rf, maak_gebruiker):
    from django.core.exceptions import PermissionDenied
    from django.http import HttpResponse

    from werkcentrum.decorators import rol_vereist

    @rol_vereist("financieel_beheerder")
    def view(request):
        return HttpResponse("ok")

    request = rf.get("/")
    request.user = maak_gebruiker("gids")
    with pytest.raises(PermissionDenied):
        view(request)
    request.user = maak_gebruiker("financieel_beheerder")
    assert view(request).status_code == 200


@pytest.mark.parametrize("wie", [*ALLE, "superuser"])
def test_every_link_on_a_werkplek_opens(client, maak_gebruiker, superuser, settings, wie):
    """What the werkplek offers, the user can open: no link leads to a refusal. The platform
    user (no regio) does not see the pages that record inside a regio."""
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    user = superuser if wie == "superuser" else maak_gebruiker(wie, is_staff=wie == "beheerder")
    client.force_login(user)
    pagina = client.get(reverse("werkplek"))
    urls = {item.url for rol in pagina.context["rollen"] for item in rol["items"]}
    assert urls
    for url in sorted(urls):
        assert client.get(url).status_code == 200, url
    if wie == "superuser":
        assert reverse("loket:werkgeversverzoek_nieuw") not in urls
        assert reverse("loket:overdracht_vacatures") not in urls
