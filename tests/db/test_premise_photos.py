"""Photos on a premise's file, on SQLite and PostgreSQL: added, listed newest first and removed with their
history and change_log rows; refused outside the jurisdiction, for a bad file (named, nothing written) and
for removal by someone other than the adder or an administrator."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.services.image_files import AttachmentError
from console.services.jurisdiction import OutsideJurisdiction
from console.services.premise_dossier import load_dossier
from console.services.premise_photos import PhotoRefused, add_photo, premise_photos, remove_photo
from db.models import ChangeLog
from db.models_dossier import PremiseEdit, PremisePhoto
from tests.db.inspection_fixtures import RESTAURANT, admin, build, township_actor

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
T0, T1 = datetime(2026, 11, 30, 10, 0), datetime(2026, 11, 30, 11, 0)
HULI_OP = township_actor("/1/2/")


def _file(tmp_path, name: str, data: bytes = PNG):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _counts(s: Session) -> tuple[int, int, int]:
    return (s.scalar(select(func.count()).select_from(PremisePhoto)),
            s.scalar(select(func.count()).select_from(PremiseEdit)),
            s.scalar(select(func.count()).select_from(ChangeLog)))


def test_add_list_remove_with_history_and_change_log(engine, tmp_path):
    build(engine)
    with Session(engine) as s:
        first = add_photo(s, HULI_OP, RESTAURANT, _file(tmp_path, "门头.png"), note="门头照", now=T0)
        second = add_photo(s, admin(), RESTAURANT, _file(tmp_path, "隐患.jpg", b"\xff\xd8\xff" + b"\0" * 8),
                           now=T1)
        s.commit()
        rows = premise_photos(s, admin(), RESTAURANT)
        assert [(r.id, r.filename, r.mime_type, r.added_by, r.note) for r in rows] == [
            (second, "隐患.jpg", "image/jpeg", "admin", None), (first, "门头.png", "image/png", "dq_op", "门头照")]
        assert rows[1].data == PNG
        assert remove_photo(s, HULI_OP, first, now=T1) == RESTAURANT
        s.commit()
        assert [r.id for r in premise_photos(s, admin(), RESTAURANT)] == [second]
        log = s.execute(select(ChangeLog.entity, ChangeLog.entity_id, ChangeLog.op, ChangeLog.actor)
                        .order_by(ChangeLog.id)).all()
        assert log[-3:] == [("premise_photos", RESTAURANT, "add", "dq_op"),
                            ("premise_photos", RESTAURANT, "add", "admin"),
                            ("premise_photos", RESTAURANT, "remove", "dq_op")]
        timeline = [(e.kind, e.actor, e.subject) for e in load_dossier(s, admin(), RESTAURANT).timeline
                    if e.kind.startswith("photo")]
    assert sorted(timeline) == [("photo_added", "admin", "隐患.jpg"), ("photo_added", "dq_op", "门头.png"),
                                ("photo_removed", "dq_op", "门头.png")]


def test_outside_the_jurisdiction_nothing_is_added_listed_or_removed(engine, tmp_path):
    build(engine)
    dianqian = township_actor("/1/3/")
    with Session(engine) as s:
        photo = add_photo(s, admin(), RESTAURANT, _file(tmp_path, "a.png"), now=T0)
        s.commit()
        before = _counts(s)
        with pytest.raises(OutsideJurisdiction):
            add_photo(s, dianqian, RESTAURANT, _file(tmp_path, "b.png"))
        with pytest.raises(OutsideJurisdiction):
            premise_photos(s, dianqian, RESTAURANT)
        with pytest.raises(OutsideJurisdiction):
            remove_photo(s, dianqian, photo)
        s.rollback()
        assert _counts(s) == before


def test_only_the_adder_or_an_administrator_removes_a_photo(engine, tmp_path):
    build(engine)
    other = replace(HULI_OP, user_id=9, username="hl_op")
    with Session(engine) as s:
        photo = add_photo(s, HULI_OP, RESTAURANT, _file(tmp_path, "门头.png"), now=T0)
        s.commit()
        with pytest.raises(PhotoRefused, match="dq_op, who added 门头.png"):
            remove_photo(s, other, photo)
        s.rollback()
        remove_photo(s, admin(), photo)
        s.commit()
        with pytest.raises(PhotoRefused, match=f"Photo {photo} is no longer on file"):
            remove_photo(s, admin(), photo)


@pytest.mark.parametrize(("name", "data", "needle"), [
    ("notes.txt", PNG, "notes.txt: only PNG or JPEG"),
    ("fake.png", b"GIF89a....", "fake.png: the content is not a PNG picture"),
    ("huge.png", PNG + b"\0" * (10 * 2**20), "huge.png: 10.0 MiB is over the 10 MiB limit"),
])
def test_a_bad_file_is_refused_by_name_and_nothing_is_written(engine, tmp_path, name, data, needle):
    build(engine)
    with Session(engine) as s:
        before = _counts(s)
        with pytest.raises(AttachmentError, match=needle):
            add_photo(s, admin(), RESTAURANT, _file(tmp_path, name, data))
        s.rollback()
        assert _counts(s) == before
