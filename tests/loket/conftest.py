from importlib import import_module

import pytest
from django.apps import apps

from loket.models import Thema


@pytest.fixture(autouse=True)
def _referentiedata(db):
    """The thema's and doelgroepen come from a data migration; a transactional test elsewhere
    in the session flushes them, so put them back when they are gone."""
    if not Thema.objects.exists():
        import_module("loket.migrations.0002_themas_doelgroepen").vullen(apps, None)
