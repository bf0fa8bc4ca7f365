"""One settings module. Safe local defaults (SQLite, eager Celery); production values come
only from the environment. See ``.env.example`` for every variable."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlparse

from celery.schedules import crontab
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


# An empty variable counts as unset, everywhere: `.env.example` lists every variable, most of them empty, and
# `set -a; . ./.env.example; set +a` must give the local defaults (an empty MEDIA_ROOT is not the current folder).
def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name) or default


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def database_from_url(url: str) -> dict:
    """``postgres://user:pass@host:port/name`` or ``sqlite:///path`` → a DATABASES entry."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": parsed.path[1:] or ":memory:"}
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
            "TEST": {"NAME": os.environ.get("TEST_DATABASE_NAME") or None},
        }
    raise ValueError(f"Unsupported DATABASE_URL scheme: {parsed.scheme!r}")


DEBUG = env_bool("DJANGO_DEBUG", False)  # only when asked for: `make run` and the test settings set DJANGO_DEBUG=1
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me" if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")  # e.g. https://thidua.thads.gov.vn

# Behind a reverse proxy that terminates TLS (compose: the ``proxy`` service, Caddy): only then are its
# X-Forwarded-Proto (the request was HTTPS), X-Forwarded-Host and X-Forwarded-For (the client's address, for
# the sign-in lockout) believed. Exposed directly, a client could send them itself: they are ignored.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
PROXY_COUNT = int(env_str("DJANGO_PROXY_COUNT", "1"))  # proxies in front of gunicorn, each appending to X-F-F
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
USE_X_FORWARDED_HOST = BEHIND_PROXY

INSTALLED_APPS = [
    "emulation",  # first: its createsuperuser (password rules without a prompt too) replaces Django's
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "campaigns",
    "awards",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "emulation.middleware.IdleSessionRefreshMiddleware",
    "emulation.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "emulation.middleware.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "emulation.middleware.RefuseNulBytesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into the lockout page
]

ROOT_URLCONF = "emulation.root_urls"
WSGI_APPLICATION = "emulation.wsgi.application"

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
                "emulation.context_processors.navigation",
                "emulation.context_processors.notification_bell",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Every password set through a form, the admin, createsuperuser or load_demo passes these.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out username + address before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
# Đăng nhập sai: after AXES_FAILURE_LIMIT failures, the same username from the same address is locked out for
# AXES_COOLOFF_MINUTES; staff unlock in the admin (Axes › Access attempts) or with
# ``manage.py axes_reset_username USERNAME`` / ``axes_reset_ip ADDRESS`` (see README).
AXES_FAILURE_LIMIT = int(env_str("AXES_FAILURE_LIMIT", "5"))
# Góp ý công khai (no sign-in): at most this many comments from one address in an hour.
PUBLIC_FEEDBACK_PER_HOUR = int(env_str("PUBLIC_FEEDBACK_PER_HOUR", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env_str("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "emulation.client_ip.client_ip"  # X-Forwarded-For only behind the proxy (above)
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"  # answered with status 429
# Sessions end after 8 hours without a request; a request moves the end on, at most once a minute
# (emulation.middleware.IdleSessionRefreshMiddleware: saving on every request cost each page a write).
SESSION_COOKIE_AGE = int(env_str("SESSION_IDLE_SECONDS", str(8 * 60 * 60)))
SESSION_REFRESH_SECONDS = 60
LOGIN_URL = "emulation:login"
LOGIN_REDIRECT_URL = "reports:dashboard"
LOGOUT_REDIRECT_URL = "emulation:login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["emulation.formats"]
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")  # collectstatic (the image: at build)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"  # never mounted: stored files are served only by views that check scope or publication
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Stored files (attachments, photos, generated and signed documents, imports): the MEDIA_ROOT folder, shared by
# web and workers through a volume; or, for several hosts, an S3-compatible bucket (django-storages) when
# AWS_STORAGE_BUCKET_NAME is set. Either way they are served only through views (private objects, no
# public URLs).
S3_BUCKET = env_str("AWS_STORAGE_BUCKET_NAME")
S3_OPTIONS = {
    "bucket_name": S3_BUCKET,
    "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
    "region_name": env_str("AWS_S3_REGION_NAME") or None,
    "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
    "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
    "default_acl": "private",
    "querystring_auth": True,
    "file_overwrite": False,
}
STORAGES = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": S3_OPTIONS} if S3_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Chữ ký số: root CA certificates (PEM or DER) that signed uploads must chain to; see trust_roots/README.md.
SIGNATURE_TRUST_ROOTS_DIR = Path(env_str("SIGNATURE_TRUST_ROOTS_DIR", str(BASE_DIR / "trust_roots")))

# Bỏ phiếu kín: one random key per council session, kept outside the database until the count
# (docs/ballot-secrecy.md). A persistent directory shared by every web process; never in a backup.
BALLOT_KEY_DIR = Path(env_str("BALLOT_KEY_DIR") or BASE_DIR / "var" / "ballot-keys")  # empty (.env.example) = default

# Uploads: imports are Excel workbooks; anything larger is refused with a message.
MAX_UPLOAD_BYTES = int(env_str("MAX_UPLOAD_BYTES", str(5 * 1024 * 1024)))
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Celery: eager (in-process) unless a broker is configured.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", CELERY_BROKER_URL)
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
# Eager (``make run``): a job (a document, an import) runs in a thread after the response, so its page shows the
# progress; off, it runs inside the request that asked for it.
EAGER_JOBS_IN_BACKGROUND = env_bool("EAGER_JOBS_IN_BACKGROUND", CELERY_TASK_ALWAYS_EAGER)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True  # a killed worker's task goes back to the queue (tasks are idempotent)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Two queues, a worker each in production (compose: ``worker`` -Q default, ``worker-documents`` -Q documents):
# rendering a PDF dossier and importing a workbook take seconds to minutes and must not hold up the short work
# (notifications, email, attainment recompute, the beat's sweeps). A worker started without -Q (``make worker``)
# listens on both. CELERY_QUEUE_PREFIX gives a test run queues of its own (tests/celery_queues.py), so a
# developer's running worker cannot take its tasks.
CELERY_QUEUE_PREFIX = env_str("CELERY_QUEUE_PREFIX")
CELERY_QUEUE_DEFAULT = f"{CELERY_QUEUE_PREFIX}default"
CELERY_QUEUE_DOCUMENTS = f"{CELERY_QUEUE_PREFIX}documents"
CELERY_TASK_DEFAULT_QUEUE = CELERY_QUEUE_DEFAULT
CELERY_TASK_QUEUES = {name: {"exchange": name, "routing_key": name}
                      for name in (CELERY_QUEUE_DEFAULT, CELERY_QUEUE_DOCUMENTS)}
CELERY_TASK_ROUTES = {
    "reports.render_document": {"queue": CELERY_QUEUE_DOCUMENTS},
    "emulation.import_organisation": {"queue": CELERY_QUEUE_DOCUMENTS},
    "campaigns.import_results": {"queue": CELERY_QUEUE_DOCUMENTS},
}
# A request publishing to a broker that is down must not hang: it gives up at once and the outbox keeps the
# task (emulation.dispatch); the beat sweep publishes it when the broker is back.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2}
# A running job belongs to its worker for this long unless renewed (every third of it, while it works).
JOB_LEASE_SECONDS = int(env_str("JOB_LEASE_SECONDS", "90"))

# The beat schedule (the compose ``beat`` service runs it): the tasks a broker outage held back, the jobs of a
# killed worker; email: the outbox sweep re-sends what is due (SMTP back up); the daily digest goes out at
# 07:00 Vietnam time (CELERY_TIMEZONE); the deadline reminders, daily at REMINDER_HOUR.
CELERY_BEAT_SCHEDULE = {
    "publish-held-tasks": {"task": "emulation.publish_held_tasks", "schedule": 60.0},
    "sweep-jobs": {"task": "emulation.sweep_jobs", "schedule": 60.0},
    "email-outbox-sweep": {"task": "emulation.sweep_outbox", "schedule": 60.0},
    "email-daily-digest": {"task": "emulation.send_digests", "schedule": crontab(hour=7, minute=0)},
    "forget-old-submissions": {"task": "emulation.forget_old_submissions", "schedule": crontab(hour=3, minute=0)},
    "send-reminders": {"task": "emulation.send_reminders", "schedule": crontab(
        hour=int(env_str("REMINDER_HOUR", "7")), minute=0)},
}

# Thư điện tử: SMTP when EMAIL_HOST is set, otherwise each message is printed on the console (make run).
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = int(env_str("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = int(env_str("EMAIL_TIMEOUT", "10"))
EMAIL_BACKEND = ("django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST
                 else "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Thi đua – Khen thưởng <khong-tra-loi@thidua.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address users reach the application at: the links in emails are absolute.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Deadline reminders: days before the deadline (-1: the first overdue day), e.g. "7,3,1,-1".
REMINDER_OFFSETS = tuple(int(day) for day in env_list("REMINDER_OFFSETS", "7,3,1,-1"))
# A campaign launch tells the participating units' heads and staff in batches of this many units.
NOTIFY_BATCH_UNITS = int(env_str("NOTIFY_BATCH_UNITS", "100"))

# Attainment is recomputed in the background this many seconds after results change (debounce).
ATTAINMENT_DEBOUNCE_SECONDS = int(env_str("ATTAINMENT_DEBOUNCE_SECONDS", "5"))

CACHE_URL = env_str("CACHE_URL", CELERY_BROKER_URL)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    if CACHE_URL.startswith("redis") else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Production hardening (on when DJANGO_DEBUG=0).
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the health check answers over plain HTTP inside the stack
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = int(env_str("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts and styles only from our static files, no inline code or
# style attributes (page behaviour lives in static/js/, looks in static/css/app.css).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],  # Bootstrap draws its icons as data: SVG
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
