"""Chinese wording of the intake problems shown on the enterprise page (the package's messages
are English for the CLI and logs). Unknown messages fall back to a generic Chinese sentence
plus the expected value, so a Chinese page never shows an English sentence."""

from __future__ import annotations

import re

from cocontrol.enterprises.schema import column_zh, sheet_zh
from cocontrol.errors import Problem

MESSAGES = {
    "missing value": "缺少数值", "missing column": "缺少列", "missing sheet": "缺少工作表",
    "no rows": "没有数据行", "not a number": "不是数字", "not a finite number": "不是有效数字",
    "negative amount": "不能为负数", "value too small": "数值过小", "value too large": "数值过大",
    "not a whole number": "不是整数", "out of range": "超出范围", "not yes or no": "应填“是”或“否”",
    "missing date": "缺少日期", "not a date": "不是日期",
    "unknown enterprise id": "企业编号不在企业名录中", "unknown facility id": "设施编号不在设施名录（未填设施名录时为燃料表）中",
    "invalid 统一社会信用代码": "统一社会信用代码无效", "invalid industry code": "行业代码无效",
    "duplicate": "重复", "duplicate row": "重复的行", "unknown fuel": "未知燃料品种",
    "unit does not fit the fuel": "单位与燃料不符",
    "net calorific value looks like kJ/kg": "低位发热量像是 kJ/kg（应为 GJ/t）",
    "carbon content looks like tC/TJ (1000 × tC/GJ)": "含碳量像是 tC/TJ（是 tC/GJ 的1000倍）",
    "carbon content out of range": "含碳量超出合理范围",
    "oxidation rate out of range": "碳氧化率超出范围",
    "measured month without carbon content": "标为实测但未填含碳量",
    "green power exceeds purchased power": "绿电大于外购电量", "unknown pollutant": "未知污染物",
    "efficiency out of range": "去除效率超出范围", "end before start": "停运日期早于投运日期",
    "overlaps another control of the same facility and pollutant":
        "与同一设施同一污染物的另一治理设施时段重叠（请合并为一行填写综合效率）",
    "missing or unreadable time": "监测时间缺失或无法识别",
    "missing or non-numeric flow": "烟气流量缺失或不是数字",
    "stack reported by two enterprises": "同一排口出现在两家企业下",
    "duplicated hour of the stack": "同一排口同一小时重复",
    "row out of order (earlier than the row before it for the same stack)":
        "时间顺序颠倒（早于同一排口的上一行）",
    "unknown stack id": "排口编号不在排口名录中", "unknown facility kind": "未知设施类别",
    "capacity is zero": "额定容量不能为0", "unknown capacity unit": "未知容量单位",
    "more hours than the month has": "运行小时超过当月小时数",
    "unknown output unit": "未知产出单位", "neither load nor output": "负荷率和产出至少填一项",
    "output unit does not fit the capacity unit": "产出单位与容量单位不对应",
    "annual and monthly rows of the same pollutant": "同一污染物同一年既有全年行又有按月行（只能二选一）",
    "row of another enterprise": "不是本企业的数据", "unsupported file": "文件类型不支持（应为 .xlsx）",
}
EXPECTED = [
    (r"^a month 1–12$", "1–12 月"), (r"^a year such as (\d+)$", r"年份，如 \1"),
    (r"^a number.*$", "数字"), (r"^a value$", "数值"), (r"^≥ (.+)$", r"≥ \1"),
    (r"^≤ (.+)$", r"≤ \1"), (r"^是 or 否$", "是 或 否"), (r"^tC/GJ, i\.e\. (.+)$", r"tC/GJ，即 \1"),
    (r"^check character (\w) by GB 32100 \(found (\w)\)$", r"按GB 32100校验位应为 \1（实为 \2）"),
    (r"^18 characters \(found (\d+)\)$", r"18位（实为 \1 位）"),
    (r"^tC/GJ between (.+) and (.+)$", r"\1–\2 tC/GJ"), (r"^0–1 or 0–100%$", "0–1 或 0–100%"),
    (r"^a date such as (.+)$", r"日期，如 \1"),
    (r"^MW, 万千瓦, t/h or t/d$", "MW、万千瓦、t/h 或 t/d"),
    (r"^MWh, 万kWh, t or 万t$", "MWh、万kWh、t 或 万t"),
    (r"^MWh or 万kWh for MW; t for t/h or t/d$", "容量为 MW 时填 MWh 或 万kWh；为 t/h、t/d 时填 t"),
    (r"^a capacity > 0$", "大于0的容量"), (r"^工作表“.*$", r"\g<0>"), (r"^第1行.*$", r"\g<0>"), (r"^(E?\w+)$", r"\1"),
]


def zh(problem: Problem) -> str:
    """The problem in Chinese: what is wrong, what was expected, what was found."""
    text = MESSAGES.get(problem.message)
    if text is None:
        text = "数据有误" if re.search(r"[A-Za-z]{3,}", problem.message) else problem.message
    expected = problem.expected or ""
    if problem.message == "missing sheet" and problem.sheet:
        expected = f"工作表“{sheet_zh(problem.sheet)}”（模板中的标签名 {problem.sheet}）"
    elif problem.message == "missing column" and problem.column:
        expected = f"第1行有列名 {problem.column}（{column_zh(problem.column)}），与模板一致"
    for pattern, repl in EXPECTED:
        if re.match(pattern, expected):
            expected = re.sub(pattern, repl, expected)
            break
    else:
        expected = "" if re.search(r"[A-Za-z]{4,}", expected) else expected
    parts = [text]
    if expected:
        parts.append(f"应为：{expected}")
    if problem.found is not None:
        parts.append(f"实为：{problem.found}")
    return "；".join(parts)
