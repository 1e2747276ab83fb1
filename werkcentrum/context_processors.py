from django.conf import settings
from django.urls import reverse


def portaal(request) -> dict:
    return {
        "EMBEDDED": settings.EMBEDDED,
        "MFA_VERPLICHT": settings.WERKCENTRUM_MFA_VERPLICHT,
    }


def huisstijl(request) -> dict:
    """The regio whose look a page takes: the public page's regio (by code), else the
    medewerker's (by id, so no query for the user's regio)."""
    match = getattr(request, "resolver_match", None)
    code = match.kwargs.get("regio") if match else None
    if code:
        return {"huisstijl_url": reverse("huisstijl", args=[code])}
    regio_id = getattr(getattr(request, "user", None), "regio_id", None)
    if regio_id:
        return {"huisstijl_url": reverse("huisstijl_id", args=[regio_id])}
    return {}
