"""A shared world for the security tests: demo data of regio A, a user per role, outsiders.

The world is built once for the package inside a transaction that is rolled back when the package
ends, so the demo rows never leak into other test packages. Each test runs in a savepoint of
that transaction (pytest-django's `db`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from tests.factories import MedewerkerFactory
from werkcentrum.rollen import ROLLEN

ROLCODES = list(ROLLEN)
# Everyone the matrix asks: anonymous, each role of regio A, the platform superuser, and a
# user of regio B holding every role (so a 404 there is the regio wall, not a missing role).
GEBRUIKERS = ["anoniem", *ROLCODES, "superuser", "andere_regio"]
# A user of a third regio holding every role: expected to meet the same wall as andere_regio.
DERDE = "derde_regio"


@dataclass
class Wereld:
    regio_a: object
    regio_b: object
    regio_c: object
    gebruikers: dict = field(default_factory=dict)
    clients: dict = field(default_factory=dict)


@pytest.fixture(scope="package")
def wereld(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        from werkcentrum.celery import app

        app.conf.task_always_eager = True
        call_command("demo_data", "--regio", "zkij", "--seed", "1", stdout=_Stil())
        from werkcentrum.models import Arbeidsmarktregio

        regio_a = Arbeidsmarktregio.objects.get(code="zkij")
        # Regio B and C come from definition files, as a new regio goes live (issue 24): B is
        # Amersfoort with its own demo data, C a third regio with only its definition.
        call_command("demo_data", "--regio", "amf", "--seed", "2", stdout=_Stil())
        regio_b = Arbeidsmarktregio.objects.get(code="amf")
        regio_c = _derde_regio()
        wereld = Wereld(regio_a=regio_a, regio_b=regio_b, regio_c=regio_c)
        for code in ROLCODES:
            wereld.gebruikers[code] = MedewerkerFactory(
                regio=regio_a, rollen=[code], email=f"sec.{code}@test.werkcentrum.nl"
            )
        wereld.gebruikers["superuser"] = MedewerkerFactory(
            regio=None, is_superuser=True, is_staff=True, rollen=[], email="sec.su@test.nl"
        )
        wereld.gebruikers["andere_regio"] = MedewerkerFactory(
            regio=regio_b, rollen=ROLCODES, email="sec.b@test.werkcentrum.nl"
        )
        wereld.gebruikers[DERDE] = MedewerkerFactory(
            regio=regio_c, rollen=ROLCODES, email="sec.c@test.werkcentrum.nl"
        )
        _traject(wereld.gebruikers["coordinator"], regio_a, "Traject Persoon")
        _traject(MedewerkerFactory(regio=regio_b, rollen=["coordinator"]), regio_b, "Traject Eem")
        # One logged-in client per person, reused by every test (logging in is the slow part).
        for wie in [*GEBRUIKERS, DERDE]:
            client = Client()
            if wie != "anoniem":
                client.force_login(wereld.gebruikers[wie])
                # These clients live for the whole package, which can outlast the 30-minute
                # idle timeout on a busy machine; the timeout itself is tested in test_hardening.
                sessie = client.session
                sessie.set_expiry(12 * 3600)
                sessie.save()
            wereld.clients[wie] = client
        app.conf.task_always_eager = False
        yield wereld
        transaction.set_rollback(True)


def _derde_regio():
    """A third regio loaded from a definition file: ZKIJ's file under another code, name and
    (unreal, GM7xxx) CBS codes, read and loaded by the code a beheerder's upload runs."""
    import yaml

    from werkcentrum import regiodefinitie

    data = yaml.safe_load(regiodefinitie.bestand("zkij").read_text())
    data.update(code="derde", naam="Derde proefregio", hostnaam=None)
    data.pop("huisstijl", None)
    for i, gemeente in enumerate(data["gemeenten"]):
        gemeente["cbs"] = f"GM7{i:03d}"
    regiodefinitie.laden(regiodefinitie.lezen(yaml.safe_dump(data, allow_unicode=True)))
    from werkcentrum.models import Arbeidsmarktregio

    return Arbeidsmarktregio.objects.get(code="derde")


def _traject(door, regio, naam: str) -> None:
    """The demo has no traject; the matrix and the isolation tests need one per regio."""
    from datetime import date
    from decimal import Decimal

    from loket import services
    from loket.models import Traject
    from werkcentrum.models import Organisatie

    services.traject_registreren(
        door=door,
        soort=Traject.Soort.values[0],
        aanbieder=Organisatie.objects.filter(regio=regio).order_by("pk").first(),
        startdatum=date(2026, 3, 2),
        kosten=Decimal("0.00"),
        toestemming=True,
        toestemming_gegevens="naam en e-mail",
        naam=naam,
        email=f"{naam.lower().replace(' ', '.')}@voorbeeld.nl",
    )


class _Stil:
    def write(self, *args, **kwargs) -> None:
        pass

    def flush(self) -> None:
        pass
