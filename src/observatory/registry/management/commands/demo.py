from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = ("Set up the database (migrate) and load the demo: the five programme fiches of the "
            "2020 PN-CFM session 1 report, an unpublished draft and three demo accounts. "
            "Safe to run again.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-accounts", action="store_true",
                            help="Do not create (or reset) the demo accounts.")

    def handle(self, *args: Any, **options: Any) -> None:
        from observatory.demo.load import DEMO_ACCOUNTS, load_demo

        call_command("migrate", interactive=False, verbosity=max(options["verbosity"] - 1, 0))
        counts = load_demo(accounts=not options["no_accounts"])

        self.stdout.write(self.style.SUCCESS(
            f"Demo loaded: {counts['programmes_created']} programmes added, "
            f"{counts['programmes_skipped']} already present."))
        for name, value in counts.items():
            if name not in ("programmes_created", "programmes_skipped"):
                self.stdout.write(f"  {name.replace('_', ' ')}: {value}")
        if not options["no_accounts"]:
            self.stdout.write("Demo logins (username / password, role):")
            for account in DEMO_ACCOUNTS:
                organisation = f", {account.organisation}" if account.organisation else ""
                self.stdout.write(f"  {account.username} / {account.password}  "
                                  f"({account.role}{organisation})")
