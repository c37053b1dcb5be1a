"""Sixth fresh held-out order-check evaluation set (2026-12-06); cases in cases/*.json."""
