from datetime import date, time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from rba import services
from rba.models import Agendapunt, StukVersie, Vergadering
from tests.rba import bestanden
from tests.rba.factories import LidFactory, VergaderingFactory

pytestmark = pytest.mark.django_db


def _plannen(orgaan, dagen=14):
    return services.vergadering_plannen(
        orgaan=orgaan,
        datum=timezone.localdate() + timedelta(days=dagen),
        aanvang=time(15, 0),
        einde=time(17, 0),
        locatie="Stadhuis Haarlem",
        door=None,
    )


def test_meeting_needs_a_place_or_link_and_end_after_start(rba):
    with pytest.raises(ValidationError) as fout:
        services.vergadering_plannen(
            orgaan=rba, datum=date(2025, 3, 19), aanvang=time(15), einde=time(14), door=None
        )
    assert {"locatie", "einde"} <= set(fout.value.message_dict)
    assert not Vergadering.objects.exists()


def test_agendapunten_are_numbered_in_order_and_evaluatie_needs_a_period(rba):
    vergadering = _plannen(rba)
    a = services.agendapunt_toevoegen(
        vergadering=vergadering, titel="Opening", type="informatie", door=None
    )
    b = services.agendapunt_toevoegen(
        vergadering=vergadering,
        titel="Evaluatie WSP",
        type=Agendapunt.Type.EVALUATIE,
        evaluatie_periode="2025-H1",
        door=None,
    )
    assert (a.volgorde, b.volgorde) == (1, 2)
    with pytest.raises(ValidationError):
        services.agendapunt_toevoegen(
            vergadering=vergadering, titel="Evaluatie", type=Agendapunt.Type.EVALUATIE, door=None
        )


def test_publishing_mails_active_leden_once(rba, django_capture_on_commit_callbacks):
    LidFactory(orgaan=rba, email="actief@voorbeeld.nl")
    LidFactory(orgaan=rba, email="oud@voorbeeld.nl", tot=date(2024, 1, 1))
    vergadering = _plannen(rba)
    with pytest.raises(ValidationError):
        services.agenda_publiceren(vergadering=vergadering, door=None)  # empty agenda
    services.agendapunt_toevoegen(
        vergadering=vergadering, titel="Opening", type="informatie", door=None
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_publiceren(vergadering=vergadering, door=None)
    assert [m.to for m in mail.outbox] == [["actief@voorbeeld.nl"]]
    assert f"/rba/vergaderingen/{vergadering.pk}/" in mail.outbox[0].body
    # The task running again (retry, second worker) sends nothing.
    assert services.agenda_uitnodiging_versturen(vergadering_id=vergadering.pk) == 0
    assert len(mail.outbox) == 1
    with pytest.raises(ValidationError):
        services.agenda_publiceren(vergadering=vergadering, door=None)


def test_date_of_a_held_meeting_cannot_change(rba):
    vergadering = VergaderingFactory(
        orgaan=rba, datum=date(2025, 3, 19), status=Vergadering.Status.GEHOUDEN
    )
    with pytest.raises(ValidationError):
        services.vergadering_wijzigen(vergadering=vergadering, datum=date(2025, 3, 20), door=None)
    vergadering.refresh_from_db()
    assert vergadering.datum == date(2025, 3, 19)
    with pytest.raises(ValidationError):
        services.agendapunt_toevoegen(
            vergadering=vergadering, titel="Laat", type="informatie", door=None
        )


def test_status_flow_to_verslag_vastgesteld(rba):
    vergadering = VergaderingFactory(
        orgaan=rba, datum=date(2025, 3, 19), status=Vergadering.Status.AGENDA_GEPUBLICEERD
    )
    with pytest.raises(ValidationError):
        services.verslag_vastleggen(vergadering=vergadering, verslag="x", door=None)
    services.vergadering_gehouden(vergadering=vergadering, door=None)
    services.verslag_vastleggen(
        vergadering=vergadering, verslag="Verslag", vaststellen=True, door=None
    )
    vergadering.refresh_from_db()
    assert vergadering.status == Vergadering.Status.VERSLAG_VASTGESTELD
    assert vergadering.verslag_vastgesteld_op is not None


def test_future_meeting_cannot_be_held(rba):
    vergadering = VergaderingFactory(orgaan=rba, status=Vergadering.Status.AGENDA_GEPUBLICEERD)
    with pytest.raises(ValidationError):
        services.vergadering_gehouden(vergadering=vergadering, door=None)


# --- uploads -----------------------------------------------------------------------------


@pytest.fixture
def punt(rba):
    vergadering = _plannen(rba)
    return services.agendapunt_toevoegen(
        vergadering=vergadering, titel="Plan", type="besluitvorming", door=None
    )


@pytest.mark.parametrize(
    "bestand",
    [
        bestanden.pdf("notulen-geheim.pdf"),
        bestanden.docx("notulen-geheim.docx"),
        bestanden.xlsx("notulen-geheim.xlsx"),
    ],
)
def test_pdf_docx_xlsx_are_accepted_with_a_random_name(punt, bestand, settings):
    versie = services.stuk_uploaden(agendapunt=punt, titel="Notitie", bestand=bestand, door=None)
    assert versie.versie == 1 and len(versie.sha256) == 64
    assert versie.bestand.name.startswith("rba/stukken/")
    assert "notulen" not in versie.bestand.name  # the original name is not in the path
    assert versie.bestandsnaam.startswith("notulen-geheim")
    assert (settings.MEDIA_ROOT / versie.bestand.name).exists()


@pytest.mark.parametrize(
    "bestand",
    [
        bestanden.pdf("virus.exe"),  # wrong extension
        bestanden.pdf("nep.docx"),  # PDF content under a docx name
        bestanden.pdf("nep.pdf", inhoud=b"MZ\x90\x00 not a pdf"),  # content is no PDF
        bestanden.docx("verkeerd.xlsx"),  # a Word file named as a spreadsheet
        bestanden.pdf("leeg.pdf", inhoud=b""),
    ],
)
def test_disallowed_uploads_are_refused_and_nothing_is_saved(punt, bestand):
    with pytest.raises(ValidationError):
        services.stuk_uploaden(agendapunt=punt, titel="Notitie", bestand=bestand, door=None)
    assert not punt.stukken.exists() and not StukVersie.objects.exists()


def test_too_large_upload_is_refused(punt, settings):
    settings.RBA_MAX_STUK_GROOTTE = 10
    with pytest.raises(ValidationError, match="groter dan"):
        services.stuk_uploaden(agendapunt=punt, titel="Notitie", bestand=bestanden.pdf(), door=None)
    assert not StukVersie.objects.exists()


def test_a_new_version_keeps_the_old_one(punt):
    eerste = services.stuk_uploaden(
        agendapunt=punt, titel="Notitie", bestand=bestanden.pdf(), door=None
    )
    tweede = services.stuk_uploaden(
        agendapunt=punt, stuk=eerste.stuk, bestand=bestanden.docx(), door=None
    )
    assert (tweede.versie, tweede.stuk) == (2, eerste.stuk)
    assert eerste.stuk.laatste_versie == tweede
    assert eerste.stuk.versies.count() == 2
