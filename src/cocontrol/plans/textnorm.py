"""Layout clean-up of plan text with an offset map back to the decoded text.

Plans converted from PDF break words and numbers across lines ("326万千\n\n瓦", "1.54亿\n平方米").
:func:`clean` removes line breaks and spaces (keeping one space between two ASCII
letters/digits so that table cells "2020 2025" stay apart) and the ``[bookmark: …]``
markers of docx conversions, and returns the clean text with ``pos[i]`` = offset in the
original of clean character ``i`` (``pos[len]`` is the end), so every span can be reported
against the decoded text. Full-width digits and letters (２０２５年, ＰＭ２.５) are read as ASCII.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WS = frozenset(" \t\r\n\u3000\xa0\x0c\x0b\u2002\u2003\u200b")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
# full-width digits, Latin letters and ％．／ → ASCII, one character for one (offsets unchanged)
_HALF = str.maketrans(
    {**{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},
     **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
     **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
     "％": "%", "．": ".", "／": "/", "－": "-"}
)


@dataclass(frozen=True)
class Clean:
    """Clean text and the offset of each of its characters in the original text."""

    text: str
    pos: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the clean range [start, end)."""
        if end <= start:
            return (self.pos[start], self.pos[start])
        return (self.pos[start], self.pos[end - 1] + 1)


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%")


def clean(text: str, start: int = 0, end: int | None = None) -> Clean:
    """Clean ``text[start:end]``; offsets in the result refer to ``text``."""
    end = len(text) if end is None else end
    skip = bytearray(end - start)
    for m in _BOOKMARK.finditer(text, start, end):
        for i in range(m.start() - start, m.end() - start):
            skip[i] = 1
    chars: list[str] = []
    pos: list[int] = []
    pending_space = False
    for i in range(start, end):
        ch = text[i]
        if skip[i - start]:
            continue
        if ch in _WS:
            pending_space = True
            continue
        if pending_space and chars and _ascii_word(chars[-1]) and _ascii_word(ch):
            chars.append(" ")
            pos.append(i - 1)
        pending_space = False
        chars.append(ch)
        pos.append(i)
    pos.append(pos[-1] + 1 if pos else start)
    return Clean("".join(chars).translate(_HALF), pos)
