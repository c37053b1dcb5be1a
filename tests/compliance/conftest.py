"""Bootstraps SQLAlchemy's dialect compliance suite, the way third-party dialects do
(README.dialects.rst in SQLAlchemy's repository).

This directory sits inside the project's `testpaths`, so a plain `pytest` also imports this
file: there it only hides test_suite.py (the suite needs `--dburi` and a server, and its
plugin must not take over the project's session). tests/compliance/run.py sets
WS_SQLA_COMPLIANCE=1 and runs pytest with `-c tests/compliance/setup.cfg`; only then is
SQLAlchemy's plugin loaded.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

if os.environ.get("WS_SQLA_COMPLIANCE") != "1":
    collect_ignore = ["test_suite.py"]
else:
    for path in (str(HERE), str(ROOT)):
        if path not in sys.path:
            sys.path.insert(0, path)

    import pytest

    pytest.register_assert_rewrite("sqlalchemy.testing.assertions")

    from sqlalchemy.dialects import registry

    # The project registers these in dbdrivers/kingbase.py; repeated here so the suite needs
    # nothing but the dialect module itself.
    registry.register("kingbase", "dbdrivers.kingbase_dialect", "KingbaseDialect_ksycopg2")
    registry.register("kingbase.ksycopg2", "dbdrivers.kingbase_dialect", "KingbaseDialect_ksycopg2")

    import suite_provision  # noqa: F401  (PostgreSQL's test provisioning, also for "kingbase")
    from sqlalchemy.testing.plugin.pytestplugin import *  # noqa: F403
