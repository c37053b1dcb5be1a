"""Assemble the UOS and Kylin .deb files around a built PyInstaller bundle.

    python packaging/build_debs.py --bundle DIST/wardstation --arch amd64 --glibc-floor 2.28 --out DIR
Both packages install the same tree under /opt/apps/<appid>/ and /usr/bin/wardstation; the UOS one
adds entries/ (read by UOS), the Kylin one /usr/share/applications and the hicolor icon.
"""
from __future__ import annotations

import argparse
import email.utils
import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
import debmeta

HERE = Path(__file__).resolve().parent
ICON = HERE / "icons" / "wardstation.svg"


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def _write_gz(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 and no file name: reproducible and what lintian expects.
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, filename="",
                                              mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    path.chmod(0o644)


def _normalise_modes(root: Path) -> None:
    """0755 directories and executables, 0644 everything else (dpkg keeps what it finds)."""
    for dirpath, _dirnames, filenames in os.walk(root):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            p = Path(dirpath) / name
            if p.is_symlink():
                continue
            executable = os.access(p, os.X_OK) and (p.suffix not in (".so",) and ".so." not in p.name)
            p.chmod(0o755 if executable else 0o644)


def _du_kb(root: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            p = Path(dirpath) / name
            if not p.is_symlink():
                total += (p.stat().st_size + 1023) // 1024
    return total


def stage(variant: debmeta.Variant, bundle: Path, root: Path, version: str, arch: str) -> None:
    """Lay out one package's files under root (no DEBIAN/ yet)."""
    appdir = root / debmeta.APPDIR.lstrip("/")
    shutil.copytree(bundle, root / debmeta.BUNDLE.lstrip("/"), symlinks=True)
    _write(root / debmeta.LAUNCHER.lstrip("/"), debmeta.launcher(), 0o755)
    _write(root / debmeta.FILES.lstrip("/") / "share" / "fonts.conf", debmeta.fonts_conf())
    _write(appdir / "info", debmeta.info_json(version, arch))
    desktop_name = f"{debmeta.APPID}.desktop"
    icon_rel = Path("icons/hicolor/scalable/apps") / f"{debmeta.APPID}.svg"
    if variant.desktop_in_usr:
        _write(root / "usr/share/applications" / desktop_name,
               debmeta.desktop_entry(version, debmeta.COMMAND))
        (root / "usr/share" / icon_rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ICON, root / "usr/share" / icon_rel)
    else:
        _write(appdir / "entries/applications" / desktop_name,
               debmeta.desktop_entry(version, debmeta.LAUNCHER))
        (appdir / "entries" / icon_rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ICON, appdir / "entries" / icon_rel)
    (root / "usr/bin").mkdir(parents=True, exist_ok=True)
    os.symlink(debmeta.LAUNCHER, root / "usr/bin" / debmeta.COMMAND)
    doc = root / "usr/share/doc" / variant.package
    _write(doc / "copyright", debmeta.copyright_file())
    _write_gz(doc / "changelog.gz",
              debmeta.changelog(variant.package, version, email.utils.formatdate(0, usegmt=False)))
    _write_gz(root / "usr/share/man/man1" / f"{debmeta.COMMAND}.1.gz", debmeta.manpage(version))
    _write(root / "usr/share/lintian/overrides" / variant.package, debmeta.lintian_overrides(variant.package))
    _normalise_modes(root)


def build(variant: debmeta.Variant, bundle: Path, out: Path, work: Path, version: str, arch: str,
          glibc_floor: str) -> Path:
    root = work / variant.key
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    stage(variant, bundle, root, version, arch)
    installed_kb = _du_kb(root)
    _write(root / "DEBIAN/control", debmeta.control(variant, version, arch, installed_kb, glibc_floor))
    out.mkdir(parents=True, exist_ok=True)
    deb = out / debmeta.deb_filename(variant.package, version, arch)
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", str(root), str(deb)],
                   check=True, stdout=subprocess.DEVNULL)
    return deb


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True)
    parser.add_argument("--arch", default="amd64")
    parser.add_argument("--glibc-floor", default="2.28")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--pyproject", type=Path, default=HERE.parent / "pyproject.toml")
    args = parser.parse_args(argv)
    version = debmeta.project_version(args.pyproject.read_text(encoding="utf-8"))
    for variant in debmeta.VARIANTS:
        deb = build(variant, args.bundle, args.out, args.work, version, args.arch, args.glibc_floor)
        print(f"build_debs: {deb} ({deb.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
