"""The site-wide content version every cached public page is stored under, and how a process
learns that it moved without asking the shared cache at every request.

A write bumps the version in the shared cache, then announces it on a Redis channel. Each
process serving pages keeps the value it last read; a thread of its own listens on the
channel and forgets that value at each announcement. A cache hit then costs no round trip
to Redis (a third of a hit's time before). The request itself also looks at the listening
socket (a poll, no read): an announcement that has arrived but that the thread has not
handled yet already sends the request to the shared cache, so a visitor's next request after
a write has returned sees the change, whichever process serves it.

Until the thread listens (starting, reconnecting after Redis went away) and for caches other
than Redis, every request reads the shared cache, as before. The thread also re-reads the
version every REREAD_SECONDS, should an announcement ever be lost."""

import contextlib
import logging
import os
import select
import threading
import time

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.signals import setting_changed
from django.dispatch import receiver
from redis.exceptions import RedisError

from .cache import cache_is_down

logger = logging.getLogger(__name__)

VERSION_KEY = "portal:public-pages:version"
REREAD_SECONDS = 10
RETRY_SECONDS = 1


def read_version(backend=None) -> int | None:
    """The version in the shared cache; None while the cache is down."""
    backend = backend or cache
    version = backend.get(VERSION_KEY)
    if version is None:
        _start_from_the_clock(backend)
        version = backend.get(VERSION_KEY)
    return version


def _start_from_the_clock(backend) -> None:
    # Not from 1: a lost key (flushed, evicted) never revives old pages.
    backend.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)


def bump_version() -> None:
    """Move the version on and tell every listening process."""
    if cache_is_down(cache):
        # This process backs off after a failure, yet the server may be back: a write must
        # not leave every cached page as it was, so ask it (a success ends the back-off).
        cache.ping()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no key yet, or the cache is down: nothing cached under it either
        _start_from_the_clock(cache)
    watcher.forget()  # this process: at once, before its own next request
    publish = getattr(cache, "publish", None)
    if publish is not None:
        publish(_channel(), b"bumped")


def content_version() -> int | None:
    """The version cached pages are keyed by, as this process knows it."""
    return watcher.current()


def _channel(backend=None) -> str:
    return (backend or cache).make_and_validate_key(VERSION_KEY)


@receiver(setting_changed)
def _listen_again(setting, **kwargs):
    if setting == "CACHES":
        watcher.reset()


class VersionWatcher:
    """This process's copy of the version, kept by a thread subscribed to the channel."""

    def __init__(self):
        self._lock = threading.Lock()
        self._known: int | None = None
        self._epoch = 0  # moves at every forget(): a read begun before it is not kept
        self._handling = False  # the thread is reading announcements off the socket
        self._socket: int | None = None  # the listening socket's fd, while subscribed
        self._pid: int | None = None
        self._generation = 0  # moves when the cache settings change (tests): a new thread

    def current(self) -> int | None:
        if self._pid != os.getpid():  # first call, or a forked child: start listening
            self._start()
        # The order matters: an announcement is either still on the socket, or being
        # handled, or already handled (then _known was forgotten).
        socket = self._socket
        if socket is None or _waiting(socket) or self._handling:
            return read_version()
        known = self._known
        return known if known is not None else read_version()

    def forget(self) -> None:
        with self._lock:
            self._epoch += 1
            self._known = None

    def reset(self) -> None:
        """Stop listening; the next read starts again with the cache as configured now."""
        with self._lock:
            self._generation += 1
            self._pid = None
            self._socket = None
            self._epoch += 1
            self._known = None

    def _learn(self, backend) -> None:
        with self._lock:
            epoch = self._epoch
        version = read_version(backend)
        with self._lock:
            if epoch == self._epoch:
                self._known = version

    def _start(self) -> None:
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            self._known = None
            self._socket = None
            generation = self._generation
        backend = caches[DEFAULT_CACHE_ALIAS]  # redis-py's clients are thread-safe
        if getattr(backend, "pubsub", None) is None:
            return  # not Redis: every request reads the shared cache
        threading.Thread(target=self._listen, args=(backend, generation),
                         name="content-version", daemon=True).start()

    def _current_thread(self, generation: int) -> bool:
        return self._generation == generation and self._pid == os.getpid()

    def _listen(self, backend, generation: int) -> None:
        while self._current_thread(generation):
            pubsub = None
            try:
                pubsub = backend.pubsub()
                pubsub.subscribe(_channel(backend))
                self._wait_subscribed(pubsub)
                self._follow(pubsub, backend, generation)
            # Anything else is a bug: the thread ends, and every request reads the cache.
            except (RedisError, OSError) as error:  # Redis went away: read per request meanwhile
                if self._socket is not None:
                    logger.info("Content version: not listening (%s); retrying", error)
            finally:
                if self._current_thread(generation):
                    self._socket = None
                    self.forget()  # before the socket closes: its number may be reused
                if pubsub is not None:
                    with contextlib.suppress(RedisError, OSError):
                        pubsub.close()
            time.sleep(RETRY_SECONDS)

    def _wait_subscribed(self, pubsub) -> None:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            message = pubsub.get_message(timeout=1)
            if message and message["type"] == "subscribe":
                return
        raise TimeoutError("no subscription confirmed")

    def _follow(self, pubsub, backend, generation: int) -> None:
        connection = pubsub.connection._sock
        socket = connection.fileno()
        # From here on every announcement reaches this socket: the version read now is
        # current until the next one.
        self._learn(backend)
        self._socket = socket
        reread_at = time.monotonic() + REREAD_SECONDS
        while self._current_thread(generation):
            if _waiting(socket, timeout=1):
                self._handling = True
                try:
                    while pubsub.get_message(timeout=0) is not None:
                        self.forget()
                    # redis-py reconnects by itself inside get_message; what was announced
                    # meanwhile is lost, so start over on a new subscription.
                    if pubsub.connection is None or pubsub.connection._sock is not connection:
                        raise ConnectionError("reconnected")
                    self._learn(backend)
                except BaseException:
                    # Not listening any more, before requests may trust the copy again.
                    self._socket = None
                    self.forget()
                    raise
                finally:
                    self._handling = False
            elif time.monotonic() >= reread_at:
                self._learn(backend)
            else:
                continue
            # Sooner while the cache did not answer the last read.
            reread_at = time.monotonic() + (
                REREAD_SECONDS if self._known is not None else RETRY_SECONDS)


def _waiting(socket: int, timeout: float = 0) -> bool:
    """Something to read on `socket` (or it broke: then reading it raises)."""
    try:
        readable, _, broken = select.select((socket,), (), (socket,), timeout)
    except (OSError, ValueError):  # closed under us
        return True
    return bool(readable or broken)


watcher = VersionWatcher()
