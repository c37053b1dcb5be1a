"""The schema revision this client migrates to, importable with nothing else (the GUI checks an
existing demo file against it before SQLAlchemy is even imported). A test keeps it equal to
Alembic's head (tests/dbdrivers/test_migrations_match_schema.py)."""

HEAD_REVISION = "0015"
