"""Admin sign-in lockouts (django-axes): the client address it counts by, and the page a
locked-out sign-in gets."""

import ipaddress
import math

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.urls import reverse

from .requests import client_ip


def client_ip_address(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the address rate limits use, or None when there is no valid
    one (a test client's login, a unix socket): axes stores it in an IP column."""
    address = client_ip(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the admin's look, a translated message, 429."""
    cool_off = get_cool_off(request)
    # Each refused attempt restarts the cool-off (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT),
    # so the whole cool-off is what is left from now.
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    context = {
        **admin.site.each_context(request),
        "minutes": minutes,
        "login_url": reverse("admin:login"),
    }
    return render(request, "admin/login_locked_out.html", context,
                  status=settings.AXES_HTTP_RESPONSE_CODE)
