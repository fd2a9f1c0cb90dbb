# An import keeps only its first 1,000 errors with their total and their count by kind, as imports now store them. The
# errors stored before are trimmed the same way (their kinds are not counted): a file wrong in every cell had stored a
# million (113 MB), which its page read at every poll. Two statements over the table in SQL, the arrays never loaded
# into Python.

from django.db import migrations, models

KEPT = 1000
COUNTED = {
    "postgresql": "UPDATE danvan_registerimport SET problems_total = jsonb_array_length(problems) "
    "WHERE jsonb_typeof(problems) = 'array'",
    "sqlite": "UPDATE danvan_registerimport SET problems_total = json_array_length(problems) "
    "WHERE json_type(problems) = 'array'",
}
TRIMMED = {
    "postgresql": f"UPDATE danvan_registerimport SET problems = jsonb_path_query_array(problems, '$[0 to {KEPT - 1}]') "
    f"WHERE problems_total > {KEPT}",
    "sqlite": "UPDATE danvan_registerimport SET problems = (SELECT json_group_array(json(value)) FROM "
    f"json_each(danvan_registerimport.problems) WHERE key < {KEPT}) WHERE problems_total > {KEPT}",
}


def trim_stored_errors(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    schema_editor.execute(COUNTED[vendor])
    schema_editor.execute(TRIMMED[vendor])


class Migration(migrations.Migration):

    dependencies = [
        ('registers', '0004_job_progress'),
    ]

    operations = [
        migrations.AddField(
            model_name='registerimport',
            name='problem_kinds',
            field=models.JSONField(blank=True, default=list, verbose_name='số lỗi theo loại'),
        ),
        migrations.AddField(
            model_name='registerimport',
            name='problems_total',
            field=models.PositiveIntegerField(default=0, verbose_name='số lỗi'),
        ),
        migrations.RunPython(trim_stored_errors, migrations.RunPython.noop, elidable=True),
    ]
