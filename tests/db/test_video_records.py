"""What the video wall writes: cameras' online flag and snapshots attached to cases, each with change_log."""
from __future__ import annotations

import struct
import zlib

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.roles import Role
from console.services.cameras import list_cameras, set_online
from console.services.incident_attachments import AttachmentError, attach_image, incident_photos
from console.services.jurisdiction import Actor, OutsideJurisdiction
from db.models import Camera, ChangeLog, IncidentAttachment
from tests.db.tiny_district import GRID_PATHS, build_tiny_district

DISTRICT = Actor(None, "admin", "admin", Role.ADMIN, 1, "/1/")
HULI = Actor(None, "hl_op", "hl_op", Role.OPERATOR, 2, "/1/2/")
DIANQIAN_CASE = 80  # grid 8 lies in 殿前街道, outside HULI


def _png(width: int = 4, height: int = 2) -> bytes:
    """A valid RGB PNG built by hand (no Qt in db tests)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\x80\x40\x20" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.fixture
def district(engine):
    build_tiny_district(engine)
    with Session(engine) as s:
        for cid, grid in [(1, 6), (2, 8)]:
            s.add(Camera(id=cid, code=f"CAM{cid:03d}", name=f"摄像机{cid}", stream_url="udp://@127.0.0.1:1",
                         lon=118.1, lat=24.5, org_unit_id=grid, org_path=GRID_PATHS[grid], online=True))
        s.commit()
    return engine


def _changes(s: Session) -> list[tuple]:
    rows = s.scalars(select(ChangeLog).order_by(ChangeLog.id))
    return [(c.entity, c.entity_id, c.op, c.actor) for c in rows]


def test_online_flag_is_written_with_change_log_only_when_it_changes(district):
    with Session(district) as s:
        assert set_online(s, HULI, 1, False)
        s.commit()
        assert not set_online(s, HULI, 1, False)
        assert set_online(s, HULI, 1, True)
        s.commit()
        assert _changes(s) == [("camera", 1, "offline", "hl_op"), ("camera", 1, "online", "hl_op")]
        assert [c.online for c in list_cameras(s, HULI)] == [True]


def test_online_flag_stays_inside_the_jurisdiction(district):
    with Session(district) as s:
        with pytest.raises(OutsideJurisdiction, match="CAM002"):
            set_online(s, HULI, 2, False)
        with pytest.raises(LookupError, match="99"):
            set_online(s, HULI, 99, False)
        assert _changes(s) == []
        assert s.get(Camera, 2).online


def test_snapshot_is_attached_to_the_case_and_listed_newest_first(district, tmp_path):
    first, second = tmp_path / "CAM001_1.png", tmp_path / "CAM001_2.png"
    first.write_bytes(_png())
    second.write_bytes(_png(8, 4))
    with Session(district) as s:
        a = attach_image(s, HULI, 60, first)
        b = attach_image(s, HULI, 60, second)
        s.commit()
        photos = incident_photos(s, HULI, 60)
        assert [p.id for p in photos] == [b, a]
        assert photos[0].filename == "CAM001_2.png" and photos[0].mime_type == "image/png"
        assert photos[0].data == second.read_bytes()
        assert _changes(s) == [("incident", 60, "attach", "hl_op")] * 2
        assert incident_photos(s, HULI, 61) == []


@pytest.mark.parametrize(("name", "content", "needle"), [
    ("notes.txt", b"hello", "notes.txt: only PNG or JPEG"),
    ("fake.png", b"GIF89a....", "fake.png: the content is not a PNG picture"),
])
def test_bad_files_are_refused_with_their_name_and_nothing_written(district, tmp_path, name, content, needle):
    path = tmp_path / name
    path.write_bytes(content)
    with Session(district) as s:
        with pytest.raises(AttachmentError, match=needle):
            attach_image(s, HULI, 60, path)
        with pytest.raises(AttachmentError, match="missing.png"):
            attach_image(s, HULI, 60, tmp_path / "missing.png")
        s.commit()
        assert s.scalars(select(IncidentAttachment)).all() == []
        assert _changes(s) == []


def test_cases_outside_the_jurisdiction_take_no_attachment(district, tmp_path):
    path = tmp_path / "snap.png"
    path.write_bytes(_png())
    with Session(district) as s:
        with pytest.raises(OutsideJurisdiction):
            attach_image(s, HULI, DIANQIAN_CASE, path)
        with pytest.raises(OutsideJurisdiction):
            incident_photos(s, HULI, DIANQIAN_CASE)
        assert attach_image(s, DISTRICT, DIANQIAN_CASE, path) > 0
