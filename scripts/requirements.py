"""Print the requirements of pyproject.toml (dependencies + the named extras), one per line.

Used by bootstrap.sh and the packaging build so pyproject.toml stays the single source of truth
without building the project itself as a package.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path


def _load(path: Path) -> dict:  # type: ignore[type-arg]
    try:
        import tomllib  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.9/3.10
        import tomli as tomllib  # type: ignore[no-redef]
    with path.open("rb") as fh:
        return tomllib.load(fh)


def requirements(path: Path, extras: list[str]) -> list[str]:
    project = _load(path)["project"]
    reqs = list(project.get("dependencies", []))
    optional = project.get("optional-dependencies", {})
    for extra in extras:
        if extra not in optional:
            raise SystemExit(f"requirements.py: no extra named {extra!r} in {path}")
        reqs.extend(optional[extra])
    return [re.sub(r"\s+#.*$", "", r).strip() for r in reqs]


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    print("\n".join(requirements(root / "pyproject.toml", sys.argv[1:])))
