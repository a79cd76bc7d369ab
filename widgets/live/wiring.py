"""Live worker state in the main window: the silence watch fed by the change feed, its notices dock, a
status-bar message per new notice, the map's worker symbols repainted on every check with the same
thresholds. Kept out of main_window.py so the window file stays a table of contents."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

from console.domain.live_status import DEFAULT_LIVE, LiveRules
from console.qtmodels.live_watch import LiveNotice, LiveWatch
from widgets.live.notices_panel import SilenceNoticesPanel

STATUS_MS = 15_000


@dataclass
class LiveWiring:
    watch: LiveWatch
    panel: SilenceNoticesPanel
    dock: QDockWidget


def wire_live(window: QMainWindow, rules: LiveRules = DEFAULT_LIVE) -> LiveWiring:
    """Build the watch and its dock; call after the map, the replay and the change feed exist."""
    watch = LiveWatch(window.runner, window.actor, rules, parent=window)
    panel = SilenceNoticesPanel(watch, window)
    dock = window._dock(panel, QCoreApplication.translate("LiveWiring", "Silent workers"), "liveDock")
    workers = window.map_panel.workers
    workers.set_thresholds(rules.online_within_s, rules.stale_within_s)
    watch.sig_checked.connect(workers.redraw.emit)
    window.feed.sig_changes.connect(watch.on_changes)

    def announce(notice: LiveNotice) -> None:
        window.statusBar().showMessage(panel.notice_text(notice), STATUS_MS)

    watch.sig_raised.connect(announce)
    panel.sig_worker_activated.connect(lambda wid: _replay_today(window, wid))
    watch.start()
    return LiveWiring(watch, panel, dock)


def _replay_today(window: QMainWindow, worker_id: int) -> None:
    window.replay_dock.show()
    window.replay_dock.raise_()
    window.replay_panel.show_worker(worker_id, date.today())
