"""Load test: mixed journeys of all roles against gunicorn. Started by tests/bench/load.py
(`make load`), which prepares the database, the accounts with their TOTP secrets
(BENCH_ACCOUNTS, a JSON file) and gunicorn. Every staff user logs in for real: password and
a TOTP code. About 80% of the requests are reads; the writes register a gesprek (gids) and a
contactmoment (wsp_adviseur)."""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import time
from datetime import date
from urllib.parse import urlencode

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

from tests.bench.omgeving import inloggen, keuzes

ACCOUNTS = json.loads(open(os.environ["BENCH_ACCOUNTS"]).read())  # noqa: SIM115
_VOLGENDE = {
    rol: itertools.cycle([a for a in ACCOUNTS if a["rol"] == rol])
    for rol in {a["rol"] for a in ACCOUNTS}
}
# Every account in turn, for users whose role does not matter (the ceiling run).
_VOLGENDE["alle"] = itertools.cycle(ACCOUNTS)
REGIO = "zkij"
# Think time between a user's requests: short, so 50 users make a heavy load.
WACHTTIJD = between(0.02, 0.2)
_AANGEMELD = {"aantal": 0, "mislukt": 0, "start": None}


@events.test_start.add_listener
def _start(environment, **_kw) -> None:
    _AANGEMELD["start"] = time.time()


def aangemeld(user: FastHttpUser) -> None:
    """The statistics start once every user is there (logged in): the login storm at the
    start, with its deliberately slow password hash, is reported apart (BENCH_LOGINS)."""
    _AANGEMELD["aantal"] += 1
    env = user.environment
    if _AANGEMELD["aantal"] != env.parsed_options.num_users:
        return
    logins = {
        e.method + " " + e.name[e.name.index("/accounts/") :]: {
            "aantal": e.num_requests,
            "fouten": e.num_failures,
            "mediaan_ms": e.median_response_time,
            "max_ms": e.max_response_time,
        }
        for e in env.stats.entries.values()
        if "/accounts/" in e.name
    }
    verslag = {
        "seconden_tot_iedereen_aangemeld": time.time() - _AANGEMELD["start"],
        "mislukte_logins": _AANGEMELD["mislukt"],
        **logins,
    }
    with open(os.environ["BENCH_LOGINS"], "w") as f:
        json.dump(verslag, f)
    env.stats.reset_all()


class Medewerker(FastHttpUser):
    """FastHttpUser (geventhttpclient): the client costs a fraction of the CPU of the
    requests-based HttpUser, which matters when locust shares the 2 cores with gunicorn."""

    abstract = True
    rol = ""
    wait_time = WACHTTIJD

    def on_start(self) -> None:
        account = next(_VOLGENDE[self.rol])
        self.eigen_werkgevers = account["werkgevers"]
        try:
            self.kop = inloggen(self.client, "", account["email"], account["secret"])
        except RuntimeError:
            _AANGEMELD["mislukt"] += 1
            raise
        finally:
            aangemeld(self)

    def lees(self, pad: str, naam: str | None = None) -> str:
        with self.client.get(pad, name=naam or pad, headers=self.kop, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code}")
            return r.text or ""

    def post(self, pad: str, data: dict, naam: str, verwacht: str) -> None:
        """A form sent as a browser does; success is the redirect to `verwacht`."""
        data["csrfmiddlewaretoken"] = next(
            (c.value for c in self.client.cookiejar if c.name == "csrftoken"), ""
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
    weight = 10

    @task(4)
    def werkplek(self):
        self.lees("/werkplek/")

    @task(3)
    def gesprekken(self):
        self.lees("/loket/gesprekken/")

    @task(1)
    def sociale_kaart(self):
        self.lees("/loket/sociale-kaart/")

    @task(4)
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
    weight = 3

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
    weight = 10
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
    def nazorg(self):
        self.lees("/wsp/plaatsingen/")

    @task(1)
    def kandidaten(self):
        self.lees("/wsp/kandidaten/")

    @task(4)
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
    weight = 3

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
    weight = 3

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
    weight = 3

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
    """Public pages, no login."""

    weight = 18
    wait_time = WACHTTIJD

    def on_start(self) -> None:
        # Each visitor is a different address behind the proxy (see omgeving.inloggen).
        self.kop = {"X-Forwarded-For": f"10.200.{random.randrange(250)}.{id(self) % 250}"}
        aangemeld(self)

    def lees(self, pad: str) -> None:
        with self.client.get(pad, headers=self.kop, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code}")

    @task(3)
    def home(self):
        self.lees(f"/{REGIO}/")

    @task(3)
    def vacaturekrant(self):
        self.lees(f"/{REGIO}/vacatures/")

    @task(1)
    def besluiten(self):
        self.lees(f"/{REGIO}/besluiten/")

    @task(1)
    def spreekuren(self):
        self.lees(f"/{REGIO}/spreekuren/")

    @task(1)
    def wegwijzer(self):
        self.lees(f"/{REGIO}/waar-kan-ik-terecht/")


if os.environ.get("LOAD_PLAFOND") == "1":
    # Defined only for `LOAD_PLAFOND=1 make load`, which runs this class alone: the ceiling of
    # the mixed run, on the same machine, with the same users, think time and locust.

    class Plafond(Medewerker):
        """Logged-in staff asking only the bench's trivial view (full middleware, one query)."""

        rol = "alle"

        @task
        def plafond(self):
            self.lees("/bench/plafond/")
