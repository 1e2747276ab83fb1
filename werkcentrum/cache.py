"""Django's Redis cache, made to fail fast and to step aside while Redis is away.

Why: the cache holds rate-limit counters (allauth login, DRF throttles, the public forms) and
a copy of the sessions (the database has the original: cached_db). A Redis outage must not
turn every login or API call into a 500, and a Redis that hangs (accepts, never answers) must
not make every request wait for a timeout per cache call. So:

- short socket timeouts (set in settings, defaults here), so one failed call costs at most
  a fraction of a second;
- a per-process circuit breaker: after a failure, every call skips Redis for
  `skip_seconds` and returns what an empty cache would (a miss, a dropped write, a counter
  that counts this call only). Rate limits are then not enforced for that window (logged as a
  warning), sessions come from the database, and /health/ reports the broker as down.
"""

from __future__ import annotations

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
_UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
DEFAULT_SOCKET_TIMEOUT = 0.25

# Server location -> time.monotonic() until which calls skip Redis. Module level, so one
# breaker per process (Django makes a cache object per thread).
_skip_until: dict[str, float] = {}


def _guarded(fallback):
    def decorator(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < _skip_until.get(self._location, 0.0):
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except _UNREACHABLE as exc:
                _skip_until[self._location] = time.monotonic() + self.skip_seconds
                logger.warning(
                    "cache unreachable (%s: %s); skipped for %s s",
                    method.__name__,
                    type(exc).__name__,
                    self.skip_seconds,
                )
                return fallback(*args, **kwargs)

        return wrapper

    return decorator


def _default(key, default=None, *args, **kwargs):
    return default


class _Client(RedisCacheClient):
    """Reuses one redis.Redis per connection pool: Django makes a new one for every call, and
    its constructor fills a table of some 170 response callbacks."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if id(pool) not in clients:
            clients[id(pool)] = self._client(connection_pool=pool)
        return clients[id(pool)]


class ResilientRedisCache(RedisCache):
    skip_seconds = 30.0

    def __init__(self, server, params):
        options = {**params.get("OPTIONS", {})}
        options.setdefault("socket_connect_timeout", DEFAULT_SOCKET_TIMEOUT)
        options.setdefault("socket_timeout", DEFAULT_SOCKET_TIMEOUT)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = _Client
        self._location = ",".join(self._servers)

    add = _guarded(lambda *a, **k: False)(RedisCache.add)
    get = _guarded(_default)(RedisCache.get)
    set = _guarded(lambda *a, **k: None)(RedisCache.set)
    touch = _guarded(lambda *a, **k: False)(RedisCache.touch)
    delete = _guarded(lambda *a, **k: False)(RedisCache.delete)
    get_many = _guarded(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _guarded(lambda *a, **k: False)(RedisCache.has_key)
    # A counter that cannot be read counts this call only (the rate limit is open, not shut).
    incr = _guarded(lambda key, delta=1, *a, **k: delta)(RedisCache.incr)
    set_many = _guarded(lambda data, *a, **k: list(data))(RedisCache.set_many)
    delete_many = _guarded(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _guarded(lambda *a, **k: False)(RedisCache.clear)
