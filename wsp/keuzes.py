"""Choice lists and reference data of the WSP (Uitvoeringsplan WSP ZKIJ 2025)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Doelgroep(models.TextChoices):
    WAJONG = "wajong", _("Wajong")
    WIA = "wia", _("WIA")
    WW = "ww", _("WW")
    PWET = "pwet", _("P-wet")
    OEKRAINE = "oekraine", _("Oekraïne")
    OVERIG = "overig", _("Overig/onbekend")


class Opleidingsniveau(models.TextChoices):
    GEEN = "geen", _("Geen startkwalificatie")
    MBO1 = "mbo1", _("mbo 1")
    MBO2 = "mbo2", _("mbo 2")
    MBO3 = "mbo3", _("mbo 3")
    MBO4 = "mbo4", _("mbo 4")
    HBO = "hbo", _("hbo")
    WO = "wo", _("wo")


class Taalniveau(models.TextChoices):
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


class Instrument(models.TextChoices):
    PROEFPLAATSING = "proefplaatsing", _("Proefplaatsing")
    NO_RISKPOLIS = "no_riskpolis", _("No-riskpolis")
    LOONDISPENSATIE = "loondispensatie", _("Loondispensatie")
    LOONKOSTENSUBSIDIE = "loonkostensubsidie", _("Loonkostensubsidie")
    MOBILITEITSBONUS = "mobiliteitsbonus", _("Mobiliteitsbonus")
    JOBCOACH = "jobcoach", _("Jobcoach")
    WERKPLEKAANPASSING = "werkplekaanpassing", _("Werkplekaanpassing")
    SCHOLING = "scholing", _("Scholing/SLIM")
    OVERIG = "overig", _("Overig")


# The four clusters with their sectors (Uitvoeringsplan 2025, 3.5), loaded by migration 0002.
# (cluster code, cluster name, [(sector code, sector name, focussector)])
CLUSTERS = [
    (
        "techniek",
        "Techniek",
        [
            ("bouw", "Bouw", True),
            ("infra", "Infra", True),
            ("techniek", "Techniek", True),
            ("industrie", "Industrie", True),
            ("groen", "Groen", False),
            ("ict", "ICT", False),
        ],
    ),
    ("zorg", "Zorg en Welzijn", [("zorg-welzijn", "Zorg en Welzijn", True)]),
    (
        "oozd",
        "Onderwijs, Overheid, Zakelijke Dienstverlening",
        [
            ("onderwijs", "Onderwijs", True),
            ("overheid", "Overheid", False),
            ("zakelijk", "Zakelijke Dienstverlening", False),
        ],
    ),
    (
        "handel",
        "Handel en Facilitaire diensten",
        [
            ("transport", "Transport", False),
            ("logistiek", "Logistiek", False),
            ("handel", "Groothandel en Detailhandel", False),
            ("horeca", "Horeca en Schoonmaak", False),
            ("beveiliging", "Beveiliging en Bewaking", False),
        ],
    ),
]
