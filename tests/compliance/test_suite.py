"""SQLAlchemy's dialect compliance suite, whole (run through tests/compliance/run.py).

One adjustment, the kind README.dialects.rst describes: ServerSideCursorsTest asks the driver
whether a cursor is server-side with a per-driver list (its own TODO says this keeps third-party
dialects out); ksycopg2 answers like psycopg2, whose branch it copies. Nothing else is changed.
"""
from typing import Any

from sqlalchemy.testing.suite import *  # noqa: F403
from sqlalchemy.testing.suite import ServerSideCursorsTest as _ServerSideCursorsTest


class ServerSideCursorsTest(_ServerSideCursorsTest):
    def _is_server_side(self, cursor: Any) -> bool:
        if self.engine.dialect.driver == "ksycopg2":
            return bool(cursor.name)  # a named (DECLAREd) cursor, as for psycopg2
        return bool(super()._is_server_side(cursor))
