"""Grid workers' task scores: points per task category with daily caps, automatic deductions, and manual
adjustments that must give a reason.

Scores drive monthly assessments, so every point is a `ScoreLine` naming the record it came from
("inspections:42", "checkins:7", "score_adjustments:3"); a total is only ever the sum of its lines, and a task
past its daily cap still gets a line (worth 0) so the supervisor sees it was counted and why it earned nothing."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from console.domain.messages import Message, explain

# The 12 task categories (code, Chinese label), in the order assessment forms list them.
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("checkin", "工作签到"),
    ("home_visit", "入户走访"),
    ("public_opinion", "社情民意收集"),
    ("key_place_patrol", "重点场所巡查"),
    ("floating_population", "流动人口维护"),
    ("rental_house", "出租房屋维护"),
    ("security_hazard", "发现治安隐患"),
    ("special_groups", "特殊人群服务"),
    ("dispute_mediation", "矛盾纠纷调处"),
    ("incident_report", "事件上报"),
    ("anti_crime_publicity", "扫黑除恶宣传"),
    ("safety_publicity", "平安宣传"),
)
CATEGORY_CODES = tuple(code for code, _ in CATEGORIES)
CATEGORY_LABELS = dict(CATEGORIES)

DEDUCTIONS: tuple[tuple[str, str], ...] = (
    ("overdue_inspection", "排查超期"),
    ("late_incident", "事件办理超时"),
    ("missed_checkin", "未签到"),
)
MANUAL = "manual"


class ScoringError(ValueError):
    """A scoring request that cannot be honoured as asked; the text says why in one sentence."""


@dataclass(frozen=True)
class CategoryRule:
    points: float
    daily_cap: float


@dataclass(frozen=True)
class ScoringConfig:
    """Points and caps per category, and the (positive) points each deduction takes away."""

    rules: dict[str, CategoryRule]
    deductions: dict[str, float]

    @classmethod
    def default(cls) -> ScoringConfig:
        points = {"checkin": (1, 1), "home_visit": (2, 10), "public_opinion": (1, 5), "key_place_patrol": (2, 10),
                  "floating_population": (1, 5), "rental_house": (1, 5), "security_hazard": (3, 9),
                  "special_groups": (2, 6), "dispute_mediation": (3, 9), "incident_report": (2, 10),
                  "anti_crime_publicity": (1, 3), "safety_publicity": (1, 3)}
        return cls(rules={c: CategoryRule(float(p), float(cap)) for c, (p, cap) in points.items()},
                   deductions={"overdue_inspection": 2.0, "late_incident": 3.0, "missed_checkin": 2.0})

    def __post_init__(self) -> None:
        missing = set(CATEGORY_CODES) - set(self.rules)
        if missing:
            raise ScoringError(f"the scoring configuration lacks the categories {', '.join(sorted(missing))}")
        unknown = set(self.deductions) - {code for code, _ in DEDUCTIONS}
        if unknown:
            raise ScoringError(f"unknown deductions {', '.join(sorted(unknown))}")


@dataclass(frozen=True)
class TaskRecord:
    """One piece of work done, as found in its source table."""

    worker_id: int
    category: str
    at: datetime
    source: str


@dataclass(frozen=True)
class ScoreLine:
    worker_id: int
    day: date
    kind: str
    points: float
    source: str
    note: str = ""


@dataclass(frozen=True)
class ManualAdjustment:
    """A supervisor's change; refused at construction when the reason is blank."""

    worker_id: int
    day: date
    points: float
    reason: str
    by: str
    source: str = field(default="")

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise ScoringError("a manual score change needs a reason")
        if not self.by.strip():
            raise ScoringError("a manual score change must name the supervisor who made it")


def task_lines(records: Iterable[TaskRecord], config: ScoringConfig) -> list[ScoreLine]:
    """Points per task in time order; within a worker-day-category, points stop at the daily cap
    (a partial last award, then zero-point lines noting the cap)."""
    earned: dict[tuple[int, date, str], float] = defaultdict(float)
    lines = []
    for rec in sorted(records, key=lambda r: (r.worker_id, r.at, r.source)):
        try:
            rule = config.rules[rec.category]
        except KeyError:
            raise ScoringError(f"{rec.source} has the unknown task category {rec.category!r}") from None
        key = (rec.worker_id, rec.at.date(), rec.category)
        points = max(0.0, min(rule.points, rule.daily_cap - earned[key]))
        earned[key] += points
        note = "" if points == rule.points else str(explain("daily cap {cap} reached", cap=f"{rule.daily_cap:g}"))
        lines.append(ScoreLine(rec.worker_id, rec.at.date(), rec.category, points, rec.source, note))
    return lines


def deduction_line(config: ScoringConfig, worker_id: int, day: date, kind: str, source: str,
                   note: str = "") -> ScoreLine:
    try:
        points = config.deductions[kind]
    except KeyError:
        raise ScoringError(f"unknown deduction {kind!r}") from None
    return ScoreLine(worker_id, day, kind, -abs(points), source, note)


@dataclass(frozen=True)
class DueInspection:
    premise_id: int
    worker_id: int
    due: date
    done_on: date | None


def overdue_inspection_lines(due: Iterable[DueInspection], start: date, end: date,
                             config: ScoringConfig) -> list[ScoreLine]:
    """One deduction per premise left uninspected past its due date, on the first overdue day, when that
    day falls in [start, end]. An inspection done after the due date still counts as overdue."""
    lines = []
    for d in due:
        first_late = d.due + timedelta(days=1)
        late = d.done_on is None or d.done_on > d.due
        if late and start <= first_late <= end:
            lines.append(deduction_line(config, d.worker_id, first_late, "overdue_inspection",
                                        f"premises:{d.premise_id}", str(explain("due {day}", day=d.due.isoformat()))))
    return lines


@dataclass(frozen=True)
class HandledIncident:
    incident_id: int
    worker_id: int
    deadline: datetime
    closed_at: datetime | None


def late_incident_lines(incidents: Iterable[HandledIncident], as_of: datetime,
                        config: ScoringConfig) -> list[ScoreLine]:
    """One deduction per incident closed after its deadline, or still open once the deadline has passed,
    dated on the deadline day."""
    lines = []
    for inc in incidents:
        finished = inc.closed_at if inc.closed_at is not None else as_of
        if finished > inc.deadline:
            lines.append(deduction_line(config, inc.worker_id, inc.deadline.date(), "late_incident",
                                        f"incidents:{inc.incident_id}",
                                        str(explain("deadline {at}", at=f"{inc.deadline:%Y-%m-%d %H:%M}"))))
    return lines


def missed_checkin_lines(worker_id: int, duty_days: Iterable[date], checkin_days: set[date],
                         config: ScoringConfig) -> list[ScoreLine]:
    """A deduction for each duty day without a single check-in; the source is the worker's roster day."""
    return [deduction_line(config, worker_id, day, "missed_checkin", f"workers:{worker_id}@{day.isoformat()}")
            for day in sorted(set(duty_days)) if day not in checkin_days]


def manual_line(adj: ManualAdjustment) -> ScoreLine:
    if not adj.source:
        raise ScoringError("a manual score change must be saved before it is scored")
    return ScoreLine(adj.worker_id, adj.day, MANUAL, adj.points, adj.source, f"{adj.by}: {adj.reason}")


def totals(lines: Iterable[ScoreLine]) -> dict[int, float]:
    """Per worker: the sum of their lines, nothing else."""
    out: dict[int, float] = defaultdict(float)
    for line in lines:
        out[line.worker_id] += line.points
    return dict(out)


# Premise types whose visits are key-place patrols (重点场所巡查) rather than home visits (入户走访).
KEY_PLACE_TYPES = frozenset({"hotel", "internet_cafe", "entertainment", "gas_station", "hazardous", "school",
                             "hospital", "mall", "warehouse", "university", "industrial_park"})
# Incident categories a worker's report scores under other than 事件上报.
INCIDENT_TASKS = {"public_security": "security_hazard", "dispute": "dispute_mediation"}


def inspection_category(premise_type: str) -> str:
    if premise_type == "rental_house":
        return "rental_house"
    return "key_place_patrol" if premise_type in KEY_PLACE_TYPES else "home_visit"


def incident_category(incident_category_key: str) -> str:
    return INCIDENT_TASKS.get(incident_category_key, "incident_report")


NOTE_TEMPLATES = ("daily cap {cap} reached", "due {day}", "deadline {at}")
"""The notes the rules above write (stored as English text in score_lines); note_message reads them back."""


def _note_pattern(template: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+)", re.escape(template)))


_NOTE_PATTERNS = [(template, _note_pattern(template)) for template in NOTE_TEMPLATES]


def note_message(note: str) -> Message | None:
    """The Message a stored rule note was written from, so a console can show it in its language; None for
    anything else (a supervisor's own words)."""
    for template, pattern in _NOTE_PATTERNS:
        found = pattern.fullmatch(note)
        if found:
            return Message(template, found.groupdict())
    return None
