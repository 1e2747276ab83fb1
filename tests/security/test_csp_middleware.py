"""werkcentrum.middleware.CspMiddleware: django-csp's header, built once; a view's own policy
and a nonce are still built per response, as django-csp does."""

from __future__ import annotations

import pytest
from csp.constants import HEADER, NONCE
from csp.decorators import csp_update
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from werkcentrum.middleware import CspMiddleware


def _antwoord(view, request=None):
    request = request or RequestFactory().get("/ergens/")
    ons = CspMiddleware(view)(request)
    request2 = RequestFactory().get("/ergens/")
    hun = CSPMiddleware(view)(request2)
    return ons, hun


def _gewoon(request):
    return HttpResponse("ok")


def test_the_usual_header_is_django_csp_s_own():
    ons, hun = _antwoord(_gewoon)
    assert ons[HEADER] == hun[HEADER]
    assert "default-src 'self'" in ons[HEADER] and "unsafe-inline" not in ons[HEADER]


def test_a_changed_setting_gives_its_own_header(settings):
    eerste = CspMiddleware(_gewoon)(RequestFactory().get("/"))[HEADER]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    tweede = CspMiddleware(_gewoon)(RequestFactory().get("/"))[HEADER]
    assert tweede == "default-src 'none'" and tweede != eerste


def test_a_view_s_own_policy_is_still_applied():
    @csp_update({"img-src": ["https://kaart.example"]})
    def eigen(request):
        return HttpResponse("ok")

    ons, hun = _antwoord(eigen)
    assert "https://kaart.example" in ons[HEADER]
    assert ons[HEADER] == hun[HEADER]
    # and the next plain response is plain again
    assert "kaart.example" not in _antwoord(_gewoon)[0][HEADER]


def test_a_nonce_used_by_the_page_is_in_its_header(settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": ["'self'", NONCE]}}

    def met_nonce(request):
        return HttpResponse(str(request.csp_nonce))

    request = RequestFactory().get("/")
    response = CspMiddleware(met_nonce)(request)
    assert f"'nonce-{response.content.decode()}'" in response[HEADER]


def test_a_nonce_asked_after_the_header_is_an_error():
    request = RequestFactory().get("/")
    CspMiddleware(_gewoon)(request)
    with pytest.raises(Exception, match="not available after the CSP header"):
        str(request.csp_nonce)
