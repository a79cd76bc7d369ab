"""Where incidents come from (the channels of DESIGN.md) and their Chinese labels (GLOSSARY.md)."""
from __future__ import annotations

SOURCE_LABELS: dict[str, str] = {
    "grid_worker": "网格员上报",
    "citizen_app": "群众App",
    "hotline_12345": "12345热线",
    "police_110": "110非警务",
    "iot_sensor": "物联感知",
    "video": "视频发现",
    "warning": "预警",
    "walk_in": "来访",
    "phone": "来电",
    "import": "批量导入",
}

PRIORITY_LABELS: dict[int, str] = {1: "紧急", 2: "重要", 3: "一般", 4: "较低"}
URGENT_PRIORITY = 1
