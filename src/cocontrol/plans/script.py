"""Traditional characters → simplified (繁体 → 简体) before the rules read a plan.

The rules of :mod:`cocontrol.plans.sentences` are written for simplified text; a plan read from
a 繁体 mirror page (森林覆蓋率達到26%以上) must be converted first. The conversion is OpenCC's
t2s (``opencc-python-reimplemented``: the OpenCC phrase and character dictionaries, phrases
first so that 乾淨 → 干净 and 乾隆 stays); when it changes the length of the text (a phrase
whose two spellings differ in length) the text is converted character by character instead,
so every offset — the spans of targets and tasks — still indexes the text as given.

Only a text that is traditional is converted: one in which at least 3 characters and 2 % of
the Chinese characters (of its first 20,000) are characters that simplified Chinese does not
use. A simplified plan that names one 乾 or 於 is left as it is, and the cost of the
conversion (a few seconds per million characters, pure Python) is paid only by 繁体 text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

_SAMPLE = 20_000
_MIN_COUNT, _MIN_SHARE = 3, 0.02


def _dictionary(name: str) -> dict[str, str]:
    """First reading of each entry of an OpenCC character dictionary (key TAB value …)."""
    text = resources.files("opencc").joinpath("dictionary", name).read_text("utf-8")
    out = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[1]:
            out[parts[0]] = parts[1].split(" ")[0]
    return out


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], dict[int, str]]:
    """(characters simplified text does not use, one-for-one character table t → s)."""
    ts = _dictionary("TSCharacters.txt")
    simplified = set(_dictionary("STCharacters.txt"))
    only = frozenset(k for k, v in ts.items() if k != v and k not in simplified and len(k) == 1)
    table = {ord(k): v for k, v in ts.items() if len(k) == 1 and len(v) == 1 and k != v}
    return only, table


@lru_cache(maxsize=1)
def _converter() -> Any:
    """OpenCC's t2s converter (the package ships no type hints)."""
    from opencc import OpenCC

    return OpenCC("t2s")


def is_traditional(text: str) -> bool:
    """The text is written in traditional characters (see the module doc)."""
    only, _ = _tables()
    sample = text[:_SAMPLE]
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    trad = sum(1 for ch in sample if ch in only)
    return trad >= _MIN_COUNT and trad >= _MIN_SHARE * cjk


# the pinyin glosses some 繁体 mirror pages print after a character (發(fā)布, 達(dá)到): lower-case
# letters with at least one tone mark, in ASCII brackets right after a Chinese character
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])\((?=[a-z{_TONED}ü]*[{_TONED}])[a-z{_TONED}ü]{{1,7}}\)")


# glosses written without tone marks (全(quan)國(guo), 期(qi)間(jian)): a whole pinyin syllable in brackets after a
# character, taken as a gloss only where the page carries several of them (not 里程(km), a unit: no syllable)
_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
             r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|ia|ie|in|iu|ua|uo|ui|un|ue|ve|vn|a|o|e|i|u|v)")
_PLAIN_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])\((?:{_SYLLABLE})\)")
_MIN_PLAIN_GLOSSES = 5


def without_glosses(text: str) -> str:
    """``text`` with pinyin glosses blanked (same length: the spaces are dropped by the clean-up
    of :mod:`cocontrol.plans.textnorm`, and offsets still index the text as given)."""
    if "(" not in text:
        return text
    text = _GLOSS.sub(lambda m: " " * len(m.group(0)), text)
    plain = list(_PLAIN_GLOSS.finditer(text))
    if len(plain) < _MIN_PLAIN_GLOSSES:
        return text
    return _PLAIN_GLOSS.sub(lambda m: " " * len(m.group(0)), text)


def characters_simplified(text: str) -> str:
    """``text`` with each traditional character replaced by its one simplified character (same
    length; no phrase conversion, no detection: 個 → 个, 萬噸 → 万吨)."""
    return text.translate(_tables()[1])


# the traditional characters of units and counts (1,200萬人, 6,000萬噸, 2,000個, 5萬畝): read in a text quoting a
# 繁体 figure inside simplified prose too, one for one
_UNIT_CHARS = str.maketrans("萬億個噸項輛臺處戶條畝頃時", "万亿个吨项辆台处户条亩顷时")


# variant forms OpenCC's t2s leaves as they are (陜西 is 陕西: a place the rules must know; 淸, 吿, 囘, 鑛)
_VARIANTS = str.maketrans("陜淸吿囘鑛", "陕清告回矿")


def simplified(text: str) -> str:
    """``text`` in simplified characters without pinyin glosses, same length (only its unit
    characters — 萬, 個, 噸 … — when it is not traditional)."""
    if not text:
        return text
    if not is_traditional(text):
        return text.translate(_UNIT_CHARS)
    text = without_glosses(text)
    out = _converter().convert(text)
    if len(out) != len(text):
        out = characters_simplified(text)
    return out.translate(_VARIANTS)
