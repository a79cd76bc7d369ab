"""The Qt side of one premise's dossier: loads it, records a visit, saves the base data — every database call
on the TaskRunner's threads, results back on the GUI thread as signals, as the incident detail does.

A generation counter drops answers for a premise the panel has already left."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from console.qtmodels.error_messages import render_error
from console.qtmodels.tasks import TaskRunner
from console.services.inspections import Visit, VisitOutcome, record_visit
from console.services.jurisdiction import Actor
from console.services.premise_dossier import Dossier, QrLabel, load_dossier, premise_ids_in, qr_labels
from console.services.premise_edit import PremiseForm, create_premise, grids_in, update_premise
from console.services.premise_photos import PhotoRow, add_photo, premise_photos, remove_photo

LABELS_PER_GRID = 500
"""A sheet run for one grid: more premises than this in one grid means the grid needs splitting anyway."""


class PremiseDossier(QObject):
    sig_loaded = Signal(object)   # Dossier, fresh from the database
    sig_failed = Signal(str)      # loading failed (gone, outside jurisdiction, database down)
    sig_changed = Signal(int)     # a write of ours committed for this premise id (visit, create, edit, photo)

    def __init__(self, runner: TaskRunner, actor: Actor, clock: Callable[[], datetime] = datetime.now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner, self.actor, self.clock = runner, actor, clock
        self._dossier: Dossier | None = None
        self._wanted: int | None = None
        self._generation = 0

    @property
    def dossier(self) -> Dossier | None:
        return self._dossier

    @property
    def premise_id(self) -> int | None:
        return self._wanted

    def load(self, premise_id: int) -> None:
        self._wanted = premise_id
        self._generation += 1
        generation, actor = self._generation, self.actor
        self.runner.submit(lambda s: load_dossier(s, actor, premise_id),
                           lambda d: self._loaded(generation, d),
                           lambda exc: self._failed(generation, exc))

    def reload(self) -> None:
        if self._wanted is not None:
            self.load(self._wanted)

    def _loaded(self, generation: int, dossier: Dossier) -> None:
        if generation == self._generation:
            self._dossier = dossier
            self.sig_loaded.emit(dossier)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.sig_failed.emit(render_error(exc))

    # -- writes: `on_error` gets the exception (PremiseInvalid names the field, PremiseChanged a lost race)

    def record_visit(self, template_id: int, failed: Mapping[int, str | None], *, worker_id: int | None,
                     checkin_id: int | None, notes: str | None, on_done: Callable[[VisitOutcome], None],
                     on_error: Callable[[BaseException], None]) -> None:
        d = self._dossier
        if d is None:
            raise RuntimeError("no dossier is loaded")
        visit = Visit(premise_id=d.id, expected_version=d.version, template_id=template_id,
                      finished_at=self.clock().replace(microsecond=0), worker_id=worker_id,
                      failed=dict(failed), notes=notes or None, checkin_id=checkin_id)
        actor = self.actor

        def write(session: Session) -> VisitOutcome:
            outcome = record_visit(session, actor, visit)
            session.commit()
            return outcome

        self.runner.submit(write, lambda outcome: self._written(d.id, outcome, on_done), on_error)

    def save_premise(self, form: PremiseForm, premise_id: int | None, version: int | None,
                     on_done: Callable[[int], None], on_error: Callable[[BaseException], None]) -> None:
        """Create (premise_id None) or edit as of `version`; on_done gets the premise id."""
        actor, now = self.actor, self.clock().replace(microsecond=0)

        def write(session: Session) -> int:
            if premise_id is None:
                written = create_premise(session, actor, form, now=now)
            else:
                update_premise(session, actor, premise_id, version or 0, form, now=now)
                written = premise_id
            session.commit()
            return written

        self.runner.submit(write, lambda pid: self._written(pid, pid, on_done), on_error)

    def add_photo(self, path: Path, on_done: Callable[[int], None],
                  on_error: Callable[[BaseException], None]) -> None:
        """Put the picture at `path` on the open premise's file; on_done gets the photo id."""
        d = self._dossier
        if d is None:
            raise RuntimeError("no dossier is loaded")
        actor, now = self.actor, self.clock()

        def write(session: Session) -> int:
            photo_id = add_photo(session, actor, d.id, path, now=now)
            session.commit()
            return photo_id

        self.runner.submit(write, lambda photo_id: self._written(d.id, photo_id, on_done), on_error)

    def remove_photo(self, photo_id: int, on_done: Callable[[int], None],
                     on_error: Callable[[BaseException], None]) -> None:
        """Take a photo off its premise's file; on_done gets the premise id."""
        actor, now = self.actor, self.clock()

        def write(session: Session) -> int:
            premise_id = remove_photo(session, actor, photo_id, now=now)
            session.commit()
            return premise_id

        self.runner.submit(write, lambda pid: self._written(pid, pid, on_done), on_error)

    def photos(self, session: Session, premise_id: int) -> list[PhotoRow]:
        """The premise's photos: the dossier's photo strip loads with this, on the runner's thread."""
        return premise_photos(session, self.actor, premise_id)

    def _written(self, premise_id: int, result: Any, on_done: Callable[[Any], None]) -> None:
        on_done(result)
        self.sig_changed.emit(premise_id)
        if premise_id == self._wanted:
            self.reload()
        else:
            self.load(premise_id)

    # -- reads for dialogs and print-outs

    def load_grids(self, on_done: Callable[[list[tuple[int, str]]], None]) -> None:
        actor = self.actor
        self.runner.submit(lambda s: grids_in(s, actor), on_done)

    def load_labels(self, org_path: str, on_done: Callable[[list[QrLabel]], None],
                    on_error: Callable[[BaseException], None]) -> None:
        """QR labels for every premise of an org unit (a grid), by code."""
        actor = self.actor
        self.runner.submit(lambda s: qr_labels(s, actor, premise_ids_in(s, actor, org_path, LABELS_PER_GRID)),
                           on_done, on_error)
