"""Plan documents on disk: JSON (the contract), YAML (the review file a coordinator edits),
Excel (一表审核: one row per target, Chinese headers, the quote beside it).

:func:`load_yaml` validates against :class:`PlanDocument` and names the YAML line and field
of every problem (pydantic error locations are mapped to line numbers through the marks of
the YAML node tree).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from cocontrol.errors import InputError, Problem, ValidationFailed, require_file
from cocontrol.files import write_atomic
from cocontrol.plans.model import DOMAIN_LABELS, Domain, PlanDocument

_HEADER = """\
# 规划审核文件 (plan review file) — cocontrol plan load 读取本文件
# 请核对每个目标 (targets) 的 指标/年份/数值/单位/关系 与原文 (quote) 是否一致，可直接修改或删除。
# relation: ">=" 不低于/以上, "<=" 不高于/以下, "=" 等于, reduce_by 下降, increase_by 提高
# binding: 约束性 / 预期性; span: 原文字符位置 [起, 止); qualitative: 定性目标
"""
RELATION_LABELS = {">=": "不低于", "<=": "不高于", "=": "等于", "reduce_by": "下降", "increase_by": "提高"}


def to_data(doc: PlanDocument) -> dict[str, Any]:
    """Plain data (JSON types) in the model's field order."""
    return doc.model_dump(mode="json")


def dump_json(doc: PlanDocument) -> str:
    """The JSON contract: ``{"schema_version", "plan", "targets", "tasks"}``."""
    return json.dumps(to_data(doc), ensure_ascii=False, indent=2) + "\n"


class _Dumper(yaml.SafeDumper):
    pass


def _list_repr(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = len(data) <= 2 and all(isinstance(x, int | float) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _str_repr(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data and len(data) > 60 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(list, _list_repr)
_Dumper.add_representer(str, _str_repr)


def dump_yaml(doc: PlanDocument) -> str:
    """Review YAML with a Chinese header, stable key order (the model's), Unicode as is."""
    body = yaml.dump(to_data(doc), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=100, default_flow_style=False)
    return _HEADER + body


def _marks(node: yaml.Node, path: tuple[Any, ...], out: dict[tuple[Any, ...], int]) -> None:
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            k = key.value
            out[(*path, k)] = key.start_mark.line + 1
            _marks(value, (*path, k), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _marks(item, (*path, i), out)


def _line_of(loc: tuple[Any, ...], marks: dict[tuple[Any, ...], int]) -> int | None:
    for n in range(len(loc), -1, -1):
        if tuple(loc[:n]) in marks:
            return marks[tuple(loc[:n])]
    return None


MAX_PLAN_BYTES = 20 * 1024**2


def _plan_text(p: Path) -> str:
    """The text of a plan file: at most 20 MB, text (UTF-8), nested at most 64 levels."""
    from cocontrol.data.sniff import check_nesting

    size = p.stat().st_size
    if size > MAX_PLAN_BYTES:
        raise InputError(f"file is {size / 1e6:.1f} MB", file=str(p),
                         expected="a plan file below 20 MB")
    data = p.read_bytes()
    if b"\x00" in data[:65536]:
        raise InputError("not a text file (binary content)", file=str(p),
                         expected="a plan YAML/JSON file in UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not a text (UTF-8) file: cannot decode bytes at offset {exc.start}",
                         file=str(p), expected="a plan YAML/JSON file in UTF-8") from None
    check_nesting(text, source=str(p))
    return text


def load_yaml(path: str | Path) -> PlanDocument:
    """Read and validate a review YAML; every problem names its line and field.

    Raises :class:`InputError` for a missing file or a YAML syntax error and
    :class:`ValidationFailed` listing all schema problems at once.
    """
    p = Path(path)
    require_file(p, "a plan YAML file")
    text = _plan_text(p)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except RecursionError:
        raise InputError("input is nested too deeply", file=str(p)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise InputError(f"YAML syntax error: {exc.problem}", file=str(p),
                         line=mark.line + 1 if mark else None) from exc
    if not isinstance(data, dict):
        raise InputError("the file does not hold a plan (a mapping with plan/targets/tasks)",
                         file=str(p), line=1, expected="keys plan, targets, tasks")
    marks: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _marks(node, (), marks)
    try:
        return PlanDocument.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            field = ".".join(str(x) for x in loc) or "(document)"
            problems.append(Problem(err["msg"], file=str(p), line=_line_of(loc, marks),
                                    column=field, found=_short(err.get("input"))))
        raise ValidationFailed(problems, summary=f"{p}: plan does not validate") from exc


def _short(value: Any) -> str | None:
    if isinstance(value, dict | list):
        return None
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


XLSX_HEADERS = ("编号", "指标", "领域", "年份", "目标值", "单位", "关系", "基准年", "年均", "约数",
                "力争", "约束性/预期性", "定性目标", "基期值", "基期年", "责任单位", "所属任务", "原文", "位置",
                "累计", "其他原文", "其他位置")
TASK_HEADERS = ("编号", "序号", "任务", "领域", "责任单位", "牵头单位", "目标", "内容", "位置")


def write_xlsx(doc: PlanDocument, path: str | Path) -> None:
    """Workbook for review: sheet 目标指标 (one row per target) and 重点任务; written atomically."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from cocontrol.excel import escape_formulas

    wb = Workbook()
    ws = wb.active
    ws.title = "目标指标"
    ws.append(list(XLSX_HEADERS))
    for t in doc.targets:
        ws.append([
            t.id, t.indicator, DOMAIN_LABELS.get(Domain(t.domain), t.domain) if t.domain else None,
            t.year, t.value, t.unit, RELATION_LABELS.get(str(t.relation), str(t.relation)),
            t.base_year, "是" if t.annual_rate else "", "是" if t.approx else "",
            "是" if t.strive else "", t.binding, t.qualitative, t.baseline_value, t.baseline_year,
            "、".join(t.responsible), t.task, t.quote, f"{t.span[0]}-{t.span[1]}" if t.span else None,
            "是" if t.cumulative else "", "\n".join(t.quotes) or None,
            "；".join(f"{a}-{b}" for a, b in t.spans) or None,
        ])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = {"B": 28, "F": 12, "P": 30, "R": 70}
    for col, w in widths.items():
        ws.column_dimensions[col].width = w
    for row in ws.iter_rows(min_row=2, min_col=18, max_col=18):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "C2"
    tasks = wb.create_sheet("重点任务")
    tasks.append(list(TASK_HEADERS))
    for k in doc.tasks:
        tasks.append([k.id, k.section, k.title, DOMAIN_LABELS.get(Domain(k.domain), k.domain) if k.domain else None,
                      "、".join(k.responsible), "、".join(k.lead), "、".join(k.targets), k.text[:30000],
                      f"{k.span[0]}-{k.span[1]}" if k.span else None])
    meta = wb.create_sheet("规划信息")
    p = doc.plan
    for label, value in (("编号", p.id), ("标题", p.title), ("发文机关", p.issuer), ("文号", p.doc_number),
                         ("印发日期", p.date.isoformat() if p.date else None), ("地区", p.region),
                         ("期限", f"{p.horizon[0]}—{p.horizon[1]}" if p.horizon else None),
                         ("来源文件", p.source), ("文本摘要", p.sha256)):
        meta.append([label, value])
    write_atomic(Path(path), escape_formulas(wb).save)  # plan text never a live formula


def load_plan(path: str | Path) -> PlanDocument:
    """A reviewed plan from the file ``plan extract`` wrote: .yaml/.yml (review file), .json
    (the contract) or .xlsx (一表审核, :mod:`cocontrol.plans.workbook`); any other file is
    refused in one line naming the accepted kinds."""
    p = Path(path)
    suffix = p.suffix.lower()
    require_file(p, "a plan file (.yaml, .json or .xlsx)")
    if suffix in (".yaml", ".yml"):
        return load_yaml(p)
    if suffix == ".xlsx":
        from cocontrol.plans.workbook import load_xlsx

        return load_xlsx(p)
    if suffix == ".json":
        return _load_json(p)
    raise InputError(f"cannot load a {suffix or 'file without extension'} file as a plan", file=str(p),
                     expected="the .yaml, .json or .xlsx file written by cocontrol plan extract")


def _load_json(p: Path) -> PlanDocument:
    text = _plan_text(p)  # size, binary, nesting depth: refused before parsing
    try:
        data = json.loads(text)
    except RecursionError:
        raise InputError("input is nested too deeply", file=str(p)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a JSON plan file: {exc}", file=str(p),
                         expected="the JSON written by cocontrol plan extract") from exc
    try:
        return PlanDocument.model_validate(data)
    except ValidationError as exc:
        problems = [Problem(e["msg"], file=str(p), column=".".join(str(x) for x in e["loc"]) or "(document)",
                            found=_short(e.get("input"))) for e in exc.errors()]
        raise ValidationFailed(problems, summary=f"{p}: plan does not validate") from exc
