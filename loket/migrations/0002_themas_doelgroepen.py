"""Reference data: the hulpvraag-thema's and the doelgroepen of DOMAIN.md section 3."""

from django.db import migrations

THEMAS = [
    ("werk-zoeken", "Werk zoeken"),
    ("ander-werk", "Ander werk of werk behouden"),
    ("scholing", "Scholing en opleiding"),
    ("loopbaan", "Loopbaanadvies"),
    ("inkomen", "Inkomen en uitkering"),
    ("taal", "Taal en inburgering"),
    ("ondernemen", "Ondernemen en zzp"),
    ("gezondheid", "Gezondheid en arbeidsbeperking"),
    ("schulden", "Geldzorgen en schulden"),
    ("werkgever", "Vraag als werkgever"),
    ("overig", "Iets anders"),
]

DOELGROEPEN = [
    ("nug", "Niet-uitkeringsgerechtigd (NUG)"),
    ("ww", "WW"),
    ("bijstand", "Bijstand (Participatiewet)"),
    ("wajong", "Wajong"),
    ("wia-zw", "WIA / ZW"),
    ("werkenden", "Werkenden (werk naar werk)"),
    ("jongeren", "Jongeren < 27 / schoolverlaters"),
    ("statushouders", "Statushouders"),
    ("oekrainers", "Oekraïners"),
    ("eu-arbeidsmigranten", "EU-arbeidsmigranten"),
    ("ondernemers", "Ondernemers / zzp"),
    ("arbeidsbeperking", "Mensen met een arbeidsbeperking"),
    ("onbekend", "Onbekend"),
]


def vullen(apps, schema_editor):
    Thema = apps.get_model("loket", "Thema")
    Doelgroep = apps.get_model("loket", "Doelgroep")
    for i, (code, naam) in enumerate(THEMAS):
        Thema.objects.update_or_create(code=code, defaults={"naam": naam, "volgorde": i})
    for i, (code, naam) in enumerate(DOELGROEPEN):
        Doelgroep.objects.update_or_create(code=code, defaults={"naam": naam, "volgorde": i})


class Migration(migrations.Migration):
    dependencies = [("loket", "0001_initial")]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
