"""The portal's URLs plus one trivial view, the ceiling of the benchmarks: it goes through the
same middleware (session, user, two-factor check) and does nothing else. Bench-only; never a
production URL (only tests.bench.settings_bench points here)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from werkcentrum.urls import urlpatterns as portaal


def plafond(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/plafond/", plafond, name="bench_plafond"), *portaal]
