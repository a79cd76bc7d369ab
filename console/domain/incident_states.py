"""Incident states of the lifecycle in DESIGN.md, their Chinese labels, and which ones count as still open.

The set of finished states lives here once so every count of "open" cases (org tree, inbox, analytics)
agrees."""
from __future__ import annotations

STATE_LABELS: dict[str, str] = {
    "reported": "已上报",
    "accepted": "已受理",
    "rejected": "不予受理",
    "duplicate": "重复",
    "filed": "已立案",
    "dispatched": "已派遣",
    "signed": "已签收",
    "returned": "已回退",
    "handling": "处置中",
    "handled": "处置反馈",
    "verifying": "核查中",
    "rework": "返工",
    "closed": "已结案",
    "evaluated": "已评价",
    "archived": "已归档",
}

FINISHED_STATES: frozenset[str] = frozenset({"closed", "evaluated", "archived", "rejected", "duplicate"})
"""Out of anyone's hands (an evaluated case was closed first): a case in any other state is open."""


def is_open(state: str) -> bool:
    return state not in FINISHED_STATES
