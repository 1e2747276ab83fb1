"""An e-mail backend for the fault tests: each message becomes a row in `storingstest_post`
of the app's database, written on the sender's connection, so inside the sender's
transaction. POSTVAK_VERTRAGING (seconds) makes every message slow, like a slow SMTP server,
so a test can kill a worker in the middle of a run. POSTVAK_SPOOR names a file that gets a
line per message *attempted* (outside any transaction), so a test sees a run in progress."""

from __future__ import annotations

import os
import time

from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection

TABEL_SQL = (
    "CREATE TABLE IF NOT EXISTS storingstest_post "
    "(id serial PRIMARY KEY, onderwerp text NOT NULL, aan text NOT NULL, "
    "op timestamptz NOT NULL DEFAULT now())"
)


class Postvak(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        vertraging = float(os.environ.get("POSTVAK_VERTRAGING", "0"))
        for bericht in email_messages:
            time.sleep(vertraging)
            with connection.cursor() as cursor:
                cursor.execute(
                    "INSERT INTO storingstest_post (onderwerp, aan) VALUES (%s, %s)",
                    [bericht.subject, ",".join(bericht.to)],
                )
            if spoor := os.environ.get("POSTVAK_SPOOR"):
                with open(spoor, "a") as bestand:
                    bestand.write(f"{bericht.subject}\n")
        return len(email_messages)
