"""Request-validation errors (表单与参数校验) in the page's language, naming each field by its label.

FastAPI refuses a form, query or JSON body that does not fit the route's declared types with a
list of pydantic errors (``loc``, ``type``, ``ctx``, English ``msg``). A Chinese page shows them
as ``“密码”：必须填写；“年度”：应为整数``, an English page as ``Password: required; Year: must
be a whole number``. The API keeps the machine form (``body.password: Field required``) as its
``reason`` and the list in ``errors``. Every parameter and body field of a route has a label in
:data:`LABELS` (a test walks the routes); a position in a list reads ``第 2 项`` / ``item 2``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

LABELS: dict[str, tuple[str, str]] = {
    "action": ("操作", "Action"), "active": ("启用", "Active"), "aliases": ("别名", "Aliases"),
    "amount_g": ("兑换数量（克）", "Amount (g)"), "annual_rate": ("年均变化", "Annual rate"),
    "apeq": ("大气污染物当量减排目标", "APeq target"), "approx": ("约数", "Approximate"),
    "assignee": ("处理人", "Assignee"), "base_year": ("基准年", "Base year"),
    "baseline_value": ("基期值", "Baseline value"), "baseline_year": ("基期年份", "Baseline year"),
    "batch": ("批次", "Batch"), "binding": ("属性", "Binding"), "body": ("提交内容", "Request body"),
    "by": ("汇总方式", "Group by"), "changes": ("修改内容", "Changes"), "co2": ("CO2 减排目标", "CO2 target"),
    "code": ("企业代码", "Enterprise code"), "cumulative": ("累计", "Cumulative"),
    "data": ("数据文件", "Data file"), "date": ("日期", "Date"), "department_id": ("部门", "Department"),
    "dept_id": ("部门", "Department"), "distance_km": ("距离（千米）", "Distance (km)"),
    "doc": ("规划文件", "Plan document"), "doc_number": ("文号", "Document number"),
    "document": ("规划文件", "Plan document"), "domain": ("领域", "Domain"), "end": ("结束时间", "End"),
    "enterprise_id": ("企业", "Enterprise"), "event_id": ("活动", "Event"), "evidence": ("佐证材料", "Evidence"),
    "file": ("文件", "File"), "finding_id": ("核查问题", "Finding"), "fmt": ("格式", "Format"),
    "format": ("格式", "Format"), "horizon": ("规划期", "Plan period"), "id": ("编号", "Number"),
    "indicator": ("指标", "Indicator"), "issuer": ("发文单位", "Issuer"), "judgement": ("完成情况", "Judgement"),
    "k": ("计算任务", "Calculation"), "kind": ("类型", "Kind"), "lang": ("语言", "Language"),
    "lead": ("牵头单位", "Lead unit"), "level": ("级别", "Level"), "limit": ("条数", "Limit"),
    "msg": ("提示", "Message"), "name": ("名称", "Name"), "note": ("说明", "Note"), "page": ("页码", "Page"),
    "parent": ("上级地区", "Parent region"), "partner": ("合作平台", "Partner"), "password": ("密码", "Password"),
    "period": ("年度", "Period"), "person": ("个人", "Person"), "plan": ("规划", "Plan"),
    "progress": ("进度", "Progress"), "qualitative": ("定性目标", "Qualitative target"),
    "quantity": ("数量", "Quantity"), "quote": ("规划原文", "Quote"), "quotes": ("规划原文", "Quotes"),
    "reason": ("理由", "Reason"), "record_id": ("记录编号", "Record number"), "records": ("记录", "Records"),
    "region": ("地区", "Region"), "region_id": ("地区", "Region"), "relation": ("关系", "Relation"),
    "responsible": ("责任单位", "Responsible units"), "retire": ("注销", "Retire"), "role": ("角色", "Role"),
    "scene": ("场景", "Scene"), "schema_version": ("格式版本", "Format version"), "section": ("章节", "Section"),
    "sector": ("行业", "Sector"), "seq": ("序号", "Sequence number"), "sha256": ("文件摘要", "File digest"),
    "source": ("来源", "Source"), "span": ("位置", "Position"), "spans": ("位置", "Positions"),
    "start": ("开始时间", "Start"), "status": ("状态", "Status"), "status_note": ("进展说明", "Status note"),
    "strive": ("力争", "Strive"), "submission_id": ("填报记录", "Submission"), "target_id": ("目标", "Target"),
    "targets": ("目标", "Targets"), "task": ("任务", "Task"), "task_id": ("任务", "Task"),
    "tasks": ("任务", "Tasks"), "text": ("文本", "Text"), "title": ("标题", "Title"), "unit": ("单位", "Unit"),
    "unit_si": ("标准单位", "Standard unit"), "user_id": ("用户", "User"), "username": ("用户名", "User name"),
    "value": ("数值", "Value"), "value_si": ("标准单位数值", "Value in the standard unit"),
    "version": ("版本", "Version"), "version_id": ("版本", "Version"), "wait": ("等待", "Wait"),
    "year": ("年度", "Year"),
}
"""Label of every route parameter and body field, (Chinese, English)."""

# pydantic error type → (Chinese, English) with ``{…}`` from the error's ``ctx``
WHAT: dict[str, tuple[str, str]] = {
    "missing": ("必须填写", "required"),
    "int_parsing": ("应为整数", "must be a whole number"),
    "int_type": ("应为整数", "must be a whole number"),
    "int_from_float": ("应为整数", "must be a whole number"),
    "float_parsing": ("应为数字", "must be a number"),
    "float_type": ("应为数字", "must be a number"),
    "finite_number": ("应为有限的数字", "must be a finite number"),
    "bool_parsing": ("应为是或否", "must be yes or no"),
    "bool_type": ("应为是或否", "must be yes or no"),
    "string_type": ("应为文字", "must be text"),
    "string_too_long": ("最多 {max_length} 个字符", "at most {max_length} characters"),
    "string_too_short": ("至少 {min_length} 个字符", "at least {min_length} characters"),
    "too_long": ("最多 {max_length} 项", "at most {max_length} items"),
    "too_short": ("至少 {min_length} 项", "at least {min_length} items"),
    "greater_than_equal": ("不应小于 {ge}", "must be at least {ge}"),
    "less_than_equal": ("不应大于 {le}", "must be at most {le}"),
    "greater_than": ("应大于 {gt}", "must be greater than {gt}"),
    "less_than": ("应小于 {lt}", "must be less than {lt}"),
    "literal_error": ("不是可选的取值（可选：{expected}）", "is not one of {expected}"),
    "enum": ("不是可选的取值（可选：{expected}）", "is not one of {expected}"),
    "string_pattern_mismatch": ("格式不正确", "has the wrong format"),
    "list_type": ("应为列表", "must be a list"),
    "dict_type": ("应为对象", "must be an object"),
    "model_type": ("应为对象", "must be an object"),
    "model_attributes_type": ("应为对象", "must be an object"),
    "extra_forbidden": ("不是可填写的字段", "is not a field of this form"),
    "json_invalid": ("不是有效的 JSON", "is not valid JSON"),
    "date_parsing": ("应为日期，如 2025-06-30", "must be a date such as 2025-06-30"),
    "date_from_datetime_parsing": ("应为日期，如 2025-06-30", "must be a date such as 2025-06-30"),
    "datetime_parsing": ("应为时间，如 2025-06-30T08:00", "must be a time such as 2025-06-30T08:00"),
    "datetime_from_date_parsing": ("应为时间，如 2025-06-30T08:00", "must be a time such as 2025-06-30T08:00"),
    "uuid_parsing": ("格式不正确", "has the wrong format"),
}
INVALID = ("格式不正确", "is invalid")
WHERE = ("body", "query", "path", "header", "cookie", "form")


def label(name: str, lang: str) -> str:
    """A field's label in ``lang`` (a name without one: 该字段 / this field)."""
    pair = LABELS.get(name)
    if pair is None:
        return "该字段" if lang == "zh" else "this field"
    return pair[lang == "en"]


def place(loc: Iterable[Any], lang: str) -> str:
    """Where the error is: ``“规划文件”第 2 项“数值”`` / ``Plan document, item 2, Value``."""
    parts = [p for p in loc]
    if parts and parts[0] in WHERE:
        parts = parts[1:]
    if not parts:
        return label("body", lang) if lang == "en" else "“" + label("body", lang) + "”"
    out = []
    for p in parts:
        if isinstance(p, int) or (isinstance(p, str) and p.isdigit()):
            out.append(f"第 {int(p) + 1} 项" if lang == "zh" else f"item {int(p) + 1}")
        else:
            out.append(f"“{label(str(p), lang)}”" if lang == "zh" else label(str(p), lang))
    return "".join(out) if lang == "zh" else ", ".join(out)


def _ctx(error: Mapping[str, Any], lang: str) -> dict[str, str]:
    out = {}
    for k, v in (error.get("ctx") or {}).items():
        text = str(v)
        if k == "expected" and lang == "zh":
            text = text.replace("' or '", "、").replace("', '", "、").replace("'", "")
        out[k] = text
    return out


def what(error: Mapping[str, Any], lang: str) -> str:
    """What is wrong with one field, in ``lang``."""
    pair = WHAT.get(str(error.get("type", "")), INVALID)
    template = pair[lang == "en"]
    try:
        return template.format(**_ctx(error, lang))
    except (KeyError, IndexError):
        return INVALID[lang == "en"]


def describe(errors: Iterable[Mapping[str, Any]], lang: str) -> str:
    """Every field error as one sentence in ``lang``:
    ``“密码”：必须填写；“年度”：应为整数`` / ``Password: required; Year: must be a whole number``."""
    sep, colon = ("；", "：") if lang == "zh" else ("; ", ": ")
    seen: list[str] = []
    for e in errors:
        text = place(e.get("loc", ()), lang) + colon + what(e, lang)
        if text not in seen:
            seen.append(text)
    return sep.join(seen)


def machine(errors: Iterable[Mapping[str, Any]]) -> str:
    """The API's ``reason``: ``body.password: Field required`` (stable for programs)."""
    return "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in errors)
