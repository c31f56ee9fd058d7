"""The 2022 notice's rule for coal months without a valid carbon-content test.

关于做好2022年企业温室气体排放报告管理相关重点工作的通知 (MEE, 2022-06-08; covers the 2021 and
2022 data of the power sector), as ``verification-and-accounts.md`` states it (chemlinked
summary [V], the notice itself not read): *if fewer than 3 months of the year were measured,
the missing months use the default carbon content, cut from 0.03356 to 0.03085 tC/GJ,
regardless of coal rank.* Read literally, the cut applies to that case only; a year with 3 or
more measured months keeps the guideline's default 0.03356 tC/GJ for its unmeasured months
(the value the notice replaced). Both values and the 3-month limit are in
``enterprise_parameters.csv``, so a city can set them as its own reading of the rules.

A month counts as measured when a coal record of the enterprise in that month carries a
laboratory-tested (CMA/CNAS) carbon content; the count is per enterprise and year (the notice
speaks of the reporting entity's measured months).
"""

from __future__ import annotations

import pandas as pd

from cocontrol.enterprises.parameters import parameter


def measured_months(fuel: pd.DataFrame) -> pd.Series:
    """Per fuel row: the number of months of its enterprise-year with a tested coal sample."""
    tested = fuel["is_coal"] & fuel["measured"] & fuel["carbon_content"].notna()
    months = (fuel[tested].groupby(["enterprise_id", "year"])["month"].nunique()
              .rename("_measured"))
    keyed = fuel[["enterprise_id", "year"]].join(months, on=["enterprise_id", "year"])
    return keyed["_measured"].fillna(0).astype(int)


def coal_default(fuel: pd.DataFrame) -> pd.Series:
    """Per fuel row: the carbon content (tC/GJ) an unmeasured coal month uses — 0.03085 when
    the enterprise-year has fewer than 3 measured months, else 0.03356; other fuels keep
    their own default (``default_cc``)."""
    few = measured_months(fuel) < parameter("min_measured_months")
    value = few.map({True: parameter("coal_cc_default_unmeasured"),
                     False: parameter("coal_cc_default_unmeasured_before_2022")}).astype(float)
    return value.where(fuel["is_coal"].astype(bool), fuel["default_cc"])
