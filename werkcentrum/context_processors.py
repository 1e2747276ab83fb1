from django.conf import settings
from django.urls import reverse


def portaal(request) -> dict:
    return {
        "EMBEDDED": settings.EMBEDDED,
        "MFA_VERPLICHT": settings.WERKCENTRUM_MFA_VERPLICHT,
    }


def huisstijl(request) -> dict:
    """The regio whose look a page takes: the public page's regio (by code), else the
    medewerker's (by id). `huisstijl_regio` (logo and name in the header) is the public
    page's regio, resolved by its view, or the medewerker's, loaded with the user
    (adapters.AuthenticationBackend): no query of its own."""
    match = getattr(request, "resolver_match", None)
    code = match.kwargs.get("regio") if match else None
    publiek = getattr(request, "regio", None)
    if code:
        context = {"huisstijl_url": reverse("huisstijl", args=[code])}
        if publiek is not None and publiek.code == code:
            context["huisstijl_regio"] = publiek
        return context
    user = getattr(request, "user", None)
    regio_id = getattr(user, "regio_id", None)
    if regio_id:
        return {
            "huisstijl_url": reverse("huisstijl_id", args=[regio_id]),
            "huisstijl_regio": user.regio,
        }
    return {}
