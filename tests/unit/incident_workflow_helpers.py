"""Snapshots in any state and valid data for any action, shared by the workflow tests."""
from __future__ import annotations

from datetime import datetime, timedelta

from console.domain.incident_workflow import Action, IncidentSnapshot

NOW = datetime(2026, 11, 30, 9, 0)
DEADLINE = datetime(2026, 12, 3, 9, 0)
FILED = {"category": "litter", "grid_id": 6, "deadline": DEADLINE}
ASSIGNED = dict(FILED, assignee_org_id=10)


def snapshot_in(state: str) -> IncidentSnapshot:
    """A consistent case in `state`, as the lifecycle would leave it."""
    fields: dict = {}
    if state in ("filed", "returned"):
        fields = FILED
    elif state in ("dispatched", "signed", "handling", "handled", "verifying", "rework"):
        fields = ASSIGNED
    elif state in ("closed", "evaluated", "archived"):
        fields = dict(ASSIGNED, closed_at=NOW - timedelta(days=1))
    elif state == "duplicate":
        fields = {"duplicate_of_id": 99}
    return IncidentSnapshot(id=1, state=state, **fields)


def valid_data(action: Action) -> dict:
    return {
        Action.REJECT: {"note": "不属于受理范围"},
        Action.MARK_DUPLICATE: {"of": 99},
        Action.FILE: dict(FILED),
        Action.DISPATCH: {"assignee_org_id": 10, "deadline": DEADLINE},
        Action.RETURN: {"note": "非本部门职责"},
        Action.EXTEND: {"deadline": DEADLINE + timedelta(days=2)},
        Action.COOPERATE: {"cooperating_org_id": 11},
        Action.REWORK: {"note": "现场仍有垃圾"},
        Action.ESCALATE: {"deadline": DEADLINE + timedelta(days=5)},
        Action.SUPERVISE: {"due": NOW + timedelta(days=1), "note": "请尽快办结"},
        Action.RECALL: {"by": "op", "dispatched_by": "op", "dispatched_at": NOW - timedelta(seconds=5),
                        "deadline": DEADLINE},
    }.get(action, {})
