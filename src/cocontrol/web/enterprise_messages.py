"""Chinese wording of the intake problems shown on the enterprise page: the common renderer
(:func:`cocontrol.messages.describe`, templates in ``refdata/messages.csv``) with the
template's own names of a missing sheet or column. Unknown messages fall back to a generic
Chinese word, so a Chinese page never shows an English sentence."""

from __future__ import annotations

from cocontrol.enterprises.schema import column_zh, sheet_zh
from cocontrol.errors import Problem
from cocontrol.messages import describe


def zh(problem: Problem) -> str:
    """The problem in Chinese: what is wrong, what was expected, what was found."""
    expected = None
    if problem.message == "missing sheet" and problem.sheet:
        expected = f"工作表“{sheet_zh(problem.sheet)}”（模板中的标签名 {problem.sheet}）"
    elif problem.message == "missing column" and problem.column:
        expected = f"第1行有列名 {problem.column}（{column_zh(problem.column)}），与模板一致"
    return describe(problem, "zh", expected=expected, strict=True)
