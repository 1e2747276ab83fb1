"""The shared paginator keeps a list's total between requests, per query and parameters, and
counts again as soon as a table the query reads changes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.factories import GemeenteFactory
from werkcentrum.models import Gemeente
from werkcentrum.paginering import pagina

pytestmark = pytest.mark.django_db


def _tellingen(qs) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        totaal = pagina(RequestFactory().get("/"), qs).paginator.count
    return totaal, sum("COUNT(" in q["sql"].upper() for q in queries.captured_queries)


def test_the_total_is_counted_once_and_kept(regio_a):
    for _ in range(3):
        GemeenteFactory(regio=regio_a)
    qs = Gemeente.objects.filter(regio=regio_a).order_by("naam")
    assert _tellingen(qs) == (3, 1)
    assert _tellingen(qs) == (3, 0)


def test_a_change_counts_again_and_filters_are_apart(regio_a, regio_b):
    GemeenteFactory(regio=regio_a)
    GemeenteFactory(regio=regio_b)
    van_a = Gemeente.objects.filter(regio=regio_a).order_by("naam")
    van_b = Gemeente.objects.filter(regio=regio_b).order_by("naam")
    assert _tellingen(van_a)[0] == 1
    assert _tellingen(van_b)[0] == 1
    GemeenteFactory(regio=regio_a)
    assert _tellingen(van_a) == (2, 1)
    assert _tellingen(van_b)[0] == 1


def test_a_change_in_a_joined_table_counts_again(regio_a):
    gemeente = GemeenteFactory(regio=regio_a, naam="Haarlem")
    qs = Gemeente.objects.filter(regio__naam=regio_a.naam).order_by("naam")
    assert _tellingen(qs)[0] == 1
    regio_a.naam = "Andere naam"
    regio_a.save()
    assert _tellingen(qs) == (0, 1)
    assert gemeente.pk


def test_an_empty_queryset_and_a_list_page_too(regio_a):
    assert pagina(RequestFactory().get("/"), Gemeente.objects.none()).paginator.count == 0
    assert pagina(RequestFactory().get("/?pagina=2"), list(range(30))).number == 2


def test_the_api_paging_keeps_the_total_too(regio_a):
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from werkcentrum.paginering import ApiPaginering

    for _ in range(3):
        GemeenteFactory(regio=regio_a)
    qs = Gemeente.objects.filter(regio=regio_a).order_by("naam")

    def tellen():
        paginering = ApiPaginering()
        with CaptureQueriesContext(connection) as queries:
            rijen = paginering.paginate_queryset(qs, Request(APIRequestFactory().get("/")))
        telling = sum("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
        return paginering.page.paginator.count, len(rijen), telling

    assert tellen() == (3, 3, 1)
    assert tellen() == (3, 3, 0)
