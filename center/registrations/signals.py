"""Seats staff add to an event go to its waitlist at once, whichever way the setup was
saved (the admin, the shell, the demo content): a post_save hook rather than the admin's
save_model, which would miss the others."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from . import services
from .models import RegistrationSetup


@receiver(post_save, sender=RegistrationSetup, dispatch_uid="registrations_capacity_changed")
def promote_after_setup_saved(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return  # a new setup has nobody waiting; fixtures load as they are
    services.capacity_changed(event_id=instance.event_id)
