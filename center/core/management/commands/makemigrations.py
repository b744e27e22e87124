from django.core.management.commands.makemigrations import Command as DjangoMakemigrations

from center.core.migration_drift import KnownDriftAutodetector


class Command(DjangoMakemigrations):
    autodetector = KnownDriftAutodetector
