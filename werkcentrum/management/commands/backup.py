"""manage.py backup: pg_dump + restore proof (docs/backup.md)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from werkcentrum.backup import Resultaat, backup_met_herstelproef


class Command(BaseCommand):
    help = (
        "Maak een backup (pg_dump) van de geconfigureerde database, zet hem terug in een verse "
        "database en controleer dat de app daarop start en alle aantallen gelijk zijn."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--bestand", type=Path, help="Het dumpbestand (standaard in var/backups/)."
        )
        parser.add_argument("--herstel-database", help="Naam van de proefdatabase.")
        parser.add_argument("--behoud", action="store_true", help="Laat de proefdatabase staan.")
        parser.add_argument(
            "--vervang", action="store_true", help="Een bestaande proefdatabase vervangen."
        )
        parser.add_argument(
            "--rapport", type=Path, help="Schrijf het resultaat (Markdown) hierheen."
        )

    def handle(self, *args, **opties) -> None:
        stempel = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        bestand = (
            opties["bestand"] or Path(settings.VAR_DIR) / "backups" / f"werkcentrum-{stempel}.dump"
        )
        doel = opties["herstel_database"] or f"herstelproef_{stempel.replace('-', '_')}"
        try:
            resultaat = backup_met_herstelproef(
                bestand=bestand, doel=doel, behouden=opties["behoud"], vervangen=opties["vervang"]
            )
        except Exception as exc:  # pg_dump/pg_restore output is in the CalledProcessError
            raise CommandError(f"backup mislukt: {getattr(exc, 'stderr', '') or exc}") from exc
        tekst = rapport(resultaat)
        self.stdout.write(tekst)
        if opties["rapport"]:
            opties["rapport"].parent.mkdir(parents=True, exist_ok=True)
            opties["rapport"].write_text(tekst)
        if not resultaat.geslaagd:
            raise CommandError("herstelproef mislukt: zie de verschillen hierboven")


def rapport(resultaat: Resultaat) -> str:
    regels = [
        f"Backup {resultaat.bestand.name} ({resultaat.bestand.stat().st_size} bytes) van "
        f"database {resultaat.database}, teruggezet in {resultaat.herstel_database}",
        f"Tijdstip: {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        "",
        "| controle | uitkomst |",
        "| --- | --- |",
        *[
            f"| manage.py {naam} | {uitkomst} |"
            for naam, uitkomst in resultaat.app_controles.items()
        ],
        "",
        "| tabel | origineel | hersteld |",
        "| --- | ---: | ---: |",
        *[f"| {t} | {a} | {b} |" for t, (a, b) in resultaat.aantallen.items()],
        "",
        f"Tabellen: {len(resultaat.aantallen)}, rijen: "
        f"{sum(a for a, _b in resultaat.aantallen.values())}, verschillen: "
        f"{len(resultaat.verschillen)}",
        "GESLAAGD: alle aantallen gelijk, de app start op de kopie"
        if resultaat.geslaagd
        else f"MISLUKT: {resultaat.verschillen or resultaat.app_controles}",
        "",
    ]
    return "\n".join(regels)
