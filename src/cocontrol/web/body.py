"""The base of every request body the API reads (请求体).

Text fields may not carry NUL: PostgreSQL refuses it in text columns (so a name with NUL
would fail deep in a query instead of at the edge), and no name, note or id needs it. A body
with one is refused with 422 like any other invalid field.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, field_validator


class Body(BaseModel):
    """Request body: every ``str`` field, also inside lists and dicts, is free of NUL."""

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        if _has_nul(value):
            raise ValueError("text may not contain NUL (0x00)")
        return value


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, (list, tuple, set)):
        return any(_has_nul(v) for v in value)
    return False
