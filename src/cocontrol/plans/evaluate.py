"""Score extracted targets (目标指标抽取) against hand annotations: precision, recall, F1.

Matching rule (agreed with the extractor): a predicted :class:`~cocontrol.plans.model.Target`
matches a gold target when

* ``year`` is equal (both may be ``None``),
* ``relation`` is equal,
* ``unit`` is equal after removing whitespace and mapping full-width ``％`` to ``%``
  (both ``None`` for qualitative targets),
* ``value`` is equal within a relative tolerance of 2e-3 (三分之一 written 33.3 or 33.333…; both
  ``None`` for qualitative),
* and the predicted ``span`` [start, end) overlaps the character range of the gold anchor
  (the ``occurrence``-th occurrence of ``anchor`` in the decoded text).

Matching is one-to-one (maximum bipartite matching, Kuhn's augmenting paths), so a target
extracted twice counts once as a hit and once as a false positive. Gold targets marked
``uncertain`` are excluded from both measures: a prediction matching one is neither a hit nor
a false positive, and a missed one is not a false negative. A prediction matches an uncertain
target when it agrees at the anchor in value and unit, whatever its year: the doubt an annotator
notes is most often the year itself ("2025 by meaning, null by the paragraph rule"), so either
reading is accepted and neither is counted. An uncertain target read for several years (a year
range, one record per year) ignores one prediction per year; a second prediction of the same year
is still a false positive (from 2026-12-06 16:00 UTC, lead, decided before blind sets 31–34 were scored).

precision = hits / (predicted − predictions matching uncertain gold),
recall = hits / certain gold, F1 = 2PR / (P + R).

The flags ``approx``, ``strive``, ``annual_rate``, ``base_year``, ``binding``,
``cumulative``, ``baseline_value`` and ``baseline_year`` of matched pairs are compared and
disagreements reported as *field errors*, counted apart from precision and recall.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from cocontrol.errors import InputError, Problem, ValidationFailed
from cocontrol.plans.model import Binding, Relation, Target
from cocontrol.plans.script import characters_simplified

FLAG_FIELDS: tuple[str, ...] = (
    "approx",
    "strive",
    "annual_rate",
    "base_year",
    "binding",
    "cumulative",
    "baseline_value",
    "baseline_year",
)


class GoldTarget(BaseModel):
    """A target as a human annotator registered it (人工标注), tied to the text by an anchor."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)

    anchor: str = Field(min_length=1, description="exact substring containing the number")
    occurrence: int = Field(1, ge=1, description="1-based occurrence of the anchor in the text")
    indicator: str
    year: int | None = None
    value: float | None = None
    unit: str | None = None
    relation: Relation = Relation.EQ
    approx: bool = False
    strive: bool = False
    annual_rate: bool = False
    base_year: int | None = None
    cumulative: bool = False
    binding: Binding | None = None
    qualitative: str | None = None
    baseline_value: float | None = None
    baseline_year: int | None = None
    uncertain: bool = False
    note: str | None = None


@dataclass(frozen=True)
class GoldSentence:
    """One sentence of the generalisation set with the targets it holds (maybe none)."""

    text: str
    targets: list[GoldTarget]


@dataclass(frozen=True)
class FieldError:
    """A matched pair that disagrees on a flag such as ``approx`` or ``base_year``."""

    gold: GoldTarget
    predicted: Target
    field: str
    expected: object
    found: object


@dataclass
class Score:
    """Outcome of comparing predicted with gold targets on one text (or several, merged)."""

    matched: list[tuple[Target, GoldTarget]] = field(default_factory=list)
    false_positives: list[Target] = field(default_factory=list)
    false_negatives: list[tuple[GoldTarget, str]] = field(default_factory=list)
    field_errors: list[FieldError] = field(default_factory=list)
    ignored: int = 0  # predictions that matched an uncertain gold target

    @property
    def precision(self) -> float:
        """hits / (hits + false positives); 1.0 when nothing was predicted."""
        n = len(self.matched) + len(self.false_positives)
        return len(self.matched) / n if n else 1.0

    @property
    def recall(self) -> float:
        """hits / (hits + false negatives); 1.0 when there is nothing to find."""
        n = len(self.matched) + len(self.false_negatives)
        return len(self.matched) / n if n else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def normalize_unit(unit: str | None) -> str | None:
    """Unit as compared: whitespace removed, full-width ％ → %, 每 → / (微克每立方米 is
    微克/立方米, one unit spelt two ways), traditional characters → simplified (個 is 个, 萬噸 is
    万吨: a gold unit copied from a 繁体 page names the unit the extractor reads in 简体), a count word
    without the other one written after it in brackets (150条(个) of 河湖 is 150 条: the gold writes it both
    ways); empty → ``None``."""
    if unit is None:
        return None
    unit = characters_simplified(re.sub(r"\s+", "", unit).replace("％", "%").replace("每", "/"))
    unit = _ALT_COUNT_WORD.sub("", unit)
    return unit or None


# a count word and its alternative in brackets (5000套(间), 120万件(套), 13条(个)): counted as the first
_COUNT_WORDS = "个条座处家所项台套间件户辆张栋部只株"
_ALT_COUNT_WORD = re.compile(rf"(?<=[{_COUNT_WORDS}])[（(][{_COUNT_WORDS}][）)]$")


def locate(anchor: str, occurrence: int, text: str) -> tuple[int, int] | None:
    """Character range [start, end) of the ``occurrence``-th (1-based) ``anchor`` in ``text``.

    Occurrences may overlap. When the exact string is absent (a reader may have normalised
    whitespace), the anchor is searched again allowing any whitespace between its characters;
    occurrences are then counted among all whitespace variants, so the count is approximate.
    Returns ``None`` when there are fewer than ``occurrence`` occurrences.
    """
    starts: list[tuple[int, int]] = []
    pos = text.find(anchor)
    while pos >= 0 and len(starts) < occurrence:
        starts.append((pos, pos + len(anchor)))
        pos = text.find(anchor, pos + 1)
    if len(starts) < occurrence:
        chars = [re.escape(c) for c in anchor if not c.isspace()]
        pattern = re.compile(r"\s*".join(chars))
        starts = [(m.start(), m.end()) for m in pattern.finditer(text)]
    return starts[occurrence - 1] if len(starts) >= occurrence else None


def _values_agree(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    # a fraction written in words has no exact decimal (三分之一: 33.3 or 33.333… %): values within
    # 0.2 % of each other agree (no two targets of one anchor differ so little)
    return math.isclose(a, b, rel_tol=2e-3)


def _agrees(pred: Target, gold: GoldTarget, where: tuple[int, int] | None,
            relation: bool = True, year: bool = True) -> bool:
    if where is None or pred.span is None:
        return False
    return (
        any(start < where[1] and where[0] < end for start, end in [pred.span, *pred.spans])
        and (not year or pred.year == gold.year)
        and (not relation or str(pred.relation) == str(gold.relation))
        and normalize_unit(pred.unit) == normalize_unit(gold.unit)
        and _values_agree(pred.value, gold.value)
    )


def _max_matching(edges: list[list[int]], n_right: int) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn): left index → right index."""
    owner: list[int | None] = [None] * n_right

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges[left]:
            if right in seen:
                continue
            seen.add(right)
            holder = owner[right]
            if holder is None or augment(holder, seen):
                owner[right] = left
                return True
        return False

    for left in range(len(edges)):
        augment(left, set())
    return {left: right for right, left in enumerate(owner) if left is not None}


def _quote(text: str, where: tuple[int, int] | None, width: int = 40) -> str:
    if where is None:
        return "(anchor not found in text)"
    start, end = max(0, where[0] - width), min(len(text), where[1] + width)
    return re.sub(r"\s+", " ", text[start:end])


def _field_errors(pred: Target, gold: GoldTarget, relation: bool = True) -> list[FieldError]:
    errors = []
    for name in FLAG_FIELDS if relation else ("relation", *FLAG_FIELDS):
        expected, found = getattr(gold, name), getattr(pred, name)
        if name == "baseline_value" and _values_agree(expected, found):
            continue
        if expected != found and str(expected) != str(found):
            errors.append(FieldError(gold, pred, name, expected, found))
    return errors


def score(predicted: Sequence[Target], gold: Sequence[GoldTarget], text: str, *,
          relation: bool = True) -> Score:
    """Compare ``predicted`` with ``gold`` targets of one decoded ``text`` (see module doc).

    ``relation=False`` is the key of issue 10 (a target is found when year, value and unit
    agree at the anchor); a disagreeing relation is then reported as a field error."""
    places = [locate(g.anchor, g.occurrence, text) for g in gold]
    certain = [i for i, g in enumerate(gold) if not g.uncertain]
    doubtful = [i for i, g in enumerate(gold) if g.uncertain]

    edges = [
        [j for j, gi in enumerate(certain) if _agrees(p, gold[gi], places[gi], relation)]
        for p in predicted
    ]
    pairs = _max_matching(edges, len(certain))
    unmatched = [i for i in range(len(predicted)) if i not in pairs]
    doubt_edges = [
        [j for j, gi in enumerate(doubtful)
         if _agrees(predicted[i], gold[gi], places[gi], relation, year=False)]
        for i in unmatched
    ]
    doubt_pairs = _max_matching(doubt_edges, len(doubtful))
    consumed = {unmatched[k] for k in doubt_pairs}
    # the same doubtful target read for other years (a range, one record per year): ignored too
    years = {(j, predicted[unmatched[k]].year) for k, j in doubt_pairs.items()}
    for k, i in enumerate(unmatched):
        other_year = [j for j in doubt_edges[k] if (j, predicted[i].year) not in years]
        if i not in consumed and other_year:
            consumed.add(i)
            years.add((other_year[0], predicted[i].year))

    result = Score(ignored=len(consumed))
    for i, j in sorted(pairs.items(), key=lambda kv: certain[kv[1]]):
        pred, gold_target = predicted[i], gold[certain[j]]
        result.matched.append((pred, gold_target))
        result.field_errors += _field_errors(pred, gold_target, relation)
    hit = {certain[j] for j in pairs.values()}
    result.false_negatives = [(gold[i], _quote(text, places[i])) for i in certain if i not in hit]
    result.false_positives = [predicted[i] for i in unmatched if i not in consumed]
    return result


def merge(scores: Iterable[Score]) -> Score:
    """Pool several scores (micro-average): lists are concatenated."""
    total = Score()
    for s in scores:
        total.matched += s.matched
        total.false_positives += s.false_positives
        total.false_negatives += s.false_negatives
        total.field_errors += s.field_errors
        total.ignored += s.ignored
    return total


def _describe_gold(g: GoldTarget) -> str:
    flags = [n for n in ("approx", "strive", "annual_rate", "cumulative") if getattr(g, n)]
    base = f" base {g.base_year}" if g.base_year else ""
    what = g.qualitative if g.value is None else f"{g.value:g} {g.unit}"
    return f"{g.year} {g.indicator} {g.relation} {what}{base} {' '.join(flags)}".rstrip()


def _describe_pred(p: Target) -> str:
    what = p.qualitative if p.value is None else f"{p.value:g} {p.unit}"
    return f"{p.year} {p.indicator} {p.relation} {what} span={p.span}"


def format_report(result: Score, title: str, limit: int = 200) -> str:
    """Readable summary of one score: P/R/F1, then misses, false positives and field errors."""
    lines = [
        f"== {title}: P={result.precision:.3f} R={result.recall:.3f} F1={result.f1:.3f} "
        f"(hits {len(result.matched)}, FP {len(result.false_positives)}, "
        f"FN {len(result.false_negatives)}, field errors {len(result.field_errors)}, "
        f"uncertain ignored {result.ignored})"
    ]
    for g, quote in result.false_negatives[:limit]:
        lines.append(f"  MISSED  {_describe_gold(g)}  «{quote}»")
    for p in result.false_positives[:limit]:
        lines.append(f"  EXTRA   {_describe_pred(p)}  «{p.quote[:80]}»")
    for e in result.field_errors[:limit]:
        lines.append(
            f"  FIELD   {e.gold.indicator} [{e.gold.anchor}] {e.field}: "
            f"expected {e.expected!r}, found {e.found!r}"
        )
    return "\n".join(lines)


def _parse_targets(rows: object, file: str, where: str) -> list[GoldTarget]:
    if rows is None:
        return []
    if not isinstance(rows, list):
        raise InputError("targets must be a list", file=file, column=where, expected="YAML list")
    problems: list[Problem] = []
    targets: list[GoldTarget] = []
    for n, row in enumerate(rows, 1):
        try:
            targets.append(GoldTarget.model_validate(row))
        except ValueError as exc:
            problems.append(Problem(str(exc).replace("\n", " "), file=file, row=n, column=where))
    if problems:
        raise ValidationFailed(problems, f"gold annotations in {file} are invalid")
    return targets


def load_gold(path: str | Path) -> tuple[str, list[GoldTarget]]:
    """Read a seed annotation file ``{seed, annotator, targets: [...]}`` → (seed, targets)."""
    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "seed" not in data:
        raise InputError(
            "not a gold file", file=str(path), expected="mapping with 'seed' and 'targets'"
        )
    return str(data["seed"]), _parse_targets(data.get("targets"), str(path), "targets")


def load_sentences(path: str | Path) -> list[GoldSentence]:
    """Read the generalisation set: a YAML list of ``{text, targets}``."""
    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise InputError("not a sentence set", file=str(path), expected="list of {text, targets}")
    out = []
    for n, item in enumerate(data, 1):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError("item without text", file=str(path), row=n, expected="{text, targets}")
        out.append(
            GoldSentence(item["text"], _parse_targets(item.get("targets"), str(path), f"item {n}"))
        )
    return out


def count_occurrences(anchor: str, text: str) -> int:
    """Occurrences of ``anchor`` in ``text``, overlapping ones included."""
    n, pos = 0, text.find(anchor)
    while pos >= 0:
        n += 1
        pos = text.find(anchor, pos + 1)
    return n


def unplaced(gold: Sequence[GoldTarget], text: str) -> list[GoldTarget]:
    """Gold targets whose anchor does not occur ``occurrence`` times in ``text`` (exact match)."""
    return [g for g in gold if count_occurrences(g.anchor, text) < g.occurrence]
