"""Plan import (规划导入): an uploaded document → a :class:`PlanDocument` to review.

Text documents (.txt/.md/.docx/.pdf) go through ``cocontrol.plans.reader.read_document`` and
``cocontrol.plans.extract.extract_plan``; reviewed YAML/JSON is validated as it is. Nothing is
stored here: the reviewer confirms the (edited) table, then :func:`cocontrol.web.actions.import_plan`
stores it.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from cocontrol.errors import CocontrolError
from cocontrol.plans.model import PlanDocument
from cocontrol.web.actions import check_upload
from cocontrol.web.deps import WebError
from cocontrol.web.settings import PLAN_TYPES


def validate(data: Any, name: str = "document") -> PlanDocument:
    try:
        return PlanDocument.model_validate(data)
    except RecursionError as exc:
        raise WebError(422, "invalid", f"{name}: nested too deeply") from exc
    except ValidationError as exc:
        from cocontrol.errors import Problem, ValidationFailed
        from cocontrol.messages import texts

        failed = ValidationFailed([Problem(e["msg"], column=".".join(str(p) for p in e["loc"]))
                                   for e in exc.errors()[:50]], f"{name}: plan does not validate")
        raise WebError(422, "invalid", texts(failed)) from exc


MAX_DEPTH = 20
"""Deepest nesting of brackets accepted in an uploaded .json/.yaml plan (a plan needs 4)."""


def check_unpacked(name: str, data: bytes, limit: int) -> None:
    """Refuse a zip-based document (.docx) whose members would unpack to more than ``limit``
    bytes, before anything is unpacked (Python's zip reader never returns more than a member's
    declared size, so the declared sizes bound the memory used)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise WebError(422, "invalid", f"{name}: not a valid .docx (zip) file") from exc
    if total > limit:
        raise WebError(413, "too_large", f"{name} unpacks to {total} bytes; the limit is {limit}")


def check_depth(name: str, data: bytes) -> None:
    """Refuse .json/.yaml text nested deeper than :data:`MAX_DEPTH` (brackets outside quotes
    are counted; an overestimate for YAML block style only makes the check stricter there)."""
    depth = deepest = 0
    quote: int | None = None
    escaped = False
    for byte in data:
        if quote is not None:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == quote:
                quote = None
        elif byte in (0x22, 0x27):  # " '
            quote = byte
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                raise WebError(422, "invalid", f"{name}: nested more than {MAX_DEPTH} levels deep")
        elif byte in (0x5D, 0x7D):  # ] }
            depth = max(0, depth - 1)


def extract(file: tuple[str, bytes] | None, limit: int, unpacked_limit: int | None = None) -> PlanDocument:
    """Targets and tasks of an uploaded plan file (size, type, unpacked size and nesting depth
    checked first)."""
    if file is None:
        raise WebError(422, "invalid", "no file uploaded; expected a plan document")
    name, data = file
    suffix = check_upload(name, data, PLAN_TYPES, limit)
    if suffix in (".yaml", ".yml", ".json"):
        check_depth(name, data)
        try:
            parsed = json.loads(data) if suffix == ".json" else yaml.safe_load(data)
        except (ValueError, yaml.YAMLError, RecursionError) as exc:
            from cocontrol.errors import InputError
            from cocontrol.messages import texts

            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else getattr(exc, "lineno", None)
            error = InputError(f"not valid {suffix[1:].upper()} ({exc})", file=name, line=line)
            raise WebError(422, "invalid", texts(error)) from exc
        return validate(parsed, name)
    if suffix == ".docx":
        check_unpacked(name, data, unpacked_limit or 10 * limit)
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
            from cocontrol.messages import texts

            raise WebError(422, "invalid", texts(exc).map(lambda t: t.replace(str(path), name))) from exc
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
            elif field in ("year", "base_year", "value"):
                try:
                    t[field] = (float(raw) if field == "value" else int(raw)) if raw else None
                except ValueError as exc:
                    raise WebError(422, "invalid", f"row {i + 1}, column {field}: {raw!r} is not a number") from exc
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
