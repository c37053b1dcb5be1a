"""Test provisioning for the kingbase backend: SQLAlchemy's provisioning hooks
(sqlalchemy.testing.provision) dispatch on the URL's backend name, and the PostgreSQL ones
(temporary tables, upsert, search_path, dropping leftovers, the citext/hstore extensions) are
registered for "postgresql" only. KingbaseES in PG mode takes exactly the PostgreSQL ones."""
from __future__ import annotations

from sqlalchemy.dialects.postgresql import provision as _pg_provision  # noqa: F401  (registers them)
from sqlalchemy.testing import provision

for _hook in vars(provision).values():
    if isinstance(_hook, provision.register) and "postgresql" in _hook.fns:
        _hook.fns.setdefault("kingbase", _hook.fns["postgresql"])
