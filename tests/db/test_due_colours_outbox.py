"""Due lists per unit and worker, bulk colour recomputation, and SMS delivery with retries."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from console.domain.inspections import DueState
from console.services.due_lists import DueScope, due_list
from console.services.inspections import Visit, record_visit
from console.services.premise_colours import recompute_colours
from console.services.sms_outbox import (
    MAX_ATTEMPTS,
    FolderGateway,
    GatewayError,
    HttpGateway,
    backoff,
    deliver_pending,
    enqueue,
    gateway_from_config,
    outbox,
)
from db.models import Premise
from tests.db.inspection_fixtures import MINOR_ITEM, RESTAURANT, TEMPLATE, admin, build, township_actor

TODAY = date(2026, 12, 5)
NOW = datetime(2026, 12, 5, 10, 0)


def test_due_list_per_unit_worker_and_jurisdiction(engine):
    build(engine)  # premise n of a grid is due on 2026-12-01 + n days
    with Session(engine) as s:
        grid = due_list(s, admin(), DueScope(org_unit_id=8), today=TODAY)
        assert [r.next_inspection for r in grid.rows] == [date(2026, 12, 1) + timedelta(days=n) for n in range(1, 12)]
        assert (grid.overdue, grid.due_soon) == (3, 8)
        assert grid.rows[0].state is DueState.OVERDUE and grid.rows[-1].state is DueState.DUE_SOON
        community = due_list(s, admin(), DueScope(org_unit_id=5), today=TODAY, limit=5)
        assert len(community.rows) == 5 and community.overdue + community.due_soon == 11 + 6
        by_worker = due_list(s, admin(), DueScope(worker_id=9), today=TODAY)
        assert {r.grid_id for r in by_worker.rows} == {9} and len(by_worker.rows) == 6
        outside = due_list(s, township_actor(), DueScope(org_unit_id=6), today=TODAY)
        assert outside.rows == [] and outside.overdue == 0
        narrowed = due_list(s, township_actor(), DueScope(org_unit_id=1), today=TODAY)
        assert {r.grid_id for r in narrowed.rows} == {8, 9} and narrowed.overdue + narrowed.due_soon == 17
        assert due_list(s, township_actor(), DueScope(worker_id=6), today=TODAY).rows == []
    with pytest.raises(ValueError):
        DueScope()


def test_recompute_colours(engine):
    build(engine)
    with Session(engine) as s:
        p = s.get(Premise, RESTAURANT)
        record_visit(s, admin(), Visit(RESTAURANT, p.version, TEMPLATE, NOW, failed={MINOR_ITEM: None}))
        s.execute(update(Premise).where(Premise.id == RESTAURANT).values(status="green"))
        s.commit()
    with Session(engine) as s:
        before = {pid: st for pid, st in s.execute(select(Premise.id, Premise.status))}
        counts = recompute_colours(s, admin(), now=NOW)
        s.commit()
        after = {pid: st for pid, st in s.execute(select(Premise.id, Premise.status))}
    assert after[RESTAURANT] == "yellow"
    assert all(after[pid] == "black" for pid, st in before.items() if st == "black")
    assert all(after[pid] == "green" for pid, st in before.items() if st != "black" and pid != RESTAURANT)
    changed = sum(1 for pid in before if before[pid] != after[pid])
    assert sum(counts.values()) == changed and counts["yellow"] == 1
    with Session(engine) as s:
        assert recompute_colours(s, admin(), now=NOW) == {}


class FlakyGateway:
    def __init__(self, failures: int) -> None:
        self.failures, self.sent = failures, []

    def send(self, message_id: int, phone: str, body: str) -> None:
        if self.failures:
            self.failures -= 1
            raise GatewayError("provider timeout")
        self.sent.append((message_id, phone, body))


def test_outbox_retries_with_backoff_then_sends(engine):
    build(engine)
    gateway = FlakyGateway(failures=2)
    with Session(engine) as s:
        msg = enqueue(s, "13912345678", "请整改", actor="t", now=NOW, premise_id=RESTAURANT)
        first = deliver_pending(s, gateway, now=NOW)
        assert (first.retrying, msg.state, msg.last_error) == (1, "retry", "provider timeout")
        assert msg.next_attempt_at == NOW + timedelta(seconds=30)
        assert deliver_pending(s, gateway, now=NOW + timedelta(seconds=10)).retrying == 0
        deliver_pending(s, gateway, now=NOW + timedelta(seconds=30))
        assert msg.next_attempt_at == NOW + timedelta(seconds=90)
        third = deliver_pending(s, gateway, now=NOW + timedelta(seconds=90))
        msg_id = msg.id
        s.commit()
    assert third.sent == 1 and gateway.sent == [(msg_id, "13912345678", "请整改")]
    with Session(engine) as s:
        shown = outbox(s, premise_id=RESTAURANT)
        assert [(m.state, m.attempts, m.last_error) for m in shown] == [("sent", 3, None)]


def test_outbox_gives_up_after_max_attempts(engine):
    build(engine)
    with Session(engine) as s:
        msg = enqueue(s, "13912345678", "x", actor="t", now=NOW)
        at = NOW
        for _ in range(MAX_ATTEMPTS):
            deliver_pending(s, FlakyGateway(failures=1), now=at)
            at += backoff(MAX_ATTEMPTS)
        assert (msg.state, msg.attempts) == ("failed", MAX_ATTEMPTS)
        assert deliver_pending(s, FlakyGateway(0), now=at + timedelta(days=1)).sent == 0


def test_folder_gateway_and_config(tmp_path):
    gateway = gateway_from_config({"gateway": "folder", "folder": str(tmp_path / "out")})
    gateway.send(7, "13912345678", "整改通知")
    written = json.loads((tmp_path / "out" / "sms-00000007.json").read_text(encoding="utf-8"))
    assert written == {"id": 7, "phone": "13912345678", "body": "整改通知"}
    assert gateway_from_config({"gateway": "http", "url": "http://127.0.0.1:9/sms"}) == \
        HttpGateway("http://127.0.0.1:9/sms")
    with pytest.raises(ValueError):
        gateway_from_config({"gateway": "pigeon"})
    with pytest.raises(GatewayError):
        HttpGateway("http://127.0.0.1:9/sms", timeout_s=1).send(1, "13912345678", "x")
    blocked = tmp_path / "file"
    blocked.write_text("")
    with pytest.raises(GatewayError):
        FolderGateway(blocked).send(1, "1", "x")
