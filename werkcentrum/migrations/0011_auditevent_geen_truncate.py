"""Refuse TRUNCATE of the audit log on PostgreSQL (issue 20, point 7).

0002 refuses UPDATE and DELETE row by row; TRUNCATE fires no row triggers, so one statement
could empty the log. A statement-level BEFORE TRUNCATE trigger refuses it unless the
transaction deliberately allows it with

    SET LOCAL werkcentrum.audit_truncate = 'toegestaan';

which only the test suite's database flush does (tests/conftest.py) and an operator who
resets a database on purpose. SQLite has no TRUNCATE; nothing changes there.
"""

from django.db import migrations

PG_FORWARD = """
CREATE OR REPLACE FUNCTION werkcentrum_auditevent_weiger_truncate() RETURNS trigger AS $$
BEGIN
    IF current_setting('werkcentrum.audit_truncate', true) = 'toegestaan' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'werkcentrum_auditevent is append-only (TRUNCATE refused)'
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER werkcentrum_auditevent_geen_truncate
    BEFORE TRUNCATE ON werkcentrum_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION werkcentrum_auditevent_weiger_truncate();
"""
PG_BACKWARD = """
DROP TRIGGER IF EXISTS werkcentrum_auditevent_geen_truncate ON werkcentrum_auditevent;
DROP FUNCTION IF EXISTS werkcentrum_auditevent_weiger_truncate();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("werkcentrum", "0010_formulieralarm_inlogblokkade")]

    operations = [migrations.RunPython(forward, backward)]
