"""No personal data in application logs: a journey of an inwoner, a gids and a WSP adviseur,
plus the reminder tasks weeks later, with every logger at DEBUG; the names and e-mail
addresses of the (fictional) persons never appear in a log record."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import MedewerkerFactory
from tests.loket.factories import DienstFactory
from tests.wsp.factories import KandidaatFactory

PERSONEN = {
    "inwoner": ("Ysolde Brakkenburg", "ysolde.brakkenburg@voorbeeld.nl"),
    "doorverwezen": ("Wessel Tjoelkema", "wessel.tjoelkema@voorbeeld.nl"),
    "kandidaat": ("Quirijn Vlasblom", "quirijn.vlasblom@voorbeeld.nl"),
}
# Loggers of the test tooling itself (factory_boy logs the objects it builds), not the app.
TESTGEREEDSCHAP = {"factory", "faker"}
GEHEIMEN = [deel for naam, email in PERSONEN.values() for deel in (*naam.split(), email)]


def _alle_logtekst(caplog) -> str:
    regels = []
    for record in caplog.records:
        if record.name.split(".")[0] in TESTGEREEDSCHAP:
            continue
        regels.append(record.getMessage())
        regels.append(repr(record.args))
        regels.append(repr({k: v for k, v in vars(record).items() if k not in ("msg", "args")}))
    return "\n".join(regels)


@pytest.fixture
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def test_reis_laat_geen_persoonsgegevens_in_de_logs(db, regio_a, caplog, _zonder_mfa, kies_doel):
    from loket import tasks as loket_tasks
    from loket.models import Doorverwijzing, Thema, Vraag
    from wsp import tasks as wsp_tasks

    caplog.set_level(logging.DEBUG)
    for naam in ("django", "django.request", "celery", "werkcentrum", "loket", "wsp", "rba"):
        caplog.set_level(logging.DEBUG, logger=naam)

    # An inwoner asks a question on the public site.
    naam, email = PERSONEN["inwoner"]
    thema = Thema.objects.order_by("pk").first()
    assert thema is not None
    response = Client().post(
        reverse("loket_publiek:vraag", kwargs={"regio": regio_a.code}),
        {
            "thema": thema.pk,
            "tekst": "Hoe vind ik een opleiding in de zorg?",
            "wil_antwoord": "on",
            "naam": naam,
            "email": email,
            "toestemming": "on",
            "website": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    vraag = Vraag.objects.get(email=email)

    # A gids reads it and refers another person warmly to a partner.
    gids = MedewerkerFactory(regio=regio_a, rollen=["gids", "coordinator"])
    staf = Client()
    staf.force_login(gids)
    kies_doel(staf, vraag)
    assert staf.get(reverse("loket:vraag", args=[vraag.pk])).status_code == 200
    assert staf.get(reverse("loket:vragen")).status_code == 200
    dienst = DienstFactory(regio=regio_a)
    naam, email = PERSONEN["doorverwezen"]
    response = staf.post(
        reverse("loket:doorverwijzing_nieuw"),
        {
            "dienst": dienst.pk,
            "samenvatting": "Zoekt schuldhulp en werk.",
            "naam": naam,
            "email": email,
            "telefoon": "0235115115",
            "toestemming_gegevens": "naam, telefoonnummer, e-mailadres en de samenvatting",
            "toestemming": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    doorverwijzing = Doorverwijzing.objects.get(email=email)
    assert staf.get(reverse("loket:doorverwijzing", args=[doorverwijzing.pk])).status_code == 200
    assert staf.get(reverse("loket-doorverwijzing-list")).status_code == 200

    # A WSP adviseur looks at a kandidaat in the UI and the API.
    voornaam, achternaam = PERSONEN["kandidaat"][0].split()
    kandidaat = KandidaatFactory(
        regio=regio_a, voornaam=voornaam, achternaam=achternaam, email=PERSONEN["kandidaat"][1]
    )
    adviseur = Client()
    adviseur.force_login(MedewerkerFactory(regio=regio_a, rollen=["wsp_adviseur"]))
    kies_doel(adviseur, kandidaat)
    assert adviseur.get(reverse("wsp:kandidaat", args=[kandidaat.pk])).status_code == 200
    detail = reverse("wsp-kandidaat-detail", args=[kandidaat.pk])
    assert adviseur.get(detail, {"doel": "bemiddeling"}).status_code == 200
    assert adviseur.get(reverse("wsp:kandidaten"), {"zoek": achternaam}).status_code == 200
    # Bad input is logged by Django as a warning; it must not carry the person either.
    assert adviseur.get(reverse("wsp:kandidaat", args=[999999])).status_code == 404

    # Weeks later the reminder and follow-up tasks run (eagerly, through Celery's API).
    with time_machine.travel(timezone.now() + timedelta(days=30), tick=False):
        loket_tasks.vraag_termijnen_bewaken.delay()
        loket_tasks.doorverwijzingen_opvolgen.delay()
        loket_tasks.tevredenheid_vragen.delay(doorverwijzing.pk)
        wsp_tasks.nazorg_bewaken.delay()
        wsp_tasks.verzoeken_bewaken.delay()

    app_records = [r for r in caplog.records if r.name.split(".")[0] not in TESTGEREEDSCHAP]
    # Celery's task trace, Django's request log (the 404) and the templates did log.
    assert {"celery", "django"} <= {r.name.split(".")[0] for r in app_records}
    logtekst = _alle_logtekst(caplog)
    gelekt = [geheim for geheim in GEHEIMEN if geheim.lower() in logtekst.lower()]
    assert not gelekt, f"personal data in the application logs: {gelekt}"
