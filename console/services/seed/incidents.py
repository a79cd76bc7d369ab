"""Two years of incidents (事件) before the anchor day: channels, categories, places, texts, deadlines,
assignees and each case's lifecycle so far, written in chunks with their history rows.

Who reports what: grid workers ≈45 % of cases, hotline and app most of the rest; sensors report fire alarms
and oil fumes, cameras street order. Cases lie next to premises or on real streets, always inside their
grid; ids follow the report time, so case numbers (HL2025-0001234) count up through each year."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from console.domain.deadlines import LEVEL_EXTRA_DAYS
from console.domain.incident_catalog import CATEGORIES
from console.domain.work_calendar import CHINA
from console.services.seed import lifecycle as lc
from console.services.seed.context import SeedContext, insert_columns
from console.services.seed.incident_history import history_columns, incident_text_columns
from console.services.seed.orgunits import OrgTree
from console.services.seed.people import WorkerSet
from console.services.seed.placement import place_near
from console.services.seed.premises import PremiseSet
from db.models import Incident, IncidentHistory
from db.text_index import index_terms

SOURCE_MIX = {"grid_worker": .45, "citizen_app": .15, "hotline_12345": .15, "police_110": .07, "iot_sensor": .06,
              "video": .06, "warning": .03, "walk_in": .03}
CATEGORY_WEIGHTS = {"dispute": 10, "public_security": 6, "fire_safety": 9, "production_safety": 5, "food_safety": 5,
                    "rental_housing": 8, "special_groups": 4, "city_appearance": 18, "advertising": 7,
                    "construction": 6, "street_order": 14, "environment": 5, "emergency": 3}
CATEGORY_BY_SOURCE = {
    "iot_sensor": {"fire_safety": 50, "environment": 30, "emergency": 15, "production_safety": 5},
    "video": {"street_order": 40, "city_appearance": 30, "advertising": 10, "construction": 10, "public_security": 10},
    "police_110": {"dispute": 50, "public_security": 30, "emergency": 10, "special_groups": 10},
    "warning": {"fire_safety": 30, "rental_housing": 25, "special_groups": 20, "production_safety": 15,
                "public_security": 10},
}
PRIORITY_MIX = {"emergency": (.6, .3, .1, 0.), "fire_safety": (.15, .35, .45, .05)}
DEFAULT_PRIORITY_MIX = (.05, .15, .55, .25)
HOUR_WEIGHTS = np.array([1, .6, .4, .3, .3, .5, 1.2, 2.5, 5, 8, 9, 8.5, 6, 5.5, 7.5, 8.5, 8, 7, 5.5, 4.5, 4, 3.5,
                         2.5, 1.6])
# Where a case of each category happens: at which kinds of premises, and how often at one rather than on
# the street (a rental-housing case is at a rental house; a fallen tree is not at any premise).
PREMISE_PLACES: dict[str, tuple[float, tuple[str, ...]]] = {
    "fire_safety": (.8, ("restaurant", "shop", "rental_house", "enterprise", "hotel", "internet_cafe",
                         "entertainment", "warehouse", "office", "mall", "industrial_park", "school")),
    "food_safety": (.9, ("restaurant", "shop", "mall", "school")),
    "rental_housing": (.95, ("rental_house",)),
    "production_safety": (.85, ("enterprise", "warehouse", "hazardous", "gas_station", "industrial_park")),
    "environment": (.6, ("restaurant", "entertainment", "enterprise")),
    "public_security": (.5, ("rental_house", "internet_cafe", "entertainment", "hotel")),
    "dispute": (.35, ("rental_house", "shop", "restaurant", "office")),
    "special_groups": (.3, ("rental_house",)),
    "advertising": (.3, ("shop", "restaurant", "mall")),
    "street_order": (.3, ("shop", "restaurant")),
}
SPAN_DAYS = 730
GROWTH = 0.4  # the case rate rises by this share over the two years (more reporting channels, more users)
CHUNK = 20_000


@dataclass
class IncidentFrame:
    """Everything about the generated incidents except text, as arrays in id (= report time) order."""

    ids: np.ndarray
    reported_at: np.ndarray
    source: np.ndarray
    category: np.ndarray
    priority: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    grid: np.ndarray
    near_premise: np.ndarray
    base: np.ndarray  # premise index or road-anchor index
    text_pick: np.ndarray
    plan: lc.Plan
    times: np.ndarray
    reached: np.ndarray
    slot_deadline: dict[int, np.ndarray]
    deadline: np.ndarray
    level: np.ndarray
    dept: np.ndarray  # org id of the category's department
    wrong_dept: np.ndarray
    assignee_org: np.ndarray  # -1 = none
    assignee_worker: np.ndarray
    duplicate_of: np.ndarray  # -1 = none
    case_no: list[str]


def _report_times(rng: np.random.Generator, n: int, now: np.datetime64) -> np.ndarray:
    r = rng.random(n)
    u = (-1.0 + np.sqrt(1.0 + 4.0 * (GROWTH / 2) * (1 + GROWTH / 2) * r)) / GROWTH  # inverse CDF of 1 + GROWTH·u
    day = np.minimum(np.floor(u * (SPAN_DAYS + 1)), SPAN_DAYS).astype(np.int64)
    hour = rng.choice(24, size=n, p=HOUR_WEIGHTS / HOUR_WEIGHTS.sum())
    sec = rng.integers(0, 3600, n)
    start = (now.astype("datetime64[D]") - np.timedelta64(SPAN_DAYS, "D")).astype("datetime64[s]")
    t = start + (day * 86400 + hour * 3600 + sec).astype("timedelta64[s]")
    t = np.where(t >= now, t - np.timedelta64(1, "D"), t)
    return np.sort(t)


def _categories(rng: np.random.Generator, source: np.ndarray) -> np.ndarray:
    keys = list(CATEGORY_WEIGHTS)
    out = np.empty(len(source), dtype=object)
    for src in SOURCE_MIX:
        idx = np.flatnonzero(source == src)
        weights = CATEGORY_BY_SOURCE.get(src, CATEGORY_WEIGHTS)
        p = np.array([weights.get(k, 0) for k in keys], dtype=float)
        out[idx] = np.array(keys, dtype=object)[rng.choice(len(keys), size=len(idx), p=p / p.sum())]
    return out


def _priorities(rng: np.random.Generator, category: np.ndarray) -> np.ndarray:
    out = np.empty(len(category), dtype=np.int64)
    for key in CATEGORY_WEIGHTS:
        idx = np.flatnonzero(category == key)
        out[idx] = 1 + rng.choice(4, size=len(idx), p=PRIORITY_MIX.get(key, DEFAULT_PRIORITY_MIX))
    return out


def _places(rng: np.random.Generator, category: np.ndarray, premises: PremiseSet,
            n_anchors: int) -> tuple[np.ndarray, np.ndarray]:
    """(at a premise?, premise index or road-anchor index) per case, by PREMISE_PLACES."""
    n = len(category)
    near = np.zeros(n, dtype=bool)
    base = rng.integers(0, n_anchors, n)
    u = rng.random(n)
    for key, (share, kinds) in PREMISE_PLACES.items():
        candidates = np.flatnonzero(np.isin(premises.types, kinds))
        idx = np.flatnonzero((category == key) & (u < share))
        if len(candidates) and len(idx):
            near[idx] = True
            base[idx] = candidates[rng.integers(0, len(candidates), len(idx))]
    return near, base


def _copy_duplicates(rng: np.random.Generator, frame_arrays: dict[str, np.ndarray],
                     duplicate: np.ndarray) -> np.ndarray:
    """Point each duplicate at an earlier non-duplicate case and give it that case's place and subject."""
    n = len(duplicate)
    pos = np.arange(n)
    nondup = np.where(~duplicate, pos, -1)
    last_nondup = np.maximum.accumulate(nondup)
    dup_idx = np.flatnonzero(duplicate)
    back = np.maximum(dup_idx - rng.integers(1, 30, len(dup_idx)), 0)
    orig = last_nondup[back]
    for arr in frame_arrays.values():
        arr[dup_idx] = arr[orig]
    return orig


def _deadline_days(category: np.ndarray, level: str) -> np.ndarray:
    days = {c.key: c.deadline_days + LEVEL_EXTRA_DAYS[level] for c in CATEGORIES}
    return np.array([days[c] for c in category.tolist()], dtype=np.int64)


def build_frame(ctx: SeedContext, tree: OrgTree, premises: PremiseSet, workers: WorkerSet) -> IncidentFrame:
    rng = ctx.rng("incidents")
    n = ctx.scale.incidents
    now = np.datetime64(ctx.now, "s")
    reported = _report_times(rng, n, now)
    src_keys = list(SOURCE_MIX)
    source = np.array(src_keys, dtype=object)[rng.choice(len(src_keys), size=n, p=list(SOURCE_MIX.values()))]
    category = _categories(rng, source)
    near, base = _places(rng, category, premises, len(ctx.data.anchors))
    lon, lat, grid = np.zeros(n), np.zeros(n), np.zeros(n, dtype=np.int64)
    anchors = ctx.data.anchors
    for mask, (blon, blat), (lo, hi) in ((near, (premises.lon, premises.lat), (0.0, 25.0)),
                                         (~near, (anchors.lon, anchors.lat), (5.0, 80.0))):
        idx = np.flatnonzero(mask)
        lon[idx], lat[idx], grid[idx] = place_near(tree, rng, blon[base[idx]], blat[base[idx]], lo, hi)
    text_pick = rng.integers(0, 1 << 30, n)
    plan = lc.plan_paths(rng, n)
    orig = _copy_duplicates(rng, {"category": category, "near": near, "base": base, "lon": lon, "lat": lat,
                                  "grid": grid, "text_pick": text_pick}, plan.duplicate)
    priority = _priorities(rng, category)
    final_level = np.where(plan.to_district, "district", np.where(plan.escalated, "township", "community"))
    days_final = np.select([final_level == "district", final_level == "township"],
                           [_deadline_days(category, "district"), _deadline_days(category, "township")],
                           _deadline_days(category, "community"))
    times, reached = lc.simulate_times(rng, plan, reported, days_final * 0.7 * 86400.0, now)
    slot_level = {lc.FILE: "community", lc.ESCALATE_T: "township", lc.ESCALATE_D: "district"}
    slot_deadline = {}
    for slot in (lc.FILE, lc.ESCALATE_T, lc.ESCALATE_D, lc.DISPATCH, lc.REDISPATCH):
        days = _deadline_days(category, slot_level[slot]) if slot in slot_level else days_final
        slot_deadline[slot] = lc.deadlines(CHINA, times[:, slot], days)
    deadline = np.full(n, np.datetime64("NaT"), dtype="datetime64[s]")
    for slot in (lc.FILE, lc.ESCALATE_T, lc.ESCALATE_D, lc.DISPATCH, lc.REDISPATCH):
        deadline = np.where(reached[:, slot], slot_deadline[slot], deadline)
    level = np.where(reached[:, lc.ESCALATE_D], "district", np.where(reached[:, lc.ESCALATE_T], "township",
                                                                     "community")).astype(object)
    dept_of = {c.key: tree.department(c.department).id for c in CATEGORIES}
    dept = np.array([dept_of[c] for c in category.tolist()], dtype=np.int64)
    dept_ids = np.array([d.id for d in tree.departments])
    wrong = dept_ids[rng.integers(0, len(dept_ids), n)]
    wrong = np.where(wrong == dept, dept_ids[(np.searchsorted(dept_ids, wrong) + 1) % len(dept_ids)], wrong)
    assigned = reached[:, lc.DISPATCH] & ~(reached[:, lc.RETURN] & ~reached[:, lc.REDISPATCH])
    assignee_org = np.where(assigned & plan.to_department, dept, -1)
    assignee_worker = np.where(assigned & ~plan.to_department, workers.ids[grid], -1)
    ids = np.arange(1, n + 1)
    duplicate_of = np.full(n, -1, dtype=np.int64)
    dup_done = np.flatnonzero(plan.duplicate)
    duplicate_of[dup_done] = np.where(reached[dup_done, lc.DUPLICATE], ids[orig], -1)
    years = reported.astype("datetime64[Y]").astype(np.int64) + 1970
    case_no, counter = [], {}
    for y in years.tolist():
        counter[y] = counter.get(y, 0) + 1
        case_no.append(f"HL{y}-{counter[y]:07d}")
    return IncidentFrame(ids, reported, source, category, priority, lon, lat, grid, near, base, text_pick, plan,
                         times, reached, slot_deadline, deadline, level, dept, wrong, assignee_org, assignee_worker,
                         duplicate_of, case_no)


def _nullable(values: np.ndarray) -> list:
    return [None if v < 0 else v for v in values.tolist()]


def seed_incidents(ctx: SeedContext, tree: OrgTree, premises: PremiseSet, workers: WorkerSet,
                   camera_names: list[str]) -> tuple[int, int]:
    """Returns (incidents, history rows)."""
    frame = build_frame(ctx, tree, premises, workers)
    text_rng = ctx.rng("incident-texts")
    n = len(frame.ids)
    grid_ids = np.array([g.id for g in tree.grids])
    grid_paths = np.array([g.path for g in tree.grids], dtype=object)
    state = lc.SLOT_STATES[lc.last_reached(frame.reached)]
    closed_at = np.where(frame.reached[:, lc.CLOSE], frame.times[:, lc.CLOSE], np.datetime64("NaT"))
    history_rows = 0
    for start in range(0, n, CHUNK):
        part = slice(start, min(start + CHUNK, n))
        texts = incident_text_columns(ctx.data, text_rng, frame, part, tree, premises, workers, camera_names)
        insert_columns(ctx.conn, Incident, {
            "id": frame.ids[part], "case_no": frame.case_no[part], "source": frame.source[part],
            "category": frame.category[part], "priority": frame.priority[part], "title": texts["title"],
            "description": texts["description"], "address": texts["address"], "lon": frame.lon[part],
            "lat": frame.lat[part], "grid_id": grid_ids[frame.grid[part]], "org_path": grid_paths[frame.grid[part]],
            "level": frame.level[part], "state": state[part], "reported_at": frame.reported_at[part],
            "deadline": frame.deadline[part], "closed_at": closed_at[part], "reporter": texts["reporter"],
            "assignee_org_id": _nullable(frame.assignee_org[part]),
            "assignee_worker_id": _nullable(frame.assignee_worker[part]),
            "duplicate_of_id": _nullable(frame.duplicate_of[part]), "version": np.ones(part.stop - start, np.int64),
            "search_terms": [index_terms(*row) for row in zip(texts["title"], frame.case_no[part],
                                                              texts["address"], texts["description"])],
        })
        history = history_columns(frame, part, history_rows + 1, tree, workers, texts["create_actor"])
        history_rows += insert_columns(ctx.conn, IncidentHistory, history)
        ctx.progress.update(part.stop / n)
    return n, history_rows
