"""PyInstaller runtime hook: the installed bundle under /opt is read-only for the app.

Alembic imports migration scripts from files; without this, a run as root would drop __pycache__
folders into /opt that dpkg does not know about and that would survive an uninstall.
"""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True
