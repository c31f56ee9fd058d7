"""Build the illustrative statistics of the four seed cities (2015–2023).

Run from the repository root: ``.venv/bin/python examples/statistics/make_statistics.py``.
It rewrites ``examples/statistics/<city>.csv`` (region, year, indicator, value, unit, label,
source) with the names documented in ``cocontrol.indicators.statistics``.

Every number is ``illustrative``: smooth paths whose levels are of the order of magnitude of
the cities' statistical bulletins (统计公报) but were NOT transcribed from them and must not
be quoted. How they are made:

* real GDP index: yearly real growth rates per city (below). 济南 is on today's boundary in
  every year: 莱芜 was merged into it in 2019, and its earlier years include 莱芜 (GDP ×1.14,
  energy ×1.35, population +124 万人 over the old 济南), as the activity data do — no break in 2019;
* GDP deflator (2015 = 100): +1.5 %/yr, +0.5 % in 2020; current GDP = real × deflator / 100;
* energy consumption (万吨标准煤): previous year × (1 + 0.35 × real growth);
* coal and non-fossil consumption: the total × shares moving linearly between the stated
  2015 and 2023 shares (威海/荣成 non-fossil jumps in 2021 with the 石岛湾 nuclear units);
* population (万人): linear between the stated 2015 and 2023 values (济南: 847 + 10 a year).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

YEARS = list(range(2015, 2024))
SOURCE = ("illustrative: smooth path, order of magnitude of the city statistical bulletins, not "
          "transcribed; made by examples/statistics/make_statistics.py")
GROWTH = {  # real GDP growth 2016..2023
    "jinan": [0.078, 0.075, 0.074, 0.070, 0.031, 0.072, 0.031, 0.061],
    "zibo": [0.071, 0.068, 0.060, 0.048, 0.035, 0.071, 0.040, 0.055],
    "weihai": [0.075, 0.072, 0.068, 0.050, 0.036, 0.078, 0.038, 0.063],
    "rongcheng": [0.076, 0.070, 0.066, 0.052, 0.035, 0.080, 0.040, 0.062],
}
CITY = {  # name, GDP 2015 (亿元), energy 2015, coal share 2015→2023, non-fossil 2015→2023, pop 2015→2023
    "jinan": ("济南市", 6100.0, 3000.0, (0.62, 0.48), (0.030, 0.075), (713.0, 941.0)),
    "zibo": ("淄博市", 3600.0, 4300.0, (0.71, 0.60), (0.020, 0.065), (465.0, 470.0)),
    "weihai": ("威海市", 2500.0, 1000.0, (0.55, 0.42), (0.080, 0.190), (281.0, 291.0)),
    "rongcheng": ("荣成市", 800.0, 280.0, (0.50, 0.38), (0.100, 0.280), (71.5, 72.0)),
}


BOUNDARY = {"jinan": (1.14, 1.35, 124.0)}
"""Today's boundary in every year: 济南 with 莱芜 (merged 2019) — GDP ×, energy ×, population +."""


def city_rows(slug: str) -> list[dict]:
    name, gdp0, e0, coal, nonfossil, pop = CITY[slug]
    rows = []
    gdp_x, energy_x, pop_add = BOUNDARY.get(slug, (1.0, 1.0, 0.0))
    real, deflator, energy = gdp0 * gdp_x, 100.0, e0 * energy_x
    for i, year in enumerate(YEARS):
        if i:
            g = GROWTH[slug][i - 1]
            real *= 1 + g
            deflator *= 1.005 if year == 2020 else 1.015
            energy *= 1 + 0.35 * g
        f = i / (len(YEARS) - 1)
        coal_share = coal[0] + (coal[1] - coal[0]) * f
        nf_share = nonfossil[0] + (nonfossil[1] - nonfossil[0]) * f
        if slug in ("weihai", "rongcheng") and year < 2021:
            nf_share = nonfossil[0] + (nonfossil[1] - nonfossil[0]) * f * 0.4
        population = pop[0] + (pop[1] - pop[0]) * f
        if slug == "jinan":
            population = 723.0 + pop_add + 10 * i
        for indicator, value, unit in (
            ("gdp_current", real * deflator / 100, "亿元"),
            ("gdp_deflator", deflator, "index"),
            ("population", population, "万人"),
            ("energy_consumption", energy, "万吨标准煤"),
            ("coal_consumption", energy * coal_share, "万吨标准煤"),
            ("non_fossil_consumption", energy * nf_share, "万吨标准煤"),
        ):
            rows.append({"region": name, "year": year, "indicator": indicator,
                         "value": round(value, 2), "unit": unit, "label": "illustrative",
                         "source": SOURCE})
    return rows


def main() -> None:
    out = Path(__file__).resolve().parent
    for slug in CITY:
        pd.DataFrame(city_rows(slug)).to_csv(out / f"{slug}.csv", index=False, encoding="utf-8")


if __name__ == "__main__":
    main()
