"""NazorgMoment gets its own regio, filled from its plaatsing.

Nullable here and NOT NULL in 0011: on PostgreSQL the fill queues the new foreign key's
deferred checks, and an ALTER TABLE in the same transaction would refuse to run."""

from django.db import migrations, models
import django.db.models.deletion


def regio_van_plaatsing(apps, schema_editor):
    """Every moment gets its plaatsing's regio, in one statement (UPDATE ... FROM runs on
    PostgreSQL and on SQLite 3.33+). Idempotent: it also corrects a moment that disagrees."""
    NazorgMoment = apps.get_model("wsp", "NazorgMoment")
    Plaatsing = apps.get_model("wsp", "Plaatsing")
    q = schema_editor.quote_name
    moment, plaatsing = NazorgMoment._meta.db_table, Plaatsing._meta.db_table
    schema_editor.execute(
        f"UPDATE {q(moment)} SET {q('regio_id')} = p.{q('regio_id')} "
        f"FROM {q(plaatsing)} AS p WHERE p.{q('id')} = {q(moment)}.{q('plaatsing_id')}"
    )


class Migration(migrations.Migration):

    dependencies = [
        ('werkcentrum', '0001_initial'),
        ('wsp', '0009_nazorg_duurzaam_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='nazorgmoment',
            name='regio',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='nazorgmomenten', to='werkcentrum.arbeidsmarktregio', verbose_name='regio'),
        ),
        # Backwards the column is dropped by the AddField's reverse; nothing to undo here.
        migrations.RunPython(regio_van_plaatsing, migrations.RunPython.noop, elidable=True),
    ]
