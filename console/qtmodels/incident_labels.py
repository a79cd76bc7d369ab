"""Display labels for the incident keys (states, sources, queues, priorities, categories, deadline status,
actions and fields) through Qt translation, like console.qtmodels.labels does for premises.

The English source strings are marked for lupdate; the zh_CN catalogue should carry the Chinese of the
domain tables (incident_states.STATE_LABELS, incident_sources, incident_queues.QUEUE_LABELS,
incident_catalog.CATEGORIES, deadlines.STATUS_LABELS)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from console.domain.incident_workflow import Action

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
ACTION_TEXTS = {
    Action.ACCEPT: QT_TRANSLATE_NOOP("IncidentActions", "Accept"),
    Action.REJECT: QT_TRANSLATE_NOOP("IncidentActions", "Reject"),
    Action.MARK_DUPLICATE: QT_TRANSLATE_NOOP("IncidentActions", "Duplicate / merge"),
    Action.FILE: QT_TRANSLATE_NOOP("IncidentActions", "File"),
    Action.DISPATCH: QT_TRANSLATE_NOOP("IncidentActions", "Dispatch"),
    Action.SIGN: QT_TRANSLATE_NOOP("IncidentActions", "Sign for"),
    Action.RETURN: QT_TRANSLATE_NOOP("IncidentActions", "Return"),
    Action.START: QT_TRANSLATE_NOOP("IncidentActions", "Start handling"),
    Action.EXTEND: QT_TRANSLATE_NOOP("IncidentActions", "Extension"),
    Action.COOPERATE: QT_TRANSLATE_NOOP("IncidentActions", "Cooperation"),
    Action.FEEDBACK: QT_TRANSLATE_NOOP("IncidentActions", "Handling feedback"),
    Action.VERIFY: QT_TRANSLATE_NOOP("IncidentActions", "Verify"),
    Action.CLOSE: QT_TRANSLATE_NOOP("IncidentActions", "Close"),
    Action.REWORK: QT_TRANSLATE_NOOP("IncidentActions", "Rework"),
    Action.RESUME: QT_TRANSLATE_NOOP("IncidentActions", "Resume handling"),
    Action.EVALUATE: QT_TRANSLATE_NOOP("IncidentActions", "Evaluate"),
    Action.ARCHIVE: QT_TRANSLATE_NOOP("IncidentActions", "Archive"),
    Action.ESCALATE: QT_TRANSLATE_NOOP("IncidentActions", "Escalate"),
    Action.SUPERVISE: QT_TRANSLATE_NOOP("IncidentActions", "Supervision order"),
    Action.REMIND: QT_TRANSLATE_NOOP("IncidentActions", "Reminder"),
    Action.RECALL: QT_TRANSLATE_NOOP("IncidentActions", "Recall dispatch"),
}
FIELD_TEXTS = {
    "case_no": QT_TRANSLATE_NOOP("IncidentFields", "Case no."),
    "title": QT_TRANSLATE_NOOP("IncidentFields", "Title"),
    "description": QT_TRANSLATE_NOOP("IncidentFields", "Description"),
    "category": QT_TRANSLATE_NOOP("IncidentFields", "Category"),
    "source": QT_TRANSLATE_NOOP("IncidentFields", "Source"),
    "priority": QT_TRANSLATE_NOOP("IncidentFields", "Priority"),
    "lon": QT_TRANSLATE_NOOP("IncidentFields", "Longitude"),
    "lat": QT_TRANSLATE_NOOP("IncidentFields", "Latitude"),
    "address": QT_TRANSLATE_NOOP("IncidentFields", "Address"),
    "reporter": QT_TRANSLATE_NOOP("IncidentFields", "Reporter"),
    "reported_at": QT_TRANSLATE_NOOP("IncidentFields", "Reported at"),
    "deadline": QT_TRANSLATE_NOOP("IncidentFields", "Deadline"),
    "closed_at": QT_TRANSLATE_NOOP("IncidentFields", "Closed at"),
}
"""The fields a case list (CSV/XLSX) can carry, as the import's column mapping offers them."""
OTHER_FIELD_TEXTS = {
    "note": QT_TRANSLATE_NOOP("IncidentFields", "Note"),
    "of": QT_TRANSLATE_NOOP("IncidentFields", "Duplicate of"),
    "grid_id": QT_TRANSLATE_NOOP("IncidentFields", "Grid"),
    "due": QT_TRANSLATE_NOOP("IncidentFields", "Supervision due"),
    "assignee_org_id": QT_TRANSLATE_NOOP("IncidentFields", "Assigned unit"),
    "assignee_worker_id": QT_TRANSLATE_NOOP("IncidentFields", "Assigned worker"),
    "cooperating_org_id": QT_TRANSLATE_NOOP("IncidentFields", "Cooperating unit"),
    "by": QT_TRANSLATE_NOOP("IncidentFields", "Acting user"),
    "dispatched_by": QT_TRANSLATE_NOOP("IncidentFields", "Dispatched by"),
    "dispatched_at": QT_TRANSLATE_NOOP("IncidentFields", "Dispatched at"),
    "reporter_name": QT_TRANSLATE_NOOP("IncidentFields", "Reporter's name"),
    "reporter_phone": QT_TRANSLATE_NOOP("IncidentFields", "Reporter's phone"),
    "location": QT_TRANSLATE_NOOP("IncidentFields", "Location"),
    "lon/lat": QT_TRANSLATE_NOOP("IncidentFields", "Longitude/latitude"),
    "file": QT_TRANSLATE_NOOP("IncidentFields", "File"),
}
"""Fields the rules, the intake form and the import checks name in their messages."""
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


def action_text(action: Action | str) -> str:
    """The action's name as its button says it; an unknown one (a newer version's) as stored."""
    try:
        return QCoreApplication.translate("IncidentActions", ACTION_TEXTS[Action(action)])
    except ValueError:
        return str(action)


def field_label(key: str) -> str:
    """A field of a case by its key; a column named in a file (any other text) as written."""
    source = FIELD_TEXTS.get(key) or OTHER_FIELD_TEXTS.get(key)
    return QCoreApplication.translate("IncidentFields", source) if source else key
