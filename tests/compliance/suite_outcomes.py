"""A pytest plugin for run.py: records every test's outcome as JSON (WS_SQLA_RESULTS=path).

The suite's classes are generated per database (`ComponentReflectionTest_postgresql_psycopg2_15_18`),
so each result also carries a backend-neutral id built from the original class name
(`test_suite.py::ComponentReflectionTest::test_x[...]`): that is what run.py compares.
"""
from __future__ import annotations

import json
import os
from typing import Any

import pytest

_neutral: dict[str, str] = {}
_phases: dict[str, list[list[Any]]] = {}


def _neutral_id(item: pytest.Item) -> str:
    cls = getattr(item, "cls", None)
    name = getattr(cls, "_sa_orig_cls_name", None) or (cls.__name__ if cls is not None else None)
    module = item.nodeid.split("::", 1)[0]
    return "::".join(part for part in (module, name, item.name) if part)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    for item in session.items:
        _neutral[item.nodeid] = _neutral_id(item)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    entry = [report.when, report.outcome, bool(getattr(report, "wasxfail", None) is not None)]
    _phases.setdefault(report.nodeid, []).append(entry)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    path = os.environ.get("WS_SQLA_RESULTS")
    if not path:
        return
    tests = [{"nodeid": nodeid, "id": _neutral.get(nodeid, nodeid), "phases": phases}
             for nodeid, phases in _phases.items()]
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"exitstatus": int(exitstatus), "collected": len(session.items), "tests": tests}, f)
