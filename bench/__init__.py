"""Benchmarks: speed and memory targets are measured here, not by timed unit tests."""
