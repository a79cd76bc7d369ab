"""Matching an address without coordinates against the district's address library (fuzzy, rapidfuzz).

Why the street and the house number are scored apart: a plain similarity ratio rates 长乐路12号 against
长乐路128号 at 92 — two different buildings. So an address is split into its street (everything before the
house number), the number, and the rest (floor, room: the same building, ignored). The street is compared
fuzzily (typos, 枋湖北二路 vs 枋湖北路); the number must be equal for a confident match, and a different
number on a matching street caps the score below the acceptance threshold, so it goes to review.

Verdicts: `matched` (score ≥ ACCEPT and no equally good rival elsewhere: coordinates are taken), `review`
(score ≥ REVIEW: a person picks among the candidates), `rejected` (nothing in the library is close)."""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from console.domain.addresses import DEFAULT_REGION, normalise_address

ACCEPT, REVIEW = 90.0, 70.0
OTHER_NUMBER = 0.8  # score factor when the street matches but the house number differs
MAX_CANDIDATES = 3
STREETS_CONSIDERED = 5
RIVAL_METRES = 50.0
_NUMBER = re.compile(r"(\d+(?:-\d+)?)号")


@dataclass(frozen=True)
class AddressKey:
    street: str
    number: str | None

    @property
    def text(self) -> str:
        return f"{self.street}{self.number}号" if self.number else self.street


def address_key(address: str, region: tuple[str, str, str] = DEFAULT_REGION) -> AddressKey:
    """'福建省厦门市湖里区长乐路128号3层' → ('长乐路', '128'): the region prefix and the floor/room dropped."""
    text = normalise_address(address, region)
    for prefix in ("".join(region), "".join(region[:2])):
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    found = _NUMBER.search(text)
    if found is None:
        return AddressKey(text, None)
    return AddressKey(text[:found.start()], found.group(1))


@dataclass(frozen=True)
class LibraryEntry:
    key: AddressKey
    lon: float
    lat: float


@dataclass(frozen=True)
class Candidate:
    address: str
    score: float
    lon: float
    lat: float


@dataclass(frozen=True)
class AddressMatch:
    verdict: str  # matched | review | rejected
    candidates: tuple[Candidate, ...]

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


def _metres(a: Candidate, b: Candidate) -> float:
    dx = (a.lon - b.lon) * 111_320.0 * math.cos(math.radians(a.lat))
    return math.hypot(dx, (a.lat - b.lat) * 110_574.0)


def _number_value(number: str | None) -> int:
    return int(number.split("-")[0]) if number else 1_000_000


class AddressLibrary:
    """Known addresses with positions; several entries with one key (floors of a building) are averaged."""

    def __init__(self, entries: Iterable[LibraryEntry]) -> None:
        sums: dict[AddressKey, list[float]] = {}
        for e in entries:
            acc = sums.setdefault(e.key, [0.0, 0.0, 0.0])
            acc[0] += e.lon
            acc[1] += e.lat
            acc[2] += 1
        self._by_street: dict[str, dict[str | None, tuple[float, float]]] = {}
        for key, (lon, lat, n) in sums.items():
            self._by_street.setdefault(key.street, {})[key.number] = (lon / n, lat / n)
        self._streets = list(self._by_street)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_street.values())

    def _street_candidates(self, key: AddressKey, street: str, street_score: float) -> list[Candidate]:
        numbers = self._by_street[street]
        if key.number in numbers:
            lon, lat = numbers[key.number]
            return [Candidate(AddressKey(street, key.number).text, street_score, lon, lat)]
        wanted = _number_value(key.number)
        near = sorted(numbers, key=lambda n: (abs(_number_value(n) - wanted), _number_value(n)))[:MAX_CANDIDATES]
        return [Candidate(AddressKey(street, n).text, street_score * OTHER_NUMBER, *numbers[n]) for n in near]

    def match(self, key: AddressKey) -> AddressMatch:
        if not key.street or not self._streets:
            return AddressMatch("rejected", ())
        streets = process.extract(key.street, self._streets, scorer=fuzz.ratio, limit=STREETS_CONSIDERED,
                                  score_cutoff=REVIEW)
        cands = [c for street, score, _ in streets for c in self._street_candidates(key, street, score)]
        cands.sort(key=lambda c: -c.score)  # stable: on one street the nearest numbers stay first
        cands = [c for c in cands if c.score >= REVIEW][:MAX_CANDIDATES]
        if not cands:
            return AddressMatch("rejected", ())
        best = cands[0]
        rivals = [c for c in cands[1:] if c.score >= best.score - 1e-9 and _metres(c, best) > RIVAL_METRES]
        verdict = "matched" if best.score >= ACCEPT and not rivals else "review"
        return AddressMatch(verdict, tuple(cands))
