"""The seeded demo ward for the printing tests (tests/unit/services/conftest.py's fixtures)."""
from tests.unit.services.conftest import demo_engine, seeded_file  # noqa: F401
