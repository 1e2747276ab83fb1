"""The page behind a recipient's personal link: one frozen, published version as web page and
PDF, without login. Read-only (GET/HEAD), never cached, not indexed, no referrer leaving the
page (the token is in the URL)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from werkcentrum.selectors import regio_voor_host

from . import links, pdf
from .views import inhoud


def _afgeschermd(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _ongeldig(request: HttpRequest, fout: links.LinkOngeldig) -> HttpResponse:
    return _afgeschermd(
        render(
            request,
            "wsp/factsheet/link_ongeldig.html",
            {"reden": fout.reden},
            status=fout.status,
        )
    )


@never_cache
@require_safe
def factsheet(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = links.link_openen(token, op_host_van=regio_voor_host(request.get_host()))
    except links.LinkOngeldig as fout:
        return _ongeldig(request, fout)
    context = {**inhoud(link.factsheet), "token": token}
    return _afgeschermd(render(request, "wsp/factsheet/openbaar.html", context))


@never_cache
@require_safe
def factsheet_pdf(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = links.link_openen(token, op_host_van=regio_voor_host(request.get_host()))
    except links.LinkOngeldig as fout:
        return _ongeldig(request, fout)
    fs = link.factsheet
    response = HttpResponse(pdf.factsheet_pdf(inhoud(fs)), content_type="application/pdf")
    naam = f"factsheet-{fs.periode}-{fs.gemeente.cbs_code if fs.gemeente_id else 'regio'}"
    response["Content-Disposition"] = f'attachment; filename="{naam}-v{fs.versie}.pdf"'
    return _afgeschermd(response)
