"""Name resolution (名称识别) for sectors and fuels: CEADs codes, Chinese names and aliases.

A user writes 原煤, "raw coal", ``Raw_Coal`` or 原煤(吨); all resolve to the CEADs code
``Raw_Coal``. The vocabulary is read from ``refdata/fuels.csv`` and ``refdata/sectors.csv``
(CEADs, Shan et al. 2018) plus the process/product codes of ``process_factors.csv`` and
``emission_factors.csv``. Unknown names get the closest known names as a suggestion
(:func:`difflib.get_close_matches`), so 原媒 suggests 原煤.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from cocontrol import refdata


def normalise(name: object) -> str:
    """Case-, width- and space-insensitive key: NFKC, lower case, no spaces or underscores."""
    text = unicodedata.normalize("NFKC", str(name)).strip().lower()
    for ch in (" ", "_", "\u3000", "\t"):
        text = text.replace(ch, "")
    return text


@dataclass(frozen=True)
class Vocabulary:
    """Known names of one kind (sector or fuel): normalised name → code, and display names."""

    kind: str
    lookup: dict[str, str]
    display: tuple[str, ...]

    def resolve(self, name: object) -> str | None:
        """The code for ``name`` or ``None`` when unknown."""
        return self.lookup.get(normalise(name))

    def suggest(self, name: object, n: int = 3) -> list[str]:
        """Closest known names (Chinese or English) to an unknown ``name``."""
        return difflib.get_close_matches(str(name).strip(), self.display, n=n, cutoff=0.4)


def _split(aliases: object) -> list[str]:
    if aliases is None or (isinstance(aliases, float)) or str(aliases) in ("", "<NA>", "nan"):
        return []
    return [a for a in str(aliases).split("|") if a.strip()]


def _vocabulary(kind: str, rows: list[tuple[str, list[str]]]) -> Vocabulary:
    lookup: dict[str, str] = {}
    display: list[str] = []
    for code, names in rows:
        for name in [code, *names]:
            lookup.setdefault(normalise(name), code)
            if name not in display:
                display.append(name)
    return Vocabulary(kind, lookup, tuple(display))


# vocabularies made by fuels()/sectors() of this code version in an earlier process (the
# inventory's reference cache, :mod:`cocontrol.inventory.refcache`), given by :func:`use`
_GIVEN: dict[str, Vocabulary] = {}


def use(*vocabularies: Vocabulary) -> None:
    """Let :func:`fuels` and :func:`sectors` return these vocabularies — made by those same
    functions and kept by the reference cache, which is keyed by the code and reference data
    — instead of reading the reference tables (with pandas) again."""
    for vocabulary in vocabularies:
        _GIVEN.setdefault(vocabulary.kind, vocabulary)


@lru_cache(maxsize=1)
def fuels() -> Vocabulary:
    """Fuels (能源品种) and process/product codes (工业过程产品)."""
    if "fuel" in _GIVEN:
        return _GIVEN["fuel"]
    table = refdata.load("fuels")
    rows = [(r.fuel, [r.name_zh, *_split(r.aliases)]) for r in table.itertuples(index=False)]
    extra = set(refdata.load("process_factors")["process"])
    extra |= set(refdata.load("emission_factors")["fuel"])
    known = {code for code, _ in rows}
    rows += [(code, []) for code in sorted(extra - known)]
    return _vocabulary("fuel", rows)


@lru_cache(maxsize=1)
def sectors() -> Vocabulary:
    """The 47 CEADs sectors (行业): English name, Chinese name, aliases and the code 1–47."""
    if "sector" in _GIVEN:
        return _GIVEN["sector"]
    table = refdata.load("sectors")
    rows = [
        (r.sector, [r.name_zh, str(r.code), *_split(r.aliases)])
        for r in table.itertuples(index=False)
    ]
    return _vocabulary("sector", rows)


@lru_cache(maxsize=1)
def _labels() -> dict[tuple[str, str], tuple[str, str]]:
    """(kind, code) → (Chinese, English) display names from ``fuels.csv``, ``sectors.csv`` and
    ``terms.csv`` (relations, roles, audit actions, regions, process codes, units …)."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for r in refdata.load("sectors").itertuples(index=False):
        found[("sector", str(r.sector))] = (str(r.name_zh), str(r.sector))
    for r in refdata.load("fuels").itertuples(index=False):
        found[("fuel", str(r.fuel))] = (str(r.name_zh), str(r.fuel).replace("_", " ").capitalize())
    for r in refdata.load("terms").itertuples(index=False):
        found[(str(r.kind), str(r.code))] = (str(r.name_zh), str(r.name_en))
        if r.kind == "process":  # process/product codes stand in the inventory's fuel column
            found.setdefault(("fuel", str(r.code)), (str(r.name_zh), str(r.name_en)))
    return found


def label(kind: str, code: object, lang: str = "zh") -> str:
    """The name a user reads for ``code`` of ``kind`` (``sector``, ``fuel``, ``relation``,
    ``role``, ``action``, ``record``, ``level``, ``region``, ``binding``, ``label``, ``unit``,
    ``process`` …) in ``lang`` (``zh`` or ``en``): the one lookup behind the pages, the
    reports and the inventory workbook. An unknown code is returned as given (a unit or a name
    typed by a user is already what the user reads)."""
    if code is None:
        return ""
    names = _labels().get((kind, str(code)))
    if names is None:
        return str(code)
    return names[1] if lang == "en" else names[0]


def names(kind: str, lang: str = "zh") -> dict[str, str]:
    """Every code of ``kind`` with its name in ``lang`` (the table behind :func:`label`)."""
    i = 1 if lang == "en" else 0
    return {code: pair[i] for (k, code), pair in _labels().items() if k == kind}
