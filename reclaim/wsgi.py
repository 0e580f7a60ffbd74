import os
import threading

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reclaim.settings")
application = get_wsgi_application()


def _warm_risk_detection() -> None:
    # Loading the sentence encoder takes a few seconds; do it as the server
    # starts, so the first member who writes something is not the one who waits.
    from reclaim.safety.detection import warm

    warm()


threading.Thread(target=_warm_risk_detection, name="warm-risk-detection", daemon=True).start()
