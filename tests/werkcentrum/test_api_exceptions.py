"""One DRF exception handler turns what services raise into 400/403 JSON
(werkcentrum.api.exception_handler), so API views need no try/except of their own."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.permissions import AllowAny
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView


def _antwoord(fout: Exception):
    class View(APIView):
        permission_classes = [AllowAny]
        authentication_classes = []

        def post(self, request):
            raise fout

    response = View.as_view()(APIRequestFactory().post("/", {}, format="json"))
    response.render()
    return response


def test_a_services_field_errors_are_a_400_per_field():
    response = _antwoord(
        DjangoValidationError({"einddatum": "Ligt voor de startdatum.", "__all__": "Dicht."})
    )
    assert response.status_code == 400
    assert response.data == {
        "einddatum": ["Ligt voor de startdatum."],
        "non_field_errors": ["Dicht."],
    }


def test_a_services_plain_error_is_a_400_under_non_field_errors():
    response = _antwoord(DjangoValidationError("Deze vacature is al gesloten."))
    assert response.status_code == 400
    assert response.data == {"non_field_errors": ["Deze vacature is al gesloten."]}


@pytest.mark.parametrize(
    ("fout", "detail"),
    [
        (PermissionError("Je mag dit account niet bewerken."), "Je mag dit account niet bewerken."),
        (PermissionDenied(), None),
    ],
)
def test_not_allowed_is_a_403(fout, detail):
    response = _antwoord(fout)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    if detail:
        assert response.data["detail"] == detail


# End to end through the API views: tests/loket/test_api.py (a refused status step is a 400,
# a gids moving a partner's status a 403) and tests/wsp/test_api.py.
