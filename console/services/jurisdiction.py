"""The acting user and the part of the district they may see and change.

Every service call takes an `Actor`; queries pass through `within()` so a township operator's results stop
at the township's boundary, whatever the caller asks for."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func
from sqlalchemy.orm import InstrumentedAttribute

from console.domain.messages import Explained, Message, explain
from console.domain.roles import Role


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    display_name: str
    role: Role
    org_unit_id: int
    org_path: str

    def covers(self, org_path: str) -> bool:
        return org_path.startswith(self.org_path)


class OutsideJurisdiction(Explained, PermissionError):
    """The object exists but lies outside the actor's jurisdiction."""


def path_prefix_range(column: InstrumentedAttribute[str], prefix: str) -> ColumnElement[bool]:
    """`column` starts with `prefix`, as an index-friendly range ('~' sorts after digits and '/')."""
    return and_(column >= prefix, column < prefix + "~")


def within(actor: Actor, column: InstrumentedAttribute[str]) -> ColumnElement[bool]:
    return path_prefix_range(column, actor.org_path)


def require_covers(actor: Actor, org_path: str, what: str | Message) -> None:
    if not actor.covers(org_path):
        raise OutsideJurisdiction(explain("{what} lies outside the jurisdiction of {user}.", what=what,
                                          user=actor.username))


def unindexed(expr: ColumnElement) -> ColumnElement:
    """The same value, but no longer a bare column, so the planner cannot pick an index for it."""
    return func.coalesce(expr, expr)
