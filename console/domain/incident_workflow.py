"""The incident lifecycle of DESIGN.md as a pure state machine: which action may move a case from which
state, who may take it, what data it needs, and why a refused one is refused.

`apply()` never mutates: it returns the new snapshot and the history entry, so the service layer writes both
in one transaction and the property tests can run thousands of random sequences without a database."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from console.domain.deadlines import LEVELS, next_level
from console.domain.incident_history_notes import encode_note
from console.domain.incident_states import STATE_LABELS
from console.domain.messages import Explained, Message, explain
from console.domain.roles import Role


class Action(StrEnum):
    ACCEPT = "accept"
    REJECT = "reject"
    MARK_DUPLICATE = "mark_duplicate"
    FILE = "file"
    DISPATCH = "dispatch"
    SIGN = "sign"
    RETURN = "return"
    START = "start"
    EXTEND = "extend"
    COOPERATE = "cooperate"
    FEEDBACK = "feedback"
    VERIFY = "verify"
    CLOSE = "close"
    REWORK = "rework"
    RESUME = "resume"
    EVALUATE = "evaluate"
    ARCHIVE = "archive"
    ESCALATE = "escalate"
    SUPERVISE = "supervise"
    REMIND = "remind"
    RECALL = "recall"


ACTION_LABELS = {
    Action.ACCEPT: "受理", Action.REJECT: "不予受理", Action.MARK_DUPLICATE: "重复/合并", Action.FILE: "立案",
    Action.DISPATCH: "派遣", Action.SIGN: "签收", Action.RETURN: "回退", Action.START: "开始处置",
    Action.EXTEND: "延期", Action.COOPERATE: "协同", Action.FEEDBACK: "处置反馈", Action.VERIFY: "核查",
    Action.CLOSE: "结案", Action.REWORK: "返工", Action.RESUME: "重新处置", Action.EVALUATE: "评价",
    Action.ARCHIVE: "归档", Action.ESCALATE: "上报升级", Action.SUPERVISE: "督办",
    Action.REMIND: "催办", Action.RECALL: "撤回派遣",
}

_OPEN_AFTER_FILING = ("filed", "dispatched", "signed", "returned", "handling", "handled", "verifying", "rework")

TRANSITIONS: dict[Action, dict[str, str | None]] = {
    Action.ACCEPT: {"reported": "accepted"},
    Action.REJECT: {"reported": "rejected"},
    Action.MARK_DUPLICATE: {"reported": "duplicate", "accepted": "duplicate"},
    Action.FILE: {"accepted": "filed"},
    Action.DISPATCH: {"filed": "dispatched", "returned": "dispatched"},
    Action.SIGN: {"dispatched": "signed"},
    Action.RETURN: {"dispatched": "returned", "signed": "returned"},
    Action.START: {"signed": "handling"},
    Action.EXTEND: {"handling": None},
    Action.COOPERATE: {"handling": None},
    Action.FEEDBACK: {"handling": "handled"},
    Action.VERIFY: {"handled": "verifying"},
    Action.CLOSE: {"verifying": "closed"},
    Action.REWORK: {"verifying": "rework"},
    Action.RESUME: {"rework": "handling"},
    Action.EVALUATE: {"closed": "evaluated"},
    Action.ARCHIVE: {"closed": "archived", "evaluated": "archived"},
    Action.ESCALATE: {s: None for s in _OPEN_AFTER_FILING},
    Action.SUPERVISE: {s: None for s in ("accepted", *_OPEN_AFTER_FILING)},
    Action.REMIND: {s: None for s in ("accepted", *_OPEN_AFTER_FILING)},
    Action.RECALL: {"dispatched": "filed"},
}
"""action → {from state: to state}; None keeps the state (the action is still recorded in the history)."""

_SUPERVISOR_ONLY = frozenset({Action.EXTEND, Action.SUPERVISE, Action.REMIND, Action.EVALUATE, Action.ARCHIVE})
ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.OPERATOR: frozenset(Action) - _SUPERVISOR_ONLY,
    Role.SUPERVISOR: frozenset(Action),
    Role.ADMIN: frozenset(Action),
    Role.WALL: frozenset(),
}
"""Operators run the case; extensions, supervision orders and reminders, evaluation and archiving need a
supervisor."""
RECALL_WINDOW = timedelta(minutes=2)
"""How long after a dispatch its dispatcher may take it back (the board's undo): long enough for a slow
network, short enough that nobody has started on the case. Later, only a 回退 by the assignee moves it."""


class RefusalCode(StrEnum):
    ROLE = "role_forbidden"
    STATE = "state_forbidden"
    MISSING = "missing_data"
    INVALID = "invalid_data"


class TransitionRefused(Explained):
    """A forbidden action; `code` is for programs, the message for the person who tried it."""

    def __init__(self, code: RefusalCode, message: Message) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class IncidentSnapshot:
    """The fields of a case the rules read and change."""

    id: int
    state: str = "reported"
    level: str = "community"
    category: str | None = None
    grid_id: int | None = None
    deadline: datetime | None = None
    assignee_org_id: int | None = None
    assignee_worker_id: int | None = None
    duplicate_of_id: int | None = None
    closed_at: datetime | None = None


@dataclass(frozen=True)
class Transition:
    action: Action
    from_state: str
    to_state: str
    changes: dict[str, Any]
    note: str
    after: IncidentSnapshot


def allowed_actions(snapshot: IncidentSnapshot, role: Role) -> list[Action]:
    """Actions the role may try in the snapshot's state (data checks still apply), in lifecycle order."""
    return [a for a in Action if a in ROLE_ACTIONS[Role(role)] and snapshot.state in TRANSITIONS[a]
            and not (a is Action.ESCALATE and next_level(snapshot.level) is None)]


DATA_TYPES: dict[str, type] = {
    "note": str, "of": int, "category": str, "grid_id": int, "deadline": datetime, "due": datetime,
    "assignee_org_id": int, "assignee_worker_id": int, "cooperating_org_id": int,
    "by": str, "dispatched_by": str, "dispatched_at": datetime,
}


def _typed(key: str, value: Any, action: Action) -> Any:
    kind = DATA_TYPES[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TransitionRefused(RefusalCode.INVALID, explain(
            "'{action}' needs '{field}' as a {type}, not {value}.", action=action.value, field=key,
            type=kind.__name__, value=repr(value)))
    return value


def _need(data: dict[str, Any], key: str, action: Action) -> Any:
    value = data.get(key)
    if value is None or value == "":
        raise TransitionRefused(RefusalCode.MISSING,
                                explain("'{action}' needs '{field}'.", action=action.value, field=key))
    return _typed(key, value, action)


def _changes(snap: IncidentSnapshot, action: Action, now: datetime, data: dict[str, Any]) -> dict[str, Any]:
    """The field changes `action` makes, after checking its data."""
    if action in (Action.REJECT, Action.RETURN, Action.REWORK):
        _need(data, "note", action)
    if action is Action.RETURN:
        return {"assignee_org_id": None, "assignee_worker_id": None}
    if action is Action.MARK_DUPLICATE:
        of = _need(data, "of", action)
        if of == snap.id:
            raise TransitionRefused(RefusalCode.INVALID, explain("A case cannot be a duplicate of itself."))
        return {"duplicate_of_id": of}
    if action is Action.FILE:
        return {"category": _need(data, "category", action), "grid_id": _need(data, "grid_id", action),
                "deadline": _need(data, "deadline", action)}
    if action is Action.DISPATCH:
        org, worker = data.get("assignee_org_id"), data.get("assignee_worker_id")
        if (org is None) == (worker is None):
            raise TransitionRefused(RefusalCode.MISSING, explain(
                "'dispatch' needs exactly one of 'assignee_org_id' or 'assignee_worker_id'."))
        _need(data, "assignee_org_id" if worker is None else "assignee_worker_id", action)
        return {"assignee_org_id": org, "assignee_worker_id": worker,
                "deadline": _need(data, "deadline", action)}
    if action is Action.EXTEND:
        deadline = _need(data, "deadline", action)
        if snap.deadline is not None and deadline <= snap.deadline:
            raise TransitionRefused(RefusalCode.INVALID,
                                    explain("An extension must move the deadline later."))
        return {"deadline": deadline}
    if action is Action.COOPERATE:
        _need(data, "cooperating_org_id", action)
    if action is Action.ESCALATE:
        target = next_level(snap.level)
        if target is None:
            raise TransitionRefused(RefusalCode.INVALID, explain(
                "The case is already at the top level ({level}).", level=LEVELS[-1]))
        return {"level": target, "deadline": _need(data, "deadline", action)}
    if action is Action.SUPERVISE and _need(data, "due", action) <= now:
        raise TransitionRefused(RefusalCode.INVALID,
                                explain("A supervision order must be due after it is issued."))
    if action is Action.CLOSE:
        return {"closed_at": now}
    if action is Action.RECALL:
        return _recall_changes(now, data)
    return {}


def _recall_changes(now: datetime, data: dict[str, Any]) -> dict[str, Any]:
    """撤回派遣: only the person who dispatched, within RECALL_WINDOW; the case waits for dispatch again as
    filed, unassigned, with the deadline it had before (`deadline`)."""
    by, dispatched_by = _need(data, "by", Action.RECALL), _need(data, "dispatched_by", Action.RECALL)
    dispatched_at = _need(data, "dispatched_at", Action.RECALL)
    if by != dispatched_by:
        raise TransitionRefused(RefusalCode.ROLE, explain(
            "Only {actor}, who dispatched the case, may recall it.", actor=dispatched_by))
    if not dispatched_at <= now <= dispatched_at + RECALL_WINDOW:
        raise TransitionRefused(RefusalCode.STATE, explain(
            "A dispatch can only be recalled within {minutes} minutes.", minutes=RECALL_WINDOW.seconds // 60))
    return {"assignee_org_id": None, "assignee_worker_id": None,
            "deadline": _need(data, "deadline", Action.RECALL)}


def _details(action: Action, changes: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """What the history line records besides the free text: the facts the timeline and queues read back."""
    details = {k: v for k, v in changes.items() if v is not None and k != "closed_at"}
    for key in ("due", "cooperating_org_id"):
        if data.get(key) is not None:
            details[key] = data[key]
    return details


def apply(snapshot: IncidentSnapshot, action: Action | str, role: Role | str, now: datetime,
          **data: Any) -> Transition:
    """Check and perform one action; raises TransitionRefused (nothing changes) when the rules forbid it."""
    try:
        action = Action(action)
    except ValueError:
        raise TransitionRefused(RefusalCode.INVALID,
                                explain("Unknown action {value}.", value=repr(action))) from None
    role = Role(role)
    if action not in ROLE_ACTIONS[role]:
        raise TransitionRefused(RefusalCode.ROLE, explain("The {role} role may not '{action}' a case.",
                                                          role=role.value, action=action.value))
    targets = TRANSITIONS[action]
    if snapshot.state not in targets:
        raise TransitionRefused(RefusalCode.STATE, explain(
            "'{action}' is not allowed on a case in state '{state}'; it needs one of: {states}.",
            action=action.value, state=snapshot.state, states=tuple(targets)))
    if data.get("note") is not None:
        _typed("note", data["note"], action)
    changes = _changes(snapshot, action, now, data)
    to_state = targets[snapshot.state] or snapshot.state
    after = replace(snapshot, state=to_state, **changes)
    note = encode_note(action.value, _details(action, changes, data), data.get("note"))
    return Transition(action, snapshot.state, to_state, changes, note, after)


def check_invariants(snap: IncidentSnapshot) -> list[str]:
    """What must hold in every reachable snapshot; an empty list means valid (used by the property tests)."""
    problems = []
    if snap.state not in STATE_LABELS:
        problems.append(f"unknown state {snap.state}")
    if snap.level not in LEVELS:
        problems.append(f"unknown level {snap.level}")
    filed_states = set(_OPEN_AFTER_FILING) | {"closed", "evaluated", "archived"}
    if snap.state in filed_states and None in (snap.category, snap.grid_id, snap.deadline):
        problems.append(f"{snap.state} without category, grid or deadline")
    unassigned = snap.assignee_org_id is None and snap.assignee_worker_id is None
    if snap.state in filed_states - {"filed", "returned"} and unassigned:
        problems.append(f"{snap.state} without an assignee")
    if (snap.state == "duplicate") != (snap.duplicate_of_id is not None):
        problems.append("duplicate_of set exactly when the state is duplicate")
    if (snap.state in {"closed", "evaluated", "archived"}) != (snap.closed_at is not None):
        problems.append("closed_at set exactly when the case was closed")
    if snap.level != "community" and snap.state not in filed_states:
        problems.append("escalated before filing")
    return problems
