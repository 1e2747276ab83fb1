import pytest

from tests.factories import GemeenteFactory


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
