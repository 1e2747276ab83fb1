"""The Redis cache degrades to 'nothing cached' while Redis is away (werkcentrum/cache.py)."""

from __future__ import annotations

import socket
import time

import pytest

from werkcentrum.cache import VerdraagzameRedisCache


@pytest.fixture
def weg():
    with socket.socket() as s:  # a free port: nothing listens there
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    return VerdraagzameRedisCache(
        f"redis://127.0.0.1:{poort}/0",
        {"OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}},
    )


def test_an_unreachable_redis_cache_misses_instead_of_failing(weg):
    begin = time.monotonic()
    assert weg.get("x", "standaard") == "standaard"
    assert weg.add("x", 0, 60) is False
    assert weg.incr("x") == 1
    assert weg.set("x", 1) is None
    assert weg.get_many(["x"]) == {}
    assert weg.has_key("x") is False
    assert weg.delete("x") is False
    assert time.monotonic() - begin < 10  # refused at once, never a hang


def test_public_form_rate_limit_stays_open_while_redis_is_away(weg, rf, monkeypatch):
    # The loket's "Stel je vraag" and the WSP's "Ik ben werkgever" share this limiter.
    from werkcentrum import formulierbescherming

    monkeypatch.setattr(formulierbescherming, "cache", weg)
    assert formulierbescherming.te_vaak(rf.post("/"), soort="loket:vraag", limiet=5) is False


def test_settings_use_the_tolerant_backend_for_a_redis_cache_url(monkeypatch):
    import importlib

    from werkcentrum import settings as project_settings

    # A key prefix in the URL keeps two sites (or two bench databases) on one Redis apart.
    monkeypatch.setenv("CACHE_URL", "redis://127.0.0.1:6379/1?key_prefix=s100&timeout=600")
    try:
        herladen = importlib.reload(project_settings)
        backend = herladen.CACHES["default"]
        assert backend["BACKEND"] == "werkcentrum.cache.VerdraagzameRedisCache"
        assert backend["OPTIONS"]["socket_connect_timeout"] <= 2
        assert (backend["KEY_PREFIX"], backend["TIMEOUT"]) == ("s100", 600)
        assert "key_prefix" not in backend
    finally:
        monkeypatch.delenv("CACHE_URL")
        importlib.reload(project_settings)


def test_the_real_redis_cache_works_with_one_client_per_pool():
    """Against the Redis on 127.0.0.1 (CI's too): values, counters, and one redis.Redis reused
    for every call instead of a new one each time."""
    cache = VerdraagzameRedisCache("redis://127.0.0.1:6379/14", {})
    cache.set("wc-test", 1, 30)
    assert cache.get("wc-test") == 1
    assert cache.incr("wc-test") == 2
    assert cache.get_many(["wc-test", "wc-nergens"]) == {"wc-test": 2}
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    cache.delete("wc-test")
    assert cache.get("wc-test") is None
