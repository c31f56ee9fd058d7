"""Registry codes: 统一社会信用代码 (GB 32100-2015) and 国民经济行业分类 (GB/T 4754-2017).

The unified social credit code has 18 characters from the alphabet
``0123456789ABCDEFGHJKLMNPQRTUWXY`` (31 characters; I, O, Z, S, V are not used): position 1 the
registration authority, 2 the kind of organisation, 3–8 the administrative division code,
9–17 the organisation code, 18 the check character. GB 32100-2015 §5: with the character
values ``C_i`` (position in the alphabet) and weights ``W_i = 3^(i−1) mod 31``,
``C_18 = 31 − (Σ_{i=1}^{17} C_i × W_i mod 31)``, and 31 maps to ``0``.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, 26, 16, 17, 20, ...


def uscc_check_character(first17: str) -> str:
    """The GB 32100 check character of the first 17 characters (upper case)."""
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    value = 31 - total % 31
    return ALPHABET[0 if value == 31 else value]


def uscc_problem(code: object) -> str | None:
    """Why ``code`` is not a valid 统一社会信用代码, or ``None`` when it is."""
    text = str(code).strip().upper() if code is not None else ""
    if len(text) != 18:
        return f"18 characters (found {len(text)})"
    bad = sorted({ch for ch in text if ch not in ALPHABET})
    if bad:
        return f"characters from {ALPHABET} (not {''.join(bad)})"
    if not text[2:8].isdigit():
        return "an administrative division code of 6 digits in positions 3–8"
    check = uscc_check_character(text[:17])
    if text[17] != check:
        return f"check character {check} by GB 32100 (found {text[17]})"
    return None


def industry_problem(code: object) -> str | None:
    """Why ``code`` is not a GB/T 4754-2017 industry code (2–4 digits, division 01–97,
    an optional section letter A–T before it), or ``None`` when it is."""
    text = str(code).strip().upper() if code is not None else ""
    if text[:1].isalpha():
        if text[0] not in "ABCDEFGHIJKLMNOPQRST":
            return "a section letter A–T"
        text = text[1:]
    if not (text.isdigit() and 2 <= len(text) <= 4):
        return "a GB/T 4754 code of 2–4 digits such as 4411"
    if not 1 <= int(text[:2]) <= 97:
        return "a GB/T 4754 division 01–97 in the first two digits"
    return None


def industry_digits(code: object) -> str:
    """The digits of an industry code (the section letter removed)."""
    text = str(code).strip().upper()
    return text[1:] if text[:1].isalpha() else text
