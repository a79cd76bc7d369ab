"""How the replay and the day sheet word a worker-day: durations as h:mm, the figures line, event names.

Shared so the printed sheet says exactly what the panel shows; the strings keep the replay panel's
translation context."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from console.qtmodels.labels import fill
from console.services.track_events import CHECKIN, TrackEvent
from console.services.tracks import DaySummary


def duration_text(seconds: float | None) -> str:
    """h:mm, the way duty sheets write durations; None (no grids known) shows as a dash."""
    if seconds is None:
        return "—"
    minutes = round(seconds / 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def figures_text(summary: DaySummary) -> str:
    track, locale = summary.track, QLocale()
    if not track.fixes:
        return QCoreApplication.translate("TrackReplayPanel", "No positions on this day.")
    return fill(
        QCoreApplication.translate(
            "TrackReplayPanel",
            "Distance %1 km · moving %2 · stopped %3 · %4 stops · inside own grids %5 · outside %6 · "
            "premises visited %7 of %8 due · %9 fixes dropped"),
        locale.toString(track.distance_m / 1000.0, "f", 2), duration_text(track.moving_s),
        duration_text(track.stopped_s), locale.toString(len(track.stops)), duration_text(track.inside_s),
        duration_text(track.outside_s), locale.toString(summary.premises_visited),
        locale.toString(summary.premises_due), locale.toString(sum(summary.dropped.values())))


def event_kind_text(event: TrackEvent) -> str:
    if event.kind == CHECKIN:
        if event.flagged:
            return QCoreApplication.translate("TrackReplayPanel", "Check-in (far from the premise)")
        return QCoreApplication.translate("TrackReplayPanel", "Check-in")
    return QCoreApplication.translate("TrackReplayPanel", "Incident report")
