"""The dossier (一户一档) in the main window: its dock, opened from the premises table (double-click or
Enter), the map's identify card and the map search; "new premise here" on the map's context menu; and the
reload when the change feed reports a change to the premise on screen. Kept out of main_window.py so the
window file stays a table of contents."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

from console.qtmodels.premise_dossier import PremiseDossier
from console.services.premise_photos import CHANGE_ENTITY as PHOTOS_ENTITY
from widgets.premises.dossier_panel import DossierPanel

UNDELIVERED = ("queued", "retry")


@dataclass
class DossierWiring:
    model: PremiseDossier
    panel: DossierPanel
    dock: QDockWidget

    def open(self, premise_id: int) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.show_premise(premise_id)

    def new_premise_at(self, lon: float, lat: float) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.new_premise((lon, lat, None))

    def on_changes(self, rows: list) -> None:
        """Reload the premise on screen when it or its photos changed elsewhere, or when an SMS it waits on
        moved on."""
        shown = self.model.dossier
        if shown is None:
            return
        waiting = any(e.kind == "sms" and e.state in UNDELIVERED for e in shown.timeline)
        if any((row.entity in ("premise", PHOTOS_ENTITY) and row.entity_id == shown.id)
               or (row.entity == "sms" and waiting) for row in rows):
            self.model.reload()


def wire_dossier(window: QMainWindow) -> DossierWiring:
    """Build the dock and connect it; call after the premises panel, the map and the change feed exist."""
    model = PremiseDossier(window.runner, window.actor, parent=window)
    panel = DossierPanel(model, window)
    dock = window._dock(panel, QCoreApplication.translate("DossierWiring", "Dossier"), "dossierDock")
    wiring = DossierWiring(model, panel, dock)
    window.premises_panel.sig_premise_activated.connect(wiring.open)
    window.map_panel.card.sig_open_dossier.connect(wiring.open)
    window.map_panel.search.premise_chosen.connect(wiring.open)
    panel.sig_show_on_map.connect(lambda pid: window.map_panel.show_object("premises", pid))
    window.map_panel.add_context_action(QCoreApplication.translate("DossierWiring", "New premise here"),
                                        lambda lon, lat, _hit: wiring.new_premise_at(lon, lat))
    window.feed.sig_changes.connect(wiring.on_changes)
    return wiring
