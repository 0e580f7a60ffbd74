"""Settings for mypy's Django plugin, which imports the settings to learn the apps and models.

Reading settings creates the data folder and a secret key in it. Type checking
must work from a clean checkout with nothing configured and must never write
into a real installation's data folder, so it gets a folder of its own under
the system's temporary directory.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("RECLAIM_DATA_DIR", str(Path(tempfile.gettempdir()) / "reclaim-typecheck"))

from reclaim.settings import *  # noqa: E402, F403
