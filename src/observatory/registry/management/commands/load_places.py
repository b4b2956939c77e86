from typing import Any

from django.core.management.base import BaseCommand

from observatory.registry.models import Place
from observatory.registry.places import load_iso_places
from observatory.registry.vocabularies import load_vocabularies


class Command(BaseCommand):
    help = ("Refresh ISO 3166 countries and subdivisions (from pycountry) and the reference "
            "themes, target groups and SDG targets; adds what is missing, renames what changed.")

    def handle(self, *args: Any, **options: Any) -> None:
        from observatory.registry.models import SdgTarget, TargetGroup, Theme

        created = load_iso_places(Place)
        load_vocabularies(Theme, TargetGroup, SdgTarget)
        self.stdout.write(f"{created} places added; {Place.objects.count()} places in all.")
