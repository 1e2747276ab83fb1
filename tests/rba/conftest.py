import pytest

from tests.rba.factories import OverlegorgaanFactory


@pytest.fixture
def rba(regio_a):
    return OverlegorgaanFactory(
        regio=regio_a, naam="Regionaal Beraad Arbeidsmarkt", afkorting="RBA"
    )


@pytest.fixture
def secretariaat(maak_gebruiker):
    return maak_gebruiker("rba_secretariaat")


@pytest.fixture
def lid(maak_gebruiker):
    return maak_gebruiker("rba_lid")


@pytest.fixture
def gids(maak_gebruiker):
    return maak_gebruiker("gids")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
