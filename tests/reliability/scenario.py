"""Data and actions for the fault tests, run as `python -m tests.reliability.scenario ...`
inside the app's environment (the throwaway database). Prints JSON."""

from __future__ import annotations

import json
import sys
import time
from datetime import date, timedelta

import django

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from loket import services as loket_services  # noqa: E402
from loket.models import Doorverwijzing  # noqa: E402
from tests.factories import MedewerkerFactory, RegioFactory  # noqa: E402
from tests.loket.factories import DoorverwijzingFactory  # noqa: E402
from tests.wsp.factories import NazorgMomentFactory, PlaatsingFactory  # noqa: E402
from werkcentrum.celery import app  # noqa: E402
from wsp.factsheets import services as factsheet_services  # noqa: E402
from wsp.factsheets.selectors import Periode  # noqa: E402
from wsp.models import FactsheetOntvanger  # noqa: E402

VANDAAG = date(2025, 5, 2)  # a Friday: the nazorg moments below fall due today
S = Doorverwijzing.Status


def _regio():
    return RegioFactory(code="zkij", naam="Zuid-Kennemerland en IJmond")


def _doorverwijzingen(regio, aantal: int, **velden) -> tuple[list[Doorverwijzing], object]:
    eerste = DoorverwijzingFactory(regio=regio, **velden)
    rest = [
        DoorverwijzingFactory(regio=regio, dienst=eerste.dienst, **velden)
        for _ in range(aantal - 1)
    ]
    partner = MedewerkerFactory(
        regio=regio, organisatie=eerste.organisatie, rollen=["partnermedewerker"]
    )
    return [eerste, *rest], partner


@transaction.atomic
def herinneringen(nazorg: int, doorverwijzingen: int, ontvangers: int) -> dict:
    """Due work for the three reminder runs: nazorg moments due today, referrals sent two weeks
    ago (partner reminder + gids signal each) and a factsheet with `ontvangers` recipients."""
    regio = _regio()
    for _ in range(nazorg):
        NazorgMomentFactory(plaatsing=PlaatsingFactory(werkgever__regio=regio), vervaldatum=VANDAAG)
    _doorverwijzingen(regio, doorverwijzingen, verstuurd_op=timezone.now() - timedelta(days=14))
    for i in range(ontvangers):
        FactsheetOntvanger.objects.create(
            regio=regio, naam=f"Ontvanger {i}", email=f"o{i}@example.org"
        )
    factsheet, _nieuw = factsheet_services.factsheet_maken(
        regio=regio, periode=Periode(2025, 1), vandaag=date(2025, 7, 15)
    )
    return {
        "vandaag": VANDAAG.isoformat(),
        "nazorg": nazorg,
        "doorverwijzing": 2 * doorverwijzingen,
        "factsheet": ontvangers,
        "factsheet_pk": factsheet.pk,
        "manager_pk": MedewerkerFactory(regio=regio, rollen=["wsp_manager"]).pk,
    }


def publiceer(factsheet_pk: int, manager_pk: int) -> dict:
    """Publishing queues the mailing through delay_on_commit, i.e. through the outbox."""
    from werkcentrum.models import Medewerker
    from wsp.models import Factsheet

    factsheet = Factsheet.objects.get(pk=factsheet_pk)
    factsheet_services.publiceren(factsheet=factsheet, user=Medewerker.objects.get(pk=manager_pk))
    return {"gepubliceerd": factsheet_pk}


def stuur(taak: str, kwargs: str = "{}") -> dict:
    app.send_task(taak, kwargs=json.loads(kwargs))
    return {"gestuurd": taak}


def _sessie(user) -> str:
    sessie = SessionStore()
    sessie[SESSION_KEY] = str(user.pk)
    sessie[BACKEND_SESSION_KEY] = "werkcentrum.adapters.AuthenticationBackend"
    sessie[HASH_SESSION_KEY] = user.get_session_auth_hash()
    sessie.create()
    return sessie.session_key


@transaction.atomic
def web() -> dict:
    """A partner with one referral to close, and a logged-in session for that partner."""
    regio = _regio()
    (dv,), partner = _doorverwijzingen(
        regio, 1, verstuurd_op=timezone.now(), status=S.CONTACT_GELEGD
    )
    return {"sessie": _sessie(partner), "dv": dv.pk, "regio": regio.code}


def burst(aantal: int, pauze: float) -> dict:
    """Partners close `aantal` referrals one by one, as the web form does; every close queues
    the satisfaction mail through the outbox."""
    with transaction.atomic():
        lijst, partner = _doorverwijzingen(
            _regio(), aantal, verstuurd_op=timezone.now(), status=S.CONTACT_GELEGD
        )
    for dv in lijst:
        loket_services.doorverwijzing_status_wijzigen(
            doorverwijzing=dv, status=S.AFGEROND, door=partner
        )
        time.sleep(pauze)
    return {"gesloten": len(lijst)}


ACTIES = {
    "herinneringen": lambda n, d, o: herinneringen(int(n), int(d), int(o)),
    "publiceer": lambda f, m: publiceer(int(f), int(m)),
    "stuur": stuur,
    "web": web,
    "burst": lambda n, p: burst(int(n), float(p)),
}

if __name__ == "__main__":
    print(json.dumps(ACTIES[sys.argv[1]](*sys.argv[2:])))
