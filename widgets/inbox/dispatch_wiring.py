"""The dispatch board in the main window: its dock, Ctrl+D in the inbox, drops on workers on the map, and
the refreshes that follow a dispatch here or a change anywhere (the change feed). Kept out of
main_window.py so the window file stays a table of contents."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QMainWindow

from console.qtmodels.dispatch_targets import DispatchController, DispatchTargetsModel
from console.qtmodels.incident_mime import decode_cases
from widgets.inbox.dispatch_board import DispatchBoard
from widgets.inbox.dispatch_dialog import DispatchDialog
from widgets.map.canvas_drop import CanvasIncidentDrop

DISPATCH_SHORTCUT = "Ctrl+D"


@dataclass
class DispatchWiring:
    model: DispatchTargetsModel
    controller: DispatchController
    board: DispatchBoard
    dock: QDockWidget
    map_drop: CanvasIncidentDrop
    shortcut: QShortcut

    def open_dialog(self, window: QMainWindow) -> DispatchDialog | None:
        """The keyboard path: the inbox's selected cases, a target chosen in a searchable list."""
        table = window.inbox_panel.table
        cases = decode_cases(window.inbox_model.mimeData(table.selectionModel().selectedRows()))
        if not cases:
            window.statusBar().showMessage(
                QCoreApplication.translate("DispatchWiring", "Select the cases to dispatch first."), 5000)
            return None
        dialog = DispatchDialog(self.model, [c.case_no for c in cases], window)

        def chosen() -> None:
            target = dialog.chosen_target()
            if target is not None:
                self.show_board()
                self.board.dispatch_to(cases, target)
        dialog.accepted.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def show_board(self) -> None:
        self.dock.show()
        self.dock.raise_()


def wire_dispatch(window: QMainWindow) -> DispatchWiring:
    """Build the board and connect it; call after the inbox, the map and the change feed exist."""
    model = DispatchTargetsModel(window.runner, window.actor, parent=window)
    controller = DispatchController(window.runner, window.actor, parent=window)
    board = DispatchBoard(model, controller, window)
    dock = window._dock(board, QCoreApplication.translate("DispatchWiring", "Dispatch board"), "dispatchDock")
    shortcut = QShortcut(QKeySequence(DISPATCH_SHORTCUT), window.inbox_panel.table)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def dropped_on_worker(cases: list, worker_id: int) -> bool:
        dock.show()
        dock.raise_()
        return board.dispatch_to_worker(cases, worker_id)

    map_drop = CanvasIncidentDrop(window.map_panel.canvas, dropped_on_worker)
    wiring = DispatchWiring(model, controller, board, dock, map_drop, shortcut)

    def changed(rows: list) -> None:
        if any(row.entity in ("incident", "incidents") for row in rows):
            model.refresh()

    def written(ids: list[int]) -> None:
        window.inbox_model.refresh()
        shown = window.incident_panel.detail
        if shown is not None and shown.id in ids:
            window.incident_panel.show_incident(shown.id)
    shortcut.activated.connect(lambda: wiring.open_dialog(window))
    board.sig_dispatched.connect(written)
    window.incident_panel.sig_incident_changed.connect(lambda _id: model.refresh())
    window.feed.sig_changes.connect(changed)
    model.refresh()
    return wiring
