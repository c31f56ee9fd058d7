"""Surface forms of the annotated plan corpus (issue 10, helper lo): metamorphic checks.

The same plan text reaches a bureau written in many ways — in traditional characters, with
full-width or half-width punctuation and digits, with spaces between a number and its unit,
hard-wrapped every 30–40 characters, with pinyin glosses or spam symbols a mirror page inserts.
The targets are the same; the extractor's result must be too.

Each transform here maps the text character by character (every original character is replaced
by a string, and strings may be inserted before it), so every gold anchor is carried to the
transformed text: the anchor's first and last characters are followed to where their
replacements land, the new anchor is the transformed text between them, and its occurrence is
counted again. The transformed corpus is then scored exactly as ``tests/plans/test_unseen.py``
scores the original (year, value and unit at the anchor; ``score(..., relation=False)``).

Transforms (deterministic: a seeded ``random.Random`` per text):

* ``trad`` — 简体 → 繁体 by ``zhconv`` (MediaWiki's conversion tables, ``zh-hant``), a converter
  independent of the OpenCC tables the extractor reads 繁体 with; a run whose conversion changes
  its length is converted character by character.
* ``half`` — full-width ，；：（）％ and ０-９ → , ; : ( ) % 0-9.
* ``full`` — the reverse: , ; : ( ) % 0-9 → ，；：（）％ ０-９ and a decimal point between digits → ．
  (a thousands separator 1,200 and a ratio 2.5:1 keep their ASCII mark).
* ``spaces`` — a space between a number and the word or unit after it (2027 年, 16 %, 500 万千瓦),
  between a word and a number after it (到 2027), and on both sides of ，；：.
* ``wrap`` — a line break every 30–40 characters, inside clauses only: never next to punctuation or
  a line break, never inside a Latin word or a number (a browser's copy does not cut 2027 or biāo), never in a
  table row (a line with | or a tab).
* ``gloss`` — the ``trad`` text with pinyin glosses (pypinyin, tone marks) after about half of the
  characters the conversion changed: 標(biāo)題, 達(dá)到.
* ``spam`` — junk between clauses: ◈ღ◈ after a clause mark, ღ before it, or the mark doubled (,,).
* ``emoji`` — junk inside words and numbers (201🍸5年, 20ღ15年, a zero-width space), 3 % of the places.
* ``web`` — all of them at once (gloss, full, spaces, spam, emoji, wrap in turn), offsets composed.

Run on the whole corpus (a few minutes; prints P/R per set, untransformed and transformed)::

    PYTHONPATH=src .venv/bin/python -m tests.plans.surface [TRANSFORM ...] [--sets dev,blind37]

``tests/plans/test_surface.py`` runs a sample of it in seconds.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from cocontrol.plans.evaluate import GoldTarget, Score, locate, merge, score
from cocontrol.plans.extract import extract_plan

UNSEEN = Path(__file__).parent / "gold" / "unseen"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # (libyaml reads the corpus ~10x faster)
_CJK = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Surface:
    """A transformed text: ``out[i]`` replaces original character ``i`` and ``ins[i]`` is put
    before it (``ins[len(text)]`` at the end)."""

    text: str
    first: list[int]  # first[i]: offset in ``text`` where the replacement of character i starts
    last: list[int]  # last[i]: offset where it ends

    def range(self, start: int, end: int) -> tuple[int, int]:
        """Transformed [start, end) of the original [start, end)."""
        return self.first[start], self.last[end - 1]


def _build(out: list[str], ins: list[str]) -> Surface:
    parts: list[str] = []
    first: list[int] = []
    last: list[int] = []
    n = 0
    for i, rep in enumerate(out):
        parts.append(ins[i])
        n += len(ins[i])
        first.append(n)
        parts.append(rep)
        n += len(rep)
        last.append(n)
    parts.append(ins[len(out)])
    return Surface("".join(parts), first, last)


def _identity(text: str) -> tuple[list[str], list[str]]:
    return list(text), [""] * (len(text) + 1)


# --- the transforms ------------------------------------------------------------------------


def _to_traditional(text: str) -> list[str]:
    import zhconv

    out = list(text)
    for m in _CJK.finditer(text):
        run = m.group(0)
        conv = zhconv.convert(run, "zh-hant")
        if len(conv) != len(run):
            conv = "".join(zhconv.convert(c, "zh-hant")[:1] or c for c in run)
        out[m.start() : m.end()] = list(conv)
    return out


def trad(text: str, rng: random.Random) -> Surface:
    """简体 → 繁体 (zhconv, zh-hant), one character for one."""
    return _build(_to_traditional(text), [""] * (len(text) + 1))


def gloss(text: str, rng: random.Random) -> Surface:
    """繁体 with a pinyin gloss after about half of the converted characters (標(biāo)題)."""
    from pypinyin import Style, pinyin

    out = _to_traditional(text)
    ins = [""] * (len(text) + 1)
    for m in _CJK.finditer(text):
        readings = pinyin(m.group(0), style=Style.TONE, errors="ignore")
        if len(readings) != len(m.group(0)):
            continue
        for k, reading in enumerate(readings):
            i = m.start() + k
            if out[i] != text[i] and rng.random() < 0.5 and reading and reading[0]:
                ins[i + 1] += f"({reading[0]})"
    return _build(out, ins)


_HALF = dict(zip("，；：（）％０１２３４５６７８９", ",;:()%0123456789", strict=True))
_FULL = dict(zip(",;:()%0123456789", "，；：（）％０１２３４５６７８９", strict=True))


def half(text: str, rng: random.Random) -> Surface:
    """Full-width ，；：（）％０-９ → ASCII."""
    out, ins = _identity(text)
    return _build([_HALF.get(c, c) for c in out], ins)


def full(text: str, rng: random.Random) -> Surface:
    """ASCII , ; : ( ) % 0-9 → full-width; a decimal point → ．; 1,200 and 2.5:1 keep theirs."""
    out, ins = _identity(text)
    for i, c in enumerate(text):
        between_digits = 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        if c in ",:" and between_digits:
            continue
        if c == "." and between_digits:
            out[i] = "．"
        elif c in _FULL:
            out[i] = _FULL[c]
    return _build(out, ins)


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def spaces(text: str, rng: random.Random) -> Surface:
    """Spaces as web copies put them: 到 2027 年 ， 全市 … 16 % ， 500 万千瓦."""
    out, ins = _identity(text)
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        number_word = (a.isdigit() and (_is_cjk(b) or b in "%％")) or (_is_cjk(a) and b.isdigit())
        beside_mark = (b in "，；：" and a not in " \n") or (a in "，；：" and b not in " \n")
        if number_word or beside_mark:
            ins[i] = " "
    return _build(out, ins)


def _word(c: str) -> bool:
    """A character of a Latin word or number (2027, PM2.5, biāo): a browser does not break inside one."""
    return c.isalnum() and ord(c) < 0x250


_PUNCT = set("，。；：、！？,.;:!?（）()“”\"《》【】[]「」—…·-/%％ \t\n\r\u3000")


def wrap(text: str, rng: random.Random) -> Surface:
    """A line break every 30–40 characters, inside clauses (not next to punctuation or a line
    break, not inside an ASCII word such as 2027 or PM2.5)."""
    out, ins = _identity(text)
    width = rng.randint(30, 40)
    since = 0
    table = False
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if a == "\n" or i == 1:
            since = 0
            width = rng.randint(30, 40)
            line = text[i : text.find("\n", i) % (len(text) + 1)]
            table = "|" in line or "\t" in line  # a table row is no clause
            continue
        since += 1
        if table or since < width or a in _PUNCT or b in _PUNCT:
            continue
        if _word(a) and (_word(b) or b == "."):
            continue
        if a == "." and b.isdigit():
            continue
        ins[i] = "\n"
        since = 0
        width = rng.randint(30, 40)
    return _build(out, ins)


_CLAUSE = set("，,；;。")


def spam(text: str, rng: random.Random) -> Surface:
    """Junk between clauses: ◈ღ◈ after a clause mark, ღ before it, or the mark doubled (,,)."""
    out, ins = _identity(text)
    for i, c in enumerate(text):
        if c not in _CLAUSE or (0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()):
            continue  # (1,200 is one number)
        r = rng.random()
        if r < 0.3:
            ins[i + 1] += "◈ღ◈"
        elif r < 0.5:
            ins[i] += "ღ"
        elif r < 0.7 and c in "，,":
            out[i] = c + ","
    return _build(out, ins)


_EMOJI = ["ღ", "🍸", "🐲", "🧔", "\u200b", "◈", "❤️"]


def emoji(text: str, rng: random.Random) -> Surface:
    """Junk inside words and numbers, as some mirror pages insert it (201🍸5年, 20ღ15年, 全省\u200b森林)."""
    out, ins = _identity(text)
    for i in range(1, len(text)):
        if (_is_cjk(text[i - 1]) or text[i - 1].isdigit()) and (_is_cjk(text[i]) or text[i].isdigit()) \
                and rng.random() < 0.03:
            ins[i] = rng.choice(_EMOJI)
    return _build(out, ins)


def _then(first: Callable[[str, random.Random], Surface],
          second: Callable[[str, random.Random], Surface]) -> Callable[[str, random.Random], Surface]:
    """``second`` applied to the text ``first`` made, offsets composed."""

    def both(text: str, rng: random.Random) -> Surface:
        a = first(text, rng)
        b = second(a.text, rng)
        return Surface(b.text, [b.first[k] for k in a.first], [b.last[k - 1] for k in a.last])

    return both


def web(text: str, rng: random.Random) -> Surface:
    """Every form at once, as one bad web copy: 繁体 with glosses, full-width, spaces, spam, junk, hard wraps."""
    steps = [gloss, full, spaces, spam, emoji, wrap]
    f = steps[0]
    for g in steps[1:]:
        f = _then(f, g)
    return f(text, rng)


TRANSFORMS: dict[str, Callable[[str, random.Random], Surface]] = {
    "trad": trad, "half": half, "full": full, "spaces": spaces, "wrap": wrap, "gloss": gloss, "spam": spam,
    "emoji": emoji, "web": web,
}


# --- the corpus -----------------------------------------------------------------------------


def set_name(file: str) -> str:
    """The set a gold file belongs to: blind37_sentences.yaml → blind37, dev2_docs.yaml → dev2."""
    return file.split("_")[0]


def corpus(sets: set[str] | None = None) -> list[tuple[str, dict[str, Any]]]:
    """(set, entry) for every entry of ``gold/unseen/*.yaml``; entries have ``text`` and ``gold``."""
    out = []
    for path in sorted(UNSEEN.glob("*.yaml")):
        name = set_name(path.name)
        if sets is not None and name not in sets:
            continue
        for position, e in enumerate(yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)):
            e["position"] = position  # (its place in its own file: a sample by it stays put when sets are added)
            if "file" in e:
                e["text"] = (UNSEEN / e["file"]).read_text(encoding="utf-8")
            e["gold"] = [GoldTarget.model_validate(t) for t in e.get("targets") or []]
            out.append((name, e))
    return out


def carry(gold: list[GoldTarget], text: str, surface: Surface) -> list[GoldTarget]:
    """The gold targets with their anchors moved to the transformed text (same place)."""
    moved = []
    for g in gold:
        where = locate(g.anchor, g.occurrence, text)
        if where is None:
            raise ValueError(f"anchor {g.anchor!r} not in its text")
        start, end = surface.range(*where)
        anchor = surface.text[start:end]
        occurrence, k = 0, surface.text.find(anchor)
        while 0 <= k <= start:
            occurrence += 1
            k = surface.text.find(anchor, k + 1)
        moved.append(g.model_copy(update={"anchor": anchor, "occurrence": occurrence}))
    return moved


def transformed(name: str, index: int, entry: dict[str, Any], transform: str) -> tuple[str, list[GoldTarget]]:
    """(text, gold) of ``entry`` under ``transform`` (``"none"``: as annotated)."""
    if transform == "none":
        return entry["text"], entry["gold"]
    rng = random.Random(f"{name}:{index}:{transform}")
    surface = TRANSFORMS[transform](entry["text"], rng)
    return surface.text, carry(entry["gold"], entry["text"], surface)


def score_entry(name: str, index: int, entry: dict[str, Any], transform: str) -> Score:
    """Score of the extractor on ``entry`` under ``transform`` (key of issue 10)."""
    text, gold = transformed(name, index, entry, transform)
    doc = extract_plan(text, source=entry.get("file"))
    return score(doc.targets, gold, text, relation=False)


def found(name: str, index: int, entry: dict[str, Any], transform: str) -> list[tuple[int | None, float | None, str | None, str]]:
    """What the extractor finds, as (year, value, unit, gold anchor hit or '') — compared across transforms."""
    s = score_entry(name, index, entry, transform)
    hits = sorted((p.year, p.value, p.unit, g.indicator) for p, g in s.matched)
    extra = sorted((p.year, p.value, p.unit, "") for p in s.false_positives)
    return hits + extra


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("transforms", nargs="*", default=["none", *TRANSFORMS])
    parser.add_argument("--sets", default="", help="comma-separated set names (dev, dev2, blind37 …)")
    parser.add_argument("--show", action="store_true", help="print the targets a transform loses or adds")
    args = parser.parse_args(argv)
    sets = set(args.sets.split(",")) if args.sets else None
    entries = corpus(sets)
    names = sorted({n for n, _ in entries}, key=lambda n: (re.sub(r"\d", "", n), int(re.sub(r"\D", "", n) or 0)))
    transforms = args.transforms if "none" in args.transforms else ["none", *args.transforms]
    table: dict[str, dict[str, Score]] = {}
    for t in transforms:
        t0 = time.perf_counter()
        per: dict[str, list[Score]] = {n: [] for n in names}
        for i, (n, e) in enumerate(entries):
            s = score_entry(n, i, e, t)
            per[n].append(s)
            if args.show and t != "none":
                _show(n, i, t, table["none"][f"{n}#{i}"], s)
            table.setdefault(t, {})[f"{n}#{i}"] = s
        for n in names:
            table[t][n] = merge(per[n])
        table[t]["pooled"] = merge(s for ss in per.values() for s in ss)
        print(f"# {t}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    print(f"{'set':10s} " + " ".join(f"{t:>13s}" for t in transforms))
    for n in [*names, "pooled"]:
        cells = []
        for t in transforms:
            s = table[t][n]
            cells.append(f"{s.precision:.3f}/{s.recall:.3f}")
        print(f"{n:10s} " + " ".join(f"{c:>13s}" for c in cells))
    base = table["none"]["pooled"]
    print(f"\n{'Δ pooled':10s} " + " ".join(
        f"{table[t]['pooled'].precision - base.precision:+.3f}/{table[t]['pooled'].recall - base.recall:+.3f}"
        for t in transforms))
    hits = len(base.matched) + len(base.false_negatives)
    print(f"(certain targets: {hits}; texts: {len(entries)})")


def _show(n: str, i: int, t: str, base: Score, s: Score) -> None:
    """Print the hits the transform lost and the false targets it added on one text."""
    lost = [g for _, g in base.matched if g.anchor not in {g0.anchor for _, g0 in s.matched}
            and not any(g1.indicator == g.indicator and g1.value == g.value and g1.year == g.year for _, g1 in s.matched)]
    before = {(p.year, p.value, p.unit) for p in base.false_positives}
    added = [p for p in s.false_positives if (p.year, p.value, p.unit) not in before]
    for g in lost:
        print(f"  {t} {n}#{i} LOST  {g.year} {g.value:g} {g.unit} [{g.anchor}]" if g.value is not None
              else f"  {t} {n}#{i} LOST  {g.anchor}")
    for p in added:
        print(f"  {t} {n}#{i} ADDED {p.year} {p.value} {p.unit} «{p.quote[:60]}»")


if __name__ == "__main__":
    main()
