"""Settings of the danvan portal.

Every value that differs between a laptop and production comes from the environment through the typed readers of
``danvan.env``; the README lists the production variables. Production is the default: DEBUG is off unless
``DANVAN_DEBUG=1`` asks for it.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from danvan.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DANVAN_DEBUG", False)
# Only a debug run falls back to a throw-away key. Without DANVAN_SECRET_KEY, production refuses to serve (wsgi.py,
# asgi.py) and `check --deploy` fails, while commands that need no key (makemigrations, migrate) still run.
SECRET_KEY = env_str("DANVAN_SECRET_KEY", "insecure-key-for-debug-runs-only" if DEBUG else "")
ALLOWED_HOSTS = env_list("DANVAN_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("DANVAN_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_filters",
    "import_export",
    "axes",
    "csp",
    # Before django_tasks_db: its command db_worker is danvan's, which outlives a dropped database connection.
    "danvan",
    "django_tasks",
    "django_tasks_db",
    "reception",
    "complaints",
    "dialogues",
    "reports",
    "registers",
    "worklist",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "danvan.sessions.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "danvan.memo.RequestMemoMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "danvan.security.PermissionsPolicyMiddleware",
    # Axes must come last: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "danvan.urls"
WSGI_APPLICATION = "danvan.wsgi.application"
ASGI_APPLICATION = "danvan.asgi.application"

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
            ],
        },
    },
]

FORM_RENDERER = "danvan.forms.FormRenderer"

# SQLite by default so a newcomer needs no server; DATABASE_URL=postgres://… for production.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DANVAN_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A cache every app process shares (the public lookup's throttle counts each address's tries in it), kept in the
# database so no extra server is needed; `manage.py createcachetable` makes its table.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "danvan_cache"}}
# Behind a proxy, the client's address comes from the header it sets (e.g. HTTP_X_REAL_IP); only set it if it does.
RATELIMIT_IP_META_KEY = env_str("DANVAN_CLIENT_IP_HEADER", "") or None

# Staff accounts
AUTH_USER_MODEL = "danvan.Staff"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "danvan.accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (danvan.accounts.throttle): 15 minutes of lockout after 5 failures for one username from one address,
# 20 from one address whatever the usernames, or 30 for one username from any address. A locked try is refused before
# its password is hashed. Addresses are those the other throttles count (RATELIMIT_IP_META_KEY).
LOGIN_FAILURE_LIMITS = {
    ("username", "ip_address"): env_int("DANVAN_LOGIN_FAILURE_LIMIT", 5),
    ("ip_address",): env_int("DANVAN_LOGIN_ADDRESS_FAILURE_LIMIT", 20),
    ("username",): env_int("DANVAN_LOGIN_USERNAME_FAILURE_LIMIT", 30),
}
AXES_HANDLER = "danvan.accounts.throttle.LoginThrottle"
AXES_LOCKOUT_PARAMETERS = [list(group) for group in LOGIN_FAILURE_LIMITS]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMITS["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "danvan.accounts.throttle.client_address"
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DANVAN_LOGIN_COOLOFF_MINUTES", 15))
# The lock's page says its length in minutes (danvan.accounts.login); the login form warns on the try before it.
AXES_LOCKOUT_CALLABLE = "danvan.accounts.login.locked_out"
AXES_RESET_ON_SUCCESS = True

# Sessions end after 30 idle minutes (every request renews the cookie) and when the browser closes.
SESSION_COOKIE_AGE = env_int("DANVAN_SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"

# Transport and browser security. Behind a TLS-terminating proxy set DANVAN_BEHIND_TLS_PROXY=1.
SECURE_SSL_REDIRECT = env_bool("DANVAN_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DANVAN_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("DANVAN_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DANVAN_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DANVAN_HSTS_PRELOAD", False)
if env_bool("DANVAN_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Preloading HSTS is the domain owner's decision (DANVAN_HSTS_PRELOAD=1), so its reminder is silenced until then.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# No inline scripts or styles anywhere: every asset is a vendored file under static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Vietnamese, in Vietnam's time, with the project's fixes to the vi formats (danvan/formats/vi/formats.py).
LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["danvan.formats"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DANVAN_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Personal data (CCCD, phone numbers) is masked in every log line.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_personal_data": {"()": "danvan.logmask.MaskPersonalData"}},
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["mask_personal_data"]},
    },
    "root": {"handlers": ["console"], "level": env_str("DANVAN_LOG_LEVEL", "INFO")},
    # Django's own loggers print through the same masked handler, once.
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# The daily reminders (worklist) go by e-mail through SMTP; `make demo` prints them on the console instead.
EMAIL_BACKEND = env_str("DANVAN_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("DANVAN_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DANVAN_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("DANVAN_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("DANVAN_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DANVAN_EMAIL_TLS", False)
EMAIL_USE_SSL = env_bool("DANVAN_EMAIL_SSL", False)
DEFAULT_FROM_EMAIL = env_str("DANVAN_EMAIL_FROM", "Danvan <khong-tra-loi@localhost>")
# The portal's address, for the links of the e-mails.
DANVAN_SITE_URL = env_str("DANVAN_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background jobs (large register imports), on the API of Django 6's django.tasks. The database backend needs no other
# server: run `python manage.py db_worker` beside the app processes. A deployment with Redis may install django-tasks-rq
# and set DANVAN_TASKS_BACKEND=django_tasks_rq.RQBackend (with its RQ_QUEUES setting).
TASKS = {
    "default": {
        "BACKEND": env_str("DANVAN_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# A register import or export that has shown no progress for this long is taken as dead and failed with a message, so
# that its page stops waiting: its worker was killed, ran out of memory or lost its machine (a web process, for a small
# file read in the request). A job saves its progress when it starts and every 2,000 rows; the longest silence of a live
# one is opening a 50 MB workbook or, on SQLite, writing 100,000 rows in one transaction: under a minute each here
# (bench/README.md). 15 minutes also leaves room for a queue of several large files waiting for one worker.
REGISTER_JOB_STALLED_AFTER = timedelta(minutes=env_int("DANVAN_JOB_STALLED_MINUTES", 15))
