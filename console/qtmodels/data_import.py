"""Imports from the GUI: the same readers and services as `python main.py import {premises,org-units}`, run on
the task runner so reading a file and the dry run never block the GUI thread.

`preview` reads the file and runs the import as a dry run (nothing is written) and reports the first rows
with the outcome; `run` imports for real in one transaction. Premises import their good rows and list the
bad ones (as the CLI does); org units are all-or-nothing, so any problem means nothing can be imported.
A premises request with `resolved` imports only the review rows a person chose a candidate for, all or none.
Reasons and errors stay messages and exceptions here: the dialog renders them in the console's language."""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from console.domain.messages import Message, explain
from console.importers.org_units import ORG_ALIASES, OrgSource, read_org_units
from console.importers.premises import PremiseFileError, SourceTable, load_mapping, read_table
from console.qtmodels.error_messages import render_error
from console.qtmodels.tasks import TaskRunner
from console.services.jurisdiction import Actor
from console.services.org_import import OrgImportError, import_org_units
from console.services.premise_import import ResolutionError, import_premises
from console.services.users import UserError

KINDS = ("premises", "org_units")
PREVIEW_ROWS = 20


@dataclass(frozen=True)
class ImportRequest:
    kind: str  # one of KINDS
    path: str
    mapping_path: str | None
    datum: str
    resolved: tuple[tuple[int, int], ...] = ()  # (line, index of the chosen candidate) of review rows


@dataclass
class ImportOutcome:
    """What the dialog shows: the first rows of the file and what the import did (or would do)."""

    kind: str
    dry_run: bool
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    read: int = 0
    accepted: int = 0
    rejected: list[tuple[int, Message]] = field(default_factory=list)  # (line or feature index, reason)
    # (line, address, its candidates as (address, score), best first)
    review: list[tuple[int, str, tuple[tuple[str, float], ...]]] = field(default_factory=list)
    reviewed: bool = False  # the outcome of importing chosen review rows only
    replaced_grids: int = 0
    moved: int = 0
    error: Exception | None = None  # the file or mapping as a whole is unusable, or the reviewed rows refused

    @property
    def importable(self) -> bool:
        return self.error is None and self.accepted > 0 and (self.kind == "premises" or not self.rejected)


def _premises(session: Session, actor: Actor, request: ImportRequest, dry_run: bool,
              outcome: ImportOutcome) -> None:
    table: SourceTable = read_table(request.path)
    outcome.columns = table.columns
    outcome.rows = [[row.values.get(c, "") for c in table.columns] for row in table.rows[:PREVIEW_ROWS]]
    report = import_premises(session, actor, table, load_mapping(request.mapping_path), datum=request.datum,
                             dry_run=dry_run, resolved=dict(request.resolved) if request.resolved else None)
    outcome.read, outcome.accepted = report.read, report.imported
    outcome.rejected = [(r.line, r.why) for r in report.rejected]
    outcome.review = [(r.line, r.address, tuple((c.address, c.score) for c in r.candidates))
                      for r in report.review]


def _org_units(session: Session, actor: Actor, request: ImportRequest, dry_run: bool,
               outcome: ImportOutcome) -> None:
    source: OrgSource = read_org_units(request.path)
    outcome.columns = [*source.columns, "geometry"]
    outcome.rows = [[f.values.get(c, "") for c in source.columns] + [str((f.geometry or {}).get("type", ""))]
                    for f in source.features[:PREVIEW_ROWS]]
    outcome.read = len(source.features)
    try:
        report = import_org_units(session, actor, source, load_mapping(request.mapping_path, ORG_ALIASES),
                                  datum=request.datum, dry_run=dry_run)
    except OrgImportError as exc:
        outcome.rejected = [(p.index, explain("{field}: {reason}", field=p.field, reason=p.why) if p.field
                             else p.why) for p in exc.problems]
        return
    outcome.accepted = sum(report.inserted.values()) + sum(report.updated.values())
    outcome.replaced_grids, outcome.moved = len(report.replaced_grids), report.moved.total()


def run_import(session: Session, actor: Actor, request: ImportRequest, dry_run: bool) -> ImportOutcome:
    """Read, import (or dry-run) and describe; a dry run is rolled back, a real one committed."""
    outcome = ImportOutcome(kind=request.kind, dry_run=dry_run, reviewed=bool(request.resolved))
    try:
        (_premises if request.kind == "premises" else _org_units)(session, actor, request, dry_run, outcome)
    except (PremiseFileError, UserError, ResolutionError) as exc:
        outcome.error = exc
    if dry_run or outcome.error or (request.kind == "org_units" and outcome.rejected):
        session.rollback()
    else:
        session.commit()
    return outcome


class DataImport(QObject):
    """Previews and imports on the runner; results arrive on the GUI thread as signals."""

    sig_previewed = Signal(object)  # ImportOutcome of a dry run
    sig_imported = Signal(object)  # ImportOutcome of the real import
    sig_failed = Signal(str)

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor = runner, actor

    def preview(self, request: ImportRequest) -> None:
        self._runner.submit(lambda s: run_import(s, self._actor, request, True), self.sig_previewed.emit,
                            lambda exc: self.sig_failed.emit(render_error(exc)))

    def run(self, request: ImportRequest) -> None:
        self._runner.submit(lambda s: run_import(s, self._actor, request, False), self.sig_imported.emit,
                            lambda exc: self.sig_failed.emit(render_error(exc)))
