"""Sentences for people that the console can translate: an English template with named fields, and the
values of those fields kept apart from it.

The rules and services stay free of Qt, yet a Chinese console must show their refusals in Chinese with the
case's state, the action and the role in Chinese too. So an error carries a `Message`; `str()` gives the
English sentence (command line, logs), and console.qtmodels.error_messages translates the template and
labels the fields. Templates are literals: a test checks each one is in the translation catalogue."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def plain(value: object) -> str:
    """A field value as the English sentence writes it: times to the second, lists comma-separated."""
    if isinstance(value, datetime):
        return value.strftime(TIME_FORMAT)
    if isinstance(value, (list, tuple)):
        return ", ".join(plain(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class Message:
    """`template` names its fields as {name} (no conversions or format specs: values are formatted by the
    reader, plain English here, labelled and translated in the console)."""

    template: str
    values: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format_map({k: plain(v) for k, v in self.values.items()})


def explain(template: str, **values: object) -> Message:
    return Message(template, values)


class Explained(Exception):
    """An error whose text is a Message: `message` for the console, `str()` the English sentence."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class Invalid(Explained, ValueError):
    """A value that cannot be read (a phone number, a date in a file); the message says why."""


def reason_of(exc: Exception) -> Message:
    """The message of an error for a problem list; an error from elsewhere keeps its own text."""
    return exc.message if isinstance(exc, Explained) else explain("{detail}", detail=str(exc))
