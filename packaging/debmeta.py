"""Text of every generated packaging file: UOS info JSON, desktop entries, control, launcher.

Pure functions (no I/O) so tests/unit/packaging checks them; build_debs.py writes them out.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import List, Optional

APPID = "cn.wardstation.workstation"
APPDIR = f"/opt/apps/{APPID}"
FILES = f"{APPDIR}/files"
BUNDLE = f"{FILES}/lib/wardstation"
LAUNCHER = f"{FILES}/bin/wardstation"
COMMAND = "wardstation"
NAME_EN = "WardStation"
NAME_ZH = "病区工作站"
MAINTAINER = "WardStation Team <it@wardstation.cn>"
HOMEPAGE = "https://wardstation.cn/"
# The libraries PyInstaller deliberately leaves out (graphics stack) and the C library itself, and
# the D-Bus client library the bundle leaves to the system (bundle_filter.SYSTEM_LIBS): package
# names that Debian 10/11, UOS 20 and Kylin V10 share.
BASE_DEPENDS = ("libgl1", "libegl1", "libxcb1", "libdbus-1-3")


@dataclass(frozen=True)
class Variant:
    """One .deb flavour: UOS reads /opt/apps/<appid>/entries, Kylin reads /usr/share/applications."""

    key: str
    package: str
    other_package: str
    desktop_in_usr: bool


UOS = Variant("uos", APPID, COMMAND, desktop_in_usr=False)
KYLIN = Variant("kylin", COMMAND, APPID, desktop_in_usr=True)
VARIANTS = (UOS, KYLIN)


def project_version(pyproject_text: str) -> str:
    """The [project] version from pyproject.toml (regex: Python 3.9 has no tomllib)."""
    match = re.search(r'(?ms)^\[project\].*?^version\s*=\s*"([^"]+)"', pyproject_text)
    if not match:
        raise ValueError("no version in [project] of pyproject.toml")
    return match.group(1)


def deb_filename(package: str, version: str, arch: str) -> str:
    return f"{package}_{version}_{arch}.deb"


def info_json(version: str, arch: str) -> str:
    """UOS /opt/apps/<appid>/info: the store reads appid, name, version, arch and permissions."""
    info = {
        "appid": APPID,
        "name": NAME_EN,
        "version": version,
        "arch": [arch],
        "permissions": {
            "autostart": False,
            "notification": False,
            "trayicon": False,
            "clipboard": True,
            "account": False,
            "bluetooth": False,
            "camera": False,
            "audio_record": False,
            "installed_apps": False,
        },
    }
    return json.dumps(info, indent=2, ensure_ascii=False) + "\n"


def desktop_entry(version: str, exec_path: str) -> str:
    """A freedesktop entry; Chinese name first for zh_CN desktops, English as the fallback."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        f"Name={NAME_EN}",
        f"Name[zh_CN]={NAME_ZH}",
        "GenericName=Ward Workstation",
        "GenericName[zh_CN]=住院医生护士工作站",
        "Comment=Inpatient doctor and nurse workstation",
        "Comment[zh_CN]=住院医生工作站与护士工作站",
        f"Exec={exec_path}",
        f"Icon={APPID}",
        "Terminal=false",
        "Categories=Office;MedicalSoftware;Science;",
        "Keywords=hospital;ward;nurse;doctor;HIS;病区;护士;医生;",
        "StartupNotify=true",
        f"StartupWMClass={NAME_EN}",
        "X-Deepin-Vendor=user-custom",
        f"X-WardStation-Version={version}",
        "",
    ])


def control(variant: Variant, version: str, arch: str, installed_kb: int, glibc_floor: str,
            description: Optional[List[str]] = None) -> str:
    """DEBIAN/control. The two variants install the same files, so each conflicts with the other."""
    depends = [f"libc6 (>= {glibc_floor})", *BASE_DEPENDS]
    body = description or [
        "WardStation is a desktop clinical workstation for Chinese hospital wards:",
        "the inpatient doctor workstation and the nurse workstation (orders, medical",
        "records, vital signs, nursing records). It talks to Dameng, KingbaseES,",
        "Oracle, PostgreSQL or SQLite and keeps working offline on a local copy.",
        "",
        f"This is the {'Kylin' if variant is KYLIN else 'UOS'} package: a self-contained bundle with",
        "Python, Qt, the database drivers and a CJK font.",
    ]
    lines = [
        f"Package: {variant.package}",
        f"Version: {version}",
        f"Architecture: {arch}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {installed_kb}",
        f"Depends: {', '.join(depends)}",
        "Suggests: fcitx5, gnome-keyring",
        f"Conflicts: {variant.other_package}",
        f"Replaces: {variant.other_package}",
        "Section: misc",
        "Priority: optional",
        f"Homepage: {HOMEPAGE}",
        "Description: ward doctor and nurse workstation (WardStation)",
    ]
    lines += [f" {line}" if line else " ." for line in body]
    return "\n".join(lines) + "\n"


def launcher() -> str:
    """/usr/bin/wardstation and the desktop Exec: input method, fonts, then the bundle.

    The PySide6 wheel has no fcitx plugin; fcitx5 also speaks the ibus protocol (and its D-Bus
    portal), so while fcitx5 runs and QT_IM_MODULE is unset or asks for fcitx, use ibus through the
    portal. QT_QPA_PLATFORM stays as it is.
    """
    return f"""#!/bin/sh
# WardStation launcher (generated by packaging/debmeta.py). Configuration and data live in the
# user's XDG directories; nothing here writes below /opt.
fcitx5_running() {{
    for comm in /proc/[0-9]*/comm; do
        {{ read -r name < "$comm"; }} 2>/dev/null || continue
        [ "$name" = fcitx5 ] && return 0
    done
    return 1
}}
case "${{QT_IM_MODULE:-}}" in
    ""|fcitx|fcitx5)
        if fcitx5_running; then
            # The portal route goes over the session bus; fcitx5 may leave the ibus address file empty.
            QT_IM_MODULE=ibus
            IBUS_USE_PORTAL=${{IBUS_USE_PORTAL:-1}}
            export QT_IM_MODULE IBUS_USE_PORTAL
        fi ;;
esac
# The bundled CJK font, added to the system's fonts (unless the user chose a fontconfig file).
if [ -z "${{FONTCONFIG_FILE:-}}" ]; then
    FONTCONFIG_FILE={FILES}/share/fonts.conf
    export FONTCONFIG_FILE
fi
exec {BUNDLE}/wardstation "$@"
"""


def fonts_conf() -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- The system's fonts plus the CJK font inside the WardStation bundle; cache in ~/.cache. -->
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{BUNDLE}/_internal/resources/fonts</dir>
  <cachedir prefix="xdg">fontconfig</cachedir>
</fontconfig>
"""


def copyright_file() -> str:
    return f"""Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: {NAME_EN}
Source: {HOMEPAGE}

Files: *
Copyright: 2025 WardStation Team
License: proprietary
 All rights reserved. The bundle under {BUNDLE} also contains third-party
 components under their own licences: CPython (PSF-2.0), Qt 6 and PySide6 (LGPL-3.0),
 SQLAlchemy, Alembic (MIT), psycopg2, ksycopg2 (LGPL-3.0), dmPython (Dameng),
 python-oracledb (Apache-2.0 / UPL-1.0), sqlcipher3 (zlib/BSD), reportlab (BSD),
 pypinyin (MIT), keyring (MIT), argon2-cffi (MIT), the WenQuanYi Zen Hei font
 (GPL-2.0 with font embedding exception).
"""


def changelog(package: str, version: str, date_rfc2822: str) -> str:
    return (f"{package} ({version}) unstable; urgency=medium\n\n"
            f"  * Release {version}.\n\n -- {MAINTAINER}  {date_rfc2822}\n")


def manpage(version: str) -> str:
    return f""".TH WARDSTATION 1 "" "WardStation {version}" "User Commands"
.SH NAME
wardstation \\- ward doctor and nurse workstation (\\[u75C5]\\[u533A]\\[u5DE5]\\[u4F5C]\\[u7AD9])
.SH SYNOPSIS
.B wardstation
[\\-\\-profile NAME]
.br
.B wardstation
db upgrade|sql|... | check \\-\\-url URL | demo seed \\-\\-url URL | audit verify \\-\\-url URL
.SH DESCRIPTION
Without a sub-command, starts the graphical workstation. The sub-commands are for hospital IT;
run \\fBwardstation \\-\\-help\\fR for the list. Settings and data are kept in the user's XDG
directories (~/.config, ~/.local/share).
.SH ENVIRONMENT
.TP
.B QT_IM_MODULE
left alone unless unset or "fcitx" while fcitx5 runs: then "ibus" (fcitx5 answers the ibus protocol).
"""


# Each accepted lintian tag with the reason; README.md "Packaging (make deb)" repeats them.
LINTIAN_OVERRIDES = {
    "dir-or-file-in-opt": "UOS requires /opt/apps/<appid>; the Kylin variant installs the same tree",
    "hardening-no-pie": "the PyInstaller bootloader as shipped in its wheel",
    "duplicate-font-file": "reportlab's Vera fonts, kept so PDFs render without system fonts",
    "truetype-font-prohibits-installable-embedding": "same Vera fonts; reportlab only previews/prints",
    "embedded-library": "a PyInstaller bundle: one tested set of libraries for Kylin and UOS alike",
    "custom-library-search-path": "ksycopg2's libkci carries its vendor's build RUNPATH (unused)",
    "library-not-linked-against-libc": "data-only libraries from the wheels (ICU data)",
    "hardening-no-relro": "vendor-built libraries inside the dmPython wheel (dmssl)",
    "shared-library-lacks-prerequisites": "Python extensions resolve symbols from the bundled libpython",
}


def lintian_overrides(package: str) -> str:
    return "".join(f"# {why}\n{package}: {tag}\n" for tag, why in LINTIAN_OVERRIDES.items())
