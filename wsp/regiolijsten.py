"""Per-regio doelgroepen and instrumenten: what a form, filter, API or import offers, the
names shown for stored codes, the check of a code, and the national default lists.

One place for every caller (forms, filters, API serializers, imports, factsheets, the
definition file), so a new model with a doelgroep code uses `doelgroepen_voor(regio)` for its
choices and `doelgroep_controleren(regio=..., code=...)` for its validation."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext

from werkcentrum.gedeelde_lijsten import controleren, keuzes_voor

from .keuzes import Doelgroep, Instrument
from .models import WspDoelgroep, WspInstrument

Keuzes = list[tuple[str, str]]


def _regio_id(regio) -> int | None:
    return getattr(regio, "pk", regio)


def _keuzes(model, regio, *, ook: Iterable[str] = ()) -> Keuzes:
    """(code, naam) of the regio's active items in their order; `ook` keeps a record's own
    (perhaps deactivated) codes selectable when it is edited."""
    ook = [c for c in ook if c]
    rijen = model.objects.filter(regio_id=_regio_id(regio))
    if ook:
        rijen = rijen.filter(models.Q(actief=True) | models.Q(code__in=ook))
    else:
        rijen = rijen.filter(actief=True)
    return list(rijen.order_by("volgorde", "naam").values_list("code", "naam"))


def _namen(model, regio) -> dict[str, str]:
    """Every code of the regio (deactivated ones too) to its name, in the regio's order."""
    rijen = model.objects.filter(regio_id=_regio_id(regio)).order_by("volgorde", "naam")
    return dict(rijen.values_list("code", "naam"))


def doelgroepen_voor(regio, *, ook: Iterable[str] = ()) -> Keuzes:
    """The (code, naam) choices of the regio's active WSP doelgroepen."""
    return _keuzes(WspDoelgroep, regio, ook=ook)


def instrumenten_voor(regio, *, ook: Iterable[str] = ()) -> Keuzes:
    """The (code, naam) choices of the regio's active instrumenten."""
    return _keuzes(WspInstrument, regio, ook=ook)


def doelgroep_namen(regio) -> dict[str, str]:
    return _namen(WspDoelgroep, regio)


def instrument_namen(regio) -> dict[str, str]:
    return _namen(WspInstrument, regio)


def doelgroep_naam(regio, code: str) -> str:
    """The regio's name for a stored code; the code itself when the regio does not know it."""
    if not code:
        return ""
    naam = (
        WspDoelgroep.objects.filter(regio_id=_regio_id(regio), code=code)
        .values_list("naam", flat=True)
        .first()
    )
    return naam or code


def _controleren(
    model, soort: str, *, regio, codes: Iterable[str], huidig: Iterable[str], veld: str
) -> None:
    codes = [c for c in codes if c]
    if not codes:
        return
    toegestaan = [c for c, _n in _keuzes(model, regio, ook=huidig)]
    onbekend = sorted(set(codes) - set(toegestaan))
    if onbekend:
        fout = ValidationError(
            gettext("Onbekende %(soort)s '%(code)s' voor deze regio; kies uit: %(keuze)s."),
            code="onbekende_code",
            params={
                "soort": soort,
                "code": "', '".join(onbekend),
                "keuze": ", ".join(toegestaan) or "-",
            },
        )
        raise ValidationError({veld: [fout]})


def doelgroep_controleren(*, regio, code: str, huidig: str = "", veld: str = "doelgroep") -> None:
    """Raises ValidationError (Dutch, on `veld`) unless `code` is an active doelgroep of the
    regio, or the record's current one (`huidig`, perhaps deactivated since)."""
    _controleren(WspDoelgroep, "doelgroep", regio=regio, codes=[code], huidig=[huidig], veld=veld)


def doelgroepen_controleren(
    *, regio, codes: Iterable[str], huidig: Iterable[str] = (), veld: str = "doelgroepen"
) -> None:
    _controleren(WspDoelgroep, "doelgroep", regio=regio, codes=codes, huidig=huidig, veld=veld)


def instrumenten_controleren(
    *, regio, codes: Iterable[str], huidig: Iterable[str] = (), veld: str = "instrumenten"
) -> None:
    _controleren(WspInstrument, "instrument", regio=regio, codes=codes, huidig=huidig, veld=veld)


# The national lists, as (code, naam): what a regio gets unless its definition file lists its
# own. The names are the Dutch ones (data of the regio, not interface text).
def nationale_doelgroepen() -> Keuzes:
    with translation.override("nl"):
        return [(d.value, str(d.label)) for d in Doelgroep]


def nationale_instrumenten() -> Keuzes:
    with translation.override("nl"):
        return [(i.value, str(i.label)) for i in Instrument]


def lijst_bijwerken(model, *, regio, items: Keuzes) -> tuple[int, int]:
    """Makes the regio's list contain `items` (code, naam) in this order. Items the regio
    has beyond them are deactivated, never deleted (records may use them). Returns (new,
    changed); (0, 0) when the list was already so. Idempotent."""
    bestaand = {i.code: i for i in model.objects.filter(regio=regio)}
    nieuw = gewijzigd = 0
    for volgorde, (code, naam) in enumerate(items, start=1):
        item = bestaand.pop(code, None)
        if item is None:
            model.objects.create(regio=regio, code=code, naam=naam, volgorde=volgorde)
            nieuw += 1
            continue
        gewenst = {"naam": naam, "volgorde": volgorde, "actief": True}
        anders = {k: v for k, v in gewenst.items() if getattr(item, k) != v}
        if anders:
            model.objects.filter(pk=item.pk).update(**anders)
            gewijzigd += 1
    over = [i.pk for i in bestaand.values() if i.actief]
    if over:
        model.objects.filter(pk__in=over).update(actief=False)
        gewijzigd += len(over)
    return nieuw, gewijzigd


def standaard_aanvullen(*, regio) -> None:
    """Gives a regio without lists the national ones (a regio made in the admin or by a
    test). A regio that has a list keeps it as it is."""
    for model, items in (
        (WspDoelgroep, nationale_doelgroepen()),
        (WspInstrument, nationale_instrumenten()),
    ):
        if not model.objects.filter(regio=regio).exists():
            lijst_bijwerken(model, regio=regio, items=items)


# Where records keep a code of each list: (model, field, holds a JSON list). A new model with
# a doelgroep code adds itself here, so the code cannot be deleted while it is used.
GEBRUIK = {
    "WspDoelgroep": [
        ("Kandidaat", "doelgroep", False),
        ("Plaatsing", "doelgroep", False),
        ("Overdracht", "doelgroep", False),
        ("Doelstelling", "doelgroep", False),
        ("Vacature", "doelgroepen", True),
    ],
    "WspInstrument": [("Plaatsing", "instrumenten", True)],
}


def in_gebruik(item: WspDoelgroep | WspInstrument) -> bool:
    """Whether a record of the item's regio holds its code (deleting it would leave those
    records with a code nobody can read)."""
    from . import models as wsp_models

    for model_naam, veld, is_lijst in GEBRUIK[type(item).__name__]:
        model = getattr(wsp_models, model_naam)
        # A JSON list is matched on the quoted code as text: works on SQLite and PostgreSQL.
        lookup = {f"{veld}__icontains": f'"{item.code}"'} if is_lijst else {veld: item.code}
        if model.objects.filter(regio_id=item.regio_id, **lookup).exists():
            return True
    return False


# --- Sectoren and clusters: the national list (shared, regio NULL) minus what the regio hid,
# plus the regio's own items (werkcentrum.gedeelde_lijsten). Objects, not codes: records keep
# them by foreign key.


def sectoren_voor(regio, *, ook: Iterable = ()) -> models.QuerySet:
    """The sectoren a form, filter, API or import of the regio offers; `ook` keeps a record's
    current sector(en) selectable, even when the regio hid them since."""
    from .models import Sector

    return keuzes_voor(Sector, regio, ook=ook).select_related("cluster")


def clusters_voor(regio, *, ook: Iterable = ()) -> models.QuerySet:
    """The clusters the regio offers (see `sectoren_voor`)."""
    from .models import Cluster

    return keuzes_voor(Cluster, regio, ook=ook)


def sectoren_controleren(
    *, regio, sectoren: Iterable, huidig: Iterable = (), veld: str = "sector"
) -> None:
    """Raises ValidationError (Dutch, on `veld`) for a sector of another regio, or one the
    regio hid that the record did not already have."""
    from .models import Sector

    controleren(
        Sector, regio=regio, items=sectoren, huidig=huidig, veld=veld, soort=gettext("Sector")
    )


def sector_controleren(*, regio, sector, huidig=None, veld: str = "sector") -> None:
    sectoren_controleren(regio=regio, sectoren=[sector], huidig=[huidig], veld=veld)


def cluster_controleren(*, regio, cluster, huidig=None, veld: str = "cluster") -> None:
    from .models import Cluster

    controleren(
        Cluster, regio=regio, items=[cluster], huidig=[huidig], veld=veld, soort=gettext("Cluster")
    )
