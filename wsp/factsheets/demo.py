"""Demo data of the factsheets: recipients per gemeente and for UWV, and the published
factsheet of the last finished half year (idempotent: keyed by the run key "demo")."""

from __future__ import annotations

from django.utils import timezone
from django.utils.text import slugify

from werkcentrum.demo import DemoContext, registreer
from werkcentrum.models import Gemeente

from ..factsheet_models import Factsheet, FactsheetOntvanger
from . import services
from .selectors import Periode


@registreer("wsp_factsheets")
def factsheets(ctx: DemoContext) -> None:
    regio = ctx.regio
    FactsheetOntvanger.objects.update_or_create(
        regio=regio,
        gemeente=None,
        email=f"factsheet.uwv@{regio.code}.demo.werkcentrum.nl",
        defaults={"naam": "UWV regio (demo)"},
    )
    for gemeente in Gemeente.objects.filter(regio=regio).order_by("naam"):
        FactsheetOntvanger.objects.update_or_create(
            regio=regio,
            gemeente=gemeente,
            email=f"factsheet.{slugify(gemeente.naam)}@{regio.code}.demo.werkcentrum.nl",
            defaults={"naam": f"Gemeente {gemeente.naam} (demo)"},
        )
    periode = Periode.van_datum(ctx.vandaag).vorige
    factsheet, _nieuw = services.factsheet_maken(regio=regio, periode=periode, aanleiding="demo")
    # Published without mailing the demo recipients.
    Factsheet.objects.filter(pk=factsheet.pk, gepubliceerd=False).update(
        tekst_samenvatting="Demo: een halfjaar met veel plaatsingen in de zorg en de techniek.",
        gepubliceerd=True,
        gepubliceerd_op=timezone.now(),
        verstuurd_op=timezone.now(),
    )
