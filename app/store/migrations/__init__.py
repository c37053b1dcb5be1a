"""Alembic scripts for the portable schema; run through app.store.migrate, no alembic.ini."""
