"""A GIN index on the audit log's details, for the betrokkene filter on list events.

The logboek and the inzage find the list events that named a person with
`details @> '{"kandidaten": [3]}'` (werkcentrum.audit.in_lijst). Without an index PostgreSQL
reads every event of the regio for that; the log only grows. jsonb_path_ops: smaller than the
default operator class and it serves exactly @>.

PostgreSQL only, so not in AuditEvent.Meta.indexes (SQLite has no GIN; it walks the lists with
json_each). Built CONCURRENTLY, outside a transaction, so pages keep writing their events while
the index is built. If the build fails it leaves an INVALID index: drop it and migrate again.
"""

from django.db import migrations

FORWARD = (
    "CREATE INDEX CONCURRENTLY audit_details_gin "
    "ON werkcentrum_auditevent USING gin (details jsonb_path_ops)"
)
BACKWARD = "DROP INDEX CONCURRENTLY IF EXISTS audit_details_gin"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("werkcentrum", "0004_uitgaandetaak")]

    operations = [migrations.RunPython(forward, backward)]
