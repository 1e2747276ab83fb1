"""A verwijderverzoek also reaches free text: the erased person's full name and e-mail address
are replaced by "[verwijderd]" in the registered free-text fields of their regio, and the
verwijderverzoek's event says how many records that changed. Other regio's, other people and
too generic words are left alone."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import FieldDoesNotExist

from rba.models import Vergadering
from tests.rba.factories import LidFactory, OverlegorgaanFactory, VergaderingFactory
from tests.wsp.factories import KandidaatFactory, WerkgeverFactory
from werkcentrum import personen
from werkcentrum.models import AuditEvent
from wsp.models import Contactmoment

EMAIL = "w.fictief@voorbeeld.nl"


@pytest.fixture
def fg(maak_gebruiker):
    return maak_gebruiker("privacy_officer")


@pytest.fixture
def orgaan(regio_a):
    return OverlegorgaanFactory(regio=regio_a)


def _wissen(fg, *objs) -> AuditEvent:
    sleutels = [f"{o._meta.label_lower}:{o.pk}" for o in objs]
    records = personen.records_voor(user=fg, sleutels=sleutels)
    personen.persoon_wissen(records=records, reden="Verzoek", door=fg)
    return AuditEvent.objects.get(event="verwijderverzoek_uitgevoerd")


def _verslag(orgaan, tekst: str) -> Vergadering:
    return VergaderingFactory(orgaan=orgaan, datum=date(2024, 5, 1), verslag=tekst)


def test_a_verslag_naming_the_erased_lid_is_redacted_in_the_regio_only(fg, orgaan, regio_b):
    lid = LidFactory(orgaan=orgaan, naam="Wim Fictief", email=EMAIL)
    hier = _verslag(
        orgaan,
        "Opening door WIM FICTIEF.\nActie voor wim\nfictief (" + EMAIL.upper() + ").\n"
        "Ans Ander vult aan; Wim stelt voor het verslag vast te stellen.",
    )
    ongemoeid = _verslag(orgaan, "Ans Ander opent de vergadering.")
    elders = _verslag(OverlegorgaanFactory(regio=regio_b), "Opening door Wim Fictief.")

    event = _wissen(fg, lid)

    hier.refresh_from_db()
    assert hier.verslag == (
        "Opening door [verwijderd].\nActie voor [verwijderd] ([verwijderd]).\n"
        "Ans Ander vult aan; Wim stelt voor het verslag vast te stellen."
    )
    ongemoeid.refresh_from_db()
    assert ongemoeid.verslag == "Ans Ander opent de vergadering."
    elders.refresh_from_db()
    assert elders.verslag == "Opening door Wim Fictief."
    assert event.details["vrije_tekst"] == {"rba.vergadering": 1}
    assert event.details["vrije_tekst_geredigeerd"] == 1
    assert "Fictief" not in str(event.details)


def test_only_whole_names_and_addresses_are_redacted(fg, orgaan):
    # A one-word name is too generic; a longer word or another address only contains the term.
    kort = LidFactory(orgaan=orgaan, naam="Wim", email="wim@voorbeeld.nl")
    lang = LidFactory(orgaan=orgaan, naam="Jo de Vries", email=EMAIL)
    verslag = _verslag(
        orgaan,
        "Wim mailt wim@voorbeeld.nl en ook kwim@voorbeeld.nl en wim@voorbeeld.nl.eu. "
        "Jo de Vriesland en Jo de Vries, " + EMAIL + ".",
    )
    event = _wissen(fg, kort, lang)
    verslag.refresh_from_db()
    assert verslag.verslag == (
        "Wim mailt [verwijderd] en ook kwim@voorbeeld.nl en wim@voorbeeld.nl.eu. "
        "Jo de Vriesland en [verwijderd], [verwijderd]."
    )
    assert event.details["vrije_tekst_geredigeerd"] == 1


def test_a_contactmoment_naming_an_erased_kandidaat_is_redacted(fg, regio_a, maak_gebruiker):
    kandidaat = KandidaatFactory(regio=regio_a, voornaam="Jan", achternaam="Fictief")
    moment = Contactmoment.objects.create(
        werkgever=WerkgeverFactory(regio=regio_a),
        type=Contactmoment.Type.TELEFOON,
        samenvatting="Gesproken over Jan Fictief.",
        afspraken="Jan Fictief start maandag.",
        medewerker=maak_gebruiker("wsp_adviseur"),
    )
    event = _wissen(fg, kandidaat)
    moment.refresh_from_db()
    assert (moment.samenvatting, moment.afspraken) == (
        "Gesproken over [verwijderd].",
        "[verwijderd] start maandag.",
    )
    assert event.details["vrije_tekst"] == {"wsp.contactmoment": 1}


def test_nothing_named_means_nothing_redacted(fg, orgaan):
    lid = LidFactory(orgaan=orgaan, naam="Wim Fictief", email=EMAIL)
    _verslag(orgaan, "Geen namen.")
    event = _wissen(fg, lid)
    assert event.details["vrije_tekst"] == {} and event.details["vrije_tekst_geredigeerd"] == 0


def test_a_free_text_field_that_does_not_exist_fails_at_registration():
    with pytest.raises(FieldDoesNotExist):
        personen.registreer_vrije_tekst(Vergadering, "notulen")
    assert "rba.vergadering" in {v.model._meta.label_lower for v in personen.vrije_teksten()}
