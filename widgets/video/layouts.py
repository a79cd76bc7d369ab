"""Wall layouts as cells on a square grid: (row, column, row span, column span), the first cell largest.

"1+5" and "1+7" put one large tile top-left for the camera that matters (an incident's nearest) and the
rest around it, as the wall displays in command centers are arranged."""
from __future__ import annotations

Cell = tuple[int, int, int, int]


def _grid(n: int) -> list[Cell]:
    return [(r, c, 1, 1) for r in range(n) for c in range(n)]


def _one_plus(n: int) -> list[Cell]:
    """One (n-1)×(n-1) tile, then the right column and the bottom row of 1×1 tiles."""
    big = n - 1
    return [(0, 0, big, big), *[(r, big, 1, 1) for r in range(big)], *[(big, c, 1, 1) for c in range(n)]]


LAYOUTS: dict[str, list[Cell]] = {
    "1": _grid(1),
    "4": _grid(2),
    "9": _grid(3),
    "16": _grid(4),
    "1+5": _one_plus(3),
    "1+7": _one_plus(4),
}
MAX_TILES = max(len(cells) for cells in LAYOUTS.values())
