"""Settings for the Werkcentrum portal, all from environment variables.

Two modes (DESIGN.md, runtime modes):
- embedded default: nothing set, so SQLite, Celery on kombu's filesystem transport and mail
  to the console; meant for a laptop demo, never for production;
- production/CI: DATABASE_URL, CELERY_BROKER_URL, EMAIL_URL, SECRET_KEY, ALLOWED_HOSTS set.
"""

import importlib
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("WERKCENTRUM_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

# The embedded mode is what a fresh clone gets: it is on when no database is configured.
EMBEDDED = env.bool("WERKCENTRUM_EMBEDDED", default="DATABASE_URL" not in env)

DEBUG = env.bool("DEBUG", default=False)
_EMBEDDED_SECRET_KEY = "embedded-demo-only-not-secret-6f0b8c2e9d4a4e57b1c3a2f8e7d6c5b4a3928170"  # noqa: S105
# Outside the embedded mode a missing SECRET_KEY fails loudly (ImproperlyConfigured).
SECRET_KEY = (
    env.str("SECRET_KEY", default=_EMBEDDED_SECRET_KEY) if EMBEDDED else env.str("SECRET_KEY")
)
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"] if EMBEDDED else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "werkcentrum",
    "loket",
    "wsp",
    "rba",
    "financien",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "import_export",
    "django_celery_beat",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "werkcentrum.middleware.PermissionsPolicyMiddleware",
    "werkcentrum.middleware.NulTekenMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "werkcentrum.middleware.SessieMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "werkcentrum.middleware.CspMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "werkcentrum.middleware.MfaVerplichtMiddleware",
    "werkcentrum.modules.ModuleMiddleware",
]

ROOT_URLCONF = "werkcentrum.urls"
WSGI_APPLICATION = "werkcentrum.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "werkcentrum.context_processors.portaal",
                "werkcentrum.context_processors.huisstijl",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'werkcentrum.sqlite3'}")
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # QuerySet.iterator() would open a server-side cursor (DECLARE, FETCH, CLOSE: three round
    # trips) for every model <select> on every form; our iterated results are small (choices,
    # exports of one regio), so one plain query is cheaper.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded demo runs web and worker side by side on one file: wait for locks.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Production sets CACHE_URL to a Redis of its own (docker-compose.yml: maxmemory with LRU
# eviction, apart from the broker's Redis). Rate limits and cached_db sessions live there, so
# every process must share it: with DEBUG off the system check werkcentrum.E001 refuses a
# per-process cache outside the embedded demo (werkcentrum/checks.py).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://werkcentrum")}
# django-environ leaves ?key_prefix=, ?timeout= and ?version= in the URL's case; Django only
# reads them in capitals (without this two sites on one Redis would share every key).
for _option in ("key_prefix", "timeout", "version"):
    if _option in CACHES["default"]:
        CACHES["default"][_option.upper()] = CACHES["default"].pop(_option)
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # A Redis outage or hang must neither fail requests nor make them wait: short socket
    # timeouts and a circuit breaker (werkcentrum/cache.py).
    CACHES["default"]["BACKEND"] = "werkcentrum.cache.ResilientRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
    )

# Sessions are read from the shared Redis cache and written through to the database, so a
# page costs no session query and a Redis restart logs nobody out. Without Redis (the embedded
# mode, one process) the database alone.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if CACHES["default"]["BACKEND"] == "werkcentrum.cache.ResilientRedisCache"
    else "django.contrib.sessions.backends.db"
)

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "werkcentrum.Medewerker"
# allauth's backend (log in by e-mail address). The user and its permissions are read from the
# database on every request (Django caches permissions on the request's user object only), so
# a withdrawn role or a deactivated account counts on the very next request.
AUTHENTICATION_BACKENDS = ["werkcentrum.adapters.AuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "werkplek"
LOGOUT_REDIRECT_URL = "home"

ACCOUNT_ADAPTER = "werkcentrum.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "none"  # staff accounts are created by a beheerder
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Werkcentrum] "
# Lockout, in two parts (werkcentrum/adapters.py): after LOGIN_MAX_MISLUKT failed logins for
# one account from one client address within LOGIN_BLOKKADE_SECONDEN, that address cannot log
# in to that account (even with the right password) until the oldest failure has aged out;
# other addresses still can, so nobody can lock a colleague out by typing their name. After
# LOGIN_MAX_MISLUKT_ACCOUNT failures for the account from anywhere within
# LOGIN_BLOKKADE_ACCOUNT_SECONDEN, the account is locked for every address (a guess from many
# addresses). Besides, at most 10 failed logins per minute per client address. Each lock
# writes one audit event "inlog_geblokkeerd" that the regio's beheerder sees in the logboek.
LOGIN_MAX_MISLUKT = 5
LOGIN_BLOKKADE_SECONDEN = 5 * 60
LOGIN_MAX_MISLUKT_ACCOUNT = env.int("LOGIN_MAX_MISLUKT_ACCOUNT", default=50)
LOGIN_BLOKKADE_ACCOUNT_SECONDEN = 60 * 60
ACCOUNT_RATE_LIMITS = {
    "login_failed": f"10/m/ip,{LOGIN_MAX_MISLUKT}/{LOGIN_BLOKKADE_SECONDEN}s/key",
    "login_failed_account": f"{LOGIN_MAX_MISLUKT_ACCOUNT}/{LOGIN_BLOKKADE_ACCOUNT_SECONDEN}s/key",
    "login": "30/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
# The client address for every per-address limit (logins, API throttles, public forms) comes
# from werkcentrum/clientadres.py: the n-th entry from the right of X-Forwarded-For when n
# trusted proxies append to it, else REMOTE_ADDR. The default 0 ignores the header, which a
# client can forge; set 1 behind the TLS proxy of docker-compose. allauth asks the adapter
# (AccountAdapter.get_client_ip), DRF the throttle classes below; both also get the count.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Flood guard of the public forms ("Stel je vraag", "Ik ben werkgever"): stored submissions
# per regio per form per hour; the one that reaches it mails the regio's beheerders, and the
# form refuses more until the hour is over (werkcentrum/formulierbescherming.py).
FORMULIEREN_PER_REGIO_PER_UUR = env.int("FORMULIEREN_PER_REGIO_PER_UUR", default=300)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Werkcentrum-portaal"
# Every staff user needs TOTP before anything else; only the embedded demo switches it off so
# a newcomer can try the demo logins.
WERKCENTRUM_MFA_VERPLICHT = env.bool("WERKCENTRUM_MFA_VERPLICHT", default=not EMBEDDED)

# Idle timeout: the session ends after SESSION_COOKIE_AGE seconds without a request, and when
# the browser closes. A request renews it, but writes it at most once per
# SESSIE_VERNIEUWEN_SECONDEN (werkcentrum.middleware.SessieMiddleware) instead of on every
# request: the idle window is then between AGE minus that and AGE, for a write a minute
# instead of one per page.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = False
SESSIE_VERNIEUWEN_SECONDEN = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
# How long a purpose chosen before opening a person's record holds for that record
# (werkcentrum/doelbinding.py): long enough for one case, short enough to ask again later.
DOELBINDING_MINUTEN = env.int("DOELBINDING_MINUTEN", default=30)

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# A filter's "no choice" option in words, not django-filter's "---------".
FILTERS_EMPTY_CHOICE_LABEL = _("Alle")
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or EMBEDDED
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# In the embedded mode there is no collectstatic step: whitenoise serves from the finders.
WHITENOISE_USE_FINDERS = DEBUG or EMBEDDED
if EMBEDDED:
    Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing
WHITENOISE_AUTOREFRESH = DEBUG

# --- E-mail ---------------------------------------------------------------------------------
vars().update(env.email("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Werkcentrum <noreply@werkcentrum.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features no page of the portal uses, switched off for every response
# (werkcentrum.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
        "browsing-topics",
    )
)
if not EMBEDDED:
    # TLS ends at the proxy in front of gunicorn; it tells us with X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # The container health check talks plain HTTP to gunicorn.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # allauth shows the TOTP QR code as a data: URI.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- REST API -------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Staff in the browser: the session (with its MFA). Integrations: a hashed, expiring,
        # scoped token of a service account (werkcentrum/api_tokens.py).
        "rest_framework.authentication.SessionAuthentication",
        "werkcentrum.api_tokens.ServiceTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["werkcentrum.api_permissions.RegioModelPermissions"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "werkcentrum.api_renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": [
        "werkcentrum.clientadres.AnoniemThrottle",
        "werkcentrum.clientadres.GebruikerThrottle",
    ],
    # The throttles key on werkcentrum.clientadres; NUM_PROXIES is set to the same count for
    # any DRF code that still calls the stock get_ident.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "DEFAULT_THROTTLE_RATES": {"anon": "60/minute", "user": "600/minute"},
    # A service's ValidationError or PermissionError is a 400 or 403 in every API view.
    "EXCEPTION_HANDLER": "werkcentrum.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Werkcentrum-portaal API",
    "DESCRIPTION": "API van het Regionaal Werkcentrum; alles is beperkt tot de eigen regio.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and its docs are for the partners' developers, behind a login.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "werkcentrum.api_schema.lokale_tijden",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Celery ---------------------------------------------------------------------------------
if EMBEDDED and "CELERY_BROKER_URL" not in env:
    CELERY_BROKER_URL = "filesystem://"
    _queue_dir = VAR_DIR / "celery"
    # kombu's filesystem transport expects its folders to exist.
    for _folder in ("queue", "processed", "control"):
        (_queue_dir / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir / "queue"),
        "data_folder_out": str(_queue_dir / "queue"),
        "processed_folder": str(_queue_dir / "processed"),
        "control_folder": str(_queue_dir / "control"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/0")
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # Above the longest hard time limit (checked below), so a running task is never
        # handed out twice; a task of a killed worker comes back after this many seconds.
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=2 * 60 * 60),
        # A request that publishes must not hang on an unreachable Redis (the outbox keeps
        # the task), so connecting and socket reads are bounded.
        "socket_connect_timeout": 2,
        "socket_timeout": 5,
    }
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Publishing gives up after ~0.5 s; the outbox row stays open and the relay sends it later.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.3,
}
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=10 * 60)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=15 * 60)
if (
    not 0
    < CELERY_TASK_SOFT_TIME_LIMIT
    < CELERY_TASK_TIME_LIMIT
    < CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout", float("inf"))
):
    raise ImproperlyConfigured(
        "Nodig: 0 < CELERY_TASK_SOFT_TIME_LIMIT < CELERY_TASK_TIME_LIMIT < "
        "CELERY_VISIBILITY_TIMEOUT (anders draait een taak twee keer tegelijk)."
    )
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_ENABLE_UTC = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
# The entries are written into django-celery-beat's tables when beat starts, so they are
# visible (and can be paused) in the admin.
CELERY_BEAT_SCHEDULE = {
    "hartslag": {
        "task": "werkcentrum.tasks.hartslag",
        "schedule": env.float("HARTSLAG_INTERVAL", default=30.0),
    },
    "uitgaande-taken-doorsturen": {
        "task": "werkcentrum.tasks.uitgaande_taken_doorsturen",
        "schedule": env.float("UITGAAND_INTERVAL", default=30.0),
    },
    "sessies-opruimen": {
        "task": "werkcentrum.tasks.sessies_opruimen",
        "schedule": crontab(hour=3, minute=15),
    },
}
# Each app keeps its periodic tasks in <app>/schedules.py (a plain SCHEDULE dict, no Django
# imports), so adding a job never means editing this file.
for _app in ("loket", "wsp", "rba", "financien"):
    try:
        CELERY_BEAT_SCHEDULE.update(importlib.import_module(f"{_app}.schedules").SCHEDULE)
    except ModuleNotFoundError as _exc:
        if _exc.name != f"{_app}.schedules":
            raise

# /health/ reports the worker as down when its last heartbeat is older than this (and says
# "starting" instead during this long after the web process started).
HARTSLAG_MAX_LEEFTIJD = env.int("HARTSLAG_MAX_LEEFTIJD", default=180)
# /health/ shows anyone its status and HTTP code; the details (database engine, broker,
# worker heartbeat) only to a request with "Authorization: Bearer <HEALTH_MONITORING_TOKEN>"
# or from a client address in HEALTH_INTERNE_NETWERKEN (the container's own health check).
HEALTH_MONITORING_TOKEN = env.str("HEALTH_MONITORING_TOKEN", default="")
HEALTH_INTERNE_NETWERKEN = env.list("HEALTH_INTERNE_NETWERKEN", default=["127.0.0.0/8", "::1/128"])

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Its DEBUG records of missing template variables carry the whole template context,
        # personal data included.
        "django.template": {"level": "INFO"},
    },
}

WERKCENTRUM_STANDAARD_REGIO = env.str("WERKCENTRUM_STANDAARD_REGIO", default="zkij")
# The portal's address for absolute links in e-mails (werkcentrum.site.site_url; a regio with
# its own hostnaam uses that instead). `scripts/dev.py run` sets it from PORT.
SITE_URL = env.str("SITE_URL", default=f"http://127.0.0.1:{env.str('PORT', default='8000')}")
# How long a recipient's personal link to a published factsheet opens it (days).
WERKCENTRUM_FACTSHEET_LINK_DAGEN = env.int("WERKCENTRUM_FACTSHEET_LINK_DAGEN", default=180)
# Days an inwoner's single-use "Bent u geholpen?" link stays valid (only its hash is stored).
LOKET_TEVREDENHEID_LINK_DAGEN = env.int("LOKET_TEVREDENHEID_LINK_DAGEN", default=30)
# The most data rows one import file may have (financien and wsp imports). A bigger file is
# refused before it is stored, with a message to split it; each import runs in the worker.
WERKCENTRUM_IMPORT_MAX_REGELS = env.int("WERKCENTRUM_IMPORT_MAX_REGELS", default=5000)
# knox's own token model (its migrations ask for the setting); expiry is set per token.
KNOX_TOKEN_MODEL = "knox.AuthToken"  # noqa: S105 (a model name)
# The longest an API token of a service account may be valid (days).
WERKCENTRUM_API_TOKEN_MAX_DAGEN = env.int("WERKCENTRUM_API_TOKEN_MAX_DAGEN", default=365)
