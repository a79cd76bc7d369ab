"""The dispatch board's targets as a Qt table (name, open load, overdue, kind, where), loaded off the GUI
thread, a search proxy for the board and the dispatch dialog, and the controller that dispatches dropped
cases and recalls them (undo) through the services, reporting one outcome per case."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush

from console.domain.deadlines import DeadlinePolicy
from console.domain.incident_catalog import deadline_policy
from console.qtmodels.error_messages import render_error
from console.qtmodels.incident_labels import DEADLINE_COLOURS
from console.qtmodels.paged_rows import PagedRowsModel
from console.qtmodels.tasks import TaskRunner
from console.services.dispatch_targets import (
    DEFAULT_RULES,
    BoardData,
    CaseRef,
    DispatchRules,
    DispatchTarget,
    Outcome,
    TargetKind,
    dispatch_cases,
    load_board,
    recall_cases,
)
from console.services.jurisdiction import Actor

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_TEXTS = {
    TargetKind.DEPARTMENT: QT_TRANSLATE_NOOP("DispatchTargets", "Department"),
    TargetKind.CENTER: QT_TRANSLATE_NOOP("DispatchTargets", "Lower-level center"),
    TargetKind.WORKER: QT_TRANSLATE_NOOP("DispatchTargets", "Grid worker"),
}

Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: TargetKind) -> str:
    return QCoreApplication.translate("DispatchTargets", KIND_TEXTS[kind])


class DispatchTargetsModel(PagedRowsModel):
    """Every target at once (a jurisdiction has tens to a few thousand); `refresh()` reloads the loads."""

    sig_loaded = Signal()
    COLUMNS = ("name", "open_load", "overdue", "kind", "place")

    def __init__(self, runner: TaskRunner, actor: Actor, policy: DeadlinePolicy | None = None,
                 clock: Callable[[], datetime] = datetime.now, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor, self._clock = runner, actor, clock
        self._policy = policy or deadline_policy()
        self._headers = [self.tr("Target"), self.tr("Open"), self.tr("Overdue"), self.tr("Kind"),
                         self.tr("Where")]
        self._grid_paths: dict[int, str] = {}
        self._loading = False
        self._reload_after = False
        self.loaded_once = False

    @property
    def actor(self) -> Actor:
        return self._actor

    @property
    def grid_paths(self) -> dict[int, str]:
        return self._grid_paths

    def targets(self) -> list[DispatchTarget]:
        return list(self._rows)

    def row_of(self, key: tuple[str, int]) -> int:
        return next((r for r, t in enumerate(self._rows) if t.key == key), -1)

    def refresh(self) -> None:
        """Reload targets and loads. One load at a time: changes arriving meanwhile (the change feed on a busy
        district) fold into a single reload after it, so a burst never queues a query per change."""
        if self._loading:
            self._reload_after = True
            return
        self._loading, self._reload_after = True, False
        actor, policy, now = self._actor, self._policy, self._clock()
        self._runner.submit(lambda session: load_board(session, actor, now, policy), self._arrived,
                            self._failed)

    def _arrived(self, data: BoardData) -> None:
        self._loading = False
        self.beginResetModel()
        self._rows, self._grid_paths = list(data.targets), dict(data.grid_paths)
        self.endResetModel()
        self.loaded_once = True
        self.sig_loaded.emit()
        if self._reload_after:
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._runner.sig_error.emit(render_error(exc))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        target: DispatchTarget = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "kind":
                return kind_label(target.kind)
            return getattr(target, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "overdue" and target.overdue:
            return QBrush(DEADLINE_COLOURS["overdue"])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("open_load", "overdue"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == TARGET_ROLE:
            return target
        return None


class TargetFilterProxy(QSortFilterProxyModel):
    """Typing narrows the targets by name, kind or place (any part, any case)."""

    def __init__(self, source: DispatchTargetsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self.setFilterFixedString(text.strip())


class DispatchController(QObject):
    """Writes of the board, the dialog and the map off the GUI thread, one outcome per case."""

    sig_dispatched = Signal(object, list, list)  # DispatchTarget, [Outcome], the caller's `skipped` echoed
    sig_recalled = Signal(list)            # [Outcome]
    sig_failed = Signal(str)               # the database could not be reached: nothing to report per case

    def __init__(self, runner: TaskRunner, actor: Actor, rules: DispatchRules = DEFAULT_RULES,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor, self.rules = runner, actor, rules

    def dispatch(self, cases: list[CaseRef], target: DispatchTarget, skipped: list | None = None) -> None:
        """`skipped`: cases the caller refused before writing, handed back with the outcomes for one report."""
        actor, rules, skipped = self._actor, self.rules, list(skipped or [])
        self._runner.submit(lambda session: dispatch_cases(session, actor, cases, target, rules=rules),
                            lambda outcomes: self.sig_dispatched.emit(target, outcomes, skipped),
                            lambda exc: self.sig_failed.emit(render_error(exc)))

    def recall(self, dispatched: list[Outcome]) -> None:
        actor = self._actor
        self._runner.submit(lambda session: recall_cases(session, actor, dispatched),
                            self.sig_recalled.emit, lambda exc: self.sig_failed.emit(render_error(exc)))
