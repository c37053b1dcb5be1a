"""The seeded demo ward of the service tests, for the exchange tests."""
from tests.unit.services.conftest import demo_engine, engine, seeded_file  # noqa: F401
