"""Two independent annotations of the same blind sets (issue 10): the second annotator saw only
the texts (`unseen/agreement/*_second.yaml`), never the first annotation, the extractor or a score.

What they show, and what this test keeps true while the gold is edited: every target one
annotator marks certain, the other annotated too (same year, value and unit at the anchor, as
certain or uncertain; a 今年 goal one dates by the page as uncertain and the other leaves undated
as certain counts as the same doubt) — the annotators differ only on what is uncertain (今年 goals,
repeats, past goals quoted in a review). The score's certain targets are thus not one reader's taste."""
from __future__ import annotations

import pytest

from cocontrol.plans.evaluate import GoldTarget, _agrees, locate, score
from cocontrol.plans.model import Target
from tests.plans.test_unseen import _entries

PAIRS = [("blind38_sentences.yaml", "agreement/blind38_second.yaml"),
         ("blind40_sentences.yaml", "agreement/blind40_second.yaml"),
         ("blind41_sentences.yaml", "agreement/blind41_second.yaml"),
         ("blind43_sentences.yaml", "agreement/blind43_second.yaml"),
         ("blind44_sentences.yaml", "agreement/blind44_second.yaml"),
         ("blind47_sentences.yaml", "agreement/blind47_second.yaml")]


def _as_read(gold: list[GoldTarget], text: str) -> list[Target]:
    """An annotation's targets, certain and uncertain, as if an extractor had read them."""
    return [Target(indicator=g.indicator, year=g.year, value=g.value, unit=g.unit,
                   relation=g.relation, qualitative=g.qualitative,
                   span=locate(g.anchor, g.occurrence, text)) for g in gold]


def _unmatched_certain(gold_side: list[dict], other_side: list[dict]) -> list[str]:
    left = []
    for a, b in zip(gold_side, other_side, strict=True):
        s = score(_as_read(b["gold"], b["text"]), a["gold"], a["text"], relation=False)
        doubted = _as_read([g for g in b["gold"] if g.uncertain], b["text"])
        left += [f"{g.indicator} {g.year} {g.value} {g.unit} «{quote}»" for g, quote in s.false_negatives
                 # the other marked it uncertain for its year (今年: the page's year, or none)
                 if not any(_agrees(d, g, locate(g.anchor, g.occurrence, a["text"]), relation=False,
                                    year=False) for d in doubted)]
    return left


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_second_annotation_is_of_the_same_texts(first: str, second: str) -> None:
    a, b = _entries(first), _entries(second)
    assert [e["text"] for e in a] == [e["text"] for e in b]
    for e in b:
        assert not [g.anchor for g in e["gold"] if locate(g.anchor, g.occurrence, e["text"]) is None]
        assert all(g.note for g in e["gold"] if g.uncertain), "every uncertain target says its doubt"


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_every_certain_target_of_one_annotator_is_annotated_by_the_other(first: str, second: str) -> None:
    a, b = _entries(first), _entries(second)
    assert _unmatched_certain(a, b) == [], "first annotation's certain targets the second lacks"
    assert _unmatched_certain(b, a) == [], "second annotation's certain targets the first lacks"
