"""A bounded schemathesis run against the app's own OpenAPI description, signed in as an
administrator: every operation gets generated valid (positive) and invalid (negative) requests;
no answer may be a server error, and every answer must conform to the description (status code
listed, content type, body schema, headers).

Bounded for CI: :data:`EXAMPLES` cases per operation and mode (about 1,500 requests, 1–2
minutes on 2 cores). The background computation is replaced by an empty result so that the
generated years queue no real work. The number of server errors found is the README's
"server errors in the fuzz run" figure (0).
"""

from __future__ import annotations

import contextlib
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis (test extra) is not installed")

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.generation import GenerationMode  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cocontrol.reports.workspace import Results  # noqa: E402
from cocontrol.store import models as m  # noqa: E402
from cocontrol.web.security import hash_password  # noqa: E402
from cocontrol.web.testing import PASSWORD, login  # noqa: E402

EXAMPLES = 20
SKIP = {("POST", "/api/auth/logout")}  # would end the fuzzing session itself (tested in test_security)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          response_headers_conformance]


def _empty(region: str, year: int, progress: Any) -> Results:
    return Results(region=region, year=year, plans=[], gaps={"fuzz": "not computed in the fuzz run"})


def _summary(exc: BaseException) -> str:
    inner = getattr(exc, "exceptions", None)
    parts = [f"{type(e).__name__}: {str(e)[:300]}" for e in inner] if inner else [str(exc)[:300]]
    return " | ".join(parts).replace("\n", " ")


def _fuzz(strategy: Any, body: Any) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=strategy)
    def fuzz(case: Any) -> None:
        body(case)

    with contextlib.suppress(Unsatisfiable):  # e.g. no invalid request for an operation without parameters
        fuzz()


@pytest.mark.slow
def test_fuzz_api_against_its_openapi_description(app, sessions):
    app.state.refresher.compute = _empty
    with sessions() as s, s.begin():
        fuzzer = m.User(username="fuzz-admin", password_hash=hash_password(PASSWORD), role="admin")
        s.add(fuzzer)
        s.flush()
        fuzzer_id = fuzzer.id
    state: dict[str, Any] = {"client": login(app, "fuzz-admin")}
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    failures: list[str] = []
    counts = {"requests": 0, "server_errors": 0}

    def auth() -> tuple[dict[str, str], dict[str, str]]:
        c = state["client"]
        return {"X-CSRF-Token": c.headers["X-CSRF-Token"]}, {k.name: k.value for k in c.cookies.jar}

    def run(case: Any, label: str) -> None:
        if "wait" in (case.query or {}):
            case.query["wait"] = 0  # never wait for (replaced) computations
        if (case.path_parameters or {}).get("user_id") == fuzzer_id:
            case.path_parameters["user_id"] = fuzzer_id + 1  # keep the fuzzing account signed in
        headers, cookies = auth()
        counts["requests"] += 1
        try:
            response = case.call_and_validate(headers=headers, cookies=cookies, checks=CHECKS)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # record every failure (schemathesis raises groups), keep fuzzing
            if "Server error" in str(exc) or "500" in str(exc)[:200]:
                counts["server_errors"] += 1
            failures.append(f"{label}: {_summary(exc)}")
            return
        if response.status_code == 401:  # e.g. a generated password change of... anyone: sign in again
            state["client"] = login(app, "fuzz-admin")

    for result in schema.get_all_operations():
        operation = result.ok()
        if (operation.method.upper(), operation.path) in SKIP:
            continue
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            label = f"{operation.method.upper()} {operation.path} ({mode.value})"

            _fuzz(operation.as_strategy(generation_mode=mode), lambda case, label=label: run(case, label))
    print(f"fuzz: {counts['requests']} requests, {counts['server_errors']} server errors, "
          f"{len(failures)} nonconforming")
    assert failures == [], "\n\n".join(failures[:60])
    assert counts["requests"] > 500
