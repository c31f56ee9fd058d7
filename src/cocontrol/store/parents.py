"""Where the seed cities sit (no imports: the inventory's grid-factor lookup reads it
without loading the database layer; ``store.regions`` re-exports it)."""

from __future__ import annotations

PARENTS: dict[str, tuple[str, str]] = {
    "济南市": ("山东省", "city"),
    "淄博市": ("山东省", "city"),
    "威海市": ("山东省", "city"),
    "荣成市": ("威海市", "county"),
}
"""Where the seed cities sit: 荣成市 is a county-level city under 威海市."""
