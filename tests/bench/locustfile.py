"""Load test: a working day of many regio's against gunicorn. Started by tests/bench/load.py
(`make load`), which prepares the database (LOAD_REGIOS regio's of demo data), the staff
sessions (BENCH_SESSIES, a JSON file: people logged in long before the measurement) and
gunicorn. Staff think 5-15 s between pages, as people do; anonymous visitors read the public
site of a random regio. About one request in ten is a write: a gids registers a gesprek, an
adviseur records a contactmoment (each a GET of the form and its POST)."""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import secrets
import string
from datetime import date
from http.cookiejar import Cookie
from urllib.parse import urlencode, urlsplit

from locust import between, task
from locust.contrib.fasthttp import FastHttpUser

from tests.bench.omgeving import GEWICHTEN, keuzes

SESSIES = json.loads(open(os.environ["BENCH_SESSIES"]).read())  # noqa: SIM115
_VOLGENDE = {
    rol: itertools.cycle([s for s in SESSIES if s["rol"] == rol])
    for rol in {s["rol"] for s in SESSIES}
}
_VOLGENDE["alle"] = itertools.cycle(SESSIES)
REGIOS = os.environ.get("BENCH_REGIO_CODES", "zkij").split(",")
# Think time between a person's requests: reading the page, typing, a phone call in between.
WACHTTIJD = between(5, 15)


def _koekje(host: str, naam: str, waarde: str) -> Cookie:
    return Cookie(
        0,
        naam,
        waarde,
        None,
        False,
        host,
        False,
        False,
        "/",
        True,
        False,
        None,
        True,
        None,
        None,
        {},
    )


class Medewerker(FastHttpUser):
    """FastHttpUser (geventhttpclient): the client costs a fraction of the CPU of the
    requests-based HttpUser, which matters when locust shares the 2 cores with gunicorn."""

    abstract = True
    rol = ""
    wait_time = WACHTTIJD

    def on_start(self) -> None:
        sessie = next(_VOLGENDE[self.rol])
        self.eigen_werkgevers = sessie["werkgevers"]
        # The session of a person who logged in earlier, and a CSRF secret as the browser
        # keeps it (Django accepts the unmasked 32-character secret as the form's token).
        host = urlsplit(self.host).hostname
        tekens = string.ascii_letters + string.digits
        self.csrf = "".join(secrets.choice(tekens) for _ in range(32))
        self.client.cookiejar.set_cookie(_koekje(host, "sessionid", sessie["sessie"]))
        self.client.cookiejar.set_cookie(_koekje(host, "csrftoken", self.csrf))
        # Each person is a different address behind the proxy (TRUSTED_PROXY_COUNT=1).
        n = random.randrange(1, 250 * 250)
        adres = f"10.{n // 250 % 250}.{n % 250}.{random.randrange(1, 250)}"
        self.kop = {"X-Forwarded-For": adres}

    def lees(self, pad: str, naam: str | None = None) -> str:
        # No redirects followed: a lost session would otherwise count the login page as a 200.
        with self.client.get(
            pad, name=naam or pad, headers=self.kop, catch_response=True, allow_redirects=False
        ) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code}")
            return r.text or ""

    def post(self, pad: str, data: dict, naam: str, verwacht: str) -> None:
        """A form sent as a browser does; success is the redirect to `verwacht`."""
        data["csrfmiddlewaretoken"] = next(
            (c.value for c in self.client.cookiejar if c.name == "csrftoken"), self.csrf
        )
        # Encoded here: the client would write a list (several thema's) as its repr.
        with self.client.post(
            pad,
            data=urlencode(data, doseq=True).encode(),
            name=naam,
            headers={**self.kop, "Content-Type": "application/x-www-form-urlencoded"},
            allow_redirects=False,
            catch_response=True,
        ) as r:
            doel = r.headers.get("Location", "") if r.status_code == 302 else ""
            if not re.search(verwacht, doel):
                r.failure(f"status {r.status_code} naar {doel!r}")


class Gids(Medewerker):
    rol = "gids"
    weight = GEWICHTEN["gids"]

    @task(3)
    def werkplek(self):
        self.lees("/werkplek/")

    @task(4)
    def gesprekken(self):
        self.lees("/loket/gesprekken/")

    @task(2)
    def sociale_kaart(self):
        self.lees("/loket/sociale-kaart/")

    @task(3)
    def gesprek_registreren(self):
        html = self.lees("/loket/gesprekken/nieuw/")
        locaties = keuzes(html, "locatie")
        data = {
            "kanaal": "inloop",
            "locatie": random.choice(locaties) if locaties else "",
            "doelgroep": random.choice(keuzes(html, "doelgroep")),
            "themas": random.sample(keuzes(html, "themas"), 1),
            "leeftijdscategorie": random.choice(keuzes(html, "leeftijdscategorie")),
            "uitkomst": random.choice(keuzes(html, "uitkomst")),
            "notitie": "",
        }
        self.post(
            "/loket/gesprekken/nieuw/", data, "gesprek registreren", r"^/loket/gesprekken/\d+/$"
        )


class Coordinator(Medewerker):
    rol = "coordinator"
    weight = GEWICHTEN["coordinator"]

    @task(3)
    def dashboard(self):
        self.lees("/loket/dashboard/")

    @task(1)
    def werkplek(self):
        self.lees("/werkplek/")

    @task(1)
    def api_gesprekken(self):
        self.lees("/api/v1/loket/gesprekken/")


class WspAdviseur(Medewerker):
    rol = "wsp_adviseur"
    weight = GEWICHTEN["wsp_adviseur"]
    werkgevers: list[str] = []

    @task(3)
    def werkplek(self):
        self.lees("/werkplek/")

    @task(3)
    def vacatures(self):
        self.lees("/wsp/vacatures/")

    @task(2)
    def werkgevers_lijst(self):
        html = self.lees("/wsp/werkgevers/")
        self.werkgevers = sorted(set(re.findall(r'href="/wsp/werkgevers/(\d+)/"', html)))

    @task(3)
    def werkgever(self):
        if self.werkgevers:
            pk = random.choice(self.werkgevers)
            self.lees(f"/wsp/werkgevers/{pk}/", "/wsp/werkgevers/[pk]/")

    @task(2)
    def plaatsingen(self):
        self.lees("/wsp/plaatsingen/")

    @task(1)
    def kandidaten(self):
        self.lees("/wsp/kandidaten/")

    @task(2)
    def contactmoment_vastleggen(self):
        if not self.eigen_werkgevers:
            return
        pk = random.choice(self.eigen_werkgevers)
        pad = f"/wsp/werkgevers/{pk}/contactmoment/"
        html = self.lees(pad, "/wsp/werkgevers/[eigen pk]/contactmoment/")
        data = {
            "datum": date.today().isoformat(),
            "type": random.choice(keuzes(html, "type")),
            "samenvatting": "Belastingtest: personeelsbehoefte besproken.",
            "afspraken": "",
            "opvolgdatum": "",
        }
        self.post(pad, data, "contactmoment vastleggen", rf"^/wsp/werkgevers/{pk}/$")


class WspManager(Medewerker):
    rol = "wsp_manager"
    weight = GEWICHTEN["wsp_manager"]

    @task(2)
    def doelstellingen(self):
        self.lees("/wsp/doelstellingen/")

    @task(1)
    def werkplek(self):
        self.lees("/werkplek/")

    @task(1)
    def api_plaatsingen(self):
        self.lees("/api/v1/wsp/plaatsingen/")

    @task(1)
    def api_werkgevers(self):
        self.lees("/api/v1/wsp/werkgevers/")


class RbaSecretariaat(Medewerker):
    rol = "rba_secretariaat"
    weight = GEWICHTEN["rba_secretariaat"]

    @task(3)
    def besluiten(self):
        self.lees("/rba/besluiten/")

    @task(1)
    def vergaderingen(self):
        self.lees("/rba/vergaderingen/")

    @task(1)
    def acties(self):
        self.lees("/rba/acties/")

    @task(1)
    def api_besluiten(self):
        self.lees("/api/v1/rba/besluiten/")


class FinancieelBeheerder(Medewerker):
    rol = "financieel_beheerder"
    weight = GEWICHTEN["financieel_beheerder"]

    @task(3)
    def reserve(self):
        self.lees("/financien/reserve/")

    @task(1)
    def overzicht(self):
        self.lees("/financien/")

    @task(1)
    def api_mutaties(self):
        self.lees("/api/v1/financien/mutaties/")


class Inwoner(FastHttpUser):
    """Public pages of a random regio, no login. Their number is fixed (LOAD_PUBLIEK_NU);
    the staff roles share the other users by GEWICHTEN."""

    fixed_count = int(os.environ.get("LOAD_PUBLIEK_NU", "0"))
    weight = 1
    wait_time = WACHTTIJD

    def on_start(self) -> None:
        self.regio = random.choice(REGIOS)
        adres = f"10.200.{random.randrange(250)}.{random.randrange(1, 250)}"
        self.kop = {"X-Forwarded-For": adres}

    def lees(self, pad: str) -> None:
        naam = pad.replace(f"/{self.regio}/", "/[regio]/", 1)
        with self.client.get(pad, name=naam, headers=self.kop, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code}")

    @task(3)
    def home(self):
        self.lees(f"/{self.regio}/")

    @task(3)
    def vacaturekrant(self):
        self.lees(f"/{self.regio}/vacatures/")

    @task(1)
    def besluiten(self):
        self.lees(f"/{self.regio}/besluiten/")

    @task(1)
    def spreekuren(self):
        self.lees(f"/{self.regio}/spreekuren/")

    @task(1)
    def wegwijzer(self):
        self.lees(f"/{self.regio}/waar-kan-ik-terecht/")
