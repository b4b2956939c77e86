from django.db import migrations

from observatory.registry.places import load_iso_places
from observatory.registry.vocabularies import load_vocabularies


def load(apps, schema_editor):
    load_iso_places(apps.get_model("registry", "Place"))
    load_vocabularies(apps.get_model("registry", "Theme"), apps.get_model("registry", "TargetGroup"),
                      apps.get_model("registry", "SdgTarget"))


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
