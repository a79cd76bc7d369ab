"""One action on many cases at once (a multi-selection in the inbox): each case in its own transaction, so a
case someone else moved meanwhile is refused on its own and the others still go through. The result says
which were done and, per refused case, why (who acted first and what the case is now, or the rule)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.incident_workflow import (
    Action,
    IncidentSnapshot,
    RefusalCode,
    TransitionRefused,
    allowed_actions,
)
from console.domain.messages import Message, explain
from console.domain.roles import Role
from console.services.incident_detail import perform
from console.services.incident_errors import ConflictError, IncidentError
from console.services.jurisdiction import Actor, OutsideJurisdiction
from db.models import Incident

BULK_FIELDS: dict[Action, tuple[str, ...]] = {
    Action.ACCEPT: (), Action.REJECT: ("note",), Action.FILE: ("note",), Action.SIGN: (),
    Action.RETURN: ("note",), Action.START: (), Action.FEEDBACK: (), Action.VERIFY: (), Action.CLOSE: (),
    Action.REWORK: ("note",), Action.RESUME: (), Action.EVALUATE: (), Action.ARCHIVE: (), Action.ESCALATE: (),
    Action.SUPERVISE: ("due", "note"), Action.REMIND: ("note",),
}
"""Actions that make sense for many cases at once and what they ask once for all (filing keeps each case's
category and grid). Dispatch, cooperation, extension and merging need a choice per case: not here."""


@dataclass(frozen=True)
class CaseRefusal:
    """`conflict` is true when someone else changed the case first: `by`, `last_action` and `state` say how;
    `why` is `reason` for the console to translate."""

    incident_id: int
    case_no: str
    reason: str
    conflict: bool = False
    by: str | None = None
    last_action: str | None = None
    state: str | None = None
    why: Message | None = None


@dataclass(frozen=True)
class BulkResult:
    action: Action
    done: list[int] = field(default_factory=list)
    refused: list[CaseRefusal] = field(default_factory=list)


def bulk_actions(cases: Iterable[tuple[str, str]], role: Role) -> list[Action]:
    """The bulk actions allowed for every one of the (state, level) cases, in lifecycle order."""
    common: list[Action] | None = None
    for state, level in cases:
        mine = [a for a in allowed_actions(IncidentSnapshot(id=0, state=state, level=level), role)
                if a in BULK_FIELDS]
        common = mine if common is None else [a for a in common if a in mine]
    return common or []


def _refusal(session: Session, incident_id: int,
             exc: TransitionRefused | ConflictError | IncidentError | OutsideJurisdiction) -> CaseRefusal:
    if isinstance(exc, ConflictError):
        last = exc.last
        return CaseRefusal(incident_id, exc.case_no, str(exc), True, last.actor if last else None,
                           last.action if last else None, exc.state, exc.message)
    case_no = session.scalar(select(Incident.case_no).where(Incident.id == incident_id))
    return CaseRefusal(incident_id, case_no or str(incident_id), str(exc), why=exc.message)


def run_bulk(session: Session, actor: Actor, action: Action, cases: Sequence[tuple[int, int]],
             data: dict[str, Any]) -> BulkResult:
    """Perform `action` on each (id, version seen) case, committing each on its own."""
    if action not in BULK_FIELDS:
        raise TransitionRefused(RefusalCode.INVALID, explain(
            "'{action}' cannot be done on several cases at once.", action=action.value))
    result = BulkResult(action)
    for incident_id, version in cases:
        try:
            perform(session, actor, incident_id, action, version, data)
        except (TransitionRefused, ConflictError, IncidentError, OutsideJurisdiction) as exc:
            session.rollback()
            result.refused.append(_refusal(session, incident_id, exc))
        else:
            result.done.append(incident_id)
    return result
