"""Fourth fresh held-out order-check evaluation set (2026-12-04); cases in cases/*.json."""
