"""A Redis cache that degrades to "nothing cached" while Redis is away.

Why: in production the cache and the Celery broker share one Redis server. The cache holds
rate-limit counters (allauth login, DRF throttles, the public question form), a copy of the
sessions (the database has the original: cached_db) and whole public pages
(werkcentrum.publiek); a Redis outage must not turn every login or API call into a 500. While
Redis is unreachable, reads miss, writes are dropped and counters start again, i.e. rate
limits are not enforced for the outage (logged as a warning), sessions and pages come from the
database, and /health/ reports the broker as down.
"""

from __future__ import annotations

import logging
from functools import wraps

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
_ONBEREIKBAAR = (RedisConnectionError, RedisTimeoutError, OSError)


def _verdraagzaam(terugval):
    def decorator(methode):
        @wraps(methode)
        def omhulsel(self, *args, **kwargs):
            try:
                return methode(self, *args, **kwargs)
            except _ONBEREIKBAAR as exc:
                logger.warning("cache onbereikbaar (%s): %s", methode.__name__, type(exc).__name__)
                return terugval(*args, **kwargs)

        return omhulsel

    return decorator


def _standaard(key, default=None, *args, **kwargs):
    return default


class _Client(RedisCacheClient):
    """Reuses one redis.Redis per connection pool: Django makes a new one for every call, and
    its constructor fills a table of some 170 response callbacks (a cost on every page, which
    reads its session from the cache)."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if id(pool) not in clients:
            clients[id(pool)] = self._client(connection_pool=pool)
        return clients[id(pool)]


class VerdraagzameRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _Client

    add = _verdraagzaam(lambda *a, **k: False)(RedisCache.add)
    get = _verdraagzaam(_standaard)(RedisCache.get)
    set = _verdraagzaam(lambda *a, **k: None)(RedisCache.set)
    touch = _verdraagzaam(lambda *a, **k: False)(RedisCache.touch)
    delete = _verdraagzaam(lambda *a, **k: False)(RedisCache.delete)
    get_many = _verdraagzaam(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _verdraagzaam(lambda *a, **k: False)(RedisCache.has_key)
    # A counter that cannot be read counts this call only (the rate limit is open, not shut).
    incr = _verdraagzaam(lambda key, delta=1, *a, **k: delta)(RedisCache.incr)
    set_many = _verdraagzaam(lambda data, *a, **k: list(data))(RedisCache.set_many)
    delete_many = _verdraagzaam(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _verdraagzaam(lambda *a, **k: False)(RedisCache.clear)
