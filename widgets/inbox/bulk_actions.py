"""Bulk actions on the inbox's multi-selection, from the right-click menu on its rows: only the actions
allowed for every selected case are offered; each case is done in its own transaction, and the result says
how many went through and, per refused case, why ("#… already accepted by 张三")."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu, QMessageBox

from console.domain.incident_workflow import Action
from console.qtmodels.error_messages import render_error, render_message
from console.qtmodels.inbox_model import ROW_ROLE
from console.qtmodels.incident_labels import action_text, state_label
from console.qtmodels.labels import fill
from console.qtmodels.tasks import TaskRunner
from console.services.incident_bulk import BULK_FIELDS, BulkResult, CaseRefusal, bulk_actions, run_bulk
from console.services.incident_detail import NOTE_REQUIRED
from console.services.incident_queues import InboxRow
from console.services.jurisdiction import Actor
from widgets.inbox.action_dialog import ActionDialog
from widgets.inbox.inbox_panel import InboxPanel

MAX_REFUSALS_SHOWN = 15


class InboxBulkActions(QObject):
    """Owns the inbox table's right-click menu. `extra_actions` adds entries that do not need a selection
    (e.g. "New incident…")."""

    sig_done = Signal(object)  # BulkResult, after the last case

    def __init__(self, panel: InboxPanel, runner: TaskRunner, actor: Actor,
                 extra_actions: Callable[[QMenu], None] | None = None) -> None:
        super().__init__(panel)
        self._panel, self._runner, self._actor, self._extra = panel, runner, actor, extra_actions
        self.menu: QMenu | None = None
        self.result_box: QMessageBox | None = None
        self.busy = False
        table = panel.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu_requested)

    def selected_rows(self) -> list[InboxRow]:
        table = self._panel.table
        rows = sorted(index.row() for index in table.selectionModel().selectedRows())
        return [table.model().index(r, 0).data(ROW_ROLE) for r in rows]

    def allowed(self, rows: list[InboxRow]) -> list[Action]:
        return bulk_actions(((r.state, r.level) for r in rows), self._actor.role)

    def build_menu(self) -> QMenu:
        """The menu for the current selection (built fresh each time: the selection decides)."""
        menu = QMenu(self._panel)
        menu.setObjectName("inboxContextMenu")
        rows = self.selected_rows()
        loading = None in rows  # a selected page is being fetched again (it had been scrolled far away)
        actions = self.allowed(rows) if rows and not self.busy and not loading else []
        if loading:
            menu.addAction(self.tr("Loading the selected cases…")).setEnabled(False)
        for action in actions:
            text = fill(self.tr("%1 (%2 cases)"), action_text(action), len(rows)) if len(rows) > 1 \
                else action_text(action)
            entry = menu.addAction(text, lambda a=action: self.start(a))
            entry.setObjectName(f"bulk_{action.value}")
        if rows and not actions and not loading:
            menu.addAction(self.tr("No action is allowed for all selected cases")).setEnabled(False)
        if self._extra is not None:
            if not menu.isEmpty():
                menu.addSeparator()
            self._extra(menu)
        return menu

    def _menu_requested(self, pos: QPoint) -> None:
        self.menu = self.build_menu()
        self.menu.popup(self._panel.table.viewport().mapToGlobal(pos))

    def start(self, action: Action) -> None:
        """Ask what the action needs once for all, then run it; the selection is taken now."""
        rows = self.selected_rows()
        if not rows or None in rows or action not in self.allowed(rows):
            return
        fields = BULK_FIELDS[action]
        if not fields:
            self.run(action, rows, {})
            return
        title = fill(self.tr("%1 (%2 cases)"), action_text(action), len(rows))
        dialog = ActionDialog(title, fields, action in NOTE_REQUIRED, "", [], None, self._panel)
        dialog.accepted.connect(lambda: self.run(action, rows, dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def run(self, action: Action, rows: list[InboxRow], data: dict[str, Any]) -> None:
        self.busy = True
        actor, cases = self._actor, [(r.id, r.version) for r in rows]
        self._runner.submit(lambda session: run_bulk(session, actor, action, cases, data), self._finished,
                            self._failed)

    def _finished(self, result: BulkResult) -> None:
        self.busy = False
        self.sig_done.emit(result)
        self._tell(self.summary(result), bool(result.refused))

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._tell(fill(self.tr("The action was not applied: %1"), render_error(exc)), True)

    def summary(self, result: BulkResult) -> str:
        head = fill(self.tr("%1: %2 done, %3 refused"), action_text(result.action), len(result.done),
                    len(result.refused))
        lines = [self.refusal_text(r) for r in result.refused[:MAX_REFUSALS_SHOWN]]
        if len(result.refused) > MAX_REFUSALS_SHOWN:
            lines.append(fill(self.tr("… and %1 more"), len(result.refused) - MAX_REFUSALS_SHOWN))
        return "\n".join([head + (":" if lines else "."), *lines])

    def refusal_text(self, r: CaseRefusal) -> str:
        if r.conflict and r.by:
            return fill(self.tr("#%1 already %2 by %3"), r.case_no, state_label(r.state or ""), r.by)
        if r.conflict:
            return fill(self.tr("#%1 was changed at another workstation and is now “%2”"), r.case_no,
                        state_label(r.state or ""))
        return fill(self.tr("#%1: %2"), r.case_no, render_message(r.why) if r.why else r.reason)

    def _tell(self, text: str, warn: bool) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information,
                          self.tr("Bulk action"), text, QMessageBox.StandardButton.Ok, self._panel)
        box.setObjectName("bulkResult")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result_box = box
        box.open()
