"""SMS to premise owners through an outbox: queued in the writer's transaction, delivered later by a gateway.

Why an outbox: the inspection must commit whether or not the SMS provider answers; delivery retries with
exponential backoff and every message shows its state (queued, retry, sent, failed) and last error. The
gateway is pluggable: a folder gateway (one file per message, the default, for centers without a provider
contract) or an HTTP gateway posting JSON, chosen in the config file's [sms] section."""
from __future__ import annotations

import configparser
import json
import re
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.config import data_dir
from console.services.changes import record_change
from db.models_inspection import SmsMessage

QUEUED, RETRY, SENT, FAILED = "queued", "retry", "sent", "failed"
MAX_ATTEMPTS = 6
BASE_BACKOFF_S = 30.0
MAX_BACKOFF_S = 3600.0
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


class GatewayError(RuntimeError):
    """The gateway could not take the message; the text is stored as the message's last error."""


class SmsGateway(Protocol):
    def send(self, message_id: int, phone: str, body: str) -> None: ...


@dataclass(frozen=True)
class FolderGateway:
    """Writes each message as a JSON file into a folder (what a test, a demo or an SMS cat watches)."""

    folder: Path

    def send(self, message_id: int, phone: str, body: str) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.folder / f"sms-{message_id:08d}.json"
            path.write_text(json.dumps({"id": message_id, "phone": phone, "body": body}, ensure_ascii=False),
                            encoding="utf-8")
        except OSError as exc:
            raise GatewayError(f"cannot write to {self.folder}: {exc}") from exc


@dataclass(frozen=True)
class HttpGateway:
    """POSTs {"id", "phone", "body"} as JSON; any 2xx is success, anything else is retried."""

    url: str
    token: str | None = None
    timeout_s: float = 10.0

    def send(self, message_id: int, phone: str, body: str) -> None:
        data = json.dumps({"id": message_id, "phone": phone, "body": body}, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(self.url, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                if not 200 <= response.status < 300:
                    raise GatewayError(f"gateway answered HTTP {response.status}")
        except (urllib.error.URLError, OSError) as exc:
            raise GatewayError(f"gateway unreachable: {exc}") from exc


def gateway_from_config(section: Mapping[str, str] | None) -> SmsGateway:
    """[sms] gateway = folder (default; folder = PATH) | http (url = …, token = …)."""
    section = section or {}
    kind = section.get("gateway", "folder")
    if kind == "folder":
        return FolderGateway(Path(section.get("folder") or data_dir() / "sms-outbox"))
    if kind == "http":
        if not section.get("url"):
            raise ValueError("[sms] gateway = http needs a url")
        return HttpGateway(section["url"], section.get("token") or None)
    raise ValueError(f"unknown SMS gateway {kind!r}; expected folder or http")


def gateway_from_file(config_path: Path) -> SmsGateway:
    parser = configparser.ConfigParser()
    if config_path.exists():
        parser.read(config_path, encoding="utf-8")
    return gateway_from_config(dict(parser["sms"]) if parser.has_section("sms") else None)


def is_mobile(phone: str | None) -> bool:
    return bool(phone) and bool(_MOBILE.match(phone.replace(" ", "").replace("-", "")))


def backoff(attempts: int) -> timedelta:
    """Wait after the n-th failed attempt: 30 s, 60 s, 120 s … capped at an hour."""
    return timedelta(seconds=min(BASE_BACKOFF_S * 2 ** max(attempts - 1, 0), MAX_BACKOFF_S))


def enqueue(session: Session, phone: str, body: str, *, actor: str, now: datetime,
            premise_id: int | None = None, notice_id: int | None = None) -> SmsMessage:
    message = SmsMessage(phone=phone, body=body, premise_id=premise_id, notice_id=notice_id, state=QUEUED,
                         attempts=0, next_attempt_at=now, created_at=now)
    session.add(message)
    session.flush()
    record_change(session, "sms", message.id, "insert", actor)
    return message


@dataclass(frozen=True)
class DeliveryReport:
    sent: int
    retrying: int
    failed: int


def deliver_pending(session: Session, gateway: SmsGateway, *, now: datetime, actor: str = "sms",
                    limit: int = 200) -> DeliveryReport:
    """Try every message whose turn has come; the caller commits (one transaction per batch)."""
    due = session.scalars(select(SmsMessage).where(SmsMessage.state.in_((QUEUED, RETRY)),
                                                   SmsMessage.next_attempt_at <= now)
                          .order_by(SmsMessage.next_attempt_at, SmsMessage.id).limit(limit)).all()
    sent = retrying = failed = 0
    for message in due:
        message.attempts += 1
        try:
            gateway.send(message.id, message.phone, message.body)
        except GatewayError as exc:
            message.last_error = str(exc)
            if message.attempts >= MAX_ATTEMPTS:
                message.state = FAILED
                failed += 1
            else:
                message.state = RETRY
                message.next_attempt_at = now + backoff(message.attempts)
                retrying += 1
        else:
            message.state, message.sent_at, message.last_error = SENT, now, None
            sent += 1
        record_change(session, "sms", message.id, message.state, actor)
    session.flush()
    return DeliveryReport(sent, retrying, failed)


def outbox(session: Session, *, premise_id: int | None = None, limit: int = 100) -> list[SmsMessage]:
    """Newest first: what the outbox view and the dossier show, with state and last error."""
    stmt = select(SmsMessage).order_by(SmsMessage.id.desc()).limit(limit)
    if premise_id is not None:
        stmt = stmt.where(SmsMessage.premise_id == premise_id)
    return list(session.scalars(stmt))
