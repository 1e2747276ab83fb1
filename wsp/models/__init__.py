"""WSP domain: werkgevers (accounts), contactmomenten, verzoeken with the 24-hour promise,
vacatures, kandidaten, voordrachten, plaatsingen with nazorg, doelstellingen, activiteiten.

One module per subdomain; every model is re-exported here so `from wsp.models import X`
keeps working."""

from ..factsheet_models import Factsheet, FactsheetLink, FactsheetOntvanger
from .base import User, kvk_validator
from .bemiddeling import Plaatsing, Voordracht
from .doelen import Activiteit, Doelstelling
from .instelling import WspInstelling
from .kandidaten import Kandidaat
from .lijsten import WspDoelgroep, WspInstrument
from .nazorg import NazorgMoment
from .overdracht import Overdracht
from .referentie import Cluster, Sector, Skill
from .vacatures import Vacature
from .werkgevers import Contactmoment, Contactpersoon, Vestiging, Werkgever, Werkgeversverzoek

__all__ = [
    "Activiteit",
    "Cluster",
    "Contactmoment",
    "Contactpersoon",
    "Doelstelling",
    "Factsheet",
    "FactsheetLink",
    "FactsheetOntvanger",
    "Kandidaat",
    "NazorgMoment",
    "Overdracht",
    "Plaatsing",
    "Sector",
    "Skill",
    "User",
    "Vacature",
    "Vestiging",
    "Voordracht",
    "Werkgever",
    "Werkgeversverzoek",
    "WspDoelgroep",
    "WspInstelling",
    "WspInstrument",
    "kvk_validator",
]
