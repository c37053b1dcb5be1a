"""The diagnosis lists a doctor keeps for a stay (CLINICAL.md §5: 入院记录 ends with 初步诊断).

Three lists, each ordered with its main diagnosis (主要诊断) first:

    admission   入院诊断 (初步诊断): what the admitting doctor wrote
    working     修正诊断: the current diagnosis as the stay goes on
    discharge   出院诊断

diagnosis.kind keeps the values the reads already know (app/services/ward.py _KIND_RANK,
app/services/doc_pull.py _DX_RANK, the demo seeding): the working list's first entry is stored
as "primary", the others as "secondary"; the other two lists store their own name. seq_no
orders the entries of one list.
"""
from __future__ import annotations

ADMISSION = "admission"
WORKING = "working"
DISCHARGE = "discharge"
GROUPS: tuple[str, ...] = (ADMISSION, WORKING, DISCHARGE)

PRIMARY = "primary"        # stored kind: the working list's main diagnosis
SECONDARY = "secondary"    # stored kind: the working list's other diagnoses
STORED_KINDS: dict[str, tuple[str, ...]] = {
    ADMISSION: (ADMISSION,), WORKING: (PRIMARY, SECONDARY), DISCHARGE: (DISCHARGE,)}

ACTIVE, REVISED, ERROR = "active", "revised", "error"

NAME_MAX = 120             # diagnosis.name
REASON_MAX = 200


def group_of(kind: str) -> str:
    """The list a stored kind belongs to (an unknown kind is its own list)."""
    if kind in (PRIMARY, SECONDARY):
        return WORKING
    return kind


def stored_kind(group: str, position: int) -> str:
    """The kind stored for the entry at `position` (0 = main) of `group`."""
    if group == WORKING:
        return PRIMARY if position == 0 else SECONDARY
    return group
