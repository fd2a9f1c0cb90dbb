import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")

application = get_wsgi_application()

# Refuse to start without a secret key instead of failing on the first request (Django raises on an empty one).
settings.SECRET_KEY  # noqa: B018
