"""Reclaim's one settings file.

Every knob is an environment variable with a safe default, so that
`uv run reclaim serve` works on a fresh machine with nothing configured, and a
real deployment changes behaviour only through its environment. A bad value
stops the start with a message that names the variable.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from reclaim.toolkit.registry import installed_apps as toolkit_apps

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def _secret_from_file(path: Path) -> str:
    """Read a generated secret, creating it (mode 0600) on first run."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


# --- Where data lives -------------------------------------------------------

DATA_DIR = Path(env_str("RECLAIM_DATA_DIR", str(BASE_DIR / "data"))).resolve()
# Only the account that runs the app may look inside: the database, keys and
# mail are there.
DATA_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)
# A data folder that already existed keeps its own mode, so every file the
# app creates (database, keys, mail, job queue) is made readable by its owner
# only: the process's umask is narrowed, never widened. SQLite, Django's mail
# files and Huey open their files with the default mode, and this is the one
# place that holds for all of them, in every process that reads settings.
os.umask(os.umask(0o077) | 0o077)

DEBUG = env_bool("RECLAIM_DEBUG", False)

if env_str("RECLAIM_SECRET_KEY"):
    SECRET_KEY = env_str("RECLAIM_SECRET_KEY")
elif env_str("RECLAIM_SECRET_KEY_FILE"):
    SECRET_KEY = Path(env_str("RECLAIM_SECRET_KEY_FILE")).read_text().strip()
else:
    SECRET_KEY = _secret_from_file(DATA_DIR / "secret.key")

# The vault reads these; see reclaim/vault/keys.py for the format.
RECLAIM_MASTER_KEYS = env_str("RECLAIM_MASTER_KEYS")
RECLAIM_MASTER_KEYS_FILE = env_str("RECLAIM_MASTER_KEYS_FILE", str(DATA_DIR / "master.keys"))
# Who was deleted, and when: kept out of the database so that restoring an old
# backup forgets them again (see reclaim/vault/ledger.py).
RECLAIM_DELETION_LEDGER = env_str("RECLAIM_DELETION_LEDGER", str(DATA_DIR / "deletions.ledger"))

ALLOWED_HOSTS = env_list("RECLAIM_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("RECLAIM_CSRF_TRUSTED_ORIGINS", [])

# Where the quick exit sends the browser: an ordinary, neutral page.
RECLAIM_EXIT_URL = env_str("RECLAIM_EXIT_URL", "https://www.wikipedia.org/wiki/Special:Random")
RECLAIM_AUTOLOCK_MINUTES = env_int("RECLAIM_AUTOLOCK_MINUTES", 15, minimum=1)
RECLAIM_SITE_NAME = env_str("RECLAIM_SITE_NAME", "Reclaim")
# The address members open, for links in e-mails sent by background jobs.
RECLAIM_SITE_URL = env_str("RECLAIM_SITE_URL", "http://localhost:8000")
# Discreet mode shows this instead of the product's name.
RECLAIM_DISCREET_NAME = env_str("RECLAIM_DISCREET_NAME", "Notes")
RECLAIM_PCL5_CUTPOINT = env_int("RECLAIM_PCL5_CUTPOINT", 33, minimum=31)
RECLAIM_ENABLED_INSTRUMENTS = env_list("RECLAIM_ENABLED_INSTRUMENTS", [])
# How many days an invitation to a practitioner stays open (at most 30).
RECLAIM_INVITE_DAYS = env_int("RECLAIM_INVITE_DAYS", 7, minimum=1)

# --- Applications -----------------------------------------------------------

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
    # Our apps come before allauth so our templates (layout, neutral
    # e-mails) take the place of allauth's own.
    "reclaim.core",
    "reclaim.accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "huey.contrib.djhuey",
    "reclaim.vault",
    "reclaim.checkins",
    "reclaim.assessments",
    "reclaim.journal",
    "reclaim.progress",
    "reclaim.safety",
    "reclaim.toolkit",
    "reclaim.learn",
    "reclaim.practice",
    # What a member shares with a practitioner (issue 15).
    "reclaim.sharing",
    # One small app per tool, announced in the toolkit's registry.
    *toolkit_apps(),
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "reclaim.core.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Open before the member is read: their data key comes with their row
    # (accounts.queries.signed_in_user) and is kept for this request only.
    "reclaim.vault.middleware.KeyCacheMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Practitioners and the operator never reach a member page (404), before
    # anything of the member app (auto-lock drafts included) runs for them.
    "reclaim.practice.middleware.RoleGateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the messages: a waiting notice shows as one on this page.
    "reclaim.accounts.middleware.NoticeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "reclaim.core.middleware.PrivacyMiddleware",
    "reclaim.accounts.middleware.KnownDeviceMiddleware",
    "reclaim.core.middleware.AutoLockMiddleware",
    # "Last active" in the list of places signed in, at most every few
    # minutes (accounts/sessions.py); after the auto-lock, which may end the session.
    "reclaim.accounts.middleware.SessionActivityMiddleware",
]

ROOT_URLCONF = "reclaim.urls"
# Labels without Django's colon, the same in every form (see core/forms.py).
FORM_RENDERER = "reclaim.core.forms.FormRenderer"
WSGI_APPLICATION = "reclaim.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "reclaim.core.context_processors.reclaim",
            ],
        },
    }
]

# --- Database ---------------------------------------------------------------

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    try:
        DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    except Exception as exc:  # dj-database-url raises several kinds of error.
        raise ImproperlyConfigured(f"DATABASE_URL is not a database address: {exc}") from None
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL (postgres://…).")
    # Django's backend, with a check of a kept connection that asks the
    # operating system before it asks the server (reclaim/core/postgresql/base.py).
    DATABASES["default"]["ENGINE"] = "reclaim.core.postgresql"
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if env_bool("RECLAIM_DB_PREPARE", True):
        # Values travel apart from the query, so the server can keep a query
        # it has seen a few times on this connection ready to run (a prepared
        # statement), and nothing has to quote values into SQL first: on
        # PostgreSQL + Redis the signed-in shell went from 47 % to 58 % of the
        # bare view's throughput, and pages by about a fifth (docs/benchmarks.md).
        # Off for a pooler in transaction mode that cannot keep prepared
        # statements (PgBouncer before 1.21, or without max_prepared_statements).
        DATABASES["default"]["OPTIONS"] = {
            **DATABASES["default"].get("OPTIONS", {}),
            "server_side_binding": True,
            "prepare_threshold": 5,
        }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "reclaim.sqlite3"),
            "OPTIONS": {
                # WAL lets the web server and the worker read while one writes.
                # secure_delete: what is deleted or replaced (a deleted
                # member's data key, plain values a migration sealed) is
                # overwritten, not left readable in the file's free pages.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;"
                ),
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # A file (not memory) so tests can look inside it, and browser
            # tests share it with the live server.
            "TEST": {"NAME": str(DATA_DIR / "test.sqlite3")},
            # Each thread keeps its connection between requests, as on
            # PostgreSQL: opening one (and its pragmas) cost a signed-in
            # request more than its two queries (docs/benchmarks.md).
            "CONN_MAX_AGE": 60,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, sessions, background jobs ---------------------------------------

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://.")
    CACHES: dict[str, dict[str, object]] = {
        "default": {
            # Django's, keeping its Redis clients between calls (core/cache.py).
            "BACKEND": "reclaim.core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "reclaim",
            # Keys name addresses and logins; stored hashed (core/cache.py).
            "KEY_FUNCTION": "reclaim.core.cache.hashed_key",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": "reclaim",
        "url": REDIS_URL,
        "immediate": False,
    }
else:
    # The database cache is shared by every app-server process, so rate
    # limits hold even with several gunicorn workers on the embedded default.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "reclaim_cache",
            # Keys name addresses and logins; stored hashed (core/cache.py).
            "KEY_FUNCTION": "reclaim.core.cache.hashed_key",
        }
    }
    # Django's database sessions, read without the ORM (accounts/session_store.py).
    SESSION_ENGINE = "reclaim.accounts.session_store"
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "reclaim",
        "filename": str(DATA_DIR / "jobs.sqlite3"),
        "immediate": False,
    }
HUEY["immediate"] = env_bool("RECLAIM_JOBS_IMMEDIATE", False)

# Pictures drawn from a member's data (Today's charts), kept in this process's
# memory only, never in the shared cache: Redis and the database cache hold
# nothing a member wrote. Each is keyed by a digest of the sealed rows it was
# drawn from, so a write shows at once, and forgotten after a few minutes
# (core/memory.py).
CACHES["process"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "reclaim-process",
    "TIMEOUT": 300,
    "OPTIONS": {"MAX_ENTRIES": 500},
}

SESSION_COOKIE_AGE = env_int("RECLAIM_SESSION_DAYS", 14, minimum=1) * 24 * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# --- Accounts ---------------------------------------------------------------

# Reclaim's own first: it also reads the signed-in member on every request
# (accounts/backends.py), and a session made with force_login uses the first.
AUTHENTICATION_BACKENDS = [
    "reclaim.accounts.backends.AuthenticationBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        # Not the display name: it is sealed, and Django's check would read it
        # unopened; ContextPasswordValidator opens it and checks it instead.
        "OPTIONS": {"user_attributes": ("username", "email")},
    },
    {"NAME": "reclaim.accounts.passwords.ContextPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"
ACCOUNT_ADAPTER = "reclaim.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_UNIQUE_EMAIL = True
# Sign-up answers the same whether or not an address is already on an account;
# the address's owner is told by e-mail instead (see the adapter). With
# optional verification allauth can only do this by letting the address onto
# the new account, unconfirmed: that is what "strict" means.
ACCOUNT_PREVENT_ENUMERATION = "strict"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Adding, removing or choosing an e-mail address asks for the password again
# (allauth's two-step and passkey pages always do; a new password needs the
# current one in its own form). reclaim/accounts/notices.py ends the other
# sessions after a change of password or two-step sign-in.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_SIGNUP_REDIRECT_URL = "accounts:welcome"
# allauth's forms with our labels and help texts (reclaim/accounts/forms.py).
ACCOUNT_FORMS = {
    name: f"reclaim.accounts.forms.{form}"
    for name, form in {
        "login": "LoginForm",
        "signup": "SignupForm",
        "change_password": "ChangePasswordForm",
        "reset_password": "ResetPasswordForm",
        "reset_password_from_key": "ResetPasswordKeyForm",
        "add_email": "AddEmailForm",
        "reauthenticate": "ReauthenticateForm",
    }.items()
}
ACCOUNT_RATE_LIMITS = {
    # Failed sign-ins count per account *and address* (see the adapter), so
    # someone elsewhere cannot lock the real member out by guessing. The
    # account-wide waits are in reclaim/accounts/signin_limits.py.
    "login_failed": "10/m/ip,5/5m/key",
    "recovery_code": "10/h/ip,5/h/key",
}
MFA_ADAPTER = "reclaim.accounts.adapter.MFAAdapter"
# Passkeys ("webauthn") work both ways: as the whole sign-in, with no password,
# and as the second step after a password. The browser asks the device to
# confirm it is the member (fingerprint, face or PIN), so a passkey alone is
# already two factors.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
# Only for a developer's own machine (http://localhost): the browser's origin
# is then not https, which the passkey check otherwise refuses.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env_bool("RECLAIM_PASSKEYS_ON_HTTP", False)
MFA_FORMS = {
    "authenticate": "reclaim.accounts.forms.MFAAuthenticateForm",
    "reauthenticate": "reclaim.accounts.forms.MFAReauthenticateForm",
    "activate_totp": "reclaim.accounts.forms.ActivateTOTPForm",
    "add_webauthn": "reclaim.accounts.forms.AddPasskeyForm",
    "edit_webauthn": "reclaim.accounts.forms.EditPasskeyForm",
}
MFA_TOTP_ISSUER = RECLAIM_DISCREET_NAME
# allauth's tracking writes the session list on every request; ours
# (SessionActivityMiddleware) records "last active" every few minutes instead.
USERSESSIONS_TRACK_ACTIVITY = False

# --- E-mail -----------------------------------------------------------------

EMAIL_URL = env_str("RECLAIM_EMAIL", "file")
DEFAULT_FROM_EMAIL = env_str("RECLAIM_FROM_EMAIL", "no-reply@localhost")
if EMAIL_URL == "console":
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
elif EMAIL_URL == "file":
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(DATA_DIR / "mail")
elif EMAIL_URL.startswith(("smtp://", "smtps://")):
    from urllib.parse import unquote, urlparse

    _mail = urlparse(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _mail.hostname or "localhost"
    EMAIL_PORT = _mail.port or (465 if _mail.scheme == "smtps" else 587)
    EMAIL_HOST_USER = unquote(_mail.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail.password or "")
    EMAIL_USE_SSL = _mail.scheme == "smtps"
    EMAIL_USE_TLS = _mail.scheme == "smtp" and EMAIL_PORT != 25
else:
    raise ImproperlyConfigured(
        "RECLAIM_EMAIL must be 'console', 'file' or smtp://user:password@host:port."
    )

# --- Practice e-mail to visitors (webinars, consultations) ------------------
# What an inbox shows before anyone opens a message: the sender's name and the
# subject. The operator chooses them; they must say nothing about why someone
# wrote to the practice (reclaim/practice/mail.py). An empty value keeps the default.
RECLAIM_MAIL_SENDER_NAME = env_str("RECLAIM_MAIL_SENDER_NAME") or RECLAIM_DISCREET_NAME
RECLAIM_SUBJECT_APPOINTMENT = env_str("RECLAIM_SUBJECT_APPOINTMENT") or "Your appointment"
RECLAIM_SUBJECT_REGISTRATION = env_str("RECLAIM_SUBJECT_REGISTRATION") or "Your registration"
# The subject of the e-mail that tells a practitioner a client may be at urgent
# risk (only for clients who switched risk alerts on); it names no one.
RECLAIM_SUBJECT_ALERT = env_str("RECLAIM_SUBJECT_ALERT") or "A client alert"
# --- End of practice e-mail -------------------------------------------------

# --- Language and time ------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Tests and the development server serve straight from the app folders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# --- Security headers -------------------------------------------------------

SECURE_HSTS_SECONDS = env_int("RECLAIM_HSTS_SECONDS", 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading is a promise about a whole domain that only its owner can make,
# so it is opt-in, and Django's reminder about it (W021) is silenced.
SECURE_HSTS_PRELOAD = env_bool("RECLAIM_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_SSL_REDIRECT = env_bool("RECLAIM_HTTPS", False)
SESSION_COOKIE_SECURE = SECURE_SSL_REDIRECT
CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT
if env_bool("RECLAIM_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The reverse proxies (addresses or networks) whose X-Forwarded-For is believed,
# so that sign-in limits count each visitor, not the proxy. Empty: nobody's is.
# One function reads it for our limits and allauth's: reclaim/core/addresses.py.
from reclaim.core.addresses import parse_networks  # noqa: E402

RECLAIM_TRUSTED_PROXIES = env_list("RECLAIM_TRUSTED_PROXIES", [])
parse_networks(RECLAIM_TRUSTED_PROXIES)  # A wrong entry stops the start here.

# Links in e-mails are built from RECLAIM_SITE_URL; with HTTPS on, the
# default (http://localhost:8000) is certainly wrong, and a member would get
# a link that leads nowhere, so refuse to start until it is set.
if SECURE_SSL_REDIRECT and not env_str("RECLAIM_SITE_URL"):
    raise ImproperlyConfigured(
        "RECLAIM_HTTPS is on but RECLAIM_SITE_URL is not set: set it to the address "
        "members open (e.g. https://notes.example.org), so links in e-mails lead there."
    )
SECURE_CONTENT_TYPE_NOSNIFF = True
# "no-referrer" would make browsers send "Origin: null" on our own forms,
# which CSRF protection rightly refuses; nothing leaves for other sites.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "manifest-src": [SELF],
    }
}

# --- Logs -------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "reclaim.core.logs.JsonFormatter"}},
    "filters": {"no_personal": {"()": "reclaim.core.logs.NoPersonalContent"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["no_personal"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("RECLAIM_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's request logger puts the request object in its records.
        "django.request": {"level": "ERROR"},
        "django.security.DisallowedHost": {"handlers": ["console"], "propagate": False},
    },
}
