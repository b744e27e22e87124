#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "center.settings.local")
    from django.core.management import execute_from_command_line

    from center.settings.required import MissingEnvironment

    try:
        execute_from_command_line(sys.argv)
    except MissingEnvironment as error:
        sys.exit(str(error))  # one line naming the variable, not a traceback


if __name__ == "__main__":
    main()
