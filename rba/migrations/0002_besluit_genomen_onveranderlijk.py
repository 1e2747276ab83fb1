"""A taken besluit (status genomen) is immutable in the database itself.

PostgreSQL: a trigger refuses UPDATE and DELETE of a row whose stored status is 'genomen'
(TRUNCATE, used by test flushes, is left alone). SQLite (embedded demo): a trigger refuses
UPDATE of such a row; DELETE stays possible there because Django's test flush deletes rows.
"""

from django.db import migrations

PG_FORWARD = """
CREATE OR REPLACE FUNCTION rba_besluit_genomen_weiger() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'rba_besluit %: a taken besluit is immutable (% refused)', OLD.nummer, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER rba_besluit_genomen_onveranderlijk
    BEFORE UPDATE OR DELETE ON rba_besluit
    FOR EACH ROW WHEN (OLD.status = 'genomen')
    EXECUTE FUNCTION rba_besluit_genomen_weiger();
"""
PG_BACKWARD = """
DROP TRIGGER IF EXISTS rba_besluit_genomen_onveranderlijk ON rba_besluit;
DROP FUNCTION IF EXISTS rba_besluit_genomen_weiger();
"""
SQLITE_FORWARD = """
CREATE TRIGGER rba_besluit_genomen_onveranderlijk
BEFORE UPDATE ON rba_besluit
FOR EACH ROW WHEN OLD.status = 'genomen'
BEGIN
    SELECT RAISE(ABORT, 'rba_besluit: a taken besluit is immutable (UPDATE refused)');
END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS rba_besluit_genomen_onveranderlijk;"


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
    dependencies = [("rba", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
