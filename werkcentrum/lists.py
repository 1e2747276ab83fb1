"""One way to build a list page (docs/lijsten.md).

A list page is: the app's selector (the queryset already scoped to the user's regio, with the
select_related/prefetch_related its table needs), a django-filter FilterSet that filters that
queryset (search, filters, ordering), Django's Paginator and a table template that extends
components/tabel.html. The same FilterSet serves the page, its export and its API list
(DjangoFilterBackend), so the three always agree on what a filter means.

Nothing is kept between requests: speed comes from the queries and their indexes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django_filters import FilterSet

PAGE_SIZE = 25
# The query parameter of the page number: part of the URLs users bookmark, so it stays Dutch.
PAGE_PARAM = "pagina"


def filter_data(request: HttpRequest, defaults: Mapping[str, str] | None = None) -> QueryDict:
    """The request's filter values, with `defaults` for the filters the request does not name
    (a list that opens on "open" items keeps doing so on page 2, while an explicit empty
    choice, "all statuses", is respected)."""
    data = request.GET.copy()
    for name, value in (defaults or {}).items():
        data.setdefault(name, value)
    return data


def filtered(
    request: HttpRequest,
    queryset: QuerySet,
    filterset_class: type[FilterSet],
    *,
    defaults: Mapping[str, str] | None = None,
    **filterset_kwargs: Any,
) -> FilterSet:
    """The FilterSet of a list bound to the request, over the already scoped `queryset`.
    Invalid values are left out of the filtering and shown next to their field."""
    return filterset_class(
        filter_data(request, defaults),
        queryset=queryset,
        request=request,
        **filterset_kwargs,
    )


def list_context(
    request: HttpRequest,
    queryset: QuerySet,
    filterset_class: type[FilterSet] | None = None,
    *,
    page_size: int = PAGE_SIZE,
    defaults: Mapping[str, str] | None = None,
    **filterset_kwargs: Any,
) -> dict[str, Any]:
    """What a list page's template needs: `filter_form` (None without a FilterSet),
    `page_obj` (Django's Page; its rows are read once, as a list), `rows` (the same list) and
    `query_string` (the filters without the page number, for the paging links)."""
    filter_form = None
    if filterset_class is not None:
        filterset = filtered(
            request, queryset, filterset_class, defaults=defaults, **filterset_kwargs
        )
        queryset = filterset.qs
        filter_form = filterset.form
    page_obj = Paginator(queryset, page_size).get_page(request.GET.get(PAGE_PARAM))
    # Read once: the table and the audit log of the persons shown see the same rows.
    page_obj.object_list = list(page_obj.object_list)
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    return {
        "filter_form": filter_form,
        "page_obj": page_obj,
        "rows": page_obj.object_list,
        "query_string": query.urlencode(),
    }
