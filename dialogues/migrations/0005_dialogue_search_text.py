# A dialogue is found by the header search (issue 18) by its host's name or its topic, without diacritics: the folded
# text is kept in a column, as for visits and petitions, with a trigram index on PostgreSQL (pg_trgm, danvan 0019).
# The folding is inlined (danvan.text.fold does the same): a migration never imports the project's code.

import unicodedata

from django.db import migrations, models

BATCH = 2000
CREATE = "CREATE INDEX IF NOT EXISTS dialogue_search_text_trgm ON dialogues_dialogue USING gin (search_text gin_trgm_ops)"
DROP = "DROP INDEX IF EXISTS dialogue_search_text_trgm"


def fold(text):
    text = text.replace("đ", "d").replace("Đ", "d")
    bare = "".join(part for part in unicodedata.normalize("NFD", text) if not unicodedata.combining(part))
    return " ".join(bare.lower().split())


def fold_texts(apps, schema_editor):
    Dialogue = apps.get_model("dialogues", "Dialogue")
    last = 0
    while batch := list(Dialogue.objects.filter(pk__gt=last).order_by("pk").only("host_name", "topic")[:BATCH]):
        for dialogue in batch:
            dialogue.search_text = fold(f"{dialogue.host_name} {dialogue.topic}")
        Dialogue.objects.bulk_update(batch, ["search_text"])
        last = batch[-1].pk


def run(statement):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):

    dependencies = [
        ('danvan', '0019_search_trigram'),
        ('dialogues', '0004_dialogue_code_required'),
    ]

    operations = [
        migrations.AddField(
            model_name='dialogue',
            name='search_text',
            field=models.TextField(blank=True, default='', editable=False),
            preserve_default=False,
        ),
        migrations.RunPython(fold_texts, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(run(CREATE), run(DROP)),
    ]
