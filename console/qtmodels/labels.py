"""Display labels for stored keys (premise types, statuses, roles, org kinds, premise and org-unit fields)
through Qt translation.

The English source strings are marked with QT_TRANSLATE_NOOP so lupdate collects them; the zh_CN catalogue
carries the same Chinese as console.domain's label tables."""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

_CONTEXT = "Labels"

PREMISE_TYPES = {
    "restaurant": QT_TRANSLATE_NOOP("Labels", "Restaurant"),
    "shop": QT_TRANSLATE_NOOP("Labels", "Shop"),
    "rental_house": QT_TRANSLATE_NOOP("Labels", "Rental house"),
    "enterprise": QT_TRANSLATE_NOOP("Labels", "Enterprise"),
    "hotel": QT_TRANSLATE_NOOP("Labels", "Hotel"),
    "internet_cafe": QT_TRANSLATE_NOOP("Labels", "Internet café"),
    "entertainment": QT_TRANSLATE_NOOP("Labels", "Entertainment venue"),
    "gas_station": QT_TRANSLATE_NOOP("Labels", "Gas station"),
    "warehouse": QT_TRANSLATE_NOOP("Labels", "Warehouse"),
    "school": QT_TRANSLATE_NOOP("Labels", "School"),
    "clinic": QT_TRANSLATE_NOOP("Labels", "Clinic"),
    "hazardous": QT_TRANSLATE_NOOP("Labels", "Hazardous chemicals site"),
    "office": QT_TRANSLATE_NOOP("Labels", "Office building"),
    "industrial_park": QT_TRANSLATE_NOOP("Labels", "Industrial park"),
    "mall": QT_TRANSLATE_NOOP("Labels", "Shopping mall"),
    "hospital": QT_TRANSLATE_NOOP("Labels", "Hospital"),
    "university": QT_TRANSLATE_NOOP("Labels", "University"),
}

STATUSES = {
    "green": QT_TRANSLATE_NOOP("Labels", "Normal"),
    "yellow": QT_TRANSLATE_NOOP("Labels", "Partial rectification"),
    "red": QT_TRANSLATE_NOOP("Labels", "Full rectification"),
    "black": QT_TRANSLATE_NOOP("Labels", "Closed down"),
}

STATUS_COLOURS = {
    "green": QColor("#2e9d4a"),
    "yellow": QColor("#e6b400"),
    "red": QColor("#d9342b"),
    "black": QColor("#222222"),
}

ROLES = {
    "operator": QT_TRANSLATE_NOOP("Labels", "Operator"),
    "supervisor": QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Labels", "Administrator"),
    "wall": QT_TRANSLATE_NOOP("Labels", "Wall display"),
}

ORG_KINDS = {
    "district": QT_TRANSLATE_NOOP("Labels", "District"),
    "township": QT_TRANSLATE_NOOP("Labels", "Township / street office"),
    "community": QT_TRANSLATE_NOOP("Labels", "Community / village"),
    "grid": QT_TRANSLATE_NOOP("Labels", "Grid"),
    "department": QT_TRANSLATE_NOOP("Labels", "Department"),
}


PREMISE_FIELDS = {
    "name": QT_TRANSLATE_NOOP("PremiseFields", "Name"),
    "type": QT_TRANSLATE_NOOP("PremiseFields", "Type"),
    "address": QT_TRANSLATE_NOOP("PremiseFields", "Address"),
    "owner": QT_TRANSLATE_NOOP("PremiseFields", "Owner"),
    "owner_phone": QT_TRANSLATE_NOOP("PremiseFields", "Owner phone"),
    "licence_no": QT_TRANSLATE_NOOP("PremiseFields", "Licence no."),
    "grid_id": QT_TRANSLATE_NOOP("PremiseFields", "Grid"),
    "lon": QT_TRANSLATE_NOOP("PremiseFields", "Longitude"),
    "lat": QT_TRANSLATE_NOOP("PremiseFields", "Latitude"),
    "code": QT_TRANSLATE_NOOP("PremiseFields", "Code"),
    "workers": QT_TRANSLATE_NOOP("PremiseFields", "Responsible worker"),
    "last_inspection": QT_TRANSLATE_NOOP("PremiseFields", "Last inspection"),
    "next_inspection": QT_TRANSLATE_NOOP("PremiseFields", "Next inspection"),
    "kind": QT_TRANSLATE_NOOP("PremiseFields", "Level"),
    "parent_code": QT_TRANSLATE_NOOP("PremiseFields", "Parent code"),
    "parent_name": QT_TRANSLATE_NOOP("PremiseFields", "Parent name"),
    "geometry": QT_TRANSLATE_NOOP("PremiseFields", "Boundary"),
}
"""Fields of a premise (the dossier, the form, the import's targets) and, from kind on, the fields an
org-unit import names in its problems."""


def _label(table: dict[str, str], key: str, context: str = _CONTEXT) -> str:
    """Unknown keys (data from a newer version) show as stored rather than vanish."""
    source = table.get(key)
    return QCoreApplication.translate(context, source) if source else key


def premise_type_label(key: str) -> str:
    return _label(PREMISE_TYPES, key)


def status_label(key: str) -> str:
    return _label(STATUSES, key)


def role_label(key: str) -> str:
    return _label(ROLES, key)


def org_kind_label(key: str) -> str:
    return _label(ORG_KINDS, key)


def premise_field_label(key: str) -> str:
    return _label(PREMISE_FIELDS, key, "PremiseFields")


def fill(template: str, *values: object) -> str:
    """Qt-style placeholders (%1, %2 …) filled in one pass, so a value containing "%2" stays as typed;
    translators may reorder the placeholders."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]), template)
