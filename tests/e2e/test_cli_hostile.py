"""A hostile tester at the command line: `python main.py ...` as real processes, with no display
(QT_QPA_PLATFORM, DISPLAY and WAYLAND_DISPLAY unset, so a GUI start would fail or hang).

Every unknown command, misspelt option and hostile input must end within seconds with exactly one
line on standard error (`wardstation: ...`, never a traceback), exit 2 for usage errors, and never
start the GUI. To tell for sure, the processes see a stand-in PySide6 package first on their path:
importing it prints one marker line and exits 97, so a CLI path that imports Qt fails loudly and
the few arguments that must start the GUI can be shown to reach it without a display.

All processes run at once (a thread pool) in one module fixture, so the file stays fast.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Union

import pytest

from app.checks import model
from app.cli import GuiStart, dispatch
from tests.dbdrivers.clirun import assert_one_line_failure

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 20.0
WELL_UNDER = 10.0
GUI_MARKER = "PySide6 imported: the GUI was started"
GUI_EXIT = 97
DROPPED_ENV = ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "WARDSTATION_DEBUG")

Stdin = Union[None, bytes, str]  # None: /dev/null; bytes: piped in; str: a file opened as stdin


@dataclass(frozen=True)
class Case:
    args: tuple[str, ...]
    status: int
    needle: str = ""
    stdin: Stdin = None


@dataclass(frozen=True)
class Result:
    status: int
    stdout: str
    stderr: str
    seconds: float


def _order(**fields: object) -> dict[str, object]:
    return {"drug": "阿莫西林胶囊", "dose": 0.5, "unit": "g", "route": "口服", "frequency": "tid", **fields}


def _request(**top: object) -> str:
    body: dict[str, object] = {"new_orders": [_order()]}
    body.update(top)
    return json.dumps(body, ensure_ascii=False)


# Input files written into the fixture's folder: name -> content (bytes or text).
FILES: dict[str, Union[str, bytes]] = {
    "garbage.bin": bytes(range(256)) * 40,
    "latin1.json": '{"new_orders": [{"drug": "Amoxicillin caf\xe9"}]}'.encode("latin-1"),
    "deep_arrays.json": "[" * 100_000 + "]" * 100_000,
    "deep_objects.json": '{"a":' * 100_000 + "1" + "}" * 100_000,
    "deep_in_field.json": '{"new_orders": [' + "[" * 50_000 + "]" * 50_000 + "]}",
    "top_array.json": "[" + _request() + "]",
    "top_number.json": "42",
    "top_null.json": "null",
    "empty.json": "",
    "blank.json": " \n\t ",
    "nan.json": '{"new_orders": [{"drug": "阿莫西林胶囊", "dose": NaN}]}',
    "infinity.json": '{"patient": {"egfr": Infinity}, "new_orders": []}',
    "huge_float.json": _request(new_orders=[_order(dose=1e300)]).replace("1e+300", "1e400"),
    "huge_int.json": '{"new_orders": [{"drug": "阿莫西林胶囊", "dose": ' + "9" * 5000 + "}]}",
    "negative_dose.json": _request(new_orders=[_order(dose=-5)]),
    "dose_as_text.json": _request(new_orders=[_order(dose="lots")]),
    "age_as_text.json": _request(patient={"age_years": "old"}),
    "null_drug.json": _request(new_orders=[_order(drug=None)]),
    "unit_as_list.json": _request(new_orders=[_order(unit=["g"])]),
    "allergies_as_object.json": _request(patient={"allergies": {"青霉素": True}}),
    "labs_bad_unit.json": _request(patient={"labs": [{"code": "K", "value": 4, "unit": "x\ny"}]}),
    "new_orders_missing.json": '{"active_orders": []}',
    "lone_surrogate.json": '{"new_orders": [{"drug": "\\ud800"}]}',
    "long_drug.json": _request(new_orders=[_order(drug="阿" * 100_000)]),
    "too_many_new.json": _request(new_orders=[_order()] * (model.MAX_NEW_ORDERS + 1)),
    "too_many_active.json": _request(active_orders=[_order()] * (model.MAX_ACTIVE_ORDERS + 1)),
    "million_orders.json": '{"new_orders": [' + ",".join(["{}"] * 1_000_000) + "]}",
    "many_zeros.json": '{"new_orders": [' + ",".join(["0"] * 600_000) + "]}",
    "three_mb.json": b" " * (3 * 1024 * 1024) + b"{}",
    "nulls.json": json.dumps({"patient": None, "active_orders": None,
                              "new_orders": [{"drug": "奥美拉唑肠溶胶囊", "dose": None, "unit": None}]}),
}

USAGE = "see: wardstation"


def _cases(tmp: Path) -> dict[str, Case]:
    f = {name: str(tmp / name) for name in FILES}
    cases: dict[str, Case] = {
        # unknown commands and actions
        "unknown-command": Case(("frobnicate",), 2, "unknown command 'frobnicate'"),
        "unknown-command-close": Case(("chek", "--url", "sqlite://"), 2, "did you mean check?"),
        "unknown-command-newline": Case(("a\nb",), 2, "unknown command 'a\\nb'"),
        "unknown-command-long": Case(("x" * 10_000,), 2, "unknown command"),
        "unknown-db-action": Case(("db", "frob"), 2, "db: unknown action 'frob'"),
        "unknown-audit-action": Case(("audit", "verfy", "--url", "sqlite://"), 2, "did you mean verify?"),
        # a command group without its action: the group's usage
        "db-alone": Case(("db",), 2, "usage: wardstation db"),
        "demo-alone": Case(("demo",), 2, "usage: wardstation demo"),
        "audit-alone": Case(("audit",), 2, "usage: wardstation audit"),
        "profile-alone": Case(("profile",), 2, "usage: wardstation profile"),
        # misspelt options, at every level
        "top-option": Case(("--profle", "x"), 2, "unrecognized option '--profle'; did you mean --profile?"),
        "top-abbreviation": Case(("--prof", "x"), 2, "unrecognized option '--prof'"),
        "top-single-dash": Case(("-profile", "x"), 2, "unrecognized option '-profile'"),
        "db-upgrade-option": Case(("db", "upgrade", "--ulr", "x"), 2,
                                  "db upgrade: unrecognized option '--ulr'"),
        "db-upgrade-extra": Case(("db", "upgrade", "--url", "sqlite://", "extra"), 2,
                                 "unrecognized arguments"),
        "db-option": Case(("db", "--url", "x", "upgrade"), 2, "db: unrecognized option '--url'"),
        "db-sql-option": Case(("db", "sql", "--dialct", "dm"), 2, "did you mean --dialect?"),
        "check-option": Case(("check", "--ulr", "sqlite://"), 2, "check: unrecognized option '--ulr'"),
        "demo-seed-option": Case(("demo", "seed", "--ulr", "x"), 2, "demo seed: unrecognized option"),
        "audit-verify-option": Case(("audit", "verify", "--ulr", "x"), 2,
                                    "audit verify: unrecognized option"),
        "profile-add-option": Case(("profile", "add", "p1", "--ulr", "x"), 2, "profile add: unrecognized"),
        "order-check-option": Case(("order-check", "--inptu", "x"), 2, "did you mean --input?"),
        # missing values and arguments
        "check-no-url": Case(("check",), 2, "the following arguments are required: --url"),
        "db-upgrade-no-url": Case(("db", "upgrade"), 2, "required: --url"),
        "db-upgrade-url-no-value": Case(("db", "upgrade", "--url"), 2, "expected one argument"),
        "db-sql-no-dialect": Case(("db", "sql"), 2, "required: --dialect"),
        "order-check-no-input": Case(("order-check",), 2,
                                     "one of the arguments --input --coverage is required"),
        "order-check-input-no-value": Case(("order-check", "--input"), 2, "expected one argument"),
        "profile-no-value": Case(("--profile",), 2, "expected one argument"),
        "profile-empty": Case(("--profile", ""), 2, "--profile needs a profile name"),
        "profile-twice": Case(("--profile", "a", "--profile", "b"), 2, "the GUI takes one --profile"),
        "profile-with-command": Case(("--profile", "a", "check", "--url", "sqlite://"), 2,
                                     "for the GUI only"),
        "double-dash": Case(("--", "frobnicate"), 2),
        # Qt options: only with the GUI, only the allowed ones, each with its value
        "qt-option-with-command": Case(("-style", "fusion", "db", "sql", "--dialect", "dm"), 2,
                                       "-style is a Qt option: it only goes with the GUI, not with 'db'"),
        "qt-option-no-value": Case(("-platform",), 2, "-platform needs a value"),
        "qt-option-refused-plugin": Case(("-plugin", "evil"), 2, "unrecognized option '-plugin'"),
        "qt-option-refused-debugger": Case(("-qmljsdebugger=port:3768",), 2, "unrecognized option"),
        "qt-option-then-junk": Case(("-platform", "offscreen", "junk"), 2, "unknown command 'junk'"),
        # help: usage on standard output, exit 0
        "help": Case(("--help",), 0),
        "help-short": Case(("-h",), 0),
        "help-db": Case(("db", "--help"), 0),
        "help-order-check": Case(("order-check", "--help"), 0),
        "help-with-value": Case(("--help=x",), 2, "ignored explicit argument"),
        # the GUI's own arguments: no display here, so one line and exit 1, no Qt import
        "gui-no-arguments": Case((), 1, "no display"),
        "gui-profile": Case(("--profile", "ward1"), 1, "no display"),
        "gui-profile-equals": Case(("--profile=ward1", "-style", "fusion"), 1, "no display"),
        # ... and with a platform given, the GUI really starts (the stand-in PySide6 stops it)
        "gui-platform": Case(("-platform", "offscreen"), GUI_EXIT),
        "gui-platform-two-dashes": Case(("--platform", "offscreen", "--profile", "ward1"), GUI_EXIT),
        "gui-qt-options": Case(("-platform", "offscreen", "-style=fusion", "-reverse", "-qwindowtitle", "t"),
                               GUI_EXIT),
        # order-check: inputs that cannot be read
        "input-directory": Case(("order-check", "--input", str(tmp)), 2, "it is a directory"),
        "input-missing": Case(("order-check", "--input", str(tmp / "none.json")), 2, "No such file"),
        "input-fifo": Case(("order-check", "--input", str(tmp / "fifo")), 2, "not a regular file"),
        "input-dev-zero": Case(("order-check", "--input", "/dev/zero"), 2, "not a regular file"),
        "input-empty-name": Case(("order-check", "--input", ""), 2, "cannot read"),
        "input-three-mb": Case(("order-check", "--input", f["three_mb.json"]), 2, "too large"),
        "input-million-orders": Case(("order-check", "--input", f["million_orders.json"]), 2, "too large"),
        # standard input
        "stdin-empty": Case(("order-check", "--input", "-"), 2, "empty input", b""),
        "stdin-dev-null": Case(("order-check", "--input", "-"), 2, "empty input", None),
        "stdin-dev-zero": Case(("order-check", "--input", "-"), 2, "too large", "/dev/zero"),
        "stdin-three-mb": Case(("order-check", "--input", "-"), 2, "too large", b"{" * (3 * 1024 * 1024)),
        "stdin-garbage": Case(("order-check", "--input", "-"), 2, "not UTF-8", f["garbage.bin"]),
        "stdin-deep": Case(("order-check", "--input", "-"), 2, "nested too deeply", f["deep_arrays.json"]),
        "stdin-fifo-path": Case(("order-check", "--input", "/dev/stdin"), 2, "not a regular file", b"{}"),
        "stdin-valid": Case(("order-check", "--input", "-"), 0, "", _request().encode()),
    }
    expected = {
        "garbage.bin": "not UTF-8", "latin1.json": "not UTF-8", "deep_arrays.json": "nested too deeply",
        "deep_objects.json": "nested too deeply", "deep_in_field.json": "nested too deeply",
        "top_array.json": "input: expected an object", "top_number.json": "input: expected an object",
        "top_null.json": "input: expected an object",
        "empty.json": "empty input", "blank.json": "empty input", "nan.json": "NaN is not a JSON number",
        "infinity.json": "Infinity is not a JSON number",
        "huge_float.json": "new_orders[0].dose: expected a finite number",
        "huge_int.json": "an integer of 5000 digits", "negative_dose.json": "dose: must not be negative",
        "dose_as_text.json": "new_orders[0].dose: expected a number",
        "age_as_text.json": "patient.age_years: expected a number",
        "null_drug.json": "new_orders[0].drug: missing",
        "unit_as_list.json": "new_orders[0].unit: expected a string",
        "allergies_as_object.json": "patient.allergies: expected a list",
        "labs_bad_unit.json": "unknown unit 'x\\ny'",
        "new_orders_missing.json": "new_orders: missing",
        "lone_surrogate.json": "not valid Unicode", "long_drug.json": "too long: 100000 characters",
        "too_many_new.json": "new_orders: too many: 201",
        "too_many_active.json": "active_orders: too many: 501",
        "many_zeros.json": "new_orders: too many: 600000",
    }
    for name, needle in expected.items():
        cases[f"file-{name}"] = Case(("order-check", "--input", f[name]), 2, needle)
    cases["file-nulls.json"] = Case(("order-check", "--input", f["nulls.json"]), 0)
    return cases


def _environment(tmp: Path, stand_in: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DROPPED_ENV}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(stand_in), env.get("PYTHONPATH", "")) if p)
    env.update({"WARDSTATION_CONFIG_DIR": str(tmp / "config"), "WARDSTATION_DATA_DIR": str(tmp / "data"),
                "WARDSTATION_SETTINGS": str(tmp / "settings.ini"), "WARDSTATION_LOG": "ERROR"})
    return env


def _run(case: Case, env: dict[str, str]) -> Result:
    stdin_file = open(case.stdin, "rb") if isinstance(case.stdin, str) else None  # noqa: SIM115
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "main.py", *case.args], cwd=ROOT, env=env, timeout=TIMEOUT,
            input=case.stdin if isinstance(case.stdin, bytes) else None,
            stdin=stdin_file if stdin_file is not None else (
                subprocess.DEVNULL if case.stdin is None else None),
            capture_output=True)
    except subprocess.TimeoutExpired as hung:  # killed: this case fails, the others still run
        return Result(-9, (hung.stdout or b"").decode("utf-8", "replace"),
                      (hung.stderr or b"").decode("utf-8", "replace") + "\n(hung)", TIMEOUT)
    finally:
        if stdin_file is not None:
            stdin_file.close()
    return Result(done.returncode, done.stdout.decode("utf-8", "replace"),
                  done.stderr.decode("utf-8", "replace"), time.monotonic() - started)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Result]:
    tmp = tmp_path_factory.mktemp("hostile")
    for name, content in FILES.items():
        path = tmp / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    os.mkfifo(tmp / "fifo")  # nobody ever writes to it: opening it plainly would block for ever
    stand_in = tmp / "stand_in"
    (stand_in / "PySide6").mkdir(parents=True)
    (stand_in / "PySide6" / "__init__.py").write_text(
        f"import sys\nsys.stderr.write({GUI_MARKER!r} + '\\n')\nsys.exit({GUI_EXIT})\n", encoding="utf-8")
    env = _environment(tmp, stand_in)
    cases = _cases(tmp)
    with ThreadPoolExecutor(max_workers=max(2, (os.cpu_count() or 2) * 2)) as pool:
        futures = {name: pool.submit(_run, case, env) for name, case in cases.items()}
        out = {name: future.result() for name, future in futures.items()}
    return out


CASE_NAMES = sorted(_cases(Path("/tmp")))


@pytest.mark.parametrize("name", CASE_NAMES)
def test_hostile_command_line(results: dict[str, Result], name: str) -> None:
    case = _cases(Path("/tmp"))[name]
    got = results[name]
    assert got.seconds < WELL_UNDER, f"{name} took {got.seconds:.1f} s"
    assert got.status == case.status, (got.status, got.stderr[-2000:])
    assert "Traceback" not in got.stderr
    if case.status == GUI_EXIT:
        assert got.stderr == GUI_MARKER + "\n"
        return
    assert GUI_MARKER not in got.stderr, "a command path imported Qt"
    if case.status == 0:
        assert got.stderr == ""
        if "--help" in case.args or "-h" in case.args:
            assert got.stdout.startswith("usage: wardstation")
        else:
            assert "alerts" in json.loads(got.stdout)
        return
    line = assert_one_line_failure(subprocess.CompletedProcess(case.args, got.status, got.stdout, got.stderr))
    assert got.stderr == line + "\n" and line.startswith("wardstation: ")
    assert got.stdout == ""
    assert case.needle in line, line
    assert len(line) <= 500


def test_usage_errors_point_at_help(results: dict[str, Result]) -> None:
    for name in ("unknown-command", "top-option", "db-upgrade-option", "db-alone", "order-check-option"):
        assert USAGE in results[name].stderr, name


# ------------------------------------------------------------ the same decisions, in-process

@pytest.mark.parametrize("argv, start", [
    ([], GuiStart(None)),
    (["--profile", "ward1"], GuiStart("ward1")),
    (["--profile=ward1"], GuiStart("ward1")),
    (["-platform", "offscreen"], GuiStart(None, ("-platform", "offscreen"))),
    (["--profile", "db", "-style=fusion", "-reverse"], GuiStart("db", ("-style=fusion", "-reverse"))),
    (["-display", ":1"], GuiStart(None, ("-display", ":1"))),
])
def test_only_gui_arguments_start_the_gui(argv: list[str], start: GuiStart) -> None:
    assert dispatch(argv) == start


def test_a_platform_or_display_option_skips_the_display_check() -> None:
    import main

    assert GuiStart(None, ("-platform", "offscreen")).platform_given()
    assert GuiStart(None, ("--display", ":0")).platform_given()
    assert not GuiStart("x", ("-style", "fusion")).platform_given()
    assert main.no_display(False, {}, "linux") is not None
    assert main.no_display(False, {"DISPLAY": ":0"}, "linux") is None
    assert main.no_display(False, {"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert main.no_display(False, {"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert main.no_display(True, {}, "linux") is None
    assert main.no_display(False, {}, "win32") is None


def test_usage_errors_in_process_print_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["frobnicate"], ["db"], ["db", "upgrade", "--ulr", "x"], ["-platform"], ["--profle", "x"]):
        assert dispatch(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("wardstation: "), err

