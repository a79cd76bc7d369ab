"""Inspection checklists (检查清单): one template per premise type and theme, items with a severity.

Items are the points grid workers actually tick on visits (fire exits, extinguishers, flying leads,
health certificates, gas alarms, real-name registration…); 'serious' findings force a red or yellow result."""
from __future__ import annotations

from dataclasses import dataclass

from console.domain.premise_types import PREMISE_TYPE_LABELS
from console.services.seed.context import SeedContext
from db.models import ChecklistItem, ChecklistTemplate

S, M = "serious", "minor"
THEMES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "fire": ("消防安全", (
        ("疏散通道、安全出口畅通，无堵塞、锁闭", S), ("灭火器配置数量足够且在有效期内", S),
        ("应急照明和疏散指示标志完好有效", M), ("电气线路无私拉乱接、无飞线充电", S),
        ("电动自行车未在楼道、室内停放充电", S), ("经营、仓储场所未违规住人（“三合一”）", S),
        ("消防安全责任人明确，制度上墙", M), ("员工会报警、会使用灭火器、会组织疏散", M))),
    "food": ("食品卫生", (
        ("持有效食品经营许可证并公示", S), ("从业人员持有效健康证明", S), ("生熟分开，食品贮存符合要求", M),
        ("无过期、变质食品", S), ("餐具消毒设施正常使用", M), ("防鼠、防蝇、防尘设施完好", M),
        ("油烟净化设施正常运行并定期清洗", M))),
    "rental": ("出租房屋", (
        ("出租房屋已登记备案", S), ("承租人信息按规定申报登记", S), ("无群租、违规隔断分租", S),
        ("房屋结构安全，无违章搭建", S), ("每户配置灭火器和独立式烟感报警器", M), ("签订治安消防安全责任书", M))),
    "gas": ("燃气安全", (
        ("使用合格气瓶，来源为正规供应站", S), ("气瓶未在地下室、半地下室存放使用", S),
        ("安装可燃气体报警装置并正常工作", S), ("燃气胶管无老化，长度不超过2米", M), ("气瓶与灶具保持安全距离", M))),
    "production": ("安全生产", (
        ("安全生产责任制和操作规程健全", M), ("特种作业人员持证上岗", S), ("设备设施防护装置完好", S),
        ("作业场所安全警示标志齐全", M), ("货物堆放整齐，未超高、未占用通道", M), ("开展隐患自查并有记录", M))),
    "hazchem": ("危险化学品", (
        ("持有危险化学品经营（使用）许可", S), ("危化品专库专柜存放，分类隔离", S), ("出入库台账完整，账物相符", M),
        ("防爆、防静电、通风设施完好", S), ("安全技术说明书和安全标签齐全", M), ("应急预案和应急器材配备到位", M))),
    "security": ("治安防范", (
        ("按规定落实实名登记", S), ("视频监控正常运行，录像保存30日以上", M), ("未接纳未成年人", S),
        ("治安保卫人员在岗", M))),
    "school": ("校园安全", (
        ("门卫值守和来访登记制度落实", S), ("一键报警装置与公安联网", S), ("接送秩序管理规范", M),
        ("食堂食品安全管理到位", S), ("安全教育和应急演练按期开展", M))),
    "medical": ("医疗卫生", (
        ("持有效医疗机构执业许可证", S), ("医务人员具备执业资格", S), ("医疗废物分类收集、交接登记", S),
        ("消毒隔离制度落实", M))),
}
TYPE_THEMES: dict[str, tuple[str, ...]] = {
    "restaurant": ("fire", "food", "gas"), "shop": ("fire",), "rental_house": ("rental", "fire"),
    "enterprise": ("fire", "production"), "hotel": ("fire", "security"), "internet_cafe": ("fire", "security"),
    "entertainment": ("fire", "security"), "gas_station": ("fire", "hazchem", "gas"),
    "warehouse": ("fire", "production"), "school": ("school", "fire", "food"), "clinic": ("medical", "fire"),
    "hazardous": ("hazchem", "fire", "production"), "office": ("fire",), "industrial_park": ("fire", "production"),
    "mall": ("fire", "food"), "hospital": ("medical", "fire"), "university": ("school", "fire"),
}


@dataclass(frozen=True)
class SeededTemplate:
    id: int
    premise_type: str
    name: str
    items: tuple[tuple[int, str, str], ...]  # (item id, text, severity)


def checklist_layout() -> list[SeededTemplate]:
    """Every template with its ids as seeded: one per (premise type, theme), items numbered across all."""
    out, next_item = [], 1
    for premise_type, themes in TYPE_THEMES.items():
        for theme in themes:
            label, theme_items = THEMES[theme]
            items = tuple((next_item + k, text, severity) for k, (text, severity) in enumerate(theme_items))
            next_item += len(theme_items)
            out.append(SeededTemplate(len(out) + 1, premise_type, f"{PREMISE_TYPE_LABELS[premise_type]}{label}检查表",
                                      items))
    return out


def seed_checklists(ctx: SeedContext) -> tuple[int, int]:
    """Returns (templates, items)."""
    layout = checklist_layout()
    templates = {"id": [t.id for t in layout], "name": [t.name for t in layout],
                 "premise_type": [t.premise_type for t in layout]}
    items: dict[str, list] = {"id": [], "template_id": [], "position": [], "text": [], "severity": []}
    for t in layout:
        for position, (item_id, text, severity) in enumerate(t.items, start=1):
            items["id"].append(item_id)
            items["template_id"].append(t.id)
            items["position"].append(position)
            items["text"].append(text)
            items["severity"].append(severity)
    return (ctx.insert(ChecklistTemplate, templates, report=False),
            ctx.insert(ChecklistItem, items, report=False))
