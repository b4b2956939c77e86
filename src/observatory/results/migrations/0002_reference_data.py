from django.db import migrations


def load(apps, schema_editor):
    from observatory.results.reference import load_results_reference

    load_results_reference(apps.get_model("results", "Dimension"),
                           apps.get_model("results", "Category"),
                           apps.get_model("results", "Disaggregation"),
                           apps.get_model("results", "ReferenceIndicator"))


class Migration(migrations.Migration):
    dependencies = [("results", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
