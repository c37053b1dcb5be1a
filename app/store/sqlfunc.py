"""SQL the five engines spell differently, as SQLAlchemy constructs compiled per dialect."""
from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from app.store.types import UTCDateTime


class utc_now(FunctionElement[Any]):   # lower case: it reads as the SQL it stands for
    """The server's clock in UTC, evaluated by the database in the statement that uses it (no
    extra round trip): what "the server received it at" means, whatever the PC's clock says."""

    type = UTCDateTime()
    inherit_cache = True


@compiles(utc_now)
def _default(element: utc_now, compiler: Any, **kw: Any) -> str:
    return "CURRENT_TIMESTAMP"


@compiles(utc_now, "postgresql")
@compiles(utc_now, "kingbase")
def _pg(element: utc_now, compiler: Any, **kw: Any) -> str:
    return "(now() AT TIME ZONE 'utc')"


@compiles(utc_now, "sqlite")
def _sqlite(element: utc_now, compiler: Any, **kw: Any) -> str:
    return "strftime('%Y-%m-%d %H:%M:%f', 'now')"


@compiles(utc_now, "oracle")
@compiles(utc_now, "dm")
def _oracle(element: utc_now, compiler: Any, **kw: Any) -> str:
    return "SYS_EXTRACT_UTC(SYSTIMESTAMP)"
