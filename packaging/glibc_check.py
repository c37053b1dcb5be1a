"""List every ELF file in a bundle with the highest GLIBC_ symbol version it needs; fail above a floor.

Reads the ELF version-needs section (.gnu.version_r) directly, so it needs no binutils and gives
the same answer `objdump -p` prints under "Version References". Usage:
    python packaging/glibc_check.py BUNDLE_DIR [--floor 2.28] [--quiet]
Exit 0 when nothing needs more than the floor, 1 otherwise.
"""
from __future__ import annotations

import argparse
import re
import struct
import sys
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

ELF_MAGIC = b"\x7fELF"
SHT_GNU_VERNEED = 0x6FFFFFFE
_GLIBC = re.compile(r"^GLIBC_(\d+(?:\.\d+)*)$")

Version = Tuple[int, ...]


def parse_version(text: str) -> Version:
    """'2.31' -> (2, 31): comparable tuples."""
    return tuple(int(part) for part in text.split("."))


def format_version(version: Version) -> str:
    return ".".join(str(part) for part in version)


def glibc_version(name: str) -> Optional[Version]:
    """The version in a 'GLIBC_2.28' symbol-version name; None for GLIBCXX_, GLIBC_PRIVATE etc."""
    match = _GLIBC.match(name)
    return parse_version(match.group(1)) if match else None


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == ELF_MAGIC
    except OSError:
        return False


def version_needs(data: bytes) -> Dict[str, List[str]]:
    """{library file name: [version names]} from an ELF image's SHT_GNU_verneed section."""
    if data[:4] != ELF_MAGIC:
        raise ValueError("not an ELF file")
    is64 = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    if is64:
        shoff, = struct.unpack_from(end + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
        sh_fmt = end + "IIQQQQIIQQ"
    else:
        shoff, = struct.unpack_from(end + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x2E)
        sh_fmt = end + "IIIIIIIIII"
    sections = [struct.unpack_from(sh_fmt, data, shoff + i * shentsize) for i in range(shnum)]
    needs: Dict[str, List[str]] = {}
    for sec in sections:
        if sec[1] != SHT_GNU_VERNEED:
            continue
        offset, link, count = sec[4], sec[6], sec[7]  # sh_offset, sh_link (strtab), sh_info (entries)
        strtab = sections[link][4]

        def string(at: int, base: int = strtab) -> str:
            stop = data.index(b"\0", base + at)
            return data[base + at:stop].decode("ascii", "replace")

        pos = offset
        for _ in range(count):
            _vn_version, vn_cnt, vn_file, vn_aux, vn_next = struct.unpack_from(end + "HHIII", data, pos)
            names = needs.setdefault(string(vn_file), [])
            aux = pos + vn_aux
            for _ in range(vn_cnt):
                _hash, _flags, _other, vna_name, vna_next = struct.unpack_from(end + "IHHII", data, aux)
                names.append(string(vna_name))
                if not vna_next:
                    break
                aux += vna_next
            if not vn_next:
                break
            pos += vn_next
    return needs


def highest_glibc(needs: Dict[str, List[str]]) -> Optional[Version]:
    versions = [v for names in needs.values() for v in map(glibc_version, names) if v is not None]
    return max(versions) if versions else None


def scan(root: Path) -> Iterator[Tuple[Path, Optional[Version]]]:
    """Every ELF file under root (symlinks skipped: their targets are scanned) and its GLIBC need."""
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file() or not is_elf(path):
            continue
        yield path, highest_glibc(version_needs(path.read_bytes()))


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--floor", default="2.28",
                        help="highest GLIBC version allowed (default 2.28, UOS 20)")
    parser.add_argument("--quiet", action="store_true", help="print only offenders and the summary")
    args = parser.parse_args(argv)
    floor = parse_version(args.floor)
    worst: Optional[Version] = None
    worst_file = ""
    count = 0
    offenders = 0
    for path, need in scan(args.bundle):
        count += 1
        over = need is not None and need > floor
        offenders += over
        if need is not None and (worst is None or need > worst):
            worst, worst_file = need, str(path.relative_to(args.bundle))
        if over or not args.quiet:
            shown = format_version(need) if need else "-"
            print(f"{'TOO NEW ' if over else ''}GLIBC_{shown:<6} {path.relative_to(args.bundle)}")
    summary = format_version(worst) if worst else "none"
    print(f"glibc_check: {count} ELF files, highest GLIBC_{summary} ({worst_file}), floor {args.floor}: "
          f"{'FAIL, ' + str(offenders) + ' above the floor' if offenders else 'ok'}")
    return 1 if offenders else 0


if __name__ == "__main__":
    sys.exit(main())
