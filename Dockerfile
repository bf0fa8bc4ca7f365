# The application image: web (gunicorn), the Celery workers and beat, the one-shot migrate (docker-compose.yml).
FROM python:3.11-slim-bookworm
# XDG_CACHE_HOME: fontconfig (WeasyPrint) keeps its cache where `app`, which has no home, can write.
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    XDG_CACHE_HOME=/tmp/.cache

# WeasyPrint needs Pango (and HarfBuzz's subsetter for fast font embedding); the documents embed their own
# fonts (reports/fonts/), Liberation is the fallback for anything else. The same list as `make check-system`.
RUN apt-get update && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2 \
    && rm -rf /var/lib/apt/lists/*

# The processes run as `app`, which owns only the data directories; the code stays root's, read-only.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app
# The versions `make` installs too: requirements.lock pins every package (pip-compile, see the Makefile).
COPY pyproject.toml requirements.lock ./
RUN pip install -c requirements.lock .

# .dockerignore keeps out .env, .venv, media, var, test artifacts and .git.
COPY . .
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput \
    && python -m compileall -q emulation campaigns awards reports \
    && mkdir -p /data/media /data/ballot-keys /data/trust-roots \
    && chown app:app /data/media /data/ballot-keys && chmod 700 /data/ballot-keys

USER app:app
EXPOSE 8000
CMD ["gunicorn", "emulation.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60"]
