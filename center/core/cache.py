"""A Redis cache that fails soft: with the server down every call is a miss (get → default,
set/add/delete → nothing stored, incr → ValueError as for a missing key), so django CMS's
page, menu and placeholder caches and the rate limits degrade to "no cache" instead of a 500.

After a failure the process stops trying for BACKOFF_SECONDS (a dead cache then costs nothing)
and says so in the log once per LOG_INTERVAL_SECONDS, not on every request."""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What an unreachable server raises: refused, reset, timed out, unresolvable, auth refused.
CONNECTION_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)

BACKOFF_SECONDS = 10
LOG_INTERVAL_SECONDS = 60
# Seconds: a dead or hung cache must cost a request little; a live one answers in ~1 ms.
SOCKET_CONNECT_TIMEOUT = 0.25
SOCKET_TIMEOUT = 0.5


class LogOnce:
    """Lets a message through once per `interval` seconds per key, in this process."""

    def __init__(self, interval: float = LOG_INTERVAL_SECONDS):
        self.interval = interval
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def ready(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            last = self._last.get(key)
            if last is not None and now - last < self.interval:
                return False
            self._last[key] = now
            return True

    def reset(self) -> None:
        with self._lock:
            self._last.clear()


log_once = LogOnce()


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, keeping one redis.Redis per connection pool instead of building
    one for every operation: building it (its table of response callbacks) cost a quarter of
    a front-cache hit. redis.Redis is thread-safe; the pool hands out the connections."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """django.core.cache.backends.redis.RedisCache whose connection failures are misses."""

    # Process-wide, per server list: every instance (one per thread) shares the back-off.
    _down_until: dict[str, float] = {}
    _lock = threading.Lock()

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", SOCKET_CONNECT_TIMEOUT)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._where = ",".join(self._servers)

    # --- the back-off ------------------------------------------------------------------
    @property
    def is_down(self) -> bool:
        return time.monotonic() < self._down_until.get(self._where, 0)

    def _failed(self, error: Exception) -> None:
        with self._lock:
            self._down_until[self._where] = time.monotonic() + BACKOFF_SECONDS
        if log_once.ready(f"cache-down:{self._where}"):
            logger.warning("Cache %s unreachable (%s: %s); serving without cache, retrying "
                           "every %ss", _redacted(self._where), type(error).__name__, error,
                           BACKOFF_SECONDS)

    def _call(self, operation, miss):
        if self.is_down:
            return miss()
        try:
            return operation()
        except CONNECTION_ERRORS as error:
            self._failed(error)
            return miss()

    def ping(self) -> bool:
        """A real round trip, ignoring the back-off: True when the server answers."""
        try:
            ok = bool(self._cache.get_client(write=True).ping())
        except CONNECTION_ERRORS as error:
            self._failed(error)
            return False
        with self._lock:
            self._down_until.pop(self._where, None)
        return ok

    # --- the cache API -------------------------------------------------------------------
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: super(ResilientRedisCache, self).add(
            key, value, timeout, version), lambda: False)

    def get(self, key, default=None, version=None):
        return self._call(lambda: super(ResilientRedisCache, self).get(key, default, version),
                          lambda: default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: super(ResilientRedisCache, self).set(
            key, value, timeout, version), lambda: None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: super(ResilientRedisCache, self).touch(key, timeout, version),
                          lambda: False)

    def delete(self, key, version=None):
        return self._call(lambda: super(ResilientRedisCache, self).delete(key, version),
                          lambda: False)

    def get_many(self, keys, version=None):
        return self._call(lambda: super(ResilientRedisCache, self).get_many(keys, version),
                          dict)

    def has_key(self, key, version=None):
        return self._call(lambda: super(ResilientRedisCache, self).has_key(key, version),
                          lambda: False)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found.")
        return self._call(lambda: super(ResilientRedisCache, self).incr(key, delta, version),
                          missing)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # The keys that could not be stored: all of them.
        return self._call(lambda: super(ResilientRedisCache, self).set_many(
            data, timeout, version), lambda: list(data))

    def delete_many(self, keys, version=None):
        return self._call(lambda: super(ResilientRedisCache, self).delete_many(keys, version),
                          lambda: None)

    def clear(self):
        return self._call(lambda: super(ResilientRedisCache, self).clear(), lambda: False)

    # --- announcements (content_version.py) ----------------------------------------------
    def publish(self, channel: str, message: bytes) -> int:
        """Send `message` to every subscriber of `channel`; 0 while the server is down."""
        return self._call(lambda: self._cache.get_client(write=True).publish(channel, message),
                          lambda: 0)

    def pubsub(self):
        """A redis-py PubSub on its own connection (raises while the server is down)."""
        return self._cache.get_client(write=False).pubsub()

    @classmethod
    def reset_backoff(cls) -> None:
        """Forget every failure (tests)."""
        with cls._lock:
            cls._down_until.clear()


def cache_is_down(cache) -> bool:
    """True while `cache` is a ResilientRedisCache in its back-off after a failure."""
    return bool(getattr(cache, "is_down", False))


def _redacted(location: str) -> str:
    # redis://user:password@host → redis://***@host: the log must not carry the password.
    return ",".join(
        part.split("://", 1)[0] + "://***@" + part.rsplit("@", 1)[1] if "@" in part else part
        for part in location.split(",")
    )
