"""Check-in ingest (service and CLI): genuine codes stored, forged ones refused, far-away ones flagged."""
from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.cli import main
from console.config import Settings
from console.domain import qr
from console.domain.geo import BBox
from console.importers.checkins import read_checkins
from console.services.checkins import ingest_checkins
from console.services.qr_codes import premise_payload
from db.models import CheckIn, Premise
from tests.db.inspection_fixtures import build, township_actor


def _codes(engine) -> tuple[str, str, Premise]:
    with Session(engine, expire_on_commit=False) as s:
        p1, p2 = s.get(Premise, 1), s.get(Premise, 40)
        a, b = premise_payload(s, p1), premise_payload(s, p2)
        s.commit()
        return a, b, p1


def test_ingest_service(engine, tmp_path):
    build(engine)
    good, other_township, p1 = _codes(engine)
    far_lat = BBox.around(p1.lon, p1.lat, 150).max_lat
    forged = qr.encode(b"x" * 32, 1, p1.code)
    tampered = good.replace("PA1.1.", "PA1.2.")
    (tmp_path / "c.csv").write_text(
        "qr,worker,at,lon,lat\n"
        f"{good},W6,2026-11-30T09:00:00,{p1.lon},{p1.lat}\n"
        f"{good},W6,2026-11-30T10:00:00,{p1.lon},{far_lat}\n"
        f"{forged},W6,2026-11-30T11:00:00,,\n"
        f"{tampered},W6,2026-11-30T11:00:00,,\n"
        f"{good},W99,2026-11-30T11:00:00,,\n"
        f"{good},W6,yesterday,,\n"
        f"{other_township},W8,2026-11-30T12:00:00,,\n", encoding="utf-8")
    parsed = read_checkins(tmp_path / "c.csv")
    with Session(engine) as s:
        report = ingest_checkins(s, township_actor("/1/2/"), parsed)
        s.commit()
    assert report.read == 7 and report.stored == 2 and len(report.flagged) == 1
    reasons = {r.line: r.reason for r in report.rejected}
    assert set(reasons) == {4, 5, 6, 7, 8}
    assert "another installation" in reasons[4] and "signature does not match" in reasons[5]
    assert "no worker" in reasons[6] and "not a time" in reasons[7] and "outside the jurisdiction" in reasons[8]
    with Session(engine) as s:
        rows = s.scalars(select(CheckIn).order_by(CheckIn.at)).all()
        assert [(c.flagged, round(c.distance_m)) for c in rows] == [(False, 0), (True, 150)]


def test_ingest_cli_json(engine, db_url, tmp_path, capsys):
    build(engine)
    good, _, p1 = _codes(engine)
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"checkins": [{"qr": good, "worker": "W6", "at": "2026-11-30T09:00:00"},
                                             {"qr": "PA1.1.P1.bad", "worker": "W6", "at": "2026-11-30T09:05:00"}]}),
                    encoding="utf-8")
    Settings(db_url=db_url, is_demo=False, language="zh_CN", config_path=tmp_path / "none.ini")
    assert main(["--db", db_url, "ingest", "checkins", str(path)]) == 0
    out = capsys.readouterr()
    assert "stored 1" in out.out and "rejected 1" in out.out and ":2: qr:" in out.err
    with Session(engine) as s:
        assert s.scalar(select(CheckIn.premise_id)) == p1.id
