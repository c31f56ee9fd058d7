"""Read an uploaded table (CSV incl. GBK/GB18030, Parquet, Excel) into pandas.

One reader per format; every reader returns the raw cells as they are, the header mapped
from Chinese to canonical names, and the frame's index set to the spreadsheet row number
(header = row 1) so that validation can name file, sheet, row and column. Missing cells are
``NA`` (NaN becomes NULL at import, ecosystem notes §1.2).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cocontrol.data.sniff import check_table_file
from cocontrol.errors import InputError

if TYPE_CHECKING:  # pandas is imported by the readers: the header mapping needs none
    import pandas as pd

HEADER_ALIASES: dict[str, str] = {
    "地区": "region", "区域": "region", "城市": "region", "行政区": "region",
    "年份": "year", "年": "year",
    "月份": "month", "月": "month",
    "行业": "sector", "部门": "sector", "行业部门": "sector",
    "能源品种": "fuel", "燃料": "fuel", "品种": "fuel", "能源/产品": "fuel", "产品": "fuel",
    "设施": "facility", "企业": "facility", "设施编号": "facility", "企业/设施编号": "facility",
    "数值": "value", "活动水平": "value", "消费量": "value", "数量": "value",
    "单位": "unit", "计量单位": "unit",
    "技术": "technology", "治理技术": "technology", "技术类型": "technology", "炉型": "technology",
    "锅炉类型": "technology", "车型": "technology", "技术类型（炉型/窑型/车型）": "technology",
    "普及率": "penetration", "比例": "penetration",
}


def canonical_header(name: object) -> str:
    """The canonical name of a header cell (Chinese aliases mapped, English lower-cased)."""
    text = str(name).strip()
    return HEADER_ALIASES.get(text, text.lower())


def _read_csv(path: Path) -> pd.DataFrame:
    import pandas as pd

    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return pd.read_csv(path, dtype=str, encoding=encoding, keep_default_na=False,
                               na_values=[""])
        except UnicodeDecodeError:
            continue
    raise InputError("cannot decode the CSV file", file=str(path), expected="UTF-8 or GBK text")


def read_table(path: str | Path, *, sheet: str | None = None) -> tuple[pd.DataFrame, str | None]:
    """Raw table and the sheet it came from; index = spreadsheet row number (header row 1)."""
    import pandas as pd

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".txt", ".parquet", ".pq", ".xlsx", ".xlsm", ".xls"):
        raise InputError("unsupported file type", file=str(path),
                         expected=".csv, .parquet or .xlsx", found=suffix or "(no suffix)")
    check_table_file(path)  # empty, binary, truncated, zip bomb: refused before parsing
    used_sheet: str | None = None
    try:
        if suffix in (".csv", ".txt"):
            frame = _read_csv(path)
        elif suffix in (".parquet", ".pq"):
            frame = pd.read_parquet(path)
        else:
            book = pd.ExcelFile(path, engine="calamine")
            used_sheet = sheet if sheet is not None else str(book.sheet_names[0])
            if used_sheet not in book.sheet_names:
                raise InputError("no such sheet", file=str(path), sheet=used_sheet,
                                 expected=", ".join(map(str, book.sheet_names)))
            frame = pd.read_excel(book, sheet_name=used_sheet, dtype=object)
    except InputError:
        raise
    except pd.errors.EmptyDataError:
        raise InputError("file is empty", file=str(path),
                         expected="a table with a header row") from None
    except Exception as exc:  # parser errors of pandas, pyarrow and calamine
        first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise InputError("cannot read the file as a table", file=str(path), sheet=used_sheet,
                         expected=".csv (UTF-8/GBK), .parquet or .xlsx", found=first) from None
    frame = frame.rename(columns=canonical_header)
    frame.index = pd.RangeIndex(2, len(frame) + 2)
    return frame, used_sheet
