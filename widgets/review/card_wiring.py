"""The worker card in the main window: its dock (a tab beside the ranking), opened from a ranking row for the
ranking's period; a day of the card opens the track replay, a score line its incident or its premise's
dossier; both reload when the change feed reports new score lines or adjustments. Kept out of
main_window.py so the window file stays a table of contents."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

from widgets.review.ranking_panel import RankingPanel
from widgets.review.worker_card import WorkerCardPanel

SCORE_ENTITIES = ("score_lines", "score_adjustments")


@dataclass
class WorkerCardWiring:
    panel: WorkerCardPanel
    dock: QDockWidget

    def open(self, worker_id: int, period: str | None = None) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.show_worker(worker_id, period)

    def on_changes(self, rows: list, ranking: RankingPanel) -> None:
        """Scores recomputed or adjusted elsewhere: the ranking and the card on screen read them again."""
        if any(row.entity in SCORE_ENTITIES for row in rows):
            ranking.reload()
            self.panel.reload()


def wire_worker_card(window: QMainWindow) -> WorkerCardWiring:
    """Build the dock and connect it; call after the ranking, replay, incident and dossier panels exist."""
    panel = WorkerCardPanel(window.runner, window.actor, window)
    dock = window._dock(panel, QCoreApplication.translate("WorkerCardWiring", "Worker card"), "workerCardDock")
    wiring = WorkerCardWiring(panel, dock)
    ranking = window.ranking_panel
    ranking.sig_worker_opened.connect(lambda wid: wiring.open(wid, ranking.period_combo.currentData()))
    panel.sig_replay_requested.connect(window._replay_worker)
    panel.sig_record_opened.connect(lambda table, rid: window._show_incident(rid) if table == "incidents" else None)
    panel.sig_premise_opened.connect(window.dossier.open)
    window.feed.sig_changes.connect(lambda rows: wiring.on_changes(rows, ranking))
    return wiring
