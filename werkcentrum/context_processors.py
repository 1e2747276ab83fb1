from django.conf import settings


def portaal(request) -> dict:
    return {
        "EMBEDDED": settings.EMBEDDED,
        "MFA_VERPLICHT": settings.WERKCENTRUM_MFA_VERPLICHT,
    }
