"""Small hand-made enterprise data sets (written as a folder of CSV files)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

USCC = "91350100M000100Y43"  # the example printed with GB 32100-2015 explanations (valid)


def write(folder: Path, sheets: dict[str, list[dict]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in sheets.items():
        frame = pd.DataFrame(rows)
        if name == "cems":
            frame.to_parquet(folder / "cems.parquet", index=False)
        else:
            frame.to_csv(folder / f"{name}.csv", index=False)
    return folder


def enterprise(eid: str = "A", industry: str = "4411", uscc: str = USCC) -> dict:
    return {"enterprise_id": eid, "name": "测试电厂", "uscc": uscc, "region": "济南市历城区",
            "industry": industry, "two_high": "是"}


def coal(month: int, amount: float = 1000.0, **extra: object) -> dict:
    row = {"enterprise_id": "A", "facility_id": "U1", "year": 2024, "month": month,
           "fuel": "原煤", "amount": amount, "unit": "t", "ncv": 20.0,
           "carbon_content": 0.026, "oxidation": 0.99, "sulfur": 1.0, "measured": "是"}
    row.update(extra)
    return row


@pytest.fixture
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from cocontrol.enterprises import demo

    return demo.write(tmp_path_factory.mktemp("demo"))
