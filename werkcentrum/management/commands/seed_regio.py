from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from werkcentrum import regiodefinitie


class Command(BaseCommand):
    help = (
        "Laadt een arbeidsmarktregio uit haar definitiebestand (werkcentrum/regios/<code>.yaml "
        "of --bestand). Idempotent: twee keer laden verandert niets; een fout bestand schrijft "
        "niets."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "code",
            nargs="?",
            help="Code van de regio met een bestand in de repository: "
            + ", ".join(regiodefinitie.beschikbaar()),
        )
        parser.add_argument("--bestand", type=Path, help="Een eigen definitiebestand (YAML).")

    def handle(self, *args, code: str | None, bestand: Path | None, **options):
        if bool(code) == bool(bestand):
            raise CommandError("Geef een regiocode of --bestand, niet allebei of geen van beide.")
        pad = bestand or regiodefinitie.bestand(code)
        if not pad.is_file():
            raise CommandError(
                f"Geen definitiebestand {pad}. Beschikbaar: "
                + ", ".join(regiodefinitie.beschikbaar())
            )
        try:
            definitie = regiodefinitie.lezen(pad.read_bytes(), map=pad.parent)
            if code and definitie.code != code:
                raise regiodefinitie.DefinitieFout(
                    [f"Het bestand beschrijft regio '{definitie.code}', niet '{code}'."]
                )
            samenvatting = regiodefinitie.laden(definitie)
        except regiodefinitie.DefinitieFout as fout:
            regels = "\n".join(f"  - {f}" for f in fout.fouten)
            raise CommandError(f"{pad} is niet geladen; er is niets veranderd:\n{regels}") from None
        if samenvatting.ongewijzigd:
            self.stdout.write(f"Regio {definitie.code} ({definitie.naam}): al bijgewerkt.")
            return
        delen = [f"{n} {soort} nieuw" for soort, n in sorted(samenvatting.nieuw.items())]
        delen += [f"{n} {soort} bijgewerkt" for soort, n in sorted(samenvatting.gewijzigd.items())]
        self.stdout.write(
            self.style.SUCCESS(
                f"Regio {definitie.code} ({definitie.naam}) geladen: " + ", ".join(delen)
            )
        )
