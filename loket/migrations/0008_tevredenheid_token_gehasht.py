import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

import werkcentrum.validators


def hashen(apps, schema_editor):
    # Links already mailed keep working: their plain token becomes its SHA-256, valid for the
    # configured number of days from when it was sent (or from now, when that is unknown).
    Doorverwijzing = apps.get_model("loket", "Doorverwijzing")
    dagen = timedelta(days=getattr(settings, "LOKET_TEVREDENHEID_LINK_DAGEN", 30))
    for dv in Doorverwijzing.objects.exclude(tevredenheid_token_hash=None).exclude(
        tevredenheid_token_hash=""
    ):
        dv.tevredenheid_token_hash = hashlib.sha256(dv.tevredenheid_token_hash.encode()).hexdigest()
        dv.tevredenheid_geldig_tot = (dv.tevredenheid_verstuurd_op or timezone.now()) + dagen
        dv.save(update_fields=["tevredenheid_token_hash", "tevredenheid_geldig_tot"])
    Doorverwijzing.objects.filter(tevredenheid_token_hash="").update(tevredenheid_token_hash=None)


class Migration(migrations.Migration):
    dependencies = [
        ("loket", "0007_vragen_per_uur_ruimer"),
    ]

    operations = [
        migrations.RenameField(
            model_name="doorverwijzing",
            old_name="tevredenheid_token",
            new_name="tevredenheid_token_hash",
        ),
        migrations.AlterField(
            model_name="doorverwijzing",
            name="tevredenheid_token_hash",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=64,
                null=True,
                unique=True,
                validators=[werkcentrum.validators.enkele_regel_validator],
            ),
        ),
        migrations.AddField(
            model_name="doorverwijzing",
            name="tevredenheid_geldig_tot",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(hashen, migrations.RunPython.noop),
    ]
