# The register imports moved to the registers app (registers 0001 takes over the same tables): the core forgets the
# models, and the content types (and so the permissions given on them) follow the models to their new app.

from django.db import migrations

MODELS = ("registerimport", "importedrow")


def move_content_types(apps, schema_editor, source="danvan", target="registers"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="registers", target="danvan")


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("danvan", "0009_structure_stamp"),
        ("registers", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="ImportedRow"),
                migrations.DeleteModel(name="RegisterImport"),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
