from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from rba import services
from rba.models import Besluit, Stuk, StukVersie, Vergadering
from tests.rba import bestanden
from tests.rba.factories import (
    ActieFactory,
    AgendapuntFactory,
    BesluitFactory,
    OverlegorgaanFactory,
    VergaderingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def als(client):
    def inloggen(user):
        client.force_login(user)
        return client

    return inloggen


def test_secretariaat_plans_a_meeting_and_bad_input_returns_400_with_messages(
    als, secretariaat, rba
):
    c = als(secretariaat)
    url = reverse("rba:vergadering_nieuw")
    r = c.post(url, {"orgaan": rba.pk, "datum": "2025-03-19", "aanvang": "15:00", "einde": "14:00"})
    assert r.status_code == 400
    assert "Het einde ligt voor de aanvang." in r.content.decode()
    assert "Vul een plaats of een link" in r.content.decode()
    assert not Vergadering.objects.exists()
    r = c.post(
        url, {"orgaan": rba.pk, "datum": "2025-03-19", "aanvang": "15:00", "locatie": "Velsen"}
    )
    v = Vergadering.objects.get()
    assert r.status_code == 302 and r.url == v.get_absolute_url()


def test_lid_and_gids_cannot_write(als, lid, gids, rba):
    for user in (lid, gids):
        assert als(user).get(reverse("rba:vergadering_nieuw")).status_code == 403
        assert als(user).get(reverse("rba:besluit_nieuw")).status_code == 403


def test_other_regio_is_a_404(als, maak_gebruiker, regio_b, rba):
    vreemde = maak_gebruiker("rba_secretariaat", regio=regio_b)
    v = VergaderingFactory(orgaan=rba, status=Vergadering.Status.AGENDA_GEPUBLICEERD)
    b = BesluitFactory(orgaan=rba)
    c = als(vreemde)
    assert c.get(reverse("rba:vergadering", args=[v.pk])).status_code == 404
    assert c.get(reverse("rba:besluit", args=[b.pk])).status_code == 404
    assert c.post(reverse("rba:agenda_publiceren", args=[v.pk])).status_code == 404
    assert b.nummer not in c.get(reverse("rba:besluiten")).content.decode()


def test_planned_meetings_are_hidden_from_leden_and_other_staff(als, lid, gids, secretariaat, rba):
    gepland = VergaderingFactory(orgaan=rba)
    for user, status in ((secretariaat, 200), (lid, 404), (gids, 404)):
        assert als(user).get(reverse("rba:vergadering", args=[gepland.pk])).status_code == status


def test_besluit_visibility_staff(als, lid, gids, rba):
    openbaar = BesluitFactory(orgaan=rba, titel="Openbaar genomen")
    besloten = BesluitFactory(orgaan=rba, titel="Besloten genomen", openbaar=False)
    voorstel = BesluitFactory(
        orgaan=rba, titel="Nog een voorstel", status=Besluit.Status.VOORGESTELD
    )
    lijst_lid = als(lid).get(reverse("rba:besluiten")).content.decode()
    assert all(b.titel in lijst_lid for b in (openbaar, besloten, voorstel))
    lijst_gids = als(gids).get(reverse("rba:besluiten")).content.decode()
    assert openbaar.titel in lijst_gids
    assert besloten.titel not in lijst_gids and voorstel.titel not in lijst_gids
    assert als(gids).get(reverse("rba:besluit", args=[besloten.pk])).status_code == 404


def test_public_besluitenlijst_shows_only_openbaar_genomen_of_this_regio(client, rba, regio_b):
    openbaar = BesluitFactory(orgaan=rba, titel="Inzet jobhunters")
    BesluitFactory(orgaan=rba, titel="Vertrouwelijk", openbaar=False)
    BesluitFactory(orgaan=rba, titel="Voorstel", status=Besluit.Status.VOORGESTELD)
    BesluitFactory(orgaan=OverlegorgaanFactory(regio=regio_b), titel="Amersfoorts besluit")
    r = client.get(reverse("rba_publiek:besluiten", kwargs={"regio": "zkij"}))
    html = r.content.decode()
    assert r.status_code == 200
    assert "Inzet jobhunters" in html
    assert "Vertrouwelijk" not in html and "Voorstel" not in html and "Amersfoorts" not in html
    r = client.get(
        reverse("rba_publiek:besluiten", kwargs={"regio": "zkij"}), {"zoek": "nietbestaand"}
    )
    assert "Inzet jobhunters" not in r.content.decode()
    detail = reverse("rba_publiek:besluit", kwargs={"regio": "zkij", "nummer": openbaar.nummer})
    assert client.get(detail).status_code == 200
    verborgen = Besluit.objects.get(titel="Vertrouwelijk")
    assert (
        client.get(
            reverse("rba_publiek:besluit", kwargs={"regio": "zkij", "nummer": verborgen.nummer})
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse(
                "rba_publiek:besluit", kwargs={"regio": "amersfoort", "nummer": openbaar.nummer}
            )
        ).status_code
        == 404
    )


def test_public_page_works_in_english(client, rba):
    BesluitFactory(orgaan=rba, titel="Inzet jobhunters")
    r = client.get("/en/zkij/besluiten/")
    assert r.status_code == 200 and "Inzet jobhunters" in r.content.decode()


def test_feeds(client, rba):
    BesluitFactory(orgaan=rba, titel="Inzet jobhunters", besluittekst="EUR 200.000")
    BesluitFactory(orgaan=rba, titel="Vertrouwelijk", openbaar=False)
    rss = client.get(reverse("rba_publiek:feed_rss", kwargs={"regio": "zkij"}))
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    assert b"Inzet jobhunters" in rss.content and b"Vertrouwelijk" not in rss.content
    js = client.get(reverse("rba_publiek:feed_json", kwargs={"regio": "zkij"}))
    assert js["Content-Type"].startswith("application/feed+json")
    data = js.json()
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["title"].split(" ", 1)[1] for i in data["items"]] == ["Inzet jobhunters"]


def test_public_list_query_count_is_constant(client, rba, django_assert_max_num_queries):
    for _ in range(30):
        BesluitFactory(orgaan=rba)
    with django_assert_max_num_queries(8):
        client.get(reverse("rba_publiek:besluiten", kwargs={"regio": "zkij"}))


@pytest.mark.parametrize("naam", ["vergaderingen", "besluiten", "acties", "monitoring"])
def test_staff_lists_query_count_is_constant(
    als, secretariaat, rba, naam, django_assert_max_num_queries
):
    for i in range(15):
        v = VergaderingFactory(orgaan=rba, datum=date(2025, 1, 1) + timedelta(days=i))
        BesluitFactory(orgaan=rba, agendapunt=AgendapuntFactory(vergadering=v))
        ActieFactory(orgaan=rba, vergadering=v)
    c = als(secretariaat)
    with django_assert_max_num_queries(16):
        assert c.get(reverse(f"rba:{naam}")).status_code == 200


def test_overlegorganen_link_only_for_who_may_open_it(als, secretariaat, lid, maak_gebruiker):
    financieel = maak_gebruiker("financieel_beheerder")  # may read besluiten, not the organen
    link = f'href="{reverse("rba:organen")}"'
    for user, ziet in ((secretariaat, True), (lid, True), (financieel, False)):
        c = als(user)
        assert (link in c.get(reverse("rba:besluiten")).content.decode()) is ziet
        assert (c.get(reverse("rba:organen")).status_code == 200) is ziet


def test_besluitenlijst_does_not_load_all_permissions(
    als, secretariaat, rba, django_assert_max_num_queries
):
    BesluitFactory(orgaan=rba)
    c = als(secretariaat)
    c.get(reverse("rba:besluiten"))
    with django_assert_max_num_queries(11) as ctx:
        assert c.get(reverse("rba:besluiten")).status_code == 200
    # Django's ModelBackend reads the user's own and group permissions once per request (no
    # cache between requests, so a withdrawn permission counts at once); never the whole table.
    permissies = [q["sql"] for q in ctx.captured_queries if "auth_permission" in q["sql"]]
    assert len(permissies) <= 2
    assert all("WHERE" in sql for sql in permissies)


def _stuk(rba, openbaar=False, status=Vergadering.Status.AGENDA_GEPUBLICEERD):
    punt = AgendapuntFactory(vergadering__orgaan=rba, vergadering__status=status)
    return services.stuk_uploaden(
        agendapunt=punt, titel="Notitie", bestand=bestanden.pdf(), openbaar=openbaar, door=None
    )


def test_stuk_download_is_only_for_allowed_users(
    als, client, secretariaat, lid, gids, rba, maak_gebruiker, regio_b
):
    versie = _stuk(rba)
    url = reverse("rba:stuk_downloaden", args=[versie.pk])
    r = als(lid).get(url)
    assert r.status_code == 200 and b"".join(r.streaming_content).startswith(b"%PDF-")
    assert r["Content-Disposition"].startswith("attachment")
    assert als(gids).get(url).status_code == 404
    assert als(maak_gebruiker("rba_secretariaat", regio=regio_b)).get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to login
    openbaar = _stuk(rba, openbaar=True)
    assert als(gids).get(reverse("rba:stuk_downloaden", args=[openbaar.pk])).status_code == 200
    concept = _stuk(rba, status=Vergadering.Status.GEPLAND)
    assert als(lid).get(reverse("rba:stuk_downloaden", args=[concept.pk])).status_code == 404
    assert (
        als(secretariaat).get(reverse("rba:stuk_downloaden", args=[concept.pk])).status_code == 200
    )


def test_media_url_does_not_serve_stukken(client, rba, settings):
    versie = _stuk(rba)
    assert client.get(settings.MEDIA_URL + versie.bestand.name).status_code == 404


def test_upload_view_refuses_a_disguised_file(als, secretariaat, rba):
    punt = AgendapuntFactory(vergadering__orgaan=rba)
    c = als(secretariaat)
    r = c.post(
        reverse("rba:stuk_uploaden", args=[punt.pk]),
        {"titel": "Notitie", "bestand": bestanden.pdf("notitie.pdf", inhoud=b"GIF89a...")},
    )
    assert r.status_code == 400 and "geen geldig PDF-bestand" in r.content.decode()
    assert not Stuk.objects.exists()
    r = c.post(
        reverse("rba:stuk_uploaden", args=[punt.pk]),
        {"titel": "Notitie", "bestand": bestanden.xlsx()},
    )
    assert r.status_code == 302 and StukVersie.objects.count() == 1


def test_genomen_besluit_edit_is_refused_in_the_ui(als, secretariaat, rba):
    b = services.besluit_nemen(
        orgaan=rba,
        datum=date(2025, 3, 19),
        titel="t",
        besluittekst="b",
        besluitvorming=Besluit.Besluitvorming.SCHRIFTELIJK,
        door=None,
    )
    c = als(secretariaat)
    r = c.post(reverse("rba:besluit_wijzigen", args=[b.pk]), {"titel": "x"})
    assert r.status_code == 302
    b.refresh_from_db()
    assert b.titel == "t"
    r = c.post(
        reverse("rba:besluit_corrigeren", args=[b.pk]),
        {"datum": "2025-03-20", "titel": "Correctie", "besluittekst": "nieuw", "openbaar": "on"},
    )
    nieuw = Besluit.objects.get(vervangt=b)
    assert r.url == nieuw.get_absolute_url()


def test_besluit_form_requires_bedrag_for_inzet(als, secretariaat, rba):
    r = als(secretariaat).post(
        reverse("rba:besluit_nieuw"),
        {
            "orgaan": rba.pk,
            "datum": "2025-06-11",
            "titel": "Inzet",
            "besluittekst": "x",
            "type": "inzet_regionale_middelen",
            "status": "genomen",
        },
    )
    assert r.status_code == 400 and "hoort een bedrag" in r.content.decode()
    assert not Besluit.objects.exists()


def test_raadsinformatie_and_monitoring_export(als, secretariaat, rba):
    from tests.rba.factories import AgendaRegelFactory

    b = BesluitFactory(orgaan=rba)
    c = als(secretariaat)
    assert b.titel in c.get(reverse("rba:raadsinformatie", args=[b.pk])).content.decode()
    regel = AgendaRegelFactory(pijler__agenda__regio=rba.regio)
    r = c.get(reverse("rba:monitoring_export"))
    assert r.status_code == 200 and r.content[:2] == b"PK"
    from io import BytesIO

    from openpyxl import load_workbook

    wb = load_workbook(BytesIO(r.content))
    assert wb.active.cell(row=2, column=2).value == regel.thema


def test_verlopen_acties_filter(als, secretariaat, rba):
    ActieFactory(
        orgaan=rba, omschrijving="Te laat", deadline=timezone.localdate() - timedelta(days=3)
    )
    ActieFactory(orgaan=rba, omschrijving="Op tijd")
    html = (
        als(secretariaat)
        .get(reverse("rba:acties"), {"verlopen": "on", "status": "open"})
        .content.decode()
    )
    assert "Te laat" in html and "Op tijd" not in html


def test_publish_via_view_sends_mail(
    als, secretariaat, rba, django_capture_on_commit_callbacks, mailoutbox
):
    from tests.rba.factories import LidFactory

    LidFactory(orgaan=rba, email="wethouder@voorbeeld.nl")
    v = services.vergadering_plannen(
        orgaan=rba,
        datum=timezone.localdate() + timedelta(days=7),
        aanvang=time(15),
        locatie="Haarlem",
        door=None,
    )
    AgendapuntFactory(vergadering=v)
    with django_capture_on_commit_callbacks(execute=True):
        als(secretariaat).post(reverse("rba:agenda_publiceren", args=[v.pk]))
    assert [m.to for m in mailoutbox] == [["wethouder@voorbeeld.nl"]]


def test_vergadering_page_query_count_is_constant(
    als, secretariaat, rba, django_assert_max_num_queries
):
    v = VergaderingFactory(orgaan=rba, status=Vergadering.Status.AGENDA_GEPUBLICEERD)
    for _ in range(12):
        punt = AgendapuntFactory(vergadering=v)
        services.stuk_uploaden(agendapunt=punt, titel="Notitie", bestand=bestanden.pdf(), door=None)
        BesluitFactory(orgaan=rba, agendapunt=punt)
    c = als(secretariaat)
    with django_assert_max_num_queries(20):
        assert c.get(reverse("rba:vergadering", args=[v.pk])).status_code == 200


def test_besluit_amounts_have_thousands_separators(als, secretariaat, rba):
    """Issue 22 point 9: € 1.250.000,00, not € 1250000.00."""
    from decimal import Decimal

    b = BesluitFactory(orgaan=rba, bedrag=Decimal("1250000.00"))
    c = als(secretariaat)
    for url in (reverse("rba:besluit", args=[b.pk]), reverse("rba:raadsinformatie", args=[b.pk])):
        html = c.get(url).content.decode()
        assert "&euro; 1.250.000,00" in html and "1250000" not in html, url
