"""/metrics for Prometheus: never public. Allowed from METRICS_ALLOWED_IPS (the client address
as rate limits read it, so behind a proxy set CLIENT_IP_HEADER) or with
`Authorization: Bearer <METRICS_TOKEN>`; anyone else gets a 404, as for a page that is not."""

import hmac
import ipaddress
from functools import cache

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotFound
from django.views.decorators.cache import never_cache
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from .metrics import exposition
from .requests import client_ip


@cache
def _networks(allowed: tuple[str, ...]):
    return tuple(ipaddress.ip_network(network, strict=False) for network in allowed)


def _has_token(request) -> bool:
    token = settings.METRICS_TOKEN
    offered = request.META.get("HTTP_AUTHORIZATION", "")
    return bool(token) and hmac.compare_digest(offered.encode(), f"Bearer {token}".encode())


def _from_allowed_network(request) -> bool:
    try:
        address = ipaddress.ip_address(client_ip(request))
    except ValueError:
        return False
    return any(address in network for network in _networks(tuple(settings.METRICS_ALLOWED_IPS)))


def metrics_allowed(request) -> bool:
    return _has_token(request) or _from_allowed_network(request)


@never_cache
def metrics(request):
    if request.method not in ("GET", "HEAD") or not metrics_allowed(request):
        return HttpResponseNotFound()
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
