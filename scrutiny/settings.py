"""One settings module, driven by the environment.

Every setting that differs between a laptop demo, the test suite and production is read from an
environment variable here, with a default that makes a fresh checkout run on its own:
SQLite and in-process tasks unless DATABASE_URL and REDIS_URL say otherwise.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


def env_bool(name, default=False):
    """A yes/no variable; anything else ("ture", "enabled") stops the start-up with its name."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a yes/no value: use one of 1/0, true/false, yes/no, on/off."
    )


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    # Only a DEBUG run (the demo) may start on a made-up key; anywhere else sessions and
    # password-reset links would be signed with a key printed in this file.
    if env_bool("REQUIRE_SECRET_KEY", not DEBUG):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it (or DEBUG=1 for a local demo) before starting."
        )
    SECRET_KEY = "insecure-development-key-change-me"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tables2",
    "django_filters",
    "django_htmx",
    "csp",
    "axes",
    "scrutiny",
    "meetings",
    "indicators",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "scrutiny.middleware.RequestSizeLimitMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "scrutiny.access.AccessMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its refusal.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "scrutiny.urls"
WSGI_APPLICATION = "scrutiny.wsgi.application"

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
                "scrutiny.access.roles_context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is the broker, the result store and the cache when REDIS_URL is set. Without it (the
# first-run demo) tasks run in-process, eagerly, so a laptop needs nothing but Python.
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
TASKS_IN_THREADS = not REDIS_URL  # scrutiny/threadpool.py: the demo's upload returns at once
# A pack is acknowledged only when its ingest finished, so a worker killed mid-pack hands it
# back to the broker; the task itself is idempotent, so redelivery gives exactly one result.
# Set here once; the task declares nothing of its own.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# A PDF that makes a parser spin must not hold a worker for good: at the soft limit the ingest
# fails the pack with a sentence; the hard limit kills the child if even that does not return.
INGEST_SOFT_TIME_LIMIT = env_int("INGEST_SOFT_TIME_LIMIT", 600)
INGEST_TIME_LIMIT = env_int("INGEST_TIME_LIMIT", INGEST_SOFT_TIME_LIMIT + 60)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # How long an unacknowledged pack waits before another worker gets it back.
    "visibility_timeout": env_int("CELERY_VISIBILITY", 3600),
}
if os.environ.get("CELERY_RESTORE_INTERVAL"):  # tests: hand back a killed worker's pack quickly
    CELERY_BROKER_TRANSPORT_OPTIONS["unacked_restore_interval"] = int(
        os.environ["CELERY_RESTORE_INTERVAL"]
    )
    CELERY_BROKER_TRANSPORT_OPTIONS["unacked_restore_throttle"] = 1
# The committee system (README: "Following a council's ModernGov"): a default site and committee
# ids make feeds on the first sync; each panel's feed is edited in the admin.
MODERNGOV_URL = os.environ.get("MODERNGOV_URL", "")
MODERNGOV_COMMITTEES = [int(cid) for cid in env_list("MODERNGOV_COMMITTEES", "")]
MODERNGOV_TIMEOUT = env_int("MODERNGOV_TIMEOUT", 20)
MODERNGOV_RETRIES = env_int("MODERNGOV_RETRIES", 3)
MODERNGOV_BACKOFF = float(os.environ.get("MODERNGOV_BACKOFF", "1"))
MODERNGOV_YEARS_BACK = env_int("MODERNGOV_YEARS_BACK", 5)
MODERNGOV_SYNC_TIME_LIMIT = env_int("MODERNGOV_SYNC_TIME_LIMIT", 1800)
# No one reads task results; not storing them keeps a send from waiting on the result store.
CELERY_TASK_IGNORE_RESULT = True
# An upload must not wait long on a broker that is down: the pack stays in the outbox instead.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS.update(socket_connect_timeout=2, socket_timeout=5)
# No pack is ever stuck: the sweep (celery beat, every minute) sends queued packs the broker
# never got, and puts packs of dead workers back on the queue, failing them after MAX_ATTEMPTS.
INGEST_MAX_ATTEMPTS = env_int("INGEST_MAX_ATTEMPTS", 3)
INGEST_RESEND_AFTER = env_int("INGEST_RESEND_AFTER", 900)  # sent, yet still queued: lost by Redis
# A claim older than the hard time limit cannot belong to a live task: its worker is gone.
INGEST_STALE_AFTER = env_int("INGEST_STALE_AFTER", INGEST_TIME_LIMIT + 60)
CELERY_BEAT_SCHEDULE = {
    "sweep-packs": {"task": "meetings.tasks.sweep_packs_task", "schedule": 60.0},
    "sync-moderngov": {
        "task": "meetings.moderngov_tasks.sync_moderngov_task",
        "schedule": float(os.environ.get("MODERNGOV_SYNC_EVERY", str(60 * 60))),
    },
}
# The sync task lives beside tasks.py (meetings/moderngov_tasks.py says why).
CELERY_IMPORTS = ["meetings.moderngov_tasks"]
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]

if REDIS_URL:
    CACHES = {
        "default": {
            # RedisCache that logs and skips failures: pages never need Redis (scrutiny/cache.py).
            "BACKEND": "scrutiny.cache.ForgivingRedisCache",
            "LOCATION": os.environ.get("CACHE_URL", REDIS_URL),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    # First: refuses to even check a password once a sign-in is locked out (django-axes).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in throttle, the same on /accounts/login/ and /admin/login/: after AXES_FAILURE_LIMIT
# wrong passwords for one username from one address, that pair is refused for the cool-off.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
# The log names who was locked out and from where (not the password): the operator needs it.
AXES_SENSITIVE_PARAMETERS = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.environ.get(
            "STATICFILES_BACKEND", "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", DEBUG)
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

# Uploads: what a pack may weigh before it is refused.
PACK_MAX_BYTES = env_int("PACK_MAX_BYTES", 100 * 1024 * 1024)
PACK_MAX_PAGES = env_int("PACK_MAX_PAGES", 600)
# A request body larger than a pack plus its form is refused from its Content-Length, before
# a byte of it is read (scrutiny/middleware.py); files over 2.5 MB stream to a temporary file
# rather than memory, and form fields may total 2.5 MB. The proxy in front should refuse the
# same size first (README: client_max_body_size).
MAX_REQUEST_BYTES = PACK_MAX_BYTES + 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2621440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2621440
# Optional OCR of pages without a text layer (see README): off unless tesseract is installed.
# Passed to extract(ocr=...) by the ingest service; ingest/ reads no environment of its own.
OCR_ENABLED = env_bool("OCR_ENABLED", True)

# HTTPS=1 in production (behind a TLS-terminating proxy): redirect to https, HSTS, Secure
# cookies, and trust the proxy's X-Forwarded-Proto. `manage.py check --deploy` is clean then.
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", HTTPS)
_proxy_header = os.environ.get("SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto" if HTTPS else "")
if _proxy_header.strip():
    # Only behind a proxy that sets this header itself (and drops a client's own copy).
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_header.strip().upper().replace("-", "_"), "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the probe asks over plain HTTP inside the network
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# No inline script or style anywhere, the admin included (django-csp).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5-responsive.html"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "scrutiny": {"level": os.environ.get("LOG_LEVEL", "INFO")},
        "meetings": {"level": os.environ.get("LOG_LEVEL", "INFO")},
        "indicators": {"level": os.environ.get("LOG_LEVEL", "INFO")},
        "axes": {"level": "WARNING"},  # lockouts
    },
}
