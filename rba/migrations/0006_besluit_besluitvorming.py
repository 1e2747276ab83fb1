"""Besluit.besluitvorming: a besluit is genomen in a held vergadering or by schriftelijke
besluitvorming (issue 22 point 2).

No data migration: a genomen row is immutable (trigger of 0002), and rows written before the
rule are kept out of public lists and financien by rba.models.genomen_q instead. On SQLite
Django adds this column by rebuilding the table, which drops the immutability trigger, so it
is created again here; on PostgreSQL ADD COLUMN keeps it (and updates no row)."""

from django.db import migrations, models

# The same trigger as 0002_besluit_genomen_onveranderlijk.
SQLITE_TRIGGER = """
CREATE TRIGGER rba_besluit_genomen_onveranderlijk
BEFORE UPDATE ON rba_besluit
FOR EACH ROW WHEN OLD.status = 'genomen'
BEGIN
    SELECT RAISE(ABORT, 'rba_besluit: a taken besluit is immutable (UPDATE refused)');
END;
"""


def trigger_terug(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS rba_besluit_genomen_onveranderlijk;")
        schema_editor.execute(SQLITE_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [("rba", "0005_lijst_indexen")]

    operations = [
        migrations.AddField(
            model_name="besluit",
            name="besluitvorming",
            field=models.CharField(
                choices=[
                    ("vergadering", "in een vergadering"),
                    ("schriftelijk", "schriftelijke besluitvorming"),
                ],
                default="vergadering",
                help_text=(
                    "In een vergadering: genomen zodra die vergadering is gehouden. "
                    "Schriftelijk: genomen op de datum van het besluit, niet eerder."
                ),
                max_length=15,
                verbose_name="besluitvorming",
            ),
        ),
        migrations.RunPython(trigger_terug, migrations.RunPython.noop),
    ]
