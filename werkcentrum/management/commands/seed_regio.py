from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from werkcentrum.models import Arbeidsmarktregio, Gemeente, Locatie, Openingstijd, Organisatie
from werkcentrum.regio_data import REGIO_DATA


class Command(BaseCommand):
    help = "Laadt de referentiegegevens van een arbeidsmarktregio (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "code", choices=sorted(REGIO_DATA), help="Code van de regio, bijv. zkij"
        )

    @transaction.atomic
    def handle(self, *args, code: str, **options):
        data = REGIO_DATA.get(code)
        if data is None:
            raise CommandError(f"Onbekende regio: {code}")
        regio, _ = Arbeidsmarktregio.objects.update_or_create(
            code=code, defaults={"naam": data["naam"]}
        )
        gemeenten = {}
        for naam, cbs, subregio, centrum in data["gemeenten"]:
            gemeenten[naam], _ = Gemeente.objects.update_or_create(
                cbs_code=cbs,
                defaults={
                    "regio": regio,
                    "naam": naam,
                    "subregio": subregio,
                    "is_centrumgemeente": centrum,
                },
            )
        for naam, soort, gemeente in data["organisaties"]:
            Organisatie.objects.update_or_create(
                regio=regio,
                naam=naam,
                defaults={"type": soort, "gemeente": gemeenten.get(gemeente)},
            )
        # The Werkcentrum itself (first organisation listed) hosts the spreekuren.
        gastheer = Organisatie.objects.get(regio=regio, naam=data["organisaties"][0][0])
        for naam, gemeente, straat, postcode, plaats, tijden in data["locaties"]:
            locatie, _created = Locatie.objects.update_or_create(
                regio=regio,
                naam=naam,
                defaults={
                    "gemeente": gemeenten[gemeente],
                    "organisatie": gastheer,
                    "straat": straat,
                    "postcode": postcode,
                    "plaats": plaats,
                },
            )
            for weekdag, van, tot in tijden:
                Openingstijd.objects.get_or_create(
                    locatie=locatie, weekdag=weekdag, begintijd=van, defaults={"eindtijd": tot}
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"Regio {regio.naam}: {len(gemeenten)} gemeenten, "
                f"{regio.organisaties.count()} organisaties, {regio.locaties.count()} locaties."
            )
        )
