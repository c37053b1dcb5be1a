"""Where this PC keeps WardStation's local files: the demo database, the queued audit entries, the
offline outbox. The user's XDG data directory; WARDSTATION_DATA_DIR overrides it (tests, IT)."""
from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    base = os.environ.get("WARDSTATION_DATA_DIR")
    if not base:
        import platformdirs

        base = platformdirs.user_data_dir("WardStation", appauthor=False)
    return Path(base)
