"""Errors of the rules and services as the console shows them: the message template translated (context
ErrorMessages, listed in error_catalogue) and its fields given their display labels, so a refusal reads
案件当前状态为“处置中”，不能执行“派遣”… rather than English with raw keys like 'handling' or 'dispatch'.

An error that carries no message (a lost database connection, a bug) is shown as its own text."""
from __future__ import annotations

from collections.abc import Callable
from functools import reduce

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.domain.messages import Explained, Message, plain
from console.qtmodels.error_catalogue import CONTEXT
from console.qtmodels.incident_labels import (
    FIELD_TEXTS,
    OTHER_FIELD_TEXTS,
    action_text,
    category_label,
    field_label,
    source_label,
    state_label,
)
from console.qtmodels.labels import fill, org_kind_label, premise_field_label, premise_type_label, role_label
from console.services.incident_import import IncidentFileError
from console.services.incident_intake import IntakeError
from console.services.premise_import import ResolutionError

LIST_PAIR = QT_TRANSLATE_NOOP("ErrorMessages", "%1, %2")
"""How a list of values (allowed states, sources) reads: 1, 2, 3 in English, 1、2、3 in Chinese."""


def any_field_label(key: str) -> str:
    """A field a message names: a case's, else a premise's or an org unit's (lon, lat and address read the
    same in either); any other text, such as a column of a file, as written."""
    return field_label(key) if key in FIELD_TEXTS or key in OTHER_FIELD_TEXTS else premise_field_label(key)


FIELD_LABELS: dict[str, Callable[[str], str]] = {
    "state": state_label, "states": state_label,
    "action": action_text,
    "role": role_label,
    "level": org_kind_label, "kind": org_kind_label, "parent_kind": org_kind_label,
    "source": source_label, "sources": source_label,
    "category": category_label,
    "premise_type": premise_type_label,
    "field": any_field_label, "fields": any_field_label,
}
"""Message fields (by name) whose values are stored keys with a display label; the rest show as they are."""


def _shown(name: str, value: object) -> str:
    if isinstance(value, Message):
        return render_message(value)
    if isinstance(value, (list, tuple)):
        items = [_shown(name, v) for v in value]
        pair = QCoreApplication.translate(CONTEXT, LIST_PAIR)
        return reduce(lambda done, item: fill(pair, done, item), items) if items else ""
    label = FIELD_LABELS.get(name)
    return label(str(value)) if label else plain(value)


def render_message(message: Message) -> str:
    """The template in the console's language with labelled values; the English one if a translation
    lost or misspelt a field."""
    values = {name: _shown(name, value) for name, value in message.values.items()}
    translated = QCoreApplication.translate(CONTEXT, message.template)
    try:
        return translated.format_map(values)
    except (KeyError, IndexError, ValueError):
        return message.template.format_map(values)


def render_error(exc: BaseException) -> str:
    """What to tell the operator about `exc`: its message(s) rendered, or its own text."""
    if isinstance(exc, Explained):
        return render_message(exc.message)
    if isinstance(exc, (IntakeError, IncidentFileError, ResolutionError)):
        return exc.JOINER.join(render_message(line) for line in exc.lines())
    return str(exc)
