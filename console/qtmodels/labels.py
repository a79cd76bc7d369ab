"""Display labels for stored keys (premise types, statuses, roles, org kinds) through Qt translation.

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


def _label(table: dict[str, str], key: str) -> str:
    """Unknown keys (data from a newer version) show as stored rather than vanish."""
    source = table.get(key)
    return QCoreApplication.translate(_CONTEXT, source) if source else key


def premise_type_label(key: str) -> str:
    return _label(PREMISE_TYPES, key)


def status_label(key: str) -> str:
    return _label(STATUSES, key)


def role_label(key: str) -> str:
    return _label(ROLES, key)


def org_kind_label(key: str) -> str:
    return _label(ORG_KINDS, key)


def fill(template: str, *values: object) -> str:
    """Qt-style placeholders (%1, %2 …) filled in one pass, so a value containing "%2" stays as typed;
    translators may reorder the placeholders."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]), template)
