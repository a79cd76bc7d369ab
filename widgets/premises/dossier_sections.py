"""Parts of the dossier panel: the translated names of premise fields by key (shared with the form), the
colour badge, the "why this colour" list, and the history timeline."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QWidget

from console.qtmodels.labels import (
    PREMISE_FIELDS,
    STATUS_COLOURS,
    fill,
    premise_field_label,
    premise_type_label,
    status_label,
)
from console.services.premise_dossier import Finding, TimelineEntry

TIME_FORMAT = "%Y-%m-%d %H:%M"
SERIOUS_COLOUR = QColor("#c62828")


EVENTS = {
    "inspection": QT_TRANSLATE_NOOP("DossierTimeline", "Inspection"),
    "finding": QT_TRANSLATE_NOOP("DossierTimeline", "Problem found"),
    "resolved": QT_TRANSLATE_NOOP("DossierTimeline", "Problem rectified"),
    "notice": QT_TRANSLATE_NOOP("DossierTimeline", "Rectification notice"),
    "sms": QT_TRANSLATE_NOOP("DossierTimeline", "SMS to owner"),
    "edit": QT_TRANSLATE_NOOP("DossierTimeline", "Edited"),
    "photo_added": QT_TRANSLATE_NOOP("DossierTimeline", "Photo added"),
    "photo_removed": QT_TRANSLATE_NOOP("DossierTimeline", "Photo removed"),
}
STATES = {
    "notice": {"open": QT_TRANSLATE_NOOP("DossierTimeline", "open"),
               "closed": QT_TRANSLATE_NOOP("DossierTimeline", "closed"),
               "superseded": QT_TRANSLATE_NOOP("DossierTimeline", "superseded")},
    "sms": {"queued": QT_TRANSLATE_NOOP("DossierTimeline", "queued"),
            "retry": QT_TRANSLATE_NOOP("DossierTimeline", "retrying"),
            "sent": QT_TRANSLATE_NOOP("DossierTimeline", "sent"),
            "failed": QT_TRANSLATE_NOOP("DossierTimeline", "failed")},
}


def field_labels() -> dict[str, str]:
    """Premise field keys (as the services name them) → what the operator reads."""
    return {key: premise_field_label(key) for key in PREMISE_FIELDS}


def severity_label(severity: str) -> str:
    if severity == "serious":
        return QCoreApplication.translate("PremiseFields", "Serious")
    return QCoreApplication.translate("PremiseFields", "Minor")


class ColourBadge(QLabel):
    """The status colour as a filled pill with its name (正常 / 部分整改 / 全面整改 / 取缔)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossierColour")
        self.colour = ""

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        fill_colour = STATUS_COLOURS.get(colour, QColor("#888888"))
        text = "#222222" if colour == "yellow" else "white"
        self.setText(status_label(colour))
        self.setStyleSheet(f"QLabel {{ background: {fill_colour.name()}; color: {text}; border-radius: 9px;"
                           " padding: 2px 10px; font-weight: bold; }")


def findings_text(findings: tuple[Finding, ...]) -> str:
    """Why the premise has its colour, one open finding a line (serious ones first)."""
    if not findings:
        return QCoreApplication.translate("PremiseFields", "No open problems.")
    ordered = sorted(findings, key=lambda f: (f.severity != "serious", f.found_at))
    return "\n".join(f"• {f.text} ({severity_label(f.severity)}, {f.found_at:%Y-%m-%d})" for f in ordered)


def _kind_text(kind: str) -> str:
    return QCoreApplication.translate("DossierTimeline", EVENTS[kind]) if kind in EVENTS else kind


def _state_text(entry: TimelineEntry) -> str:
    if entry.kind == "inspection":
        return status_label(entry.state)
    if entry.kind in ("finding", "resolved"):
        return severity_label(entry.state)
    if entry.kind not in STATES:
        return ""  # an edit's old value is in its details
    source = STATES[entry.kind].get(entry.state)
    return QCoreApplication.translate("DossierTimeline", source) if source else entry.state


def _edit_value(field: str, value: str) -> str:
    if field == "type" and value:
        return premise_type_label(value)
    return value or "—"


def _detail_text(entry: TimelineEntry) -> str:
    if entry.kind == "inspection":
        return " · ".join(part for part in (entry.subject, entry.detail) if part)
    if entry.kind == "finding":
        return f"{entry.subject} · {entry.detail}" if entry.detail else entry.subject
    if entry.kind in ("resolved", "photo_added", "photo_removed"):
        return entry.subject
    if entry.kind == "notice":
        return fill(QCoreApplication.translate("DossierTimeline", "No. %1, rectify by %2"), entry.subject,
                    entry.detail)
    if entry.kind == "sms":
        return f"{entry.subject} · {entry.detail}"
    label = field_labels().get(entry.subject, entry.subject)
    if not entry.state:
        return fill(QCoreApplication.translate("DossierTimeline", "%1: %2"), label,
                    _edit_value(entry.subject, entry.detail))
    return fill(QCoreApplication.translate("DossierTimeline", "%1: %2 → %3"), label,
                _edit_value(entry.subject, entry.state), _edit_value(entry.subject, entry.detail))


class TimelineView(QTreeWidget):
    """The dossier's whole history, newest first: time, what happened, state, by whom, details."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossierTimeline")
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setHeaderLabels([self.tr("Time"), self.tr("Event"), self.tr("State"), self.tr("By"),
                              self.tr("Details")])
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)

    def set_entries(self, entries: tuple[TimelineEntry, ...]) -> None:
        self.clear()
        for entry in entries:
            item = QTreeWidgetItem([_time(entry.at), _kind_text(entry.kind), _state_text(entry), entry.actor,
                                    _detail_text(entry)])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.kind)
            item.setToolTip(4, _detail_text(entry))
            if entry.kind == "inspection" and entry.state in STATUS_COLOURS:
                item.setForeground(2, QBrush(STATUS_COLOURS[entry.state].darker(120)))
            if entry.kind == "finding" and entry.state == "serious":
                item.setForeground(2, QBrush(SERIOUS_COLOUR))
            if entry.kind == "sms" and entry.state == "failed":
                item.setForeground(2, QBrush(SERIOUS_COLOUR))
            self.addTopLevelItem(item)


def _time(moment: datetime) -> str:
    return moment.strftime(TIME_FORMAT)
