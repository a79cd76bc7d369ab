"""Roles and what each may do."""
from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    WALL = "wall"


ROLE_LABELS = {Role.OPERATOR: "坐席员", Role.SUPERVISOR: "督查员", Role.ADMIN: "管理员", Role.WALL: "大屏"}


def can_manage_users(role: Role) -> bool:
    return role is Role.ADMIN


def can_write(role: Role) -> bool:
    """The wall display only watches."""
    return role is not Role.WALL
