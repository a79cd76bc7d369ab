"""Display labels for the incident keys (states, sources, queues, priorities, categories, deadline status)
through Qt translation, like console.qtmodels.labels does for premises.

The English source strings are marked for lupdate; the zh_CN catalogue should carry the Chinese of the
domain tables (incident_states.STATE_LABELS, incident_sources, incident_queues.QUEUE_LABELS,
incident_catalog.CATEGORIES, deadlines.STATUS_LABELS)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

_CONTEXT = "IncidentLabels"

STATES = {
    "reported": QT_TRANSLATE_NOOP("IncidentLabels", "Reported"),
    "accepted": QT_TRANSLATE_NOOP("IncidentLabels", "Accepted"),
    "rejected": QT_TRANSLATE_NOOP("IncidentLabels", "Rejected"),
    "duplicate": QT_TRANSLATE_NOOP("IncidentLabels", "Duplicate"),
    "filed": QT_TRANSLATE_NOOP("IncidentLabels", "Filed"),
    "dispatched": QT_TRANSLATE_NOOP("IncidentLabels", "Dispatched"),
    "signed": QT_TRANSLATE_NOOP("IncidentLabels", "Signed for"),
    "returned": QT_TRANSLATE_NOOP("IncidentLabels", "Returned"),
    "handling": QT_TRANSLATE_NOOP("IncidentLabels", "Handling"),
    "handled": QT_TRANSLATE_NOOP("IncidentLabels", "Handled"),
    "verifying": QT_TRANSLATE_NOOP("IncidentLabels", "Verifying"),
    "rework": QT_TRANSLATE_NOOP("IncidentLabels", "Rework"),
    "closed": QT_TRANSLATE_NOOP("IncidentLabels", "Closed"),
    "evaluated": QT_TRANSLATE_NOOP("IncidentLabels", "Evaluated"),
    "archived": QT_TRANSLATE_NOOP("IncidentLabels", "Archived"),
}
SOURCES = {
    "grid_worker": QT_TRANSLATE_NOOP("IncidentLabels", "Grid worker"),
    "citizen_app": QT_TRANSLATE_NOOP("IncidentLabels", "Citizen app"),
    "hotline_12345": QT_TRANSLATE_NOOP("IncidentLabels", "12345 hotline"),
    "police_110": QT_TRANSLATE_NOOP("IncidentLabels", "110 non-police"),
    "iot_sensor": QT_TRANSLATE_NOOP("IncidentLabels", "IoT sensor"),
    "video": QT_TRANSLATE_NOOP("IncidentLabels", "Video"),
    "warning": QT_TRANSLATE_NOOP("IncidentLabels", "Warning"),
    "walk_in": QT_TRANSLATE_NOOP("IncidentLabels", "Walk-in"),
    "phone": QT_TRANSLATE_NOOP("IncidentLabels", "Phone"),
    "import": QT_TRANSLATE_NOOP("IncidentLabels", "Imported"),
}
QUEUES = {
    "new": QT_TRANSLATE_NOOP("IncidentLabels", "New"),
    "to_file": QT_TRANSLATE_NOOP("IncidentLabels", "To file"),
    "to_dispatch": QT_TRANSLATE_NOOP("IncidentLabels", "To dispatch"),
    "in_handling": QT_TRANSLATE_NOOP("IncidentLabels", "In handling"),
    "to_verify": QT_TRANSLATE_NOOP("IncidentLabels", "To verify"),
    "due_soon": QT_TRANSLATE_NOOP("IncidentLabels", "Due soon"),
    "overdue": QT_TRANSLATE_NOOP("IncidentLabels", "Overdue"),
    "supervised": QT_TRANSLATE_NOOP("IncidentLabels", "Supervised"),
    "mine": QT_TRANSLATE_NOOP("IncidentLabels", "Mine"),
    "all": QT_TRANSLATE_NOOP("IncidentLabels", "All"),
}
PRIORITIES = {
    1: QT_TRANSLATE_NOOP("IncidentLabels", "Urgent"),
    2: QT_TRANSLATE_NOOP("IncidentLabels", "High"),
    3: QT_TRANSLATE_NOOP("IncidentLabels", "Normal"),
    4: QT_TRANSLATE_NOOP("IncidentLabels", "Low"),
}
CATEGORIES = {
    "dispute": QT_TRANSLATE_NOOP("IncidentLabels", "Dispute"),
    "public_security": QT_TRANSLATE_NOOP("IncidentLabels", "Public security hazard"),
    "fire_safety": QT_TRANSLATE_NOOP("IncidentLabels", "Fire safety"),
    "production_safety": QT_TRANSLATE_NOOP("IncidentLabels", "Production safety"),
    "food_safety": QT_TRANSLATE_NOOP("IncidentLabels", "Food safety"),
    "rental_housing": QT_TRANSLATE_NOOP("IncidentLabels", "Rental housing"),
    "special_groups": QT_TRANSLATE_NOOP("IncidentLabels", "Special groups"),
    "city_appearance": QT_TRANSLATE_NOOP("IncidentLabels", "City appearance"),
    "advertising": QT_TRANSLATE_NOOP("IncidentLabels", "Advertising"),
    "construction": QT_TRANSLATE_NOOP("IncidentLabels", "Construction"),
    "street_order": QT_TRANSLATE_NOOP("IncidentLabels", "Street order"),
    "environment": QT_TRANSLATE_NOOP("IncidentLabels", "Environment"),
    "emergency": QT_TRANSLATE_NOOP("IncidentLabels", "Emergency"),
}
DEADLINE_STATUSES = {
    "due_soon": QT_TRANSLATE_NOOP("IncidentLabels", "Due soon"),
    "overdue": QT_TRANSLATE_NOOP("IncidentLabels", "Overdue"),
}
DEADLINE_COLOURS = {"due_soon": QColor("#e08600"), "overdue": QColor("#c62828")}
URGENT_COLOUR = QColor("#c62828")


def _label(table: dict, key) -> str:
    """Unknown keys (a category added by an admin, data from a newer version) show as stored."""
    source = table.get(key)
    return QCoreApplication.translate(_CONTEXT, source) if source else str(key)


def state_label(key: str) -> str:
    return _label(STATES, key)


def source_label(key: str) -> str:
    return _label(SOURCES, key)


def queue_label(key: str) -> str:
    return _label(QUEUES, key)


def priority_label(value: int) -> str:
    return _label(PRIORITIES, value)


def category_label(key: str) -> str:
    return _label(CATEGORIES, key)


def deadline_status_label(key: str) -> str:
    return _label(DEADLINE_STATUSES, key) if key in DEADLINE_STATUSES else ""
