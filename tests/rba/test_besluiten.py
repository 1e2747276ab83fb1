from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction

from rba import services
from rba.models import Besluit, BesluitNietWijzigbaar
from tests.rba.factories import AgendapuntFactory, OverlegorgaanFactory

pytestmark = pytest.mark.django_db


def _besluit(orgaan, door=None, **kw):
    gegevens = {
        "orgaan": orgaan,
        "datum": date(2025, 3, 19),
        "titel": "Vaststelling uitvoeringsplan",
        "besluittekst": "Het RBA stelt het uitvoeringsplan vast.",
        "besluitvorming": Besluit.Besluitvorming.SCHRIFTELIJK,
    }
    gegevens.update(kw)
    return services.besluit_vastleggen(door=door, **gegevens)


def test_numbers_are_consecutive_per_orgaan_and_year(rba, secretariaat, regio_a):
    keten = OverlegorgaanFactory(regio=regio_a, naam="Keten-MT", afkorting="KMT")
    nummers = [_besluit(rba, secretariaat).nummer for _ in range(3)]
    nummers.append(_besluit(keten, secretariaat).nummer)
    nummers.append(_besluit(rba, secretariaat, datum=date(2026, 1, 5)).nummer)
    assert nummers == [
        "RBA-2025-001",
        "RBA-2025-002",
        "RBA-2025-003",
        "KMT-2025-001",
        "RBA-2026-001",
    ]


def test_the_same_number_in_another_regio_is_independent(rba, regio_b):
    ander = OverlegorgaanFactory(regio=regio_b, naam="RBA Amersfoort", afkorting="RBA")
    assert _besluit(rba).nummer == _besluit(ander).nummer == "RBA-2025-001"


def test_a_refused_besluit_draws_no_number(rba):
    with pytest.raises(ValidationError) as fout:
        _besluit(rba, type=Besluit.Type.INZET_REGIONALE_MIDDELEN)  # no bedrag
    assert "bedrag" in fout.value.message_dict
    assert _besluit(rba).nummer == "RBA-2025-001"


def test_a_rolled_back_transaction_leaves_no_gap(rba):
    with pytest.raises(RuntimeError), transaction.atomic():
        _besluit(rba)
        raise RuntimeError
    assert _besluit(rba).nummer == "RBA-2025-001"


def test_duplicate_numbers_are_refused_by_the_database(rba):
    eerste = _besluit(rba)
    dubbel = Besluit(
        regio=rba.regio,
        orgaan=rba,
        nummer=eerste.nummer,
        datum=eerste.datum,
        titel="x",
        besluittekst="x",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        dubbel.save()


def test_besluit_nemen_with_new_fields_gives_a_taken_numbered_besluit(rba, secretariaat):
    besluit = services.besluit_nemen(
        orgaan=rba,
        datum=date(2025, 6, 11),
        titel="Inzet regionale middelen jobhunters",
        besluittekst="Het RBA stelt EUR 200.000 beschikbaar.",
        type=Besluit.Type.INZET_REGIONALE_MIDDELEN,
        bedrag=Decimal("200000.00"),
        fonds="Dichterbij dan je Denkt",
        besluitvorming=Besluit.Besluitvorming.SCHRIFTELIJK,
        door=secretariaat,
    )
    assert besluit.status == Besluit.Status.GENOMEN and besluit.genomen_op
    assert besluit.nummer == "RBA-2025-001"
    assert list(
        Besluit.objects.filter(
            status=Besluit.Status.GENOMEN, type=Besluit.Type.INZET_REGIONALE_MIDDELEN
        )
    ) == [besluit]


def test_taking_a_proposed_besluit(rba, secretariaat):
    besluit = _besluit(rba, secretariaat)
    assert besluit.status == Besluit.Status.VOORGESTELD
    services.besluit_nemen(besluit=besluit, door=secretariaat)
    besluit.refresh_from_db()
    assert besluit.status == Besluit.Status.GENOMEN


def test_a_taken_besluit_is_immutable_in_the_service(rba, secretariaat):
    besluit = services.besluit_nemen(besluit=_besluit(rba), door=secretariaat)
    with pytest.raises(BesluitNietWijzigbaar):
        services.besluit_wijzigen(besluit=besluit, titel="Anders", door=secretariaat)
    with pytest.raises(BesluitNietWijzigbaar):
        services.besluit_status_wijzigen(
            besluit=besluit, status=Besluit.Status.INGETROKKEN, door=secretariaat
        )
    besluit.refresh_from_db()
    assert besluit.titel == "Vaststelling uitvoeringsplan"


def test_a_taken_besluit_is_immutable_in_save_and_delete(rba):
    besluit = services.besluit_nemen(besluit=_besluit(rba), door=None)
    besluit.titel = "Anders"
    with pytest.raises(BesluitNietWijzigbaar):
        besluit.save()
    with pytest.raises(BesluitNietWijzigbaar):
        besluit.delete()


def test_a_taken_besluit_is_immutable_in_the_database(rba):
    besluit = services.besluit_nemen(besluit=_besluit(rba), door=None)
    # QuerySet.update bypasses save(): the trigger still refuses it.
    with pytest.raises(DatabaseError), transaction.atomic():
        Besluit.objects.filter(pk=besluit.pk).update(titel="Anders")
    besluit.refresh_from_db()
    assert besluit.titel == "Vaststelling uitvoeringsplan"


def test_a_proposed_besluit_can_be_changed_but_not_moved_to_another_year(rba):
    besluit = _besluit(rba)
    services.besluit_wijzigen(besluit=besluit, titel="Nieuwe titel", door=None)
    with pytest.raises(ValidationError):
        services.besluit_wijzigen(besluit=besluit, datum=date(2026, 1, 7), door=None)
    besluit.refresh_from_db()
    assert (besluit.titel, besluit.datum) == ("Nieuwe titel", date(2025, 3, 19))


def test_status_transitions(rba):
    besluit = _besluit(rba)
    services.besluit_status_wijzigen(besluit=besluit, status=Besluit.Status.AANGEHOUDEN, door=None)
    services.besluit_status_wijzigen(besluit=besluit, status=Besluit.Status.VERWORPEN, door=None)
    with pytest.raises(ValidationError):
        services.besluit_status_wijzigen(besluit=besluit, status=Besluit.Status.GENOMEN, door=None)


def test_correction_supersedes_and_builds_a_chain(rba, secretariaat):
    from rba.selectors import besluit_keten

    origineel = services.besluit_nemen(
        besluit=_besluit(rba, type=Besluit.Type.INZET_REGIONALE_MIDDELEN, bedrag=Decimal("1000")),
        door=secretariaat,
    )
    correctie = services.besluit_corrigeren(
        besluit=origineel,
        datum=date(2025, 4, 2),
        titel="Correctie bedrag",
        besluittekst="Het bedrag is EUR 1.250.",
        bedrag=Decimal("1250.00"),
        door=secretariaat,
    )
    assert correctie.vervangt == origineel
    assert correctie.status == Besluit.Status.GENOMEN
    assert (correctie.type, correctie.nummer) == (origineel.type, "RBA-2025-002")
    origineel.refresh_from_db()
    assert origineel.vervangen_door == correctie
    assert origineel.titel == "Vaststelling uitvoeringsplan"  # untouched
    with pytest.raises(ValidationError):
        services.besluit_corrigeren(
            besluit=origineel, datum=date(2025, 4, 3), titel="x", besluittekst="x", door=None
        )
    derde = services.besluit_corrigeren(
        besluit=correctie,
        datum=date(2025, 5, 1),
        titel="Tweede correctie",
        besluittekst="y",
        door=None,
    )
    assert [b.nummer for b in besluit_keten(correctie)] == [
        "RBA-2025-001",
        "RBA-2025-002",
        "RBA-2025-003",
    ]
    assert derde.vervangt == correctie


def test_only_a_taken_besluit_is_corrected(rba):
    with pytest.raises(ValidationError):
        services.besluit_corrigeren(
            besluit=_besluit(rba), datum=date(2025, 4, 2), titel="x", besluittekst="x", door=None
        )


def test_besluit_on_an_agendapunt_takes_the_orgaan_of_the_meeting(rba):
    punt = AgendapuntFactory(vergadering__orgaan=rba)
    besluit = services.besluit_vastleggen(
        agendapunt=punt, datum=date(2025, 3, 19), titel="t", besluittekst="b", door=None
    )
    assert besluit.orgaan == rba and besluit.vergadering == punt.vergadering


def test_besluit_refuses_an_orgaan_of_another_regio(rba, regio_b):
    ander = OverlegorgaanFactory(regio=regio_b, afkorting="X")
    with pytest.raises(ValidationError):
        services.besluit_vastleggen(
            orgaan=rba,
            agendapunt=AgendapuntFactory(vergadering__orgaan=ander),
            datum=date(2025, 1, 1),
            titel="t",
            besluittekst="b",
            door=None,
        )


def test_audit_events_are_written(rba, secretariaat):
    from werkcentrum.models import AuditEvent

    services.besluit_nemen(besluit=_besluit(rba, secretariaat), door=secretariaat)
    events = set(AuditEvent.objects.values_list("event", flat=True))
    assert {"rba_besluit_vastgelegd", "rba_besluit_status_gewijzigd"} <= events
