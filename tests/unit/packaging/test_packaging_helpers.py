"""The pure-Python packaging helpers: glibc floor check, generated metadata, bundle slimming.

The slow end-to-end check (debootstrap, install, Xvfb) is `make deb-test`; these run in CI.
"""

from __future__ import annotations

import configparser
import json
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_filter  # noqa: E402
import debmeta  # noqa: E402
import glibc_check  # noqa: E402


def _elf_with_needs(needs: dict[str, list[str]]) -> bytes:
    """A minimal 64-bit little-endian ELF holding only a .dynstr and a .gnu.version_r section."""
    strtab = b"\0"
    offsets: dict[str, int] = {}
    for name in [*needs, *(v for vs in needs.values() for v in vs)]:
        if name not in offsets:
            offsets[name] = len(strtab)
            strtab += name.encode() + b"\0"
    verneed = b""
    files = list(needs.items())
    for i, (lib, versions) in enumerate(files):
        vn_next = 0 if i == len(files) - 1 else 16 + 16 * len(versions)
        verneed += struct.pack("<HHIII", 1, len(versions), offsets[lib], 16, vn_next)
        for j, version in enumerate(versions):
            vna_next = 0 if j == len(versions) - 1 else 16
            verneed += struct.pack("<IHHII", 0, 0, 2 + j, offsets[version], vna_next)
    ehsize = 64
    strtab_off = ehsize
    verneed_off = strtab_off + len(strtab)
    shoff = verneed_off + len(verneed)
    header = bytearray(ehsize)
    header[:6] = b"\x7fELF\x02\x01"
    struct.pack_into("<Q", header, 0x28, shoff)
    struct.pack_into("<HH", header, 0x3A, 64, 3)
    null = bytes(64)
    sh_str = struct.pack("<IIQQQQIIQQ", 0, 3, 0, 0, strtab_off, len(strtab), 0, 0, 1, 0)
    sh_vn = struct.pack(
        "<IIQQQQIIQQ", 0, glibc_check.SHT_GNU_VERNEED, 0, 0, verneed_off, len(verneed), 1, len(files), 8, 0
    )
    return bytes(header) + strtab + verneed + null + sh_str + sh_vn


def test_version_needs_reads_every_library_and_version() -> None:
    data = _elf_with_needs(
        {
            "libc.so.6": ["GLIBC_2.2.5", "GLIBC_2.34"],
            "libstdc++.so.6": ["GLIBCXX_3.4.30"],
            "libm.so.6": ["GLIBC_2.29"],
        }
    )
    needs = glibc_check.version_needs(data)
    assert needs == {
        "libc.so.6": ["GLIBC_2.2.5", "GLIBC_2.34"],
        "libstdc++.so.6": ["GLIBCXX_3.4.30"],
        "libm.so.6": ["GLIBC_2.29"],
    }
    assert glibc_check.highest_glibc(needs) == (2, 34)


def test_versions_compare_numerically_and_ignore_other_namespaces() -> None:
    assert glibc_check.glibc_version("GLIBC_2.9") < glibc_check.glibc_version("GLIBC_2.28")  # type: ignore[operator]
    assert glibc_check.glibc_version("GLIBCXX_3.4.30") is None
    assert glibc_check.glibc_version("GLIBC_PRIVATE") is None
    assert glibc_check.highest_glibc({"libstdc++.so.6": ["GLIBCXX_3.4.30"]}) is None


def test_check_fails_above_the_floor_and_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "old.so").write_bytes(_elf_with_needs({"libc.so.6": ["GLIBC_2.17"]}))
    (tmp_path / "new.so").write_bytes(_elf_with_needs({"libc.so.6": ["GLIBC_2.34"]}))
    (tmp_path / "notes.txt").write_text("not an ELF")
    assert glibc_check.main([str(tmp_path), "--floor", "2.31"]) == 1
    out = capsys.readouterr().out
    assert "TOO NEW GLIBC_2.34" in out and "new.so" in out
    assert "2 ELF files, highest GLIBC_2.34" in out
    assert glibc_check.main([str(tmp_path), "--floor", "2.34", "--quiet"]) == 0


@pytest.mark.skipif(shutil.which("objdump") is None, reason="binutils not installed")
def test_agrees_with_objdump_on_a_real_binary() -> None:
    binary = Path(sys.executable).resolve()
    out = subprocess.run(["objdump", "-p", str(binary)], capture_output=True, text=True, check=True).stdout
    expected = {glibc_check.glibc_version(w) for w in out.split() if w.startswith("GLIBC_")} - {None}
    assert glibc_check.highest_glibc(glibc_check.version_needs(binary.read_bytes())) == max(expected)  # type: ignore[type-var]


def test_uos_info_json_has_the_fields_the_store_reads() -> None:
    info = json.loads(debmeta.info_json("1.2.3", "amd64"))
    assert info["appid"] == "cn.wardstation.workstation" == debmeta.APPID
    assert info["version"] == "1.2.3" and info["arch"] == ["amd64"]
    assert isinstance(info["permissions"], dict)


@pytest.mark.parametrize("exec_path", [debmeta.LAUNCHER, debmeta.COMMAND])
def test_desktop_entry_is_valid_ini_with_chinese_name(exec_path: str) -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(debmeta.desktop_entry("1.0", exec_path))
    entry = parser["Desktop Entry"]
    assert entry["Exec"] == exec_path and entry["Type"] == "Application"
    assert entry["Name[zh_CN]"] == "病区工作站" and entry["Icon"] == debmeta.APPID
    assert entry["Categories"].endswith(";")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    path = tmp_path / f"{debmeta.APPID}.desktop"
    path.write_text(debmeta.desktop_entry("1.0", debmeta.LAUNCHER), encoding="utf-8")
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_control_files_conflict_with_each_other_and_require_the_glibc_floor() -> None:
    uos = debmeta.control(debmeta.UOS, "0.1.0", "amd64", 123456, "2.31")
    kylin = debmeta.control(debmeta.KYLIN, "0.1.0", "amd64", 123456, "2.31")
    fields = dict(
        line.split(": ", 1) for line in uos.splitlines() if ": " in line and not line.startswith(" ")
    )
    assert fields["Package"] == debmeta.APPID and fields["Installed-Size"] == "123456"
    assert fields["Depends"].startswith("libc6 (>= 2.31)")
    assert fields["Conflicts"] == "wardstation"
    assert "Package: wardstation\n" in kylin and f"Conflicts: {debmeta.APPID}" in kylin
    # Extended description lines start with a space; empty ones are " ."
    body = uos.split("Description: ", 1)[1].splitlines()[1:]
    assert body and all(line.startswith(" ") for line in body) and " ." in body


def test_project_version_read_from_pyproject() -> None:
    assert debmeta.project_version((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    with pytest.raises(ValueError):
        debmeta.project_version('[tool.x]\nversion = "1"\n')


def _run_launcher(tmp_path: Path, env: dict[str, str], fcitx: bool) -> dict[str, str]:
    """Run the generated launcher with the bundle replaced by `env`, a fake fcitx5 maybe running."""
    script = debmeta.launcher().replace(f"exec {debmeta.BUNDLE}/wardstation", "exec env")
    launcher = tmp_path / "wardstation"
    launcher.write_text(script)
    launcher.chmod(0o755)
    proc = None
    if fcitx:
        fake = tmp_path / "fcitx5"  # /proc/PID/comm is the file name of the program run
        if not fake.exists():
            shutil.copy(shutil.which("sleep") or "/bin/sleep", fake)
        proc = subprocess.Popen([str(fake), "30"])
    try:
        out = subprocess.run(
            [str(launcher)], env={"PATH": "/usr/bin:/bin", **env}, capture_output=True, text=True, check=True
        ).stdout
    finally:
        if proc:
            proc.kill()
            proc.wait()
    return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)


def _real_fcitx5_running() -> bool:
    for comm in Path("/proc").glob("[0-9]*/comm"):
        try:
            if comm.read_text().strip() == "fcitx5":
                return True
        except OSError:
            continue
    return False


def test_launcher_routes_input_through_ibus_only_when_fcitx5_runs(tmp_path: Path) -> None:
    with_fcitx = _run_launcher(tmp_path, {"QT_IM_MODULE": "fcitx"}, fcitx=True)
    assert with_fcitx["QT_IM_MODULE"] == "ibus" and with_fcitx["IBUS_USE_PORTAL"] == "1"
    unset = _run_launcher(tmp_path, {}, fcitx=True)
    assert unset["QT_IM_MODULE"] == "ibus"
    if _real_fcitx5_running():
        pytest.skip("a real fcitx5 runs on this machine: cannot check the 'not running' case")
    without = _run_launcher(tmp_path, {"QT_IM_MODULE": "fcitx"}, fcitx=False)
    assert without["QT_IM_MODULE"] == "fcitx" and "IBUS_USE_PORTAL" not in without


def test_launcher_keeps_user_choices(tmp_path: Path) -> None:
    env = _run_launcher(
        tmp_path,
        {"QT_IM_MODULE": "xim", "QT_QPA_PLATFORM": "wayland", "FONTCONFIG_FILE": "/etc/my.conf"},
        fcitx=True,
    )
    assert env["QT_IM_MODULE"] == "xim" and env["QT_QPA_PLATFORM"] == "wayland"
    assert env["FONTCONFIG_FILE"] == "/etc/my.conf"
    assert _run_launcher(tmp_path, {}, fcitx=False)["FONTCONFIG_FILE"].startswith(debmeta.FILES)


def test_bundle_filter_keeps_chinese_qt_translations_and_drops_the_rest() -> None:
    keep = bundle_filter.keep_entry
    assert keep("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep("PySide6/Qt/translations/qt_help_zh_CN.qm")
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so")
    assert not keep("PySide6/Qt/plugins/platforms/libqwayland-egl.so")
    assert not keep("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so")
    assert not keep("psycopg2/tests/test_connection.py")
    assert not keep("reportlab/fonts/zx______.pfb") and keep("reportlab/fonts/Vera.ttf")
    assert keep("app/store/migrations/versions/0001_initial.py")


def test_bundle_filter_keeps_qt_modules_the_sources_name() -> None:
    used = bundle_filter.qt_modules_used(["from PySide6.QtPrintSupport import QPrinter", "QtCharts"])
    assert {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtCharts"} <= set(used)
    excluded = bundle_filter.qt_excludes(used)
    assert "PySide6.QtQml" in excluded and "PySide6.QtWebEngineCore" in excluded
    assert "PySide6.QtPrintSupport" not in excluded and "PySide6.QtWidgets" not in excluded
    assert not bundle_filter.keep_resource("resources/translations/en.ts")
    assert bundle_filter.keep_resource("resources/translations/en.qm")
