"""Paging of the portal's lists: Django's paginator, with the total kept between requests.

Why: the caption of a list says how many rows match, and counting 40,000 plaatsingen of a
regio costs more than showing the 25 on the page. The count is kept under the versions of
every table the query reads (werkcentrum.versies), per query and parameters (so per regio and
filter): a save or delete in any of them counts again; writes without signals show within
TELLING_SECONDEN."""

from __future__ import annotations

from functools import cached_property

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import QuerySet
from django.http import HttpRequest
from rest_framework.pagination import PageNumberPagination

from . import versies

GROOTTE = 25
TELLING_SECONDEN = 60


def pagina(request: HttpRequest, qs, grootte: int = GROOTTE) -> Page:
    """The page the request asks for (?pagina=), the last one when beyond, the first when
    not a number."""
    return Paginator(qs, grootte).get_page(request.GET.get("pagina"))


class Paginator(DjangoPaginator):
    @cached_property
    def sql(self) -> tuple[str, tuple] | None:
        """The list's SQL and parameters (None when it can have no rows): compiled once, for the
        kept total and the kept rows (werkcentrum.rijen) alike, as compiling costs more than
        reading either back."""
        try:
            return self.object_list.query.sql_with_params()
        except EmptyResultSet:
            return None

    @cached_property
    def count(self) -> int:
        qs = self.object_list
        if not isinstance(qs, QuerySet):
            return super().count
        if self.sql is None:
            return 0
        sql, params = self.sql
        sleutel = versies.sleutel("telling", qs.db, sql, params)
        return versies.onthouden(sleutel, versies.bronnen(qs, sql), qs.count, TELLING_SECONDEN)[0]


class ApiPaginering(PageNumberPagination):
    """DRF's page-number paging of the API lists with the same kept total."""

    django_paginator_class = Paginator
