"""Ordering-unit codes (vocab.csv maps every spelling to one of these) and their base units."""
from __future__ import annotations

# Unit code -> (base unit, factor to the base unit).
UNIT_BASE: dict[str, tuple[str, float]] = {
    "g": ("mg", 1000.0), "mg": ("mg", 1.0), "ug": ("mg", 0.001), "ng": ("mg", 0.000001),
    "ml": ("ml", 1.0), "l": ("ml", 1000.0), "iu": ("IU", 1.0), "wan_iu": ("IU", 10000.0),
    "mmol": ("mmol", 1.0), "tab": ("tab", 1.0), "cap": ("cap", 1.0), "amp": ("amp", 1.0),
}
