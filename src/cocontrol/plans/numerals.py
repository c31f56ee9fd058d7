"""Numbers as plans write them: Arabic (326, 1.54), Chinese (两个, 十五, 一百二十, 廿七 = 27,
卅 = 30, 廿七·五 = 27.5 with a middle dot for 点), 百分之十 and 一半.

Only an isolated numeral span is converted (never a whole sentence: ``cn2an.transform``
turns 二氧化碳 into 2氧化碳 — ecosystem notes §1.13); a 万/亿 inside the numeral is kept as a
multiplier of the value, while a 万/亿 directly before the unit belongs to the unit as
written (326万千瓦 → value 326, unit 万千瓦).
"""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
_TENS = {"廿": 20, "卅": 30}  # 廿七 = 27, 卅 = 30: one character for two tens, three tens
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿点廿卅"


def cn_to_number(text: str) -> float:
    """Value of a Chinese numeral such as 十五, 两, 一百二十, 三点五, 廿七·五 (a middle dot for 点).

    >>> cn_to_number("一百二十")
    120.0
    >>> cn_to_number("廿七·五")
    27.5
    """
    text = text.replace("·", "点")
    if "点" in text:
        whole, frac = text.split("点", 1)
        digits = "".join(str(_DIGITS[c]) for c in frac)
        return (cn_to_number(whole) if whole else 0.0) + float(f"0.{digits}")
    total = 0
    section = 0
    number = 0
    for ch in text:
        if ch in _DIGITS:
            number = _DIGITS[ch]
        elif ch in _SMALL:
            section += (number or 1) * _SMALL[ch]
            number = 0
        elif ch in _TENS:
            section += _TENS[ch]
            number = 0
        elif ch in _BIG:
            section += number
            total += section * _BIG[ch]
            section = number = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return float(total + section + number)


def parse_number(text: str) -> float:
    """Arabic or Chinese numeral (full-width digits allowed) → float."""
    t = text.translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,")).replace(",", "").replace(" ", "")
    try:
        return float(t)
    except ValueError:
        return cn_to_number(t)
