"""The dispatch board (派遣台): departments, lower-level centers and grid workers as drop targets with their
open load and overdue count, a filter box, and a message bar that reports each dispatch case by case and
offers 撤销 for a few seconds.

A drop is checked against the rules at once from what the inbox showed (state, grid, role): a drop that no
case survives is refused on the spot with the reasons; the rest are dispatched, and whatever the database
still refuses (a case changed meanwhile) is reported per case when the answer comes."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.qtmodels.dispatch_targets import (
    TARGET_ROLE,
    DispatchController,
    DispatchTargetsModel,
    TargetFilterProxy,
)
from console.qtmodels.error_messages import render_message
from console.qtmodels.incident_labels import state_label
from console.qtmodels.incident_mime import decode_cases
from console.qtmodels.labels import fill
from console.services.dispatch_targets import CaseRef, DispatchTarget, Outcome, Refusal, TargetKind, refusal

UNDO_MS = 8000
"""How long 撤销 stays offered (the rules allow a recall for a while longer, for a slow network)."""
BOARD_MIN_EMS = 30
"""Room for a name, both counts and the kind: the dock beside the inbox never squeezes below it."""
_INFO_STYLE = "QFrame#dispatchMessage { background: #e8f4ea; border: 1px solid #9cc9a4; }"
_ERROR_STYLE = "QFrame#dispatchMessage { background: #fdecea; border: 1px solid #e0a0a0; }"


class DispatchBoard(QWidget):
    sig_dispatched = Signal(list)  # ids of the cases written (dispatched or recalled): inbox and detail refresh

    def __init__(self, model: DispatchTargetsModel, controller: DispatchController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.controller = model, controller
        self.proxy = TargetFilterProxy(model, self)
        self._undoable: list[Outcome] = []

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("dispatchFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter departments, centers and workers"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)

        self.view = QTableView(self)
        self.view.setObjectName("dispatchTargets")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.view.viewport().setAcceptDrops(True)
        self.view.viewport().installEventFilter(self)

        self.message_bar = QFrame(self)
        self.message_bar.setObjectName("dispatchMessage")
        self.message_label = QLabel(self.message_bar)
        self.message_label.setObjectName("dispatchMessageText")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton(self.tr("Undo"), self.message_bar)
        self.undo_button.setObjectName("dispatchUndo")
        self.undo_button.clicked.connect(self.undo)
        close = QPushButton("×", self.message_bar)
        close.setFlat(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.message_bar.hide)
        bar = QHBoxLayout(self.message_bar)
        bar.setContentsMargins(6, 4, 4, 4)
        bar.addWidget(self.message_label, 1)
        bar.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        bar.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.message_bar.hide()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * BOARD_MIN_EMS)
        self._undo_timer = QTimer(self, singleShot=True, interval=UNDO_MS, timeout=self._undo_expired)

        hint = QLabel(self.tr("Drag cases from the inbox onto a target, or press Ctrl+D in the inbox."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)

        controller.sig_dispatched.connect(self._dispatched)
        controller.sig_recalled.connect(self._recalled)
        controller.sig_failed.connect(self._failed)

    # -- what others call ---------------------------------------------------------------------------------

    def target_at_row(self, row: int) -> DispatchTarget:
        """The target shown in the view's row (after filtering and sorting)."""
        return self.proxy.index(row, 0).data(TARGET_ROLE)

    def dispatch_to(self, cases: list[CaseRef], target: DispatchTarget) -> bool:
        """Check the rules, report every refused case, dispatch the rest; False when none may go."""
        judged = self._judge(cases, target)
        allowed = [c for c, reason in judged if reason is None]
        refused = [self._refusal_text(c, reason, target) for c, reason in judged if reason is not None]
        if not allowed:
            self._show(fill(self.tr("Not dispatched to %1:"), target.name), refused, error=True)
            return False
        self.controller.dispatch(allowed, target, refused)
        return True

    def dispatch_to_worker(self, cases: list[CaseRef], worker_id: int) -> bool:
        """A drop on a worker elsewhere (the map): the same rules and report as a drop on the board."""
        row = self.model.row_of((TargetKind.WORKER.value, worker_id))
        if row < 0:
            self._show(self.tr("This worker is not among your dispatch targets."), [], error=True)
            return False
        return self.dispatch_to(cases, self.model.targets()[row])

    def undo(self) -> None:
        if self._undoable:
            self._undo_timer.stop()
            self.undo_button.hide()
            self.controller.recall(self._undoable)
            self._undoable = []

    @property
    def undo_offered(self) -> bool:
        return bool(self._undoable) and self.undo_button.isVisibleTo(self)

    # -- drops --------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.view.viewport():
            return False
        kind = event.type()
        if kind == QEvent.Type.DragEnter:
            if decode_cases(event.mimeData()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.DragMove:
            self._drag_move(event)
            return True
        if kind == QEvent.Type.Drop:
            self._drop(event)
            return True
        return False

    def _target_under(self, event: QDragMoveEvent | QDropEvent) -> DispatchTarget | None:
        index = self.view.indexAt(event.position().toPoint())
        return index.data(TARGET_ROLE) if index.isValid() else None

    def _drag_move(self, event: QDragMoveEvent) -> None:
        cases, target = decode_cases(event.mimeData()), self._target_under(event)
        if target is None or not cases:
            event.ignore()
            return
        self.view.selectRow(self.view.indexAt(event.position().toPoint()).row())
        if any(reason is None for _, reason in self._judge(cases, target)):
            event.acceptProposedAction()
        else:
            event.ignore()

    def _drop(self, event: QDropEvent) -> None:
        cases, target = decode_cases(event.mimeData()), self._target_under(event)
        if target is not None and cases and self.dispatch_to(cases, target):
            event.acceptProposedAction()
        else:
            event.ignore()

    def _judge(self, cases: list[CaseRef], target: DispatchTarget) -> list[tuple[CaseRef, Refusal | None]]:
        role, paths, rules = self.model.actor.role, self.model.grid_paths, self.controller.rules
        return [(c, refusal(c, target, role, paths, rules)) for c in cases]

    # -- reporting ----------------------------------------------------------------------------------------

    def _refusal_text(self, case: CaseRef, reason: Refusal, target: DispatchTarget) -> str:
        why = {Refusal.STATE: fill(self.tr("it is “%1”; only filed or returned cases can be dispatched"),
                                   state_label(case.state)),
               Refusal.ROLE: self.tr("your role may not dispatch cases"),
               Refusal.OUTSIDE: fill(self.tr("it lies outside %1"), target.name),
               Refusal.GRID: fill(self.tr("%1 does not serve its grid"), target.name)}[reason]
        return fill(self.tr("%1: %2"), case.case_no, why)

    def _outcome_text(self, outcome: Outcome) -> str:
        """A case the database refused: the rule, or who changed it first and what it is now."""
        why = render_message(outcome.why) if outcome.why else outcome.message
        return fill(self.tr("%1: %2"), outcome.case_no, why)

    def _dispatched(self, target: DispatchTarget, outcomes: list[Outcome], skipped: list[str]) -> None:
        done = [o for o in outcomes if o.ok]
        failed = [self._outcome_text(o) for o in outcomes if not o.ok] + skipped
        total = len(outcomes) + len(skipped)
        head = fill(self.tr("Dispatched %1 of %2 cases to %3."), QLocale().toString(len(done)),
                    QLocale().toString(total), target.name)
        self._undoable = done
        self._show(head, failed, error=not done)
        self.undo_button.setVisible(bool(done))
        if done:
            self._undo_timer.start()
        self.model.refresh()
        self.sig_dispatched.emit([o.id for o in outcomes])

    def _recalled(self, outcomes: list[Outcome]) -> None:
        done = [o for o in outcomes if o.ok]
        failed = [self._outcome_text(o) for o in outcomes if not o.ok]
        self._show(fill(self.tr("Dispatch of %1 cases undone."), QLocale().toString(len(done))), failed,
                   error=bool(failed))
        self.model.refresh()
        self.sig_dispatched.emit([o.id for o in outcomes])

    def _failed(self, message: str) -> None:
        self._show(fill(self.tr("The dispatch could not be written: %1"), message), [], error=True)

    def _undo_expired(self) -> None:
        self._undoable = []
        self.undo_button.hide()

    def _show(self, head: str, lines: list[str], error: bool) -> None:
        self.message_label.setText("\n".join([head, *lines]))
        self.message_bar.setStyleSheet(_ERROR_STYLE if error else _INFO_STYLE)
        self.undo_button.setVisible(False)
        self.message_bar.show()
