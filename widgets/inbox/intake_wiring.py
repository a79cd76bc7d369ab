"""Intake in the main window: an "Incidents" menu (New incident… Ctrl+N, Import…, Export…), the inbox rows'
right-click menu with the bulk actions, "New incident here…" in the map's right-click menu, and the map as
the intake form's point picker. Kept out of main_window.py, which only creates it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from console.domain.roles import Role
from console.qtmodels.labels import fill
from widgets.inbox.bulk_actions import InboxBulkActions
from widgets.inbox.export_dialog import ExportDialog
from widgets.inbox.import_dialog import ImportDialog
from widgets.inbox.intake_dialog import IntakeDialog
from widgets.map.tools import PickPointTool

if TYPE_CHECKING:
    from collections.abc import Callable

    from console.services.incident_intake import TakenIn
    from widgets.main_window import MainWindow

STATUS_MS = 8000


class IncidentIntake(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        may_write = window.actor.role is not Role.WALL
        self.new_action = QAction(self.tr("&New incident…"), window)
        self.new_action.setObjectName("newIncident")
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.new_action.triggered.connect(lambda: self.new_incident())
        self.import_action = QAction(self.tr("&Import incidents…"), window)
        self.import_action.setObjectName("importIncidents")
        self.import_action.triggered.connect(self.import_incidents)
        self.export_action = QAction(self.tr("&Export incidents…"), window)
        self.export_action.setObjectName("exportIncidents")
        self.export_action.triggered.connect(self.export_incidents)
        for action in (self.new_action, self.import_action):
            action.setEnabled(may_write)
        window.addAction(self.new_action)

        bar = window.menuBar()
        self.menu = QMenu(self.tr("&Incidents"), bar)
        self.menu.addAction(self.new_action)
        self.menu.addSeparator()
        self.menu.addAction(self.import_action)
        self.menu.addAction(self.export_action)
        menus = bar.actions()
        if menus:
            bar.insertMenu(menus[-1], self.menu)  # before Help
        else:
            bar.addMenu(self.menu)

        self.bulk = InboxBulkActions(window.inbox_panel, window.runner, window.actor,
                                     extra_actions=lambda menu: menu.addAction(self.new_action))
        self.bulk.sig_done.connect(lambda _result: window.inbox_model.refresh())
        if may_write:
            window.map_panel.add_context_action(self.tr("New incident here…"),
                                                lambda lon, lat, _hit: self.new_incident(lon, lat))
        self.dialog: IntakeDialog | None = None

    def new_incident(self, lon: float | None = None, lat: float | None = None) -> IntakeDialog:
        """Open the intake form (one at a time, not modal: the map stays clickable for the pick)."""
        w = self._window
        if self.dialog is None:
            self.dialog = IntakeDialog(w.runner, w.actor, pick_point=self._pick_on_map, parent=w)
            self.dialog.sig_created.connect(self._created)
            self.dialog.finished.connect(self._dialog_closed)
        self.dialog.show()
        self.dialog.raise_()
        if lon is not None and lat is not None:
            self.dialog.set_location(lon, lat)
        return self.dialog

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _pick_on_map(self, callback: Callable[[float, float], None]) -> None:
        canvas = self._window.map_panel.canvas
        canvas.set_tool(PickPointTool(callback))
        canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def _created(self, taken: TakenIn) -> None:
        w = self._window
        w.inbox_model.refresh()
        w.statusBar().showMessage(fill(self.tr("Case %1 created in grid %2."), taken.case_no, taken.grid_name),
                                  STATUS_MS)

    def import_incidents(self) -> ImportDialog:
        w = self._window
        dialog = ImportDialog(w.runner, w.actor, w)
        dialog.sig_imported.connect(lambda _n: w.inbox_model.refresh())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def export_incidents(self) -> ExportDialog:
        w = self._window
        dialog = ExportDialog(w.runner, w.actor, w.inbox_model.query, w)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
