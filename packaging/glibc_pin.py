"""Bind bundled libraries to the older glibc symbol versions that still exist, so they load on 2.28.

glibc 2.29 gave `exp`, `exp2`, `log`, `log2` and `pow` new symbol versions (no SVID error
wrapper) and kept the old ones (`exp@GLIBC_2.2.5` on amd64, `@GLIBC_2.17` on arm64) for binaries
linked earlier. The bullseye builds of libpython3.9, libsqlite3 and libpng16 reference the new
ones, which is all that lifts them above glibc 2.28 (UOS 20). This rewrites, in place, a version
reference above the floor (a `.gnu.version_r` entry: its name and hash) to the newest version at
or below the floor that the same library in the build root defines for every symbol bound through
it, when all those symbols are in SAME_ABI: exactly the reference a link with
`.symver exp,exp@GLIBC_2.2.5` pins would have produced, and what every binary linked on
glibc <= 2.28 carries. Any other reference (`gettid@GLIBC_2.30`, `__libc_start_main@GLIBC_2.34`,
whose old versions behave differently or do not exist) is left alone and reported.
    python packaging/glibc_pin.py BUNDLE --floor 2.28 --root BUILD_ROOT --libdir /lib/x86_64-linux-gnu
Exit 0 when every reference above the floor was pinned (or there was none), 1 otherwise.
"""
from __future__ import annotations

import argparse
import os
import struct
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Set, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
import glibc_check

SHT_DYNSYM = 11
SHT_GNU_VERDEF = 0x6FFFFFFD
SHT_GNU_VERNEED = 0x6FFFFFFE
SHT_GNU_VERSYM = 0x6FFFFFFF
# Functions whose newer glibc version differs from the older one only in error reporting (glibc
# 2.29 dropped the SVID/_LIB_VERSION wrapper; errno and results are the same in POSIX mode).
SAME_ABI = frozenset({"exp", "exp2", "log", "log2", "pow"})


def elf_hash(name: bytes) -> int:
    """The SysV ELF hash that vna_hash / vd_hash hold."""
    h = 0
    for byte in name:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h


@dataclass
class Section:
    type: int
    offset: int
    size: int
    link: int
    info: int
    entsize: int


@dataclass
class Aux:
    """One version reference (Elf_Vernaux): where it sits in the file, and what it names."""

    pos: int
    library: str
    name: str
    index: int


class Elf:
    """Just enough of an ELF image to read symbol versions and patch version references."""

    def __init__(self, data: bytes) -> None:
        if data[:4] != glibc_check.ELF_MAGIC:
            raise ValueError("not an ELF file")
        self.data = bytearray(data)
        self.is64 = data[4] == 2
        self.end = "<" if data[5] == 1 else ">"
        if self.is64:
            shoff, = struct.unpack_from(self.end + "Q", data, 0x28)
            shentsize, shnum = struct.unpack_from(self.end + "HH", data, 0x3A)
            fmt = self.end + "IIQQQQIIQQ"
        else:
            shoff, = struct.unpack_from(self.end + "I", data, 0x20)
            shentsize, shnum = struct.unpack_from(self.end + "HH", data, 0x2E)
            fmt = self.end + "IIIIIIIIII"
        self.sections = []
        for i in range(shnum):
            s = struct.unpack_from(fmt, data, shoff + i * shentsize)
            self.sections.append(Section(s[1], s[4], s[5], s[6], s[7], s[9]))

    def _first(self, kind: int) -> Optional[Section]:
        return next((s for s in self.sections if s.type == kind), None)

    def string(self, strtab: Section, at: int) -> str:
        start = strtab.offset + at
        return bytes(self.data[start:self.data.index(b"\0", start)]).decode("ascii", "replace")

    def symbols(self) -> List[Tuple[str, bool, int]]:
        """(name, defined, version index) for every dynamic symbol."""
        dynsym, versym = self._first(SHT_DYNSYM), self._first(SHT_GNU_VERSYM)
        if dynsym is None or versym is None:
            return []
        strtab = self.sections[dynsym.link]
        size = 24 if self.is64 else 16
        out = []
        for i in range(dynsym.size // size):
            pos = dynsym.offset + i * size
            if self.is64:
                name_at, _info, _other, shndx = struct.unpack_from(self.end + "IBBH", self.data, pos)
            else:
                name_at, = struct.unpack_from(self.end + "I", self.data, pos)
                shndx, = struct.unpack_from(self.end + "H", self.data, pos + 14)
            ver, = struct.unpack_from(self.end + "H", self.data, versym.offset + 2 * i)
            out.append((self.string(strtab, name_at), shndx != 0, ver & 0x7FFF))
        return out

    def definitions(self) -> Dict[str, Set[str]]:
        """{symbol: the version names this library defines it at} (hidden compat versions included)."""
        verdef = self._first(SHT_GNU_VERDEF)
        if verdef is None:
            return {}
        strtab = self.sections[verdef.link]
        names: Dict[int, str] = {}
        pos = verdef.offset
        for _ in range(verdef.info):
            _v, _flags, ndx, cnt, _hash, vd_aux, vd_next = struct.unpack_from(
                self.end + "HHHHIII", self.data, pos)
            if cnt:
                vda_name, = struct.unpack_from(self.end + "I", self.data, pos + vd_aux)
                names[ndx] = self.string(strtab, vda_name)
            if not vd_next:
                break
            pos += vd_next
        out: Dict[str, Set[str]] = {}
        for name, defined, ver in self.symbols():
            if defined and ver in names:
                out.setdefault(name, set()).add(names[ver])
        return out

    def references(self) -> Tuple[List[Aux], Optional[Section]]:
        verneed = self._first(SHT_GNU_VERNEED)
        if verneed is None:
            return [], None
        strtab = self.sections[verneed.link]
        out = []
        pos = verneed.offset
        for _ in range(verneed.info):
            _v, cnt, vn_file, vn_aux, vn_next = struct.unpack_from(self.end + "HHIII", self.data, pos)
            aux = pos + vn_aux
            for _ in range(cnt):
                _hash, _flags, other, name, vna_next = struct.unpack_from(self.end + "IHHII", self.data, aux)
                out.append(Aux(aux, self.string(strtab, vn_file), self.string(strtab, name), other))
                if not vna_next:
                    break
                aux += vna_next
            if not vn_next:
                break
            pos += vn_next
        return out, strtab

    def rename(self, aux: Aux, strtab: Section, new_name: str) -> bool:
        """Point a version reference at new_name (a string already in .dynstr); False if it is not."""
        table = bytes(self.data[strtab.offset:strtab.offset + strtab.size])
        encoded = new_name.encode("ascii") + b"\0"
        at = table.find(b"\0" + encoded)
        if at < 0:
            return False
        struct.pack_into(self.end + "I", self.data, aux.pos, elf_hash(new_name.encode("ascii")))
        struct.pack_into(self.end + "I", self.data, aux.pos + 8, at + 1)
        return True


def find_library(name: str, root: Path, libdirs: Sequence[str]) -> Optional[Path]:
    """A library file inside the build root, following symlinks as the root sees them."""
    for libdir in libdirs:
        path = root / libdir.lstrip("/") / name
        for _ in range(10):
            if not path.is_symlink():
                break
            target = os.readlink(path)
            path = root / target.lstrip("/") if target.startswith("/") else path.parent / target
        if path.is_file():
            return path
    return None


def pin_file(path: Path, floor: glibc_check.Version, root: Path, libdirs: Sequence[str],
             cache: Dict[str, Dict[str, Set[str]]]) -> Tuple[List[str], List[str]]:
    """Rewrite path's references above floor; returns (pinned, left) as human-readable lines."""
    elf = Elf(path.read_bytes())
    refs, strtab = elf.references()
    pinned: List[str] = []
    left: List[str] = []
    for aux in refs:
        version = glibc_check.glibc_version(aux.name)
        if version is None or version <= floor or strtab is None:
            continue
        users = sorted(name for name, defined, ver in elf.symbols() if not defined and ver == aux.index)
        if aux.library not in cache:
            lib = find_library(aux.library, root, libdirs)
            cache[aux.library] = Elf(lib.read_bytes()).definitions() if lib else {}
        defs = cache[aux.library]
        choices: Set[Optional[str]] = set()
        for sym in users:
            older = [(v, name) for name in defs.get(sym, ())
                     for v in [glibc_check.glibc_version(name)] if v is not None and v <= floor]
            choices.add(max(older)[1] if older else None)
        what = f"{aux.library} {aux.name} ({', '.join(users) or 'no symbol'})"
        if not users or not set(users) <= SAME_ABI:
            left.append(f"{what}: not known to keep its ABI in an older version")
            continue
        if None in choices or len(choices) != 1:
            left.append(f"{what}: no common version <= {glibc_check.format_version(floor)}")
            continue
        target = choices.pop()
        assert target is not None
        if not elf.rename(aux, strtab, target):
            left.append(f"{what}: {target} is not in the file's string table")
            continue
        pinned.append(f"{what} -> {target}")
    if pinned:
        mode = path.stat().st_mode
        path.write_bytes(bytes(elf.data))
        path.chmod(mode)
    return pinned, left


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--floor", default="2.28")
    parser.add_argument("--root", type=Path, default=Path("/"), help="the root the bundle was built in")
    parser.add_argument("--libdir", action="append", default=[],
                        help="where the root keeps libc/libm (repeatable), e.g. /lib/x86_64-linux-gnu")
    args = parser.parse_args(argv)
    floor = glibc_check.parse_version(args.floor)
    libdirs = args.libdir or ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/lib"]
    cache: Dict[str, Dict[str, Set[str]]] = {}
    failed = 0
    for path, need in glibc_check.scan(args.bundle):
        if need is None or need <= floor:
            continue
        pinned, left = pin_file(path, floor, args.root, libdirs, cache)
        rel = path.relative_to(args.bundle)
        for line in pinned:
            print(f"glibc_pin: {rel}: {line}")
        for line in left:
            print(f"glibc_pin: {rel}: NOT PINNED {line}")
        failed += bool(left)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
