# Image of the Werkcentrum-portaal: one image for web (gunicorn), worker, beat and migrate.
# Build:  docker build -t werkcentrum-portaal .
# Run:    see docker-compose.yml; every setting comes from environment variables
#         (werkcentrum/settings.py, .env.example).

# --- Stage 1: the virtualenv, from the hash-pinned production lock (no dev dependencies) ---
FROM python:3.11-slim-bookworm AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

WORKDIR /build
RUN python -m venv /opt/venv
COPY requirements/base.lock requirements/base.lock
# Every package is pinned and checked against its hash; --no-deps plus `pip check` makes a
# dependency missing from the lock fail the build.
RUN /opt/venv/bin/pip install --require-hashes --no-deps -r requirements/base.lock \
    && /opt/venv/bin/pip check

# --- Stage 2: the runtime image -----------------------------------------------------------
FROM python:3.11-slim-bookworm AS runtime

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=werkcentrum.settings \
    WERKCENTRUM_VAR_DIR=/app/var \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/var/media

# WeasyPrint (PDF factsheets) renders with Pango; fonts for readable PDFs. postgresql-client
# (15, as the postgres:15 service) gives `manage.py backup` its pg_dump and pg_restore.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
       postgresql-client \
    && rm -rf /var/lib/apt/lists/*

# A fixed, unprivileged user; the code stays owned by root and read-only for it. Writable are
# only var/ (media, the embedded demo's SQLite file) and the home folder (gunicorn puts its
# control socket in ~/.gunicorn).
RUN groupadd --system --gid 10001 werkcentrum \
    && useradd --system --uid 10001 --gid werkcentrum --create-home \
        --home-dir /home/werkcentrum --shell /usr/sbin/nologin werkcentrum

COPY --from=builder /opt/venv /opt/venv

WORKDIR /app
COPY . /app

# Static files are collected at build time. The settings need a SECRET_KEY and (outside the
# embedded mode, which is what the manifest storage of production needs) a DATABASE_URL to
# load; these throwaway values exist only during this RUN and are not in the image's ENV.
# collectstatic touches no database.
RUN SECRET_KEY=build-only-not-a-secret DATABASE_URL=sqlite:////tmp/build.sqlite3 \
        python manage.py collectstatic --noinput \
    && rm -f /tmp/build.sqlite3 \
    && mkdir -p /app/var/media \
    && chown -R werkcentrum:werkcentrum /app/var

# Numeric, so a runtime can verify it is not root (e.g. runAsNonRoot).
USER 10001:10001

EXPOSE 8000

# /health/ answers 200 or 503 (urlopen raises on 503, so the check fails). Django checks the
# Host header against ALLOWED_HOSTS, so send the first allowed host ("localhost" for "*" or
# nothing set); /health/ is exempt from the HTTPS redirect.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; h = (os.environ.get('ALLOWED_HOSTS') or '').split(',')[0].strip().lstrip('.'); h = h if h and h != '*' else 'localhost'; u.urlopen(u.Request('http://127.0.0.1:8000/health/', headers={'Host': h}), timeout=8)"]

CMD ["gunicorn", "werkcentrum.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
