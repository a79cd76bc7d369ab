"""Cell values of incident files: numbers, times and labels as people and other systems write them.

Each parser raises Invalid (a ValueError) with a short reason; the readers add the file, row and field."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from console.domain.incident_catalog import CATEGORIES
from console.domain.incident_sources import PRIORITY_LABELS, SOURCE_LABELS
from console.domain.messages import Invalid, explain

CHINA_TZ = timezone(timedelta(hours=8))
"""Times in the database are naive China Standard Time; files with an offset are converted to it."""
_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d", "%Y/%m/%d",
            "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日")
CATEGORY_ALIASES = {c.key: c.key for c in CATEGORIES} | {c.label: c.key for c in CATEGORIES}
SOURCE_ALIASES = {k: k for k in SOURCE_LABELS} | {v: k for k, v in SOURCE_LABELS.items()}
PRIORITY_ALIASES = {str(k): k for k in PRIORITY_LABELS} | {v: k for k, v in PRIORITY_LABELS.items()}


def parse_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        moment = value
    else:
        text = str(value).strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            for fmt in _FORMATS:
                try:
                    moment = datetime.strptime(text, fmt)
                    break
                except ValueError:
                    continue
            else:
                raise Invalid(explain("{value} is not a date and time (e.g. 2026-11-30 09:30)",
                                      value=repr(text))) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(CHINA_TZ).replace(tzinfo=None)
    return moment


def format_datetime(moment: datetime) -> str:
    """ISO 8601 with the China offset, as Open311 asks."""
    return moment.replace(tzinfo=CHINA_TZ).isoformat()


def parse_coordinate(value: object, low: float, high: float) -> float:
    try:
        number = float(str(value).strip())
    except ValueError:
        raise Invalid(explain("{value} is not a number", value=repr(value))) from None
    if not low <= number <= high:
        raise Invalid(explain("{value} is outside {low}..{high}", value=number, low=low, high=high))
    return number


def parse_alias(value: object, aliases: dict[str, object], what: str, mapped: dict[str, str] | None = None):
    """A key or a Chinese label, optionally translated first by the mapping file's `values`."""
    text = str(value).strip()
    text = (mapped or {}).get(text, text)
    if text not in aliases:
        raise Invalid(explain("unknown {field} {value}", field=what, value=repr(text)))
    return aliases[text]


def text_or_none(value: object) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None
