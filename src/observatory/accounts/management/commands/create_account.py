import getpass
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from observatory.accounts.roles import ROLES
from observatory.accounts.services import create_account
from observatory.registry.models import Organisation


class Command(BaseCommand):
    help = "Create an account (or reset its password and role) for a member of an organisation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", choices=ROLES, required=True)
        parser.add_argument("--organisation", default="",
                            help="slug or acronym of the account's organisation")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", default="",
                            help="asked for when omitted (avoid passwords on command lines)")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = None
        if options["organisation"]:
            key = options["organisation"]
            organisation = (Organisation.objects.filter(slug=key).first()
                            or Organisation.objects.filter(acronym__iexact=key).first())
            if organisation is None:
                raise CommandError(f"No organisation with slug or acronym {key!r}.")
        password = options["password"] or getpass.getpass("Password: ")
        if len(password) < 8:
            raise CommandError("The password must have at least 8 characters.")
        user = create_account(options["username"], password, options["role"], organisation,
                              options["email"])
        where = f" of {organisation.short_name}" if organisation else ""
        self.stdout.write(f"{user.username}: {options['role']}{where}")
