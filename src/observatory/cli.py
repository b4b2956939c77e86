"""The ``observatory`` command: Django's management commands under the project's settings.

Operators run ``observatory migrate``, ``observatory demo``, ``observatory runserver`` and the
project's own commands; DATABASE_URL, SECRET_KEY, DEBUG and ALLOWED_HOSTS apply as for the server.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "observatory.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["observatory", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
