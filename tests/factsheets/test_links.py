"""Personal token links: one e-mail per recipient and version, a public read-only page of
exactly that frozen version (and its PDF) without login, expiry, revocation, counting."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import GemeenteFactory
from tests.factsheets.conftest import VANDAAG
from tests.wsp.factories import KandidaatFactory, PlaatsingFactory, WerkgeverFactory
from werkcentrum.models import AuditEvent
from wsp.factsheets import services
from wsp.factsheets.links import _hash
from wsp.factsheets.selectors import Periode
from wsp.models import Factsheet, FactsheetLink, FactsheetOntvanger

H1 = Periode(2025, 1)
TOKEN = re.compile(r"https?://[^/\s]+/factsheet/([A-Za-z0-9_-]{40,})/")


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def opzet(regio_a, manager):
    """A published regio factsheet of 2025-H1 with two WW placements, three recipients."""
    haarlem = GemeenteFactory(regio=regio_a, naam="Haarlem", cbs_code="GM0392")
    for _i in range(2):
        k = KandidaatFactory(regio=regio_a, woongemeente=haarlem, doelgroep="ww")
        PlaatsingFactory(
            werkgever=WerkgeverFactory(regio=regio_a),
            kandidaat=k,
            startdatum=VANDAAG - timedelta(days=60),
        )
    for naam, email, gemeente in [
        ("UWV Noord-Holland", "uwv@example.org", None),
        ("Beleid Regio", "regio@example.org", None),
        ("Gemeente Haarlem", "haarlem@example.org", haarlem),
    ]:
        FactsheetOntvanger.objects.create(regio=regio_a, naam=naam, email=email, gemeente=gemeente)
    fs, _n = services.factsheet_maken(regio=regio_a, periode=H1, user=manager, vandaag=VANDAAG)
    services.teksten_opslaan(factsheet=fs, user=manager, tekst_samenvatting="Goed halfjaar.")
    return fs


def _publiceren(fs, manager, capture) -> dict[str, str]:
    """Publish; return {e-mail address: token} from the mails sent."""
    with capture(execute=True):
        services.publiceren(factsheet=fs, user=manager)
    return {m.to[0]: TOKEN.search(m.body)[1] for m in mail.outbox}


def _url(token: str, naam: str = "factsheet") -> str:
    return reverse(f"factsheet_publiek:{naam}", kwargs={"token": token})


def test_elke_ontvanger_krijgt_een_mail_met_een_eigen_link_ook_als_de_taak_twee_keer_draait(
    opzet, manager, regio_a, django_capture_on_commit_callbacks
):
    tokens = _publiceren(opzet, manager, django_capture_on_commit_callbacks)
    # Only the regio's recipients (Haarlem's gets the gemeente factsheet), one mail each.
    assert sorted(tokens) == ["regio@example.org", "uwv@example.org"]
    assert len(set(tokens.values())) == 2
    assert all("geldig tot en met" in m.body for m in mail.outbox)
    # The token itself is never stored, only its hash.
    for token in tokens.values():
        assert not FactsheetLink.objects.filter(token_hash=token).exists()
        assert FactsheetLink.objects.filter(token_hash=_hash(token)).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.versturen(factsheet_pk=opzet.pk) == 0
        services.publiceren(factsheet=opzet, user=manager)
    assert len(mail.outbox) == 2
    # A recipient added later gets their own link on the next run; nobody else a second one.
    FactsheetOntvanger.objects.create(regio=regio_a, naam="Nieuw", email="nieuw@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.versturen(factsheet_pk=opzet.pk) == 1
    assert [m.to[0] for m in mail.outbox[2:]] == ["nieuw@example.org"]


def test_geen_links_voor_een_concept(opzet, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert services.versturen(factsheet_pk=opzet.pk) == 0
    assert mail.outbox == [] and not FactsheetLink.objects.exists()


def test_geldigheid_volgt_de_instelling(
    opzet, manager, settings, django_capture_on_commit_callbacks
):
    settings.WERKCENTRUM_FACTSHEET_LINK_DAGEN = 10
    _publiceren(opzet, manager, django_capture_on_commit_callbacks)
    for link in FactsheetLink.objects.all():
        assert link.geldig_tot - link.verstuurd_op == timedelta(days=10)


def test_openbare_pagina_zonder_login_toont_precies_die_versie(
    client, opzet, manager, regio_a, django_capture_on_commit_callbacks
):
    token = _publiceren(opzet, manager, django_capture_on_commit_callbacks)["uwv@example.org"]
    # A later version with more placements does not change what the link shows.
    k = KandidaatFactory(regio=regio_a, doelgroep="ww")
    PlaatsingFactory(
        werkgever=WerkgeverFactory(regio=regio_a),
        kandidaat=k,
        startdatum=VANDAAG - timedelta(days=30),
    )
    v2, _n = services.factsheet_maken(regio=regio_a, periode=H1, user=manager, vandaag=VANDAAG)
    assert v2.versie == 2
    r = client.get(_url(token))
    assert r.status_code == 200
    html = r.content.decode()
    assert "Factsheet 2025-H1 regio" in html and "Versie 1," in html and "Versie 2" not in html
    assert "Goed halfjaar." in html and 'class="fs-grafiek"' in html
    doelgroep = next(t for t in opzet.cijfers["tabellen"] if t["code"] == "doelgroep")
    assert next(r["waarde"] for r in doelgroep["rijen"] if r["naam"] == "WW") == 2
    assert '<td class="utrecht-table__cell utrecht-table__cell--numeric">2</td>' in html
    # No staff navigation, no personal data, not indexed, no inline code.
    for verboden in [
        "Mijn werkplek",
        "Inloggen voor medewerkers",
        "uwv@example.org",
        "UWV Noord-Holland",
        manager.email,
        'href="/wsp/',
    ]:
        assert verboden not in html, verboden
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert r["X-Robots-Tag"] == "noindex, nofollow" and r["Referrer-Policy"] == "no-referrer"
    assert "no-store" in r["Cache-Control"]
    assert " style=" not in html and "<script" not in html
    assert "'unsafe-inline'" not in r["Content-Security-Policy"]
    # The regio's look: its stylesheet and its name in the header (no logo set here).
    assert f'href="/huisstijl/id/{regio_a.pk}.css"' in html
    assert f'<span class="wc-logo__regio">{regio_a.naam}</span>' in html


def test_ingelogde_medewerker_ziet_ook_geen_navigatie(
    client, opzet, manager, django_capture_on_commit_callbacks
):
    token = _publiceren(opzet, manager, django_capture_on_commit_callbacks)["uwv@example.org"]
    client.force_login(manager)
    html = client.get(_url(token)).content.decode()
    assert "Mijn werkplek" not in html and "Uitloggen" not in html


def test_openen_wordt_geteld(client, opzet, manager, django_capture_on_commit_callbacks):
    token = _publiceren(opzet, manager, django_capture_on_commit_callbacks)["uwv@example.org"]
    link = FactsheetLink.objects.get(token_hash=_hash(token))
    assert link.aantal_geopend == 0 and link.laatst_geopend is None
    client.get(_url(token))
    client.get(_url(token))
    link.refresh_from_db()
    assert link.aantal_geopend == 2 and link.laatst_geopend is not None
    andere = FactsheetLink.objects.exclude(pk=link.pk).get()
    assert andere.aantal_geopend == 0
    assert client.post(_url(token)).status_code == 405  # read-only


def test_pdf_via_de_link(client, opzet, manager, django_capture_on_commit_callbacks):
    token = _publiceren(opzet, manager, django_capture_on_commit_callbacks)["uwv@example.org"]
    r = client.get(_url(token, "pdf"))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r.content.startswith(b"%PDF")
    assert r["Content-Disposition"] == 'attachment; filename="factsheet-2025-H1-regio-v1.pdf"'
    assert r["X-Robots-Tag"] == "noindex, nofollow"
    assert FactsheetLink.objects.get(token_hash=_hash(token)).aantal_geopend == 1


def test_verlopen_ingetrokken_en_onbekende_link(
    client, opzet, manager, django_capture_on_commit_callbacks
):
    tokens = _publiceren(opzet, manager, django_capture_on_commit_callbacks)
    verlopen, ingetrokken = tokens["uwv@example.org"], tokens["regio@example.org"]
    link = FactsheetLink.objects.get(token_hash=_hash(verlopen))
    with time_machine.travel(link.geldig_tot + timedelta(seconds=1)):
        r = client.get(_url(verlopen))
        assert r.status_code == 410 and "Deze link is verlopen" in r.content.decode()
        assert client.get(_url(verlopen, "pdf")).status_code == 410
    with time_machine.travel(link.geldig_tot - timedelta(minutes=1)):
        assert client.get(_url(verlopen)).status_code == 200

    client.force_login(manager)
    te_trekken = FactsheetLink.objects.get(token_hash=_hash(ingetrokken))
    r = client.post(reverse("wsp:factsheet_link_intrekken", args=[te_trekken.pk]))
    assert r.status_code == 302
    client.logout()
    r = client.get(_url(ingetrokken))
    assert r.status_code == 410 and "Deze link is ingetrokken" in r.content.decode()
    assert client.get(_url(ingetrokken, "pdf")).status_code == 410

    r = client.get(_url("x" * 43))
    assert r.status_code == 404 and "Deze link bestaat niet" in r.content.decode()
    assert r["X-Robots-Tag"] == "noindex, nofollow"
    te_trekken.refresh_from_db()
    assert te_trekken.aantal_geopend == 0  # refused openings are not counted


def test_intrekken_door_manager_met_audit_en_alleen_in_eigen_regio(
    client, opzet, manager, maak_gebruiker, regio_b, django_capture_on_commit_callbacks
):
    _publiceren(opzet, manager, django_capture_on_commit_callbacks)
    link = FactsheetLink.objects.get(ontvanger__email="uwv@example.org")
    url = reverse("wsp:factsheet_link_intrekken", args=[link.pk])
    assert client.post(url).status_code == 302 and "/accounts/login/" in client.post(url).url
    client.force_login(maak_gebruiker("wsp_adviseur"))
    assert client.post(url).status_code == 403
    client.force_login(maak_gebruiker("wsp_manager", regio=regio_b))
    assert client.post(url).status_code == 404
    link.refresh_from_db()
    assert link.ingetrokken_op is None

    client.force_login(manager)
    assert client.get(url).status_code == 405
    r = client.post(url, follow=True)
    assert "De link van UWV Noord-Holland is ingetrokken." in r.content.decode()
    link.refresh_from_db()
    assert link.ingetrokken_op is not None and link.ingetrokken_door == manager
    assert (
        AuditEvent.objects.filter(
            event="wsp_factsheet_link_ingetrokken", object_id=str(link.pk), gebruiker=manager
        ).count()
        == 1
    )
    client.post(url)  # twice: still one event
    assert AuditEvent.objects.filter(event="wsp_factsheet_link_ingetrokken").count() == 1
    assert FactsheetLink.objects.filter(ingetrokken_op__isnull=False).count() == 1


def test_manager_ziet_links_met_tellingen_andere_rollen_niet(
    client,
    opzet,
    manager,
    maak_gebruiker,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    token = _publiceren(opzet, manager, django_capture_on_commit_callbacks)["uwv@example.org"]
    client.get(_url(token))
    client.force_login(manager)
    url = opzet.get_absolute_url()
    with django_assert_max_num_queries(20):
        html = client.get(url).content.decode()
    assert "Persoonlijke links van de ontvangers" in html
    assert "UWV Noord-Holland &lt;uwv@example.org&gt;" in html
    assert "Link van UWV Noord-Holland intrekken" in html
    assert token not in html  # the token exists only in the e-mail
    client.force_login(maak_gebruiker("rba_lid"))
    html = client.get(url).content.decode()
    assert "Persoonlijke links" not in html and "uwv@example.org" not in html


def test_nieuwe_versie_krijgt_nieuwe_links_oude_blijven_werken(
    client, opzet, manager, regio_a, django_capture_on_commit_callbacks
):
    oud = _publiceren(opzet, manager, django_capture_on_commit_callbacks)["uwv@example.org"]
    v2, _n = services.factsheet_maken(regio=regio_a, periode=H1, user=manager, vandaag=VANDAAG)
    mail.outbox.clear()
    nieuw = _publiceren(v2, manager, django_capture_on_commit_callbacks)["uwv@example.org"]
    assert nieuw != oud
    assert "Versie 2," in client.get(_url(nieuw)).content.decode()
    assert "Versie 1," in client.get(_url(oud)).content.decode()
    assert Factsheet.objects.get(pk=v2.pk).links.count() == 2
    assert timezone.now() < FactsheetLink.objects.get(token_hash=_hash(oud)).geldig_tot


def test_de_factsheet_van_een_gemeente_gaat_naar_de_ontvangers_van_die_gemeente(
    client, opzet, manager, regio_a, django_capture_on_commit_callbacks
):
    from werkcentrum.models import Gemeente

    haarlem = Gemeente.objects.get(regio=regio_a, cbs_code="GM0392")
    fs, _n = services.factsheet_maken(
        regio=regio_a, periode=H1, gemeente=haarlem, user=manager, vandaag=VANDAAG
    )
    tokens = _publiceren(fs, manager, django_capture_on_commit_callbacks)
    assert list(tokens) == ["haarlem@example.org"]
    html = client.get(_url(tokens["haarlem@example.org"])).content.decode()
    assert "Factsheet 2025-H1 gemeente Haarlem" in html
    r = client.get(_url(tokens["haarlem@example.org"], "pdf"))
    assert r["Content-Disposition"] == 'attachment; filename="factsheet-2025-H1-GM0392-v1.pdf"'


def test_de_link_staat_op_het_eigen_adres_van_de_regio(
    opzet, manager, regio_a, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://portaal.example.nl"
    settings.ALLOWED_HOSTS = ["testserver", "portaal.example.nl", "werkcentrum-zkij.example.nl"]
    regio_a.hostnaam = "werkcentrum-zkij.example.nl"
    regio_a.save(update_fields=["hostnaam"])
    _publiceren(opzet, manager, django_capture_on_commit_callbacks)
    assert mail.outbox
    assert all("https://werkcentrum-zkij.example.nl/factsheet/" in m.body for m in mail.outbox)


def test_op_het_adres_van_een_andere_regio_opent_de_link_niet(
    opzet, manager, regio_a, regio_b, client, settings, django_capture_on_commit_callbacks
):
    settings.ALLOWED_HOSTS = ["testserver", "werkcentrum-amersfoort.example.nl"]
    regio_b.hostnaam = "werkcentrum-amersfoort.example.nl"
    regio_b.save(update_fields=["hostnaam"])
    token = next(iter(_publiceren(opzet, manager, django_capture_on_commit_callbacks).values()))
    elders = {"HTTP_HOST": "werkcentrum-amersfoort.example.nl"}
    assert client.get(_url(token), **elders).status_code == 404
    assert client.get(_url(token, "pdf"), **elders).status_code == 404
    assert FactsheetLink.objects.get(token_hash=_hash(token)).aantal_geopend == 0
    assert client.get(_url(token)).status_code == 200
