import math
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from allauth.core import context
from allauth.core.internal import ratelimit
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .clientadres import client_adres, limiet_sleutel

# The two lockouts of a named account (settings.ACCOUNT_RATE_LIMITS): "login_failed" per
# account AND client address (short), "login_failed_account" per account alone (long, many
# more attempts). So an attacker at one address who types a colleague's name five times
# locks only themselves out, while guessing from many addresses still hits a ceiling.
PER_ACCOUNT_EN_ADRES = "login_failed"
PER_ACCOUNT = "login_failed_account"


class AuthenticationBackend(AllauthBackend):
    """allauth's backend, loading the medewerker's regio in the same query: every staff page
    shows the regio's logo and name in its header (templates/base.html), and that must not
    cost a query per page."""

    def get_user(self, user_id):
        from .models import Medewerker

        try:
            user = Medewerker._default_manager.select_related("regio").get(pk=user_id)
        except Medewerker.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


class _Portaal:
    """What allauth's mail templates read from `current_site`: the stored address."""

    name = "Werkcentrum-portaal"

    def __init__(self, basis: str) -> None:
        self.domain = urlsplit(basis).netloc


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Staff accounts are created by the regio's beheerder, never by sign-up.
        return False

    def authenticate(self, request, **credentials):
        # A service account (an integration, werkcentrum.api_tokens) never logs in with a
        # password. allauth hands back a user its backend refused (to show "inactive"), so
        # the refusal has to happen here too, counted as a failed attempt.
        user = super().authenticate(request, **credentials)
        if user is not None and getattr(user, "serviceaccount", False):
            self.authentication_failed(request, **credentials)
            return None
        return user

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        # The forced first TOTP set-up comes right after the password was typed; asking for
        # it again adds nothing. Changing an existing second factor still needs it.
        from allauth.mfa.models import Authenticator

        request = context.request
        user = getattr(request, "user", None)
        if (
            app == "allauth.mfa"
            and user is not None
            and user.is_authenticated
            and not Authenticator.objects.filter(user=user).exists()
        ):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth builds the links in its mails (password reset) and the site name from the
        request's Host header. Ours come from the stored address (werkcentrum.site), so a
        forged Host header cannot put another address in a reset mail."""
        from .site import site_url

        request = context.get("request") or globals()["context"].request
        basis = site_url(getattr(context.get("user"), "regio", None))
        eigen = {**context, "current_site": _Portaal(basis)}
        if request is not None:
            host = request.get_host()
            for sleutel, waarde in context.items():
                delen = urlsplit(waarde) if isinstance(waarde, str) else None
                if delen is not None and delen.netloc == host:
                    eigen[sleutel] = basis + urlunsplit(delen._replace(scheme="", netloc=""))
        super().send_mail(template_prefix, email, eigen)

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's mails (password reset) in the look of the medewerker's regio, like every
        other mail of the portal (werkcentrum/mail.py): the user's regio, not the host's."""
        from .mail import bericht

        msg = super().render_mail(template_prefix, email, context, headers=headers)
        regio = getattr(context.get("user"), "regio", None)
        # Our HTML part wraps allauth's text; allauth ships no HTML templates we use.
        tekst = msg.body if msg.content_subtype == "plain" else ""
        eigen = bericht(msg.subject, tekst, msg.from_email, msg.to, regio=regio)
        eigen.extra_headers.update(msg.extra_headers)
        return eigen

    def get_client_ip(self, request) -> str:
        # One definition of the client address for every limit (werkcentrum/clientadres.py).
        return client_adres(request)

    def _sleutels(self, request, credentials) -> list[tuple[str, str]]:
        account = self._get_login_attempts_cache_key(request, **credentials)
        return [
            (PER_ACCOUNT_EN_ADRES, f"{account}|{limiet_sleutel(request)}"),
            (PER_ACCOUNT, account),
        ]

    def pre_authenticate(self, request, **credentials) -> None:
        """allauth's check before a password is tried, keyed per account and address plus
        per account alone (see PER_ACCOUNT_EN_ADRES). A successful login rolls back this
        attempt's consumption of both (allauth's `authenticate` does, not a wipe)."""
        gebruikt = ratelimit.RateLimitUsage(usage=[])
        for actie, sleutel in self._sleutels(request, credentials):
            verbruik = ratelimit.consume(request, app="allauth.account", action=actie, key=sleutel)
            if not verbruik:
                gebruikt.rollback()
                self._login_failed_rl_usage = None
                self._blokkade_vastleggen(request, credentials, actie)
                raise self._blokkade_fout(actie)
            gebruikt.usage.extend(verbruik.usage)
        self._login_failed_rl_usage = gebruikt

    def _delete_login_attempts_cached_email(self, request, **credentials) -> None:
        # A successful password reset lifts both locks (the reset itself is rate limited).
        for actie, sleutel in self._sleutels(request, credentials):
            ratelimit.clear(request, app="allauth.account", action=actie, key=sleutel)

    def _blokkade_fout(self, actie: str) -> ValidationError:
        if actie == PER_ACCOUNT:
            return ValidationError(
                _(
                    "Te veel mislukte inlogpogingen voor dit account. Inloggen is daarom "
                    "tijdelijk geblokkeerd: probeer het over %(minuten)s minuten opnieuw of "
                    "neem contact op met de beheerder."
                )
                % {"minuten": math.ceil(settings.LOGIN_BLOKKADE_ACCOUNT_SECONDEN / 60)},
                code="too_many_login_attempts",
            )
        return self.validation_error("too_many_login_attempts")

    def _blokkade_vastleggen(self, request, credentials, actie: str) -> None:
        """An audit event the regio's beheerder sees (admin, logboek: event
        "inlog_geblokkeerd"), once per lock rather than for every refused attempt."""
        from . import audit
        from .models import Medewerker

        email = (credentials.get("email") or credentials.get("username") or "").lower()
        medewerker = Medewerker.objects.filter(email=email).first() if email else None
        if medewerker is None:
            return
        adres = client_adres(request)
        duur = (
            settings.LOGIN_BLOKKADE_ACCOUNT_SECONDEN
            if actie == PER_ACCOUNT
            else settings.LOGIN_BLOKKADE_SECONDEN
        )
        merk = f"inlogblokkade:{actie}:{medewerker.pk}"
        if actie == PER_ACCOUNT_EN_ADRES:
            merk += f":{limiet_sleutel(request)}"
        if cache.add(merk, 1, duur):
            audit.inlog_geblokkeerd(
                medewerker, per_adres=actie == PER_ACCOUNT_EN_ADRES, adres=adres, seconden=duur
            )

    def validation_error(self, code, *args) -> ValidationError:
        # allauth's "try again later" does not say for how long; a locked-out user should know.
        if code == "too_many_login_attempts":
            minuten = math.ceil(settings.LOGIN_BLOKKADE_SECONDEN / 60)
            return ValidationError(
                _(
                    "Te veel mislukte inlogpogingen. Inloggen is daarom tijdelijk "
                    "geblokkeerd: probeer het over %(minuten)s minuten opnieuw."
                )
                % {"minuten": minuten},
                code=code,
            )
        return super().validation_error(code, *args)
