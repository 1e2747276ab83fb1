import random
from datetime import date

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from werkcentrum.demo import DEMO_DOMEIN, DEMO_WACHTWOORD, DemoContext, generatoren
from werkcentrum.models import Arbeidsmarktregio
from werkcentrum.rollen import ROLLEN


class Command(BaseCommand):
    help = (
        "Vult de regio met fictieve demogegevens rond vandaag (deterministisch met --seed "
        "op dezelfde dag, groter met --scale)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--regio", default="zkij")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--scale", type=int, default=1, choices=range(1, 101), metavar="1..100")
        parser.add_argument(
            "--vandaag",
            default=None,
            metavar="JJJJ-MM-DD",
            help="De dag waar de demo omheen ligt (standaard vandaag); niet in de toekomst.",
        )

    def handle(self, *args, regio: str, seed: int, scale: int, vandaag: str | None, **options):
        dag = timezone.localdate()
        if vandaag:
            try:
                dag = date.fromisoformat(vandaag)
            except ValueError:
                raise CommandError("--vandaag: gebruik JJJJ-MM-DD.") from None
            if dag > timezone.localdate():
                # Bookings and besluiten refuse dates after the real today.
                raise CommandError("--vandaag ligt niet in de toekomst.")
        if not Arbeidsmarktregio.objects.filter(code=regio).exists():
            call_command("seed_regio", regio, stdout=self.stdout)
        regio_obj = Arbeidsmarktregio.objects.get(code=regio)
        ctx = DemoContext(
            regio=regio_obj, rng=random.Random(seed), scale=scale, stdout=self.stdout, vandaag=dag
        )
        for naam, generator in generatoren():
            with transaction.atomic():
                generator(ctx)
            self.stdout.write(f"  demo: {naam}")
        self.stdout.write(
            self.style.SUCCESS(f"Demo-logins (wachtwoord voor allemaal: {DEMO_WACHTWOORD})")
        )
        for rol in ROLLEN:
            self.stdout.write(f"  {rol:<22} {rol.replace('_', '.')}@{regio}.{DEMO_DOMEIN}")
        self.stdout.write(f"  {'superuser':<22} platform@{DEMO_DOMEIN}")
