from django.core.management.commands.migrate import Command as DjangoMigrate

from center.core.migration_drift import KnownDriftAutodetector


class Command(DjangoMigrate):
    autodetector = KnownDriftAutodetector
