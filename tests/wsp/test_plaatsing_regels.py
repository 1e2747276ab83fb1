"""Issue 22 point 7: no overlapping plaatsingen of one kandidaat without a recorded reason;
matching marks kandidaten who are placed and ranks the available ones first; nazorg cannot
be recorded before the plaatsing starts."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from wsp import services
from wsp.matching import kandidaten_voor_vacature, vacatures_voor_kandidaat
from wsp.models import NazorgMoment, Plaatsing

from .factories import (
    KandidaatFactory,
    PlaatsingFactory,
    SkillFactory,
    VacatureFactory,
    WerkgeverFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def werkgever(regio_a, adviseur):
    return WerkgeverFactory(regio=regio_a, naam="Bakkerij Korenbloem", accounthouder=adviseur)


def _plaatsen(kandidaat, werkgever, start, **velden):
    return services.plaatsing_registreren(
        kandidaat=kandidaat,
        werkgever=werkgever,
        startdatum=start,
        contractvorm="bepaald",
        uren_per_week=20,
        door=werkgever.accounthouder,
        **velden,
    )


def test_an_overlapping_plaatsing_needs_a_reason(regio_a, adviseur, werkgever):
    kandidaat = KandidaatFactory(regio=regio_a)
    _plaatsen(kandidaat, werkgever, date(2025, 3, 1))
    garage = WerkgeverFactory(regio=regio_a, naam="Garage Snel", accounthouder=adviseur)
    with pytest.raises(ValidationError) as fout:
        _plaatsen(kandidaat, garage, date(2025, 6, 1))
    melding = " ".join(fout.value.message_dict["reden_overlap"])
    assert "Bakkerij Korenbloem" in melding and "01-03-2025" in melding
    assert Plaatsing.objects.filter(kandidaat=kandidaat).count() == 1
    tweede = _plaatsen(
        kandidaat, garage, date(2025, 6, 1), reden_overlap="Twee deeltijdbanen van 20 uur."
    )
    assert tweede.reden_overlap == "Twee deeltijdbanen van 20 uur."


def test_no_overlap_after_an_einddatum_or_after_the_person_left(regio_a, adviseur, werkgever):
    garage = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    geeindigd = KandidaatFactory(regio=regio_a)
    _plaatsen(geeindigd, werkgever, date(2025, 3, 1), einddatum=date(2025, 5, 31))
    assert _plaatsen(geeindigd, garage, date(2025, 6, 1)).pk
    # Before the einddatum it overlaps.
    with pytest.raises(ValidationError):
        _plaatsen(geeindigd, WerkgeverFactory(regio=regio_a), date(2025, 5, 1))

    uitgevallen = KandidaatFactory(regio=regio_a)
    eerste = _plaatsen(uitgevallen, werkgever, date(2025, 1, 6))
    services.nazorg_vastleggen(
        moment=eerste.nazorgmomenten.get(soort=NazorgMoment.Soort.TWEE_MAANDEN),
        door=adviseur,
        uitkomst=NazorgMoment.Uitkomst.UITGEVALLEN,
        nog_in_dienst=False,
        afgerond_op=date(2025, 3, 6),
    )
    assert _plaatsen(uitgevallen, garage, date(2025, 4, 1)).pk


def test_the_form_shows_the_overlap_next_to_the_reason_field(client, regio_a, adviseur, werkgever):
    kandidaat = KandidaatFactory(regio=regio_a)
    _plaatsen(kandidaat, werkgever, date(2025, 3, 1))
    client.force_login(adviseur)
    r = client.post(
        reverse("wsp:plaatsing_nieuw"),
        {
            "werkgever": WerkgeverFactory(regio=regio_a, accounthouder=adviseur).pk,
            "kandidaat": kandidaat.pk,
            "startdatum": "2025-06-01",
            "contractvorm": "bepaald",
            "uren_per_week": "16",
        },
    )
    assert r.status_code == 400
    assert "Bakkerij Korenbloem" in " ".join(r.context["form"].errors["reden_overlap"])
    assert "2025-06-01" in r.content.decode() or "01-06-2025" in r.content.decode()


def test_matching_marks_placed_kandidaten_and_ranks_available_first(regio_a, werkgever):
    lassen = SkillFactory(naam="lassen")
    vacature = VacatureFactory(werkgever=werkgever, skills=[lassen], doelgroepen=["ww"])
    geplaatst = KandidaatFactory(regio=regio_a, achternaam="Bezet", skills=[lassen])
    beschikbaar = KandidaatFactory(regio=regio_a, achternaam="Vrij", doelgroep="wajong")
    vroeger = KandidaatFactory(regio=regio_a, achternaam="Vroeger", doelgroep="wajong")
    PlaatsingFactory(werkgever=werkgever, kandidaat=geplaatst, startdatum=date(2025, 1, 1))
    PlaatsingFactory(
        werkgever=werkgever,
        kandidaat=vroeger,
        startdatum=date(2024, 1, 1),
        einddatum=date(2024, 12, 31),
    )
    matches = kandidaten_voor_vacature(vacature)
    # The placed one scores highest (skills) but comes after those available.
    assert max(matches, key=lambda m: m.score).kandidaat == geplaatst
    assert [m.kandidaat for m in matches] == [beschikbaar, vroeger, geplaatst]
    assert [m.geplaatst for m in matches] == [False, False, True]
    assert vacatures_voor_kandidaat(geplaatst)[0].geplaatst is True


def test_the_vacature_page_marks_a_placed_kandidaat(client, regio_a, adviseur, werkgever):
    vacature = VacatureFactory(werkgever=werkgever)
    kandidaat = KandidaatFactory(regio=regio_a, achternaam="Bezet")
    PlaatsingFactory(werkgever=werkgever, kandidaat=kandidaat)
    client.force_login(adviseur)
    html = client.get(reverse("wsp:vacature", args=[vacature.pk])).content.decode()
    rij = html[html.index("Test Bezet") :]
    assert "al geplaatst" in rij[: rij.index("</tr>")]


def test_nazorg_is_not_recorded_before_the_plaatsing_starts(
    client, regio_a, adviseur, werkgever, kies_doel
):
    start = timezone.localdate() + timedelta(days=10)
    plaatsing = _plaatsen(KandidaatFactory(regio=regio_a), werkgever, start)
    moment = plaatsing.nazorgmomenten.get(soort=NazorgMoment.Soort.TWEE_MAANDEN)
    with pytest.raises(ValidationError) as fout:
        services.nazorg_vastleggen(
            moment=moment, door=adviseur, uitkomst=NazorgMoment.Uitkomst.GOED, nog_in_dienst=True
        )
    assert "pas vanaf die datum" in " ".join(fout.value.message_dict["afgerond_op"])
    client.force_login(adviseur)
    kies_doel(client, plaatsing.kandidaat)
    r = client.post(
        reverse("wsp:nazorg_vastleggen", args=[moment.pk]),
        {
            "uitkomst": NazorgMoment.Uitkomst.GOED,
            "nog_in_dienst": "ja",
            "afgerond_op": timezone.localdate().isoformat(),
        },
    )
    assert r.status_code == 400
    assert "pas vanaf die datum" in " ".join(r.context["form"].errors["afgerond_op"])
    moment.refresh_from_db()
    assert moment.afgerond_op is None
    # From the start date on it can be recorded.
    services.nazorg_vastleggen(
        moment=moment,
        door=adviseur,
        uitkomst=NazorgMoment.Uitkomst.GOED,
        nog_in_dienst=True,
        afgerond_op=start,
    )
    moment.refresh_from_db()
    assert moment.afgerond_op == start
