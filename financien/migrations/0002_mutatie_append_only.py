"""Make the grootboek append-only in the database itself, not only in Python.

PostgreSQL: a trigger refuses UPDATE and DELETE of a mutatie (TRUNCATE, used only by test
flushes and a deliberate operator, is left alone). SQLite (embedded demo): a trigger refuses
UPDATE; DELETE stays possible there because Django's test flush deletes row by row.
Same pattern as werkcentrum/migrations/0002_auditevent_append_only.py.
"""

from django.db import migrations

PG_FORWARD = """
CREATE OR REPLACE FUNCTION financien_mutatie_weiger() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'financien_mutatie is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER financien_mutatie_append_only
    BEFORE UPDATE OR DELETE ON financien_mutatie
    FOR EACH ROW EXECUTE FUNCTION financien_mutatie_weiger();
"""
PG_BACKWARD = """
DROP TRIGGER IF EXISTS financien_mutatie_append_only ON financien_mutatie;
DROP FUNCTION IF EXISTS financien_mutatie_weiger();
"""
SQLITE_FORWARD = """
CREATE TRIGGER financien_mutatie_append_only
BEFORE UPDATE ON financien_mutatie
BEGIN
    SELECT RAISE(ABORT, 'financien_mutatie is append-only (UPDATE refused)');
END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS financien_mutatie_append_only;"


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FORWARD, params=None)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_BACKWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("financien", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
