import pytest

from tests.factories import GemeenteFactory, OrganisatieFactory
from werkcentrum.models import Organisatie


@pytest.fixture
def adviseur(maak_gebruiker):
    return maak_gebruiker("wsp_adviseur", first_name="Anouk", last_name="Adviseur")


@pytest.fixture
def manager(maak_gebruiker):
    return maak_gebruiker("wsp_manager", first_name="Mila", last_name="Manager")


@pytest.fixture
def haarlem(regio_a):
    return GemeenteFactory(regio=regio_a, naam="Haarlem", cbs_code="GM0392", subregio="ZK")


@pytest.fixture
def heemstede(regio_a):
    return GemeenteFactory(regio=regio_a, naam="Heemstede", cbs_code="GM0397", subregio="ZK")


@pytest.fixture
def beverwijk(regio_a):
    return GemeenteFactory(regio=regio_a, naam="Beverwijk", cbs_code="GM0375", subregio="IJmond")


# The chain's people (warme overdracht, timeline): a gids of the Werkcentrum and a UWV
# consulent. A test file may define its own (named differently, another organisation).
@pytest.fixture
def werkcentrum(regio_a):
    return OrganisatieFactory(regio=regio_a, naam="Werkcentrum", type=Organisatie.Type.WERKCENTRUM)


@pytest.fixture
def gids(maak_gebruiker, werkcentrum):
    return maak_gebruiker("gids", first_name="Gijs", last_name="Gids", organisatie=werkcentrum)


@pytest.fixture
def uwv(regio_a):
    return OrganisatieFactory(regio=regio_a, naam="UWV Haarlem", type=Organisatie.Type.UWV)


@pytest.fixture
def consulent(maak_gebruiker, uwv):
    return maak_gebruiker("partnermedewerker", organisatie=uwv)
