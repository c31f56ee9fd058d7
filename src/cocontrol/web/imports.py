"""Plan import (规划导入): an uploaded document → a :class:`PlanDocument` to review.

Text documents (.txt/.md/.docx/.pdf) go through ``cocontrol.plans.reader.read_document`` and
``cocontrol.plans.extract.extract_plan``; reviewed YAML/JSON is validated as it is. Nothing is
stored here: the reviewer confirms the (edited) table, then :func:`cocontrol.web.actions.import_plan`
stores it.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from cocontrol.errors import CocontrolError
from cocontrol.plans.model import PlanDocument
from cocontrol.web.actions import check_upload
from cocontrol.web.deps import WebError
from cocontrol.web.settings import PLAN_TYPES


def _problems(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:50])


def validate(data: Any, name: str = "document") -> PlanDocument:
    try:
        return PlanDocument.model_validate(data)
    except ValidationError as exc:
        raise WebError(422, "invalid", f"{name}: {_problems(exc)}") from exc


def extract(file: tuple[str, bytes] | None, limit: int) -> PlanDocument:
    """Targets and tasks of an uploaded plan file (size and type checked first)."""
    if file is None:
        raise WebError(422, "invalid", "no file uploaded; expected a plan document")
    name, data = file
    suffix = check_upload(name, data, PLAN_TYPES, limit)
    if suffix in (".yaml", ".yml", ".json"):
        try:
            parsed = json.loads(data) if suffix == ".json" else yaml.safe_load(data)
        except (ValueError, yaml.YAMLError) as exc:
            raise WebError(422, "invalid", f"{name}: not valid {suffix[1:].upper()} ({exc})") from exc
        return validate(parsed, name)
    try:
        from cocontrol.plans.extract import extract_plan
        from cocontrol.plans.reader import read_document
    except ImportError as exc:
        raise WebError(503, "missing", "规划抽取模块尚不可用 / plan extraction is not installed") from exc
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            decoded = read_document(path)
            doc = extract_plan(decoded.text, source=name)
        except CocontrolError as exc:
            raise WebError(422, "invalid", str(exc).replace(str(path), name)) from exc
    return doc


EDITABLE = ("indicator", "year", "value", "unit", "relation", "base_year", "binding", "qualitative",
            "responsible", "quote")


def apply_review(doc: PlanDocument, form: dict[str, list[str]]) -> PlanDocument:
    """Merge the review table (``t{i}.{field}`` fields, ``t{i}.drop``) into the document."""
    data = doc.model_dump(mode="json")
    targets = []
    for i, t in enumerate(data["targets"]):
        if form.get(f"t{i}.drop"):
            continue
        for field in EDITABLE:
            key = f"t{i}.{field}"
            if key not in form:
                continue
            raw = form[key][0].strip()
            if field == "responsible":
                t[field] = [p.strip() for p in raw.replace("、", ",").split(",") if p.strip()]
            elif field in ("year", "base_year"):
                t[field] = int(raw) if raw else None
            elif field == "value":
                try:
                    t[field] = float(raw) if raw else None
                except ValueError as exc:
                    raise WebError(422, "invalid", f"row {i + 1}, column value: {raw!r} is not a number") from exc
            else:
                t[field] = raw or (None if field in ("unit", "binding", "qualitative") else "")
        targets.append(t)
    data["targets"] = targets
    kept = {t.get("id") for t in targets}
    for task in data["tasks"]:
        task["targets"] = [k for k in task["targets"] if k in kept]
    for key in ("title", "region", "id"):
        if form.get(f"plan.{key}") and form[f"plan.{key}"][0].strip():
            data["plan"][key] = form[f"plan.{key}"][0].strip()
    return validate(data, "review table")
