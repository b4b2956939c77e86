from typing import Any

from django.core.management.base import BaseCommand

from observatory.registry.models import Place
from observatory.registry.services import load_reference_data


class Command(BaseCommand):
    help = ("Refresh ISO 3166 countries and subdivisions (from pycountry) and the reference "
            "themes, target groups and SDG targets; adds what is missing, renames what changed.")

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_reference_data()
        self.stdout.write(f"{created} places added; {Place.objects.count()} places in all.")
