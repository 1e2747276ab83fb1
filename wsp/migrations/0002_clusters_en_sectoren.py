"""The four WSP clusters with their sectors (Uitvoeringsplan WSP ZKIJ 2025, 3.5) as data."""

from django.db import migrations

from wsp.keuzes import CLUSTERS


def laden(apps, schema_editor):
    Cluster = apps.get_model("wsp", "Cluster")
    Sector = apps.get_model("wsp", "Sector")
    for volgorde, (code, naam, sectoren) in enumerate(CLUSTERS, start=1):
        cluster, _ = Cluster.objects.update_or_create(
            code=code, defaults={"naam": naam, "volgorde": volgorde}
        )
        for s_code, s_naam, focus in sectoren:
            Sector.objects.update_or_create(
                code=s_code,
                defaults={"naam": s_naam, "cluster": cluster, "is_focussector": focus},
            )


class Migration(migrations.Migration):
    dependencies = [("wsp", "0001_initial")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
