"""glibc_pin: a library built on a new glibc, pinned to glibc 2.28, still loads and computes the same.

Real shared libraries are compiled with this machine's gcc against its glibc (>= 2.29), pinned
with the host's own libm as the reference, then loaded with ctypes.
"""

from __future__ import annotations

import ctypes
import platform
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_filter  # noqa: E402
import debmeta  # noqa: E402
import glibc_check  # noqa: E402
import glibc_pin  # noqa: E402

MATH_C = r"""
#include <errno.h>
#include <math.h>
double ws_exp(double x) { return exp(x); }
double ws_log(double x) { return log(x); }
double ws_pow(double x, double y) { return pow(x, y); }
double ws_log2(double x) { return log2(x); }
double ws_exp2(double x) { return exp2(x); }
int ws_exp_errno(double x) { errno = 0; (void)exp(x); return errno; }
"""
GETTID_C = r"""
#define _GNU_SOURCE
#include <unistd.h>
int ws_tid(void) { return (int)gettid(); }
"""
LIBDIRS = [f"/lib/{platform.machine()}-linux-gnu", f"/usr/lib/{platform.machine()}-linux-gnu"]
PIN_ARGS = ["--floor", "2.28", "--libdir", LIBDIRS[0], "--libdir", LIBDIRS[1]]


def _compile(tmp: Path, name: str, source: str) -> Path:
    if shutil.which("gcc") is None:
        pytest.skip("gcc not installed")
    src = tmp / f"{name}.c"
    src.write_text(source, encoding="utf-8")
    lib = tmp / "bundle" / f"lib{name}.so"
    lib.parent.mkdir(exist_ok=True)
    subprocess.run(["gcc", "-O1", "-fno-builtin", "-shared", "-fPIC", "-o", str(lib), str(src), "-lm"],
                   check=True)
    return lib


def test_elf_hash_matches_the_linker() -> None:
    # objdump -p prints 0x09691a75 for GLIBC_2.2.5 and 0x06969188 for GLIBC_2.28.
    assert glibc_pin.elf_hash(b"GLIBC_2.2.5") == 0x09691A75
    assert glibc_pin.elf_hash(b"GLIBC_2.28") == 0x06969188


def test_new_libm_versions_are_pinned_and_the_library_still_computes_the_same(tmp_path: Path) -> None:
    lib = _compile(tmp_path, "wsmath", MATH_C)
    before = glibc_check.version_needs(lib.read_bytes())
    if "GLIBC_2.29" not in before.get("libm.so.6", []):
        pytest.skip("this glibc predates the 2.29 libm versions")
    new = ctypes.CDLL(str(lib))
    for fn in (new.ws_exp, new.ws_log, new.ws_pow, new.ws_log2, new.ws_exp2):
        fn.restype = ctypes.c_double
    new.ws_exp_errno.argtypes = [ctypes.c_double]
    expected = [new.ws_exp(ctypes.c_double(0.5)), new.ws_log(ctypes.c_double(3.0)),
                new.ws_pow(ctypes.c_double(2.0), ctypes.c_double(0.5)),
                new.ws_log2(ctypes.c_double(10.0)), new.ws_exp2(ctypes.c_double(0.3))]

    pinned_copy = lib.with_name("libwsmath_pinned.so")
    shutil.copyfile(lib, pinned_copy)
    lib.unlink()
    assert glibc_pin.main([str(lib.parent), *PIN_ARGS]) == 0

    after = glibc_check.version_needs(pinned_copy.read_bytes())
    assert glibc_check.highest_glibc(after) <= (2, 28)  # type: ignore[operator]
    old = ctypes.CDLL(str(pinned_copy))
    for fn in (old.ws_exp, old.ws_log, old.ws_pow, old.ws_log2, old.ws_exp2):
        fn.restype = ctypes.c_double
    old.ws_exp_errno.argtypes = [ctypes.c_double]
    got = [old.ws_exp(ctypes.c_double(0.5)), old.ws_log(ctypes.c_double(3.0)),
           old.ws_pow(ctypes.c_double(2.0), ctypes.c_double(0.5)),
           old.ws_log2(ctypes.c_double(10.0)), old.ws_exp2(ctypes.c_double(0.3))]
    assert got == expected
    assert old.ws_exp_errno(1000.0) == new.ws_exp_errno(1000.0) != 0  # ERANGE on overflow, both ways


def test_a_symbol_without_an_equivalent_old_version_is_left_alone(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    lib = _compile(tmp_path, "wstid", GETTID_C)
    if "GLIBC_2.30" not in lib.read_bytes().decode("latin-1"):
        pytest.skip("gettid not versioned 2.30 here")
    data = lib.read_bytes()
    assert glibc_pin.main([str(lib.parent), *PIN_ARGS]) == 1
    assert "NOT PINNED libc.so.6 GLIBC_2.30 (gettid)" in capsys.readouterr().out
    assert lib.read_bytes() == data


def test_libdbus_and_libsystemd_come_from_the_system_and_are_declared() -> None:
    # bullseye's libsystemd.so.0 needs gettid@GLIBC_2.30: it and libdbus-1 (its only user) stay out.
    assert not bundle_filter.keep_entry("libsystemd.so.0")
    assert not bundle_filter.keep_entry("libdbus-1.so.3")
    assert bundle_filter.keep_entry("PySide6/Qt/lib/libQt6DBus.so.6")
    assert bundle_filter.keep_entry("libsqlite3.so.0") and bundle_filter.keep_entry("libpython3.9.so.1.0")
    control = debmeta.control(debmeta.UOS, "0.1.0", "amd64", 1, "2.28")
    depends = next(line for line in control.splitlines() if line.startswith("Depends:"))
    assert "libc6 (>= 2.28)" in depends and "libdbus-1-3" in depends
