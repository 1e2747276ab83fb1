"""Make the audit log append-only in the database itself, not only in Python.

PostgreSQL: a trigger refuses UPDATE and DELETE (TRUNCATE: see 0008, refused unless the
transaction allows it, as the test flush does). SQLite (embedded demo): a trigger refuses UPDATE; DELETE
stays possible there because Django's test flush deletes row by row.
"""

from django.db import migrations

PG_FORWARD = """
CREATE OR REPLACE FUNCTION werkcentrum_auditevent_weiger() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'werkcentrum_auditevent is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER werkcentrum_auditevent_append_only
    BEFORE UPDATE OR DELETE ON werkcentrum_auditevent
    FOR EACH ROW EXECUTE FUNCTION werkcentrum_auditevent_weiger();
"""
PG_BACKWARD = """
DROP TRIGGER IF EXISTS werkcentrum_auditevent_append_only ON werkcentrum_auditevent;
DROP FUNCTION IF EXISTS werkcentrum_auditevent_weiger();
"""
SQLITE_FORWARD = """
CREATE TRIGGER werkcentrum_auditevent_append_only
BEFORE UPDATE ON werkcentrum_auditevent
BEGIN
    SELECT RAISE(ABORT, 'werkcentrum_auditevent is append-only (UPDATE refused)');
END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS werkcentrum_auditevent_append_only;"


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
    dependencies = [("werkcentrum", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
