"""The video wall in the main window: camera online upkeep, the tree following the change feed, and
snapshots attached to the case open in the incident detail panel. Kept out of main_window.py so the window
file stays a table of contents."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from console.qtmodels.labels import fill
from console.qtmodels.video_health import CameraHealth
from console.qtmodels.video_incident import IncidentLink
from console.services.incident_attachments import ATTACH_OP

STATUS_MS = 5000


@dataclass
class VideoWiring:
    health: CameraHealth
    link: IncidentLink


def wire_video(window: QMainWindow) -> VideoWiring:
    """Call after the video panel, the incident detail panel and the change feed exist."""
    panel, detail_panel = window.video_panel, window.incident_panel
    health = CameraHealth(window.runner, window.actor, parent=window)
    link = IncidentLink(window.runner, window.actor, parent=window)
    panel.use_health(health)
    panel.use_incident_link(link)
    panel.sig_message.connect(lambda text: window.statusBar().showMessage(text, STATUS_MS))
    health.sig_failed.connect(lambda why: window.statusBar().showMessage(fill(QCoreApplication.translate(
        "VideoWiring", "Camera state not saved: %1"), why), STATUS_MS))

    def case_shown(incident_id: int) -> None:
        detail = detail_panel.detail
        link.set_incident(incident_id, detail.case_no if detail is not None else str(incident_id))

    def changes(rows: list) -> None:
        window.camera_model.apply_changes(rows)
        shown = detail_panel.detail
        if shown is not None and any(r.entity == "incident" and r.op == ATTACH_OP and r.entity_id == shown.id
                                     for r in rows):
            detail_panel.photos.load(shown.id)

    detail_panel.sig_loaded.connect(case_shown)
    window.feed.sig_changes.connect(changes)
    return VideoWiring(health, link)
