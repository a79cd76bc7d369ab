"""Text columns of generated incidents and their history rows, one chunk of incidents at a time.

History notes use the console's own format (console.domain.incident_history_notes: "[action] key=value"
then free text), so the case timeline reads seeded cases exactly like cases worked in the console."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from console.domain.incident_history_notes import encode_note
from console.domain.names import forms_of_address, mask_phone, mobile_numbers, person_names
from console.services.seed import lifecycle as lc
from console.services.seed.incident_texts import (
    CASE_TEXTS,
    FEEDBACK_NOTES,
    REJECT_NOTES,
    REQUESTS,
    RETURN_NOTES,
    REWORK_NOTES,
    SENSOR_LABELS,
    SOURCE_PHRASES,
)
from console.services.seed.orgunits import OrgTree
from console.services.seed.people import WorkerSet, township_operator
from console.services.seed.premises import PremiseSet
from console.services.seed.reference import DistrictData

if TYPE_CHECKING:
    from console.services.seed.incidents import IncidentFrame

DISTRICT_OPERATOR = "operator"
SUPERVISOR = "supervisor"
_CHANNEL_ACTORS = {"citizen_app": "群众App", "hotline_12345": "12345热线", "police_110": "110联动平台",
                   "iot_sensor": "物联感知平台", "video": "视频巡查", "warning": "预警引擎"}


def _township_operators(tree: OrgTree) -> np.ndarray:
    return np.array([township_operator(tree.township_of(g).code) for g in tree.grids], dtype=object)


def incident_text_columns(data: DistrictData, rng: np.random.Generator, frame: IncidentFrame, part: slice,
                          tree: OrgTree, premises: PremiseSet, workers: WorkerSet,
                          camera_names: list[str]) -> dict[str, list[str]]:
    """title, description, address, reporter and the actor of the 'create' history row."""
    m = part.stop - part.start
    names, female = person_names(rng, m)
    callers = forms_of_address(names, female)
    phones = mobile_numbers(rng, m)
    picks = rng.integers(0, 1 << 30, (m, 2)).tolist()
    operators = _township_operators(tree)
    anchors = data.anchors
    out: dict[str, list[str]] = {k: [] for k in ("title", "description", "address", "reporter", "create_actor")}
    rows = zip(frame.source[part].tolist(), frame.category[part].tolist(), frame.near_premise[part].tolist(),
               frame.base[part].tolist(), frame.text_pick[part].tolist(), frame.grid[part].tolist(), strict=True)
    for k, (src, cat, near, base, pick, grid) in enumerate(rows):
        subject, detail = CASE_TEXTS[cat][pick % len(CASE_TEXTS[cat])]
        if near:
            place, address = premises.names[base], premises.addresses[base]
        else:
            place = f"{anchors.road[base]}{int(anchors.number[base])}号附近"
            address = data.address_prefix + place
        out["title"].append(f"{place}{subject}")
        out["description"].append(f"{SOURCE_PHRASES[src]}：{place}，{detail}。{REQUESTS[picks[k][0] % len(REQUESTS)]}")
        out["address"].append(address)
        if src == "grid_worker":  # the field system files a report under the worker's code, as scoring reads it
            reporter, actor = workers.codes[grid], workers.names[grid]
        elif src == "citizen_app":
            reporter, actor = f"{callers[k]}({mask_phone(phones[k])})", _CHANNEL_ACTORS[src]
        elif src == "hotline_12345":
            reporter, actor = f"12345热线·{callers[k]}", _CHANNEL_ACTORS[src]
        elif src == "iot_sensor":
            reporter = f"{SENSOR_LABELS.get(cat, '物联感知设备')}-{data.code}{picks[k][1] % 100000:05d}"
            actor = _CHANNEL_ACTORS[src]
        elif src == "video":
            reporter, actor = camera_names[picks[k][1] % len(camera_names)], _CHANNEL_ACTORS[src]
        elif src == "walk_in":
            reporter, actor = f"{callers[k]}(来访)", operators[grid]
        else:
            reporter, actor = _CHANNEL_ACTORS[src], _CHANNEL_ACTORS[src]
        out["reporter"].append(reporter)
        out["create_actor"].append(actor)
    return out


def history_columns(frame: IncidentFrame, part: slice, first_id: int, tree: OrgTree, workers: WorkerSet,
                    create_actor: list[str]) -> dict[str, object]:
    """History rows of the chunk's incidents: one per step reached, in (incident, step) order."""
    reached = frame.reached[part]
    rows, slots = np.nonzero(reached)
    g = rows + part.start  # global incident index of each history row
    m = len(rows)
    to_state = lc.SLOT_STATES[slots]
    from_state = np.roll(to_state, 1)
    from_state[slots == lc.CREATE] = None
    actor = np.empty(m, dtype=object)
    note = np.empty(m, dtype=object)
    plan = frame.plan
    operators = _township_operators(tree)[frame.grid[g]]
    operators = np.where(plan.to_district[g] & (slots >= lc.DISPATCH), DISTRICT_OPERATOR, operators)
    dept_names = {d.id: d.name for d in tree.departments}
    to_dept = plan.to_department[g]
    assignee = np.where(to_dept, np.array([dept_names[d] for d in frame.dept[g].tolist()], dtype=object),
                        np.array(workers.names, dtype=object)[frame.grid[g]])
    pick = frame.text_pick[g] >> 7
    grid_ids = np.array([u.id for u in tree.grids])
    for slot, (action, _) in enumerate(lc.SLOTS):
        sel = np.flatnonzero(slots == slot)
        if len(sel) == 0:
            continue
        gi = g[sel]
        actor[sel] = operators[sel]
        note[sel] = f"[{action}]"
        if slot == lc.CREATE:
            actor[sel] = np.array(create_actor, dtype=object)[rows[sel]]
            note[sel] = [encode_note("create", {"source": s}, None) for s in frame.source[gi].tolist()]
        elif slot in (lc.SIGN, lc.START, lc.RESUME, lc.FEEDBACK, lc.FEEDBACK2):
            actor[sel] = assignee[sel]
        elif slot in (lc.EVALUATE, lc.ARCHIVE):
            actor[sel] = SUPERVISOR
        elif slot == lc.RETURN:
            actor[sel] = [dept_names[d] for d in frame.wrong_dept[gi].tolist()]
        texts = {lc.REJECT: REJECT_NOTES, lc.RETURN: RETURN_NOTES, lc.FEEDBACK: FEEDBACK_NOTES,
                 lc.FEEDBACK2: FEEDBACK_NOTES, lc.REWORK: REWORK_NOTES}.get(slot)
        if texts is not None:
            note[sel] = [encode_note(action, {}, texts[p % len(texts)]) for p in pick[sel].tolist()]
        elif slot == lc.DUPLICATE:
            note[sel] = [encode_note(action, {"duplicate_of_id": o}, None)
                         for o in frame.ids[_originals(frame, gi)].tolist()]
        elif slot in frame.slot_deadline:
            note[sel] = _deadline_notes(frame, slot, gi, grid_ids)
    return {"id": np.arange(first_id, first_id + m), "incident_id": frame.ids[g], "from_state": from_state,
            "to_state": to_state, "actor": actor, "at": frame.times[rows + part.start, slots], "note": note}


def _originals(frame: IncidentFrame, gi: np.ndarray) -> np.ndarray:
    """Index of the case each duplicate repeats (duplicate_of is only set once the marking happened)."""
    return frame.duplicate_of[gi] - 1


def _template(action: str, keys: tuple[str, ...]) -> str:
    """The console's note format for `action` with str.format slots for the values: encode_note is run
    once per kind of note instead of once per row (millions at city scale). Values here are ascii keys,
    ids and ISO times, which the format accepts as they are."""
    return encode_note(action, {k: f"{{{i}}}" for i, k in enumerate(keys)}, None)


def _deadline_notes(frame: IncidentFrame, slot: int, gi: np.ndarray, grid_ids: np.ndarray) -> list[str]:
    due = np.datetime_as_string(frame.slot_deadline[slot][gi], unit="m").tolist()  # = isoformat(minutes)
    if slot == lc.FILE:
        fmt = _template("file", ("category", "grid_id", "deadline")).format
        return [fmt(c, grid_ids[k], d) for c, k, d in zip(frame.category[gi].tolist(), frame.grid[gi].tolist(), due,
                                                         strict=True)]
    if slot in (lc.ESCALATE_T, lc.ESCALATE_D):
        fmt = _template("escalate", ("level", "deadline")).format
        level = "township" if slot == lc.ESCALATE_T else "district"
        return [fmt(level, d) for d in due]
    org = np.where(frame.plan.returned[gi], frame.wrong_dept[gi], frame.dept[gi]) if slot == lc.DISPATCH \
        else frame.dept[gi]
    to_org = _template("dispatch", ("assignee_org_id", "deadline")).format
    to_worker = _template("dispatch", ("assignee_worker_id", "deadline")).format
    return [to_org(o, d) if dept else to_worker(w, d)
            for o, w, dept, d in zip(org.tolist(), frame.assignee_worker[gi].tolist(),
                                     frame.plan.to_department[gi].tolist(), due, strict=True)]
