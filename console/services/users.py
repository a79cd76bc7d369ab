"""Users, passwords and sign-in. Passwords are hashed with argon2id (a slow KDF)."""
from __future__ import annotations

from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.roles import Role
from console.services.changes import record_change
from console.services.jurisdiction import Actor
from db.models import OrgUnit, User

_hasher = PasswordHasher()
MIN_PASSWORD_LENGTH = 8


class UserError(ValueError):
    """A refused user operation; the text says which field is wrong."""


class AuthenticationError(PermissionError):
    pass


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def actor_for(session: Session, user: User) -> Actor:
    unit = session.get(OrgUnit, user.org_unit_id)
    assert unit is not None
    return Actor(user_id=user.id, username=user.username, display_name=user.display_name, role=Role(user.role),
                 org_unit_id=unit.id, org_path=unit.path)


def system_actor(session: Session, org_code: str | None = None) -> Actor:
    """The console itself acting (seeding, migrations): the whole tree, or one unit's."""
    stmt = select(OrgUnit).where(OrgUnit.code == org_code) if org_code else \
        select(OrgUnit).where(OrgUnit.parent_id.is_(None), OrgUnit.kind == "district")
    unit = session.scalars(stmt.order_by(OrgUnit.id)).first()
    if unit is None:
        raise UserError("The database has no district yet; seed or import org units first.")
    return Actor(user_id=None, username="system", display_name="系统", role=Role.ADMIN, org_unit_id=unit.id,
                 org_path=unit.path)


def create_user(session: Session, username: str, password: str, role: str, org_code: str,
                display_name: str | None = None, actor: str = "system") -> User:
    username = username.strip()
    if not username or len(username) > 64:
        raise UserError("The username must be 1 to 64 characters.")
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise UserError(f"The username {username!r} is taken.")
    try:
        role_value = Role(role)
    except ValueError:
        raise UserError(f"Unknown role {role!r}; expected one of {', '.join(r.value for r in Role)}.") from None
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    unit = session.scalar(select(OrgUnit).where(OrgUnit.code == org_code))
    if unit is None:
        raise UserError(f"No org unit has the code {org_code!r}.")
    user = User(username=username, display_name=display_name or username, password_hash=hash_password(password),
                role=role_value.value, org_unit_id=unit.id, active=True, created_at=datetime.now())
    session.add(user)
    session.flush()
    record_change(session, "user", user.id, "insert", actor)
    return user


def list_users(session: Session) -> list[tuple[User, OrgUnit]]:
    return [tuple(r) for r in session.execute(select(User, OrgUnit).join(OrgUnit, User.org_unit_id == OrgUnit.id)
                                .order_by(User.username))]


def authenticate(session: Session, username: str, password: str) -> Actor:
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None or not user.active:
        raise AuthenticationError("Wrong username or password.")
    try:
        _hasher.verify(user.password_hash, password)
    except (VerifyMismatchError, VerificationError):
        raise AuthenticationError("Wrong username or password.") from None
    return actor_for(session, user)


def actor_by_username(session: Session, username: str) -> Actor:
    """Sign in without a password: only for the embedded demo database's demo operator."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise AuthenticationError(f"No user {username!r} in this database.")
    return actor_for(session, user)
