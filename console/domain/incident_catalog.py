"""What an incident can be about: ascii keys stored in the database, Chinese labels shown to people, and per
category the department it goes to by default and its deadline in working days (sources and priorities are
in incident_sources, states in incident_states).

Why a catalogue: intake forms, dispatch suggestions, SLA deadlines and the analytics all have to agree on
the same short list of governance (综治) and city-management (城市管理) categories."""
from __future__ import annotations

from dataclasses import dataclass

from console.domain.deadlines import DeadlinePolicy
from console.domain.work_calendar import CHINA, WorkCalendar

GOVERNANCE = "governance"
CITY_MANAGEMENT = "city_management"
GROUP_LABELS = {GOVERNANCE: "综治", CITY_MANAGEMENT: "城市管理"}


@dataclass(frozen=True)
class Department:
    """A functional department (职能部门); its org-unit code is the district code + `suffix`."""

    suffix: str
    name: str

    def code(self, district_code: str) -> str:
        return f"{district_code}{self.suffix}"


DEPARTMENTS: tuple[Department, ...] = (
    Department("D01", "公安分局"),
    Department("D02", "综合执法局"),
    Department("D03", "市场监管局"),
    Department("D04", "卫生健康局"),
    Department("D05", "应急管理局"),
    Department("D06", "消防救援大队"),
    Department("D07", "生态环境局"),
    Department("D08", "住房和建设局"),
    Department("D09", "民政局"),
    Department("D10", "司法局"),
)


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    group: str
    department: str  # Department.suffix
    deadline_days: int  # working days from filing


CATEGORIES: tuple[Category, ...] = (
    Category("dispute", "矛盾纠纷", GOVERNANCE, "D10", 5),
    Category("public_security", "治安隐患", GOVERNANCE, "D01", 3),
    Category("fire_safety", "消防安全", GOVERNANCE, "D06", 2),
    Category("production_safety", "安全生产", GOVERNANCE, "D05", 3),
    Category("food_safety", "食品安全", GOVERNANCE, "D03", 5),
    Category("rental_housing", "出租房屋", GOVERNANCE, "D01", 5),
    Category("special_groups", "特殊人群", GOVERNANCE, "D09", 5),
    Category("city_appearance", "市容环境", CITY_MANAGEMENT, "D02", 3),
    Category("advertising", "宣传广告", CITY_MANAGEMENT, "D02", 3),
    Category("construction", "施工管理", CITY_MANAGEMENT, "D08", 5),
    Category("street_order", "街面秩序", CITY_MANAGEMENT, "D02", 2),
    Category("environment", "生态环境", CITY_MANAGEMENT, "D07", 5),
    Category("emergency", "突发事件", CITY_MANAGEMENT, "D05", 1),
)
CATEGORY_BY_KEY: dict[str, Category] = {c.key: c for c in CATEGORIES}



def deadline_policy(calendar: WorkCalendar = CHINA) -> DeadlinePolicy:
    """The deadline rules with every category's own limit (community level; higher levels add days)."""
    return DeadlinePolicy(calendar=calendar, category_days={c.key: c.deadline_days for c in CATEGORIES})


def category_label(key: str) -> str:
    """The Chinese label, or the key itself for a category this version does not know."""
    cat = CATEGORY_BY_KEY.get(key)
    return cat.label if cat else key


def default_department(key: str) -> Department | None:
    """The department a case of this category goes to when a center dispatches it to one."""
    cat = CATEGORY_BY_KEY.get(key)
    return next((d for d in DEPARTMENTS if cat and d.suffix == cat.department), None)
