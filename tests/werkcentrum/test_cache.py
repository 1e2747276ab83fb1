"""The Redis cache fails fast and steps aside while Redis is away or hangs
(werkcentrum/cache.py), and a per-process cache is refused in production (werkcentrum/checks.py).
"""

from __future__ import annotations

import socket
import threading
import uuid

import pytest

from werkcentrum import cache as cache_module
from werkcentrum.cache import ResilientRedisCache
from werkcentrum.checks import shared_cache_check


@pytest.fixture(autouse=True)
def _breaker_closed():
    cache_module._skip_until.clear()
    yield
    cache_module._skip_until.clear()


@pytest.fixture
def weg():
    with socket.socket() as s:  # a free port: nothing listens there
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    return ResilientRedisCache(f"redis://127.0.0.1:{poort}/0", {})


@pytest.fixture
def hung_redis():
    """A socket that accepts connections and never answers; counts the connections."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.1)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], accepted
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


def test_an_unreachable_redis_cache_misses_instead_of_failing(weg):
    assert weg.get("x", "standaard") == "standaard"
    assert weg.add("x", 0, 60) is False
    assert weg.incr("x") == 1
    assert weg.set("x", 1) is None
    assert weg.get_many(["x"]) == {}
    assert weg.has_key("x") is False
    assert weg.delete("x") is False


def test_a_hung_redis_costs_one_timeout_per_breaker_window_not_one_per_call(
    hung_redis, monkeypatch
):
    port, accepted = hung_redis
    now = [1000.0]
    monkeypatch.setattr(cache_module.time, "monotonic", lambda: now[0])
    cache = ResilientRedisCache(f"redis://127.0.0.1:{port}/0", {})
    attempts = []
    original = cache_module._Client.get_client
    monkeypatch.setattr(
        cache_module._Client,
        "get_client",
        lambda self, *a, **k: attempts.append(1) or original(self, *a, **k),
    )
    # A staff page makes several cache calls (session, rate limits, ...).
    for _ in range(9):
        assert cache.get("sessie", "mis") == "mis"
        cache.set("sessie", 1)
    assert len(attempts) == 1
    assert len(accepted) <= 1

    # Another thread's cache object (Django makes one per thread) skips as well.
    other = ResilientRedisCache(f"redis://127.0.0.1:{port}/0", {})
    assert other.get("sessie") is None
    assert len(attempts) == 1

    # After the window one call tries again, and a still-hung Redis opens the breaker anew.
    now[0] += ResilientRedisCache.skip_seconds + 1
    for _ in range(9):
        assert cache.get("sessie") is None
    assert len(attempts) == 2


def test_the_socket_timeouts_are_short_by_default():
    cache = ResilientRedisCache("redis://127.0.0.1:6379/0", {})
    assert cache._options["socket_connect_timeout"] <= 0.25
    assert cache._options["socket_timeout"] <= 0.25


def test_public_form_rate_limit_stays_open_while_redis_is_away(weg, rf, monkeypatch):
    # The loket's "Stel je vraag" and the WSP's "Ik ben werkgever" share this limiter.
    from werkcentrum import formulierbescherming
    from werkcentrum.models import Arbeidsmarktregio

    monkeypatch.setattr(formulierbescherming, "cache", weg)
    regio = Arbeidsmarktregio(pk=1, code="zkij")
    request = rf.post("/")
    formulierbescherming.opgeslagen(request, regio=regio, formulier="loket:vraag")
    assert (
        formulierbescherming.te_vaak(request, regio=regio, formulier="loket:vraag", per_adres=1)
        is None
    )


def test_settings_use_the_resilient_backend_for_a_redis_cache_url(monkeypatch):
    import importlib

    from werkcentrum import settings as project_settings

    # A key prefix in the URL keeps two sites (or two bench databases) on one Redis apart.
    monkeypatch.setenv("CACHE_URL", "redis://127.0.0.1:6379/1?key_prefix=s100&timeout=600")
    try:
        herladen = importlib.reload(project_settings)
        backend = herladen.CACHES["default"]
        assert backend["BACKEND"] == "werkcentrum.cache.ResilientRedisCache"
        assert backend["OPTIONS"]["socket_connect_timeout"] <= 0.25
        assert backend["OPTIONS"]["socket_timeout"] <= 0.25
        assert (backend["KEY_PREFIX"], backend["TIMEOUT"]) == ("s100", 600)
        assert "key_prefix" not in backend
        assert herladen.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    finally:
        monkeypatch.delenv("CACHE_URL")
        importlib.reload(project_settings)


def test_the_real_redis_cache_works_with_one_client_per_pool():
    """Against the Redis on 127.0.0.1 (CI's too): values, counters, and one redis.Redis reused
    for every call instead of a new one each time."""
    cache = ResilientRedisCache("redis://127.0.0.1:6379/14", {})
    key = f"wc-test-{uuid.uuid4().hex}"
    cache.set(key, 1, 30)
    assert cache.get(key) == 1
    assert cache.incr(key) == 2
    assert cache.get_many([key, "wc-nergens"]) == {key: 2}
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    cache.delete(key)
    assert cache.get(key) is None


# --- the system check ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
    ],
)
def test_production_refuses_a_per_process_cache(settings, backend):
    settings.DEBUG = False
    settings.EMBEDDED = False
    settings.CACHES = {"default": {"BACKEND": backend}}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    errors = shared_cache_check(None)
    assert [e.id for e in errors] == ["werkcentrum.E001"]
    assert "rate limits" in errors[0].msg and "sessions" in errors[0].msg
    assert "CACHE_URL" in errors[0].hint


def test_a_shared_cache_debug_or_the_embedded_demo_pass_the_check(settings):
    settings.DEBUG = False
    settings.EMBEDDED = False
    settings.CACHES = {"default": {"BACKEND": "werkcentrum.cache.ResilientRedisCache"}}
    assert shared_cache_check(None) == []
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.EMBEDDED = True
    assert shared_cache_check(None) == []
    settings.EMBEDDED = False
    settings.DEBUG = True
    assert shared_cache_check(None) == []
