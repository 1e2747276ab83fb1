"""Publish the open rows of the task outbox, e.g. from cron when beat is not running."""

from django.core.management.base import BaseCommand

from werkcentrum import outbox


class Command(BaseCommand):
    help = "Publiceer taken uit de outbox die de broker nog niet heeft (idempotent)."

    def handle(self, *args, **options) -> None:
        resultaat = outbox.alles_doorsturen()
        self.stdout.write(
            "verzonden: {verzonden}, nog open: {open}, opgeruimd: {opgeruimd}".format(**resultaat)
        )
