"""Names of generated premises as they read on a shop sign or a licence: '老街坊沙县小吃', '鑫源五金店',
'禾山路128号出租屋', '厦门宏达电子科技有限公司'. Vocabulary per premise type, drawn by index from numpy."""
from __future__ import annotations

import numpy as np

from console.domain.names import SURNAMES

PREFIXES = ("老街坊", "好运来", "鑫源", "福满", "顺发", "金利", "宏达", "佳佳", "万家", "新鹭", "鹭岛", "闽南",
            "海峡", "嘉和", "恒兴", "永盛", "聚福", "惠民", "益友", "同安", "厦港", "乐家", "百味", "隆盛", "兴旺",
            "安心", "华辉", "大福", "金海", "源丰", "明发", "鸿运", "瑞丰", "利民", "家乐", "新港", "和顺", "康达",
            "天成", "泰和", "阿强", "阿美", "阿婆", "老王", "小林", "老陈", "东方", "南洋", "亿家", "佳鑫")

_KINDS: dict[str, tuple[str, ...]] = {
    "restaurant": ("沙县小吃", "面线糊", "海蛎煎", "花生汤", "烧肉粽", "兰州拉面", "黄焖鸡米饭", "麻辣烫", "奶茶店",
                   "火锅店", "烧烤", "快餐店", "土笋冻", "姜母鸭", "卤味店", "包子铺", "牛肉汤", "扁食店",
                   "砂锅粥", "重庆小面", "茶餐厅", "海鲜大排档"),
    "shop": ("五金店", "便利店", "超市", "水果店", "烟酒店", "服装店", "手机店", "药店", "母婴店", "文具店", "茶叶店",
             "建材店", "电动车行", "眼镜店", "花店", "理发店", "美容美发", "洗衣店", "家电维修", "汽车美容",
             "图文打印", "快递驿站"),
    "enterprise": ("贸易", "电子科技", "信息技术", "供应链管理", "建筑工程", "装饰工程", "物业管理", "文化传媒",
                   "机械设备", "食品", "服装", "进出口", "网络科技", "医疗器械"),
    "hotel": ("宾馆", "酒店", "商务酒店", "公寓酒店", "民宿", "旅社"),
    "internet_cafe": ("网咖", "网吧", "电竞馆"),
    "entertainment": ("KTV", "量贩KTV", "棋牌室", "酒吧", "台球俱乐部", "电玩城"),
    "warehouse": ("物流仓库", "仓储中心", "冷链仓库", "快递分拨点"),
    "school": ("幼儿园", "培训中心", "艺术培训学校", "托育园", "教育培训学校"),
    "clinic": ("诊所", "口腔诊所", "中医诊所", "门诊部", "社区卫生服务站"),
    "hazardous": ("化工有限公司", "油漆涂料店", "气体经营部", "危险品仓库"),
}
_CHAIN_GAS = ("中国石化", "中国石油", "中化石油")
_GAS_KINDS = ("瓶装液化气供应点", "燃气服务部")
_CN_DIGITS = "一二三四五六七八九"


def premise_names(rng: np.random.Generator, types: list[str], roads: list[str], numbers: list[int]) -> list[str]:
    """One name per premise; rental houses are named by their address, chain stores by their road."""
    n = len(types)
    pick = rng.integers(0, 1 << 30, (n, 3)).tolist()
    branch = (rng.random(n) < 0.15).tolist()
    names = []
    for t, road, number, (a, b, c), with_branch in zip(types, roads, numbers, pick, branch, strict=True):
        prefix = PREFIXES[a % len(PREFIXES)]
        if t == "rental_house":
            names.append(f"{road}{number}号出租{'屋' if b % 2 else '房'}")
        elif t == "gas_station":
            names.append(f"{_CHAIN_GAS[b % len(_CHAIN_GAS)]}{road}加油站" if c % 3 == 0
                         else f"{prefix}{_GAS_KINDS[b % len(_GAS_KINDS)]}")
        elif t in ("enterprise", "warehouse") and (t == "enterprise" or c % 2 == 0):
            kinds = _KINDS[t]
            suffix = "有限公司" if t == "enterprise" else ""
            names.append(f"厦门{prefix}{kinds[b % len(kinds)]}{suffix}")
        elif t == "clinic" and c % 4 == 0:
            names.append(f"{SURNAMES[b % len(SURNAMES)]}氏口腔诊所")
        elif t == "hazardous":
            kind = _KINDS[t][b % len(_KINDS[t])]
            names.append(f"厦门{prefix}{kind}" if kind.endswith("公司") else f"{prefix}{kind}")
        else:
            kinds = _KINDS.get(t, _KINDS["shop"])
            name = f"{prefix}{kinds[b % len(kinds)]}"
            if with_branch and t in ("restaurant", "shop"):
                name += f"({road}店)"
            names.append(name)
    return names


def unit_suffixes(rng: np.random.Generator, types: list[str]) -> list[str]:
    """The part of an address after the house number: '之二', '3层', '502室' — or nothing."""
    n = len(types)
    u = rng.random(n).tolist()
    floor = rng.integers(1, 19, n).tolist()
    room = rng.integers(1, 9, n).tolist()
    out = []
    for t, x, f, r in zip(types, u, floor, room, strict=True):
        if t == "rental_house":
            out.append(f"{f}0{r}室" if x < 0.75 else "")
        elif t in ("restaurant", "shop"):
            out.append("" if x < 0.6 else (f"之{_CN_DIGITS[r % 9]}" if x < 0.85 else f"{min(f, 3)}层"))
        elif t in ("enterprise", "clinic", "school", "internet_cafe", "entertainment", "hotel"):
            out.append("" if x < 0.4 else (f"{f}层" if x < 0.7 else f"{f}0{r}室"))
        else:
            out.append("")
    return out
