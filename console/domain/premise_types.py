"""Premise types and the four status colours, with the Chinese labels used in exports and the CLI.

Keys are what the database stores; the GUI translates them itself (console.qtmodels.labels)."""
from __future__ import annotations

PREMISE_TYPE_LABELS: dict[str, str] = {
    "restaurant": "餐饮店",
    "shop": "商铺",
    "rental_house": "出租房屋",
    "enterprise": "企业",
    "hotel": "旅馆",
    "internet_cafe": "网吧",
    "entertainment": "娱乐场所",
    "gas_station": "加油站",
    "warehouse": "仓库",
    "school": "学校",
    "clinic": "诊所",
    "hazardous": "危化品场所",
    "office": "写字楼",
    "industrial_park": "产业园区",
    "mall": "购物中心",
    "hospital": "医院",
    "university": "高等院校",
}

STATUS_LABELS: dict[str, str] = {
    "green": "正常",
    "yellow": "部分整改",
    "red": "全面整改",
    "black": "取缔",
}
