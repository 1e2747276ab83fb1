"""DRF's authtoken is gone (issue 20, point 9): its table held every token in plain text and
tokens that never expire. Drop it; integrations get a knox token of a service account."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("werkcentrum", "0013_serviceaccount_api_token")]

    operations = [
        migrations.RunSQL("DROP TABLE IF EXISTS authtoken_token", migrations.RunSQL.noop),
    ]
