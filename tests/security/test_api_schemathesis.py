"""Schemathesis against /api/schema/: every operation, authenticated as a staff user holding
every role in the regio with demo data, in-process through the Django WSGI app (no network).
Checks: no 5xx, and every response conforms to the documented schema.

Schemathesis' own pytest plugin (`schema.parametrize()`) does not run on pytest 9 (it writes
`Function._nodeid`), so each operation is a parametrized test driving the operation's
hypothesis strategy itself; a separate test proves the list covers the served schema.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, response_schema_conformance

from tests.factories import MedewerkerFactory
from werkcentrum.rollen import ROLLEN

CHECKS = [not_a_server_error, response_schema_conformance]
HTTP_METHODES = ("get", "post", "put", "patch", "delete")
VOORBEELDEN = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        # The token and the demo world are shared by all examples on purpose.
        HealthCheck.function_scoped_fixture,
        # Each example is a full request against a database; that is the point, not a smell.
        HealthCheck.too_slow,
        # Schemathesis filters generated values to the schema's formats and patterns.
        HealthCheck.filter_too_much,
    ],
)


def _operaties() -> list[tuple[str, str]]:
    """Every (method, path) of the generated schema, known at collection time."""
    from drf_spectacular.generators import SchemaGenerator

    paden = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    return sorted((m, p) for p, ops in paden.items() for m in ops if m in HTTP_METHODES)


OPERATIES = _operaties()


@pytest.fixture
def api_token(wereld, db):
    from werkcentrum.api_tokens import api_token_uitgeven

    # A service account with every role and a read-write token for every part of the API
    # (tokens are for integrations; staff use the session with its second factor).
    user = MedewerkerFactory(
        regio=wereld.regio_a,
        rollen=list(ROLLEN),
        email="api.fuzz@test.werkcentrum.nl",
        serviceaccount=True,
    )
    beheerder = MedewerkerFactory(
        regio=wereld.regio_a, rollen=["beheerder"], email="api.beheer@test.werkcentrum.nl"
    )
    _record, token = api_token_uitgeven(
        serviceaccount=user,
        naam="Fuzzing",
        alleen_lezen=False,
        apps=[],
        geldig_dagen=1,
        door=beheerder,
    )
    return token


@pytest.fixture
def wsgi_app():
    """Django's real WSGI app, but (like django.test.Client) without closing the database
    connection around each request: that would end the test's transaction on PostgreSQL."""
    signalen = (request_started, request_finished)
    for signaal in signalen:
        signaal.disconnect(close_old_connections)
    # A new handler, so its middleware read the test settings (plain HTTP), not those of the
    # moment werkcentrum.wsgi was first imported.
    yield WSGIHandler()
    for signaal in signalen:
        signaal.connect(close_old_connections)


@pytest.fixture
def api_schema(api_token, wsgi_app, settings):
    # Schemathesis' WSGI client sends "Host: localhost".
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    return schemathesis.openapi.from_wsgi(
        "/api/schema/?format=json", wsgi_app, headers={"Authorization": f"Token {api_token}"}
    )


def test_de_lijst_dekt_elke_operatie_van_het_schema(api_schema):
    geserveerd = sorted(
        (m, p)
        for p in api_schema.raw_schema["paths"]
        for m in api_schema.raw_schema["paths"][p]
        if m in HTTP_METHODES
    )
    assert geserveerd == OPERATIES


@pytest.mark.parametrize(
    ("methode", "pad"), OPERATIES, ids=[f"{m.upper()} {p}" for m, p in OPERATIES]
)
def test_api_operatie_geeft_geen_5xx_en_volgt_het_schema(methode, pad, api_schema, api_token):
    operatie = api_schema[pad][methode.upper()]
    # Valid and invalid input alike: invalid input must end in a 4xx, never a 5xx.
    voorbeelden = st.one_of(
        operatie.as_strategy(GenerationMode.POSITIVE),
        operatie.as_strategy(GenerationMode.NEGATIVE),
    )
    auth = {"Authorization": f"Token {api_token}"}

    @VOORBEELDEN
    @given(case=voorbeelden)
    def controleer(case):
        case.call_and_validate(headers=auth, checks=CHECKS)

    controleer()
