"""Minimal admin for the flows branch: the staff-admin part owns this module; the lead
merges its get_urls with notify_urls (admin_notify.py)."""

from django.contrib import admin

from .admin_notify import notify_urls
from .models import RegistrationSetup


@admin.register(RegistrationSetup)
class RegistrationSetupAdmin(admin.ModelAdmin):
    list_display = ["event", "mode", "capacity", "deadline"]

    def get_urls(self):
        return [*notify_urls(self), *super().get_urls()]
