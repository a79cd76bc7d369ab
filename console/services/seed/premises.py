"""Premises (场所): the district's real POIs first, then generated shops, restaurants, rental houses… placed
along real streets (bike-parking fences) with addresses, owners, licences, status colours and inspection dates.

The type mix, the colour mix (≈80 % green, 13 % yellow, 5 % red, 2 % black) and the inspection cycles follow
what district platforms report: rental houses and hazardous-goods sites are visited monthly, shops twice a
year, and about one premise in eight is past its due date."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from console.domain.inspections import RectificationPolicy, next_inspection
from console.domain.names import credit_codes, mobile_numbers, person_names, street_address
from console.services.seed.context import SeedContext
from console.services.seed.orgunits import OrgTree
from console.services.seed.placement import locate_fixed, place_near
from console.services.seed.premise_names import premise_names, unit_suffixes
from db.models import Premise

SYNTHETIC_MIX: dict[str, float] = {
    "rental_house": 0.275, "shop": 0.27, "restaurant": 0.18, "enterprise": 0.12,
    "warehouse": 0.04, "clinic": 0.03, "hotel": 0.03, "entertainment": 0.02, "school": 0.02,
    "internet_cafe": 0.005, "gas_station": 0.003, "hazardous": 0.007,
}
INSPECTION_CYCLE_DAYS: dict[str, int] = {
    "rental_house": 30, "hazardous": 30, "gas_station": 30, "internet_cafe": 60, "entertainment": 60,
    "hotel": 60, "mall": 60, "restaurant": 90, "school": 90, "clinic": 90, "warehouse": 90,
    "industrial_park": 90, "hospital": 90, "university": 90, "shop": 180, "enterprise": 180,
    "office": 180,
}
STATUS_MIX = {"green": 0.80, "yellow": 0.13, "red": 0.05, "black": 0.02}
# First two characters of the credit code: 91 enterprise, 92 individual business, 52 private school, 12 public.
_LICENCE_KIND = {"restaurant": "92", "shop": "92", "school": "52", "hospital": "12",
                 "university": "12"}
_LANDLINE_TYPES = frozenset({"office", "industrial_park", "mall", "hospital", "university", "enterprise",
                             "hotel", "school"})
JITTER_M = (5.0, 60.0)
POLICY = RectificationPolicy()  # a fresh database has no rectify_days_* settings: the defaults apply


@dataclass(frozen=True)
class PremiseSet:
    """What later stages need: ids, positions, grids and addresses of all premises, in id order."""

    ids: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    grid: np.ndarray  # index into OrgTree.grids
    types: np.ndarray  # object array of type keys
    names: list[str]
    addresses: list[str]
    status: np.ndarray  # object array of colours
    visited: list[datetime]  # the last inspection (its end), what a yellow or red colour was found on
    phones: list[str]


def _licences(rng: np.random.Generator, types: list[str], division: str, individual: np.ndarray) -> list:
    kinds = [("91" if (t in ("restaurant", "shop") and not ind) else _LICENCE_KIND.get(t, "91"))
             for t, ind in zip(types, individual.tolist(), strict=True)]
    codes = credit_codes(rng, kinds, division)
    return [None if t == "rental_house" else c for t, c in zip(types, codes, strict=True)]


def _phones(rng: np.random.Generator, types: list[str]) -> list[str]:
    mobiles = mobile_numbers(rng, len(types))
    landline = rng.integers(0, 10_000_000, len(types)).tolist()
    use_landline = (rng.random(len(types)) < 0.6).tolist()
    return [f"0592-{5_000_000 + x % 3_000_000}" if (t in _LANDLINE_TYPES and u) else m
            for t, m, x, u in zip(types, mobiles, landline, use_landline, strict=True)]


def _inspections(ctx: SeedContext, rng: np.random.Generator, types: list[str], status: np.ndarray):
    """Last and next visit per premise. A yellow or red premise is under rectification: its last visit found
    the problems (within twice the rectification period, so about half are overdue for re-inspection) and
    its next visit is the re-inspection the rule sets (console.domain.inspections.next_inspection)."""
    cycle = np.array([INSPECTION_CYCLE_DAYS[t] for t in types])
    today = ctx.now.date()
    ago = np.floor(rng.uniform(0.0, 1.15, len(types)) * cycle).astype(int)
    fix_days = np.array([POLICY.days_for(s) or 0 for s in status.tolist()])
    recent = np.floor(ctx.rng("rectification").uniform(0.0, 2.0, len(types)) * fix_days).astype(int)
    ago = np.where(fix_days > 0, recent, ago)
    last = [today - timedelta(days=int(d)) for d in ago.tolist()]
    nxt = [next_inspection(d, int(c), s, POLICY) for d, c, s in zip(last, cycle.tolist(), status.tolist(), strict=True)]
    minutes = rng.integers(9 * 60, 17 * 60 + 30, len(types)).tolist()
    updated = [datetime(d.year, d.month, d.day) + timedelta(minutes=m) for d, m in zip(last, minutes, strict=True)]
    return cycle, last, nxt, updated


def seed_premises(ctx: SeedContext, tree: OrgTree) -> PremiseSet:
    rng = ctx.rng("premises")
    data = ctx.data
    pois = data.pois
    poi_lon, poi_lat, poi_grid = locate_fixed(tree, np.array([p.lon for p in pois]), np.array([p.lat for p in pois]))
    n_syn = max(0, ctx.scale.premises - len(pois))
    mix_types = list(SYNTHETIC_MIX)
    p = np.array(list(SYNTHETIC_MIX.values()))
    syn_types = [mix_types[i] for i in rng.choice(len(mix_types), size=n_syn, p=p / p.sum()).tolist()]
    anchors = data.anchors
    at = rng.integers(0, len(anchors), n_syn)
    syn_lon, syn_lat, syn_grid = place_near(tree, rng, anchors.lon[at], anchors.lat[at], *JITTER_M)
    roads = anchors.road[at].tolist()
    numbers = (anchors.number[at] + 2 * rng.integers(0, 3, n_syn)).tolist()
    units = unit_suffixes(rng, syn_types)
    syn_names = premise_names(rng, syn_types, roads, numbers)
    syn_addr = [street_address(data.address_prefix, r, num, u) for r, num, u in zip(roads, numbers, units, strict=True)]

    types = [poi.type for poi in pois] + syn_types
    names = [poi.name for poi in pois] + syn_names
    addresses = [poi.address if poi.address.startswith("福建省") else data.address_prefix + poi.address
                 for poi in pois] + syn_addr
    lon = np.concatenate([poi_lon, syn_lon])
    lat = np.concatenate([poi_lat, syn_lat])
    grid = np.concatenate([poi_grid, syn_grid]).astype(np.int64)
    n = len(types)
    owners, _ = person_names(rng, n)
    individual = rng.random(n) < 0.7
    licences = _licences(rng, types, data.code, individual)
    phones = _phones(rng, types)
    status_keys = list(STATUS_MIX)
    status = np.array(status_keys)[rng.choice(len(status_keys), size=n, p=list(STATUS_MIX.values()))]
    cycle, last, nxt, updated = _inspections(ctx, rng, types, status)
    ids = np.arange(1, n + 1)
    grid_ids = np.array([g.id for g in tree.grids])[grid]
    paths = [tree.grids[g].path for g in grid.tolist()]
    ctx.insert(Premise, {
        "id": ids, "code": [f"P{data.code}{i:07d}" for i in ids.tolist()], "name": names, "type": types,
        "address": addresses, "owner": owners, "owner_phone": phones, "licence_no": licences,
        "lon": lon, "lat": lat, "grid_id": grid_ids, "org_path": paths, "status": status,
        "inspection_cycle_days": cycle, "last_inspection": last, "next_inspection": nxt,
        "source": ["poi"] * len(pois) + ["synthetic"] * n_syn, "version": np.ones(n, dtype=np.int64),
        "updated_at": updated,
    })
    return PremiseSet(ids, lon, lat, grid, np.array(types, dtype=object), names, addresses, status, updated, phones)
